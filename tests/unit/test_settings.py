"""mkdocs.yml's ``extra: archive:`` (newsroom.settings): the archive's own words, checked."""

from __future__ import annotations

import pytest
import yaml
from newsroom.errors import DataError
from newsroom.settings import GlossaryGroup, Kind, Settings, check_settings, read_settings

from tests.tools.helpers import ROOT

# The kinds of organisation the real knowledge base uses (as mkdocs.yml lists them).
ORGANISATION_KINDS = [
    {"id": k, "label": k.title()} for k in ("union", "government", "government-department", "public-body", "other")
]


def error(extra, kb=None) -> str:
    with pytest.raises(DataError) as caught:
        settings = read_settings(extra)
        if kb is not None:
            check_settings(settings, kb)
    return str(caught.value)


def test_no_settings_give_neutral_defaults_that_list_every_kind():
    settings = read_settings(None)
    assert settings == Settings()
    assert settings.organisation_kinds == (Kind("other", "Organisation"),) and settings.event_kinds == (
        Kind("other", "Event", "grey-dot"),
    )
    assert settings.glossary_groups == (
        GlossaryGroup("organisations", "Organisations", ("other",)),
        GlossaryGroup("terms", "Terms", ("term",)),
    )
    words = " ".join(
        [*(v for v in vars(settings).values() if isinstance(v, str)), *(g.title for g in settings.glossary_groups)]
    ).casefold()
    assert not any(word in words for word in ("dispute", "union", "teach", "strike", "pay ")), settings


def test_the_real_settings_list_every_kind_the_knowledge_base_uses(kb):
    settings = read_settings(
        yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["extra"]["archive"]
    )
    check_settings(settings, kb)
    assert {o.kind for o in kb.organisations} <= {k.id for k in settings.organisation_kinds}
    assert {e.kind for e in kb.events} <= {k.id for k in settings.event_kinds}
    assert {kind.id: kind for kind in settings.event_kinds}["strike"] == Kind(
        "strike", "Strike", "red-dot"
    ) and settings.organisation_kind("union").label == "Union"


def test_settings_are_read_as_written(kb):
    settings = read_settings(
        {
            "month_description": "Planning in {month}.",
            "latest": 3,
            "page_size": 2,
            "feed_size": 7,
            "organisation_kinds": ORGANISATION_KINDS,
            "event_kinds": [{"id": "vote", "label": "Vote", "mark": "purple-square"}],
            "glossary_groups": [
                {"id": "u", "title": "Unions", "kinds": ["union"]},
                {
                    "id": "o",
                    "title": "Others",
                    "kinds": ["government", "government-department", "public-body", "other", "term"],
                },
            ],
            "timeline_lanes": ["neu", "dfe"],
            "people_filter_example": "e.g. Smith",
        }
    )
    check_settings(settings, kb)
    assert settings.month_description == "Planning in {month}." and (
        settings.latest,
        settings.page_size,
        settings.feed_size,
    ) == (3, 2, 7)
    assert settings.glossary_groups[0] == GlossaryGroup("u", "Unions", ("union",))
    assert settings.timeline_lanes == ("neu", "dfe") and settings.people_filter_example == "e.g. Smith"
    assert (
        settings.organisation_kinds[0] == Kind("union", "Union") and len(settings.organisation_kinds) == 5
    )  # "other" was listed
    assert settings.event_kinds == (
        Kind("vote", "Vote", "purple-square"),
        Kind("other", "Other", "grey-dot"),
    )  # "other" is always a kind


KEYS = (
    "chart_title, event_kinds, feed_size, glossary_description, glossary_groups, latest, month_description, organisation_kinds, "
    "page_size, people_filter_example, timeline_description, timeline_lanes, timeline_summary"
)


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["x"], "mkdocs.yml: extra.archive: expected a mapping of settings"),
        ({"colour": "red"}, f"mkdocs.yml: extra.archive.colour: unknown setting; use one of {KEYS}"),
        ({"page_size": 0}, "mkdocs.yml: extra.archive.page_size: expected a whole number of at least 1"),
        ({"latest": True}, "mkdocs.yml: extra.archive.latest: expected a whole number of at least 1"),
        ({"feed_size": "50"}, "mkdocs.yml: extra.archive.feed_size: expected a whole number of at least 1"),
        ({"chart_title": 5}, "mkdocs.yml: extra.archive.chart_title: expected text"),
        (
            {"month_description": "The month."},
            "mkdocs.yml: extra.archive.month_description: expected text with {month} where the month goes",
        ),
        ({"timeline_lanes": "neu"}, "mkdocs.yml: extra.archive.timeline_lanes: expected a list of organisation ids"),
        (
            {"organisation_kinds": []},
            "mkdocs.yml: extra.archive.organisation_kinds: expected a list of kinds, each with id and label",
        ),
        (
            {"organisation_kinds": [{"id": "club"}]},
            "mkdocs.yml: extra.archive.organisation_kinds[0]: expected id and label, as text",
        ),
        (
            {"organisation_kinds": [{"id": "Club", "label": "Club"}]},
            "mkdocs.yml: extra.archive.organisation_kinds[0].id: 'Club' is not a lower-case slug (letters, digits and single hyphens) other than 'term'",
        ),
        (
            {"organisation_kinds": [{"id": "club", "label": "Club"}, {"id": "club", "label": "Clubs"}]},
            "mkdocs.yml: extra.archive.organisation_kinds[1].id: 'club' is already an earlier kind",
        ),
        (
            {"event_kinds": [{"id": "vote", "label": "Vote"}]},
            "mkdocs.yml: extra.archive.event_kinds[0]: expected id, label and mark, as text",
        ),
        (
            {"event_kinds": [{"id": "vote", "label": "Vote", "mark": "star"}]},
            "mkdocs.yml: extra.archive.event_kinds[0].mark: unknown mark 'star'; use one of grey-dot, red-dot, purple-ring, purple-square, "
            "orange-square, blue-diamond, green-triangle",
        ),
        (
            {"glossary_groups": []},
            "mkdocs.yml: extra.archive.glossary_groups: expected a list of groups, each with id, title and kinds",
        ),
        (
            {"glossary_groups": [{"id": "a", "title": "A"}]},
            "mkdocs.yml: extra.archive.glossary_groups[0]: expected id, title and kinds (organisation kinds, or term)",
        ),
        (
            {"glossary_groups": [{"id": "a", "title": "", "kinds": ["term"]}]},
            "mkdocs.yml: extra.archive.glossary_groups[0]: expected an id and a title as text",
        ),
        (
            {
                "organisation_kinds": ORGANISATION_KINDS,
                "glossary_groups": [{"id": "a", "title": "A", "kinds": ["unions"]}],
            },
            "mkdocs.yml: extra.archive.glossary_groups[0].kinds: expected a list of kinds from union, government, government-department, public-body, other, term",
        ),
        (
            {
                "glossary_groups": [
                    {"id": "a", "title": "A", "kinds": ["other", "term"]},
                    {"id": "b", "title": "B", "kinds": ["term"]},
                ]
            },
            "mkdocs.yml: extra.archive.glossary_groups[1].kinds: term already in an earlier group",
        ),
    ],
)
def test_a_bad_setting_names_its_key(extra, message):
    assert error(extra) == message


def test_a_lane_must_be_an_organisation(kb):
    assert error({"organisation_kinds": ORGANISATION_KINDS, "timeline_lanes": ["neu", "paul-whiteman"]}, kb) == (
        "mkdocs.yml: extra.archive.timeline_lanes: unknown organisation 'paul-whiteman'; use ids from docs/_data/organisations.yml"
    )


def test_every_kind_of_organisation_the_knowledge_base_uses_has_a_glossary_group(kb):
    """A kind the settings list but no entry uses (here "other") needs no group."""
    groups = [{"id": "a", "title": "A", "kinds": ["union", "term"]}]
    assert error({"organisation_kinds": ORGANISATION_KINDS, "glossary_groups": groups}, kb) == (
        "mkdocs.yml: extra.archive.glossary_groups: no group lists government, government-department, public-body: "
        "every entry needs a place in the glossary"
    )
    used = {o.kind for o in kb.organisations}
    groups = [{"id": "a", "title": "A", "kinds": sorted(used)}, {"id": "t", "title": "T", "kinds": ["term"]}]
    check_settings(read_settings({"organisation_kinds": ORGANISATION_KINDS, "glossary_groups": groups}), kb)
    assert error({"organisation_kinds": ORGANISATION_KINDS, "glossary_groups": groups[:1]}, kb).endswith(
        "no group lists term: every entry needs a place in the glossary"
    )
