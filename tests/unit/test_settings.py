"""mkdocs.yml's ``extra: archive:`` (newsroom.settings): the archive's own words, checked."""

from __future__ import annotations

import pytest
from newsroom.errors import DataError
from newsroom.settings import GlossaryGroup, Settings, read_settings


def error(extra, kb) -> str:
    with pytest.raises(DataError) as caught:
        read_settings(extra, kb)
    return str(caught.value)


def test_no_settings_give_neutral_defaults_that_list_every_kind(kb):
    settings = read_settings(None, kb)
    assert settings == Settings()
    grouped = {kind for group in settings.glossary_groups for kind in group.kinds}
    assert {o.kind for o in kb.organisations} | {"term"} <= grouped
    words = " ".join([*(v for v in vars(settings).values() if isinstance(v, str)), *(g.title for g in settings.glossary_groups)]).casefold()
    assert not any(word in words for word in ("dispute", "union", "teach", "strike", "pay ")), settings


def test_settings_are_read_as_written(kb):
    settings = read_settings({
        "month_description": "Planning in {month}.", "latest": 3, "page_size": 2, "feed_size": 7,
        "glossary_groups": [{"id": "u", "title": "Unions", "kinds": ["union"]},
                            {"id": "o", "title": "Others", "kinds": ["government", "government-department", "public-body", "other", "term"]}],
        "timeline_lanes": ["neu", "dfe"], "people_filter_example": "e.g. Smith",
    }, kb)
    assert settings.month_description == "Planning in {month}." and (settings.latest, settings.page_size, settings.feed_size) == (3, 2, 7)
    assert settings.glossary_groups[0] == GlossaryGroup("u", "Unions", ("union",))
    assert settings.timeline_lanes == ("neu", "dfe") and settings.people_filter_example == "e.g. Smith"


@pytest.mark.parametrize(("extra", "message"), [
    (["x"], "mkdocs.yml: extra.archive: expected a mapping of settings"),
    ({"colour": "red"}, "mkdocs.yml: extra.archive.colour: unknown setting; use one of chart_title, feed_size, glossary_description, "
                        "glossary_groups, latest, month_description, page_size, people_filter_example, timeline_description, "
                        "timeline_lanes, timeline_summary"),
    ({"page_size": 0}, "mkdocs.yml: extra.archive.page_size: expected a whole number of at least 1"),
    ({"latest": True}, "mkdocs.yml: extra.archive.latest: expected a whole number of at least 1"),
    ({"feed_size": "50"}, "mkdocs.yml: extra.archive.feed_size: expected a whole number of at least 1"),
    ({"chart_title": 5}, "mkdocs.yml: extra.archive.chart_title: expected text"),
    ({"month_description": "The month."}, "mkdocs.yml: extra.archive.month_description: expected text with {month} where the month goes"),
    ({"timeline_lanes": "neu"}, "mkdocs.yml: extra.archive.timeline_lanes: expected a list of organisation ids"),
    ({"timeline_lanes": ["neu", "paul-whiteman"]},
     "mkdocs.yml: extra.archive.timeline_lanes: unknown organisation 'paul-whiteman'; use ids from docs/_data/organisations.yml"),
    ({"glossary_groups": []}, "mkdocs.yml: extra.archive.glossary_groups: expected a list of groups, each with id, title and kinds"),
    ({"glossary_groups": [{"id": "a", "title": "A"}]},
     "mkdocs.yml: extra.archive.glossary_groups[0]: expected id, title and kinds (organisation kinds, or term)"),
    ({"glossary_groups": [{"id": "a", "title": "", "kinds": ["term"]}]}, "mkdocs.yml: extra.archive.glossary_groups[0]: expected an id and a title as text"),
    ({"glossary_groups": [{"id": "a", "title": "A", "kinds": ["unions"]}]},
     "mkdocs.yml: extra.archive.glossary_groups[0].kinds: expected a list of kinds from union, government, government-department, public-body, other, term"),
    ({"glossary_groups": [{"id": "a", "title": "A", "kinds": ["union", "term"]}, {"id": "b", "title": "B", "kinds": ["term"]}]},
     "mkdocs.yml: extra.archive.glossary_groups[1].kinds: term already in an earlier group"),
    ({"glossary_groups": [{"id": "a", "title": "A", "kinds": ["union", "term"]}]},
     "mkdocs.yml: extra.archive.glossary_groups: no group lists government, government-department, public-body: every entry needs a place in the glossary"),
])
def test_a_bad_setting_names_its_key(kb, extra, message):
    assert error(extra, kb) == message
