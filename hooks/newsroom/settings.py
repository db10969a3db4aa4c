"""What a newsroom says about its own archive, in ``mkdocs.yml`` (``extra: archive:``): the
sentences that name its subject, the kinds of organisation and event its knowledge base uses,
how the glossary is grouped, the timeline chart's lanes and marks, and the sizes of lists. The
engine's code names no subject: another corpus brings its own words here.

Every key is optional; the defaults are neutral. A key that is unknown or of the wrong type
fails the build with ``mkdocs.yml: extra.archive.<key>: …``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields

from .errors import DataError
from .model import KnowledgeBase

SOURCE = "mkdocs.yml"
PREFIX = "extra.archive"
TERMS = "term"  # in a glossary group's kinds: the knowledge base's terms
OTHER = "other"  # a kind every archive has: an event that names no kind is one
# The timeline chart's marks (newsroom.chart draws them, annotate.css colours them): an event
# kind picks one, so the chart tells kinds apart by shape and colour, not colour alone.
MARKS = ("grey-dot", "red-dot", "purple-ring", "purple-square", "orange-square", "blue-diamond", "green-triangle")
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass(frozen=True)
class Kind:
    """A kind of organisation or of event: the id the knowledge base writes (``kind: union``), its
    label on the pages, and for an event its mark on the timeline chart (one of ``MARKS``)."""

    id: str
    label: str
    mark: str = ""


@dataclass(frozen=True)
class GlossaryGroup:
    """A section of the glossary: its anchor, its heading, and what it lists (organisation
    kinds, and ``term`` for terms)."""

    id: str
    title: str
    kinds: tuple[str, ...]


@dataclass(frozen=True)
class Settings:
    glossary_description: str = "The organisations and terms of the archive."
    timeline_description: str = "Day by day: events, articles and the dates they mention."
    month_description: str = "{month}: events, articles and dates mentioned."  # {month}: "April 2023"
    chart_title: str = "Events over time"
    timeline_summary: str = "Events, each with its sources on the archive."  # timeline.json's text
    people_filter_example: str = ""  # the people page's filter placeholder, e.g. "e.g. Barton or NEU"
    organisation_kinds: tuple[Kind, ...] = (Kind(OTHER, "Organisation"),)  # "other" is always one
    event_kinds: tuple[Kind, ...] = (Kind(OTHER, "Event", "grey-dot"),)  # in the chart key's order; "other" always one
    glossary_groups: tuple[GlossaryGroup, ...] = ()  # none: every organisation kind, then the terms
    timeline_lanes: tuple[str, ...] = ()  # organisation ids; none: every organisation with an event
    latest: int = 30  # articles on the articles index
    page_size: int = 50  # articles on one archive page
    feed_size: int = 50  # entries in feed.xml

    def __post_init__(self) -> None:
        if not any(kind.id == OTHER for kind in self.organisation_kinds):
            object.__setattr__(self, "organisation_kinds", (*self.organisation_kinds, Kind(OTHER, "Organisation")))
        if not any(kind.id == OTHER for kind in self.event_kinds):
            object.__setattr__(self, "event_kinds", (*self.event_kinds, Kind(OTHER, "Other", "grey-dot")))
        if not self.glossary_groups:
            groups = (
                GlossaryGroup("organisations", "Organisations", tuple(k.id for k in self.organisation_kinds)),
                GlossaryGroup("terms", "Terms", (TERMS,)),
            )
            object.__setattr__(self, "glossary_groups", groups)

    def organisation_kind(self, kind_id: str) -> Kind:
        return next(kind for kind in self.organisation_kinds if kind.id == kind_id)


def read_settings(extra: object) -> Settings:
    """The ``archive`` mapping of mkdocs.yml's ``extra`` (None: the defaults), checked on its own;
    :func:`check_settings` checks it against the knowledge base once that is loaded."""
    if extra is None:
        return Settings()
    if not isinstance(extra, dict):
        raise DataError(SOURCE, None, PREFIX, "expected a mapping of settings")
    known = {f.name for f in fields(Settings)}
    for key in extra:
        if key not in known:
            raise DataError(SOURCE, None, f"{PREFIX}.{key}", f"unknown setting; use one of {', '.join(sorted(known))}")
    values: dict = {}
    for f in fields(Settings):
        if f.name not in extra:
            continue
        value, where = extra[f.name], f"{PREFIX}.{f.name}"
        if f.name in ("organisation_kinds", "event_kinds"):
            values[f.name] = _kinds(value, where, marks=f.name == "event_kinds")
        elif f.name == "timeline_lanes":
            if not isinstance(value, list) or not all(isinstance(i, str) for i in value):
                raise DataError(SOURCE, None, where, "expected a list of organisation ids")
            values[f.name] = tuple(value)
        elif f.name == "glossary_groups":
            continue  # below, once the organisation kinds are known
        elif f.type == "int":
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise DataError(SOURCE, None, where, "expected a whole number of at least 1")
            values[f.name] = value
        else:
            if not isinstance(value, str):
                raise DataError(SOURCE, None, where, "expected text")
            values[f.name] = value
    if "glossary_groups" in extra:
        kinds = Settings(**values).organisation_kinds
        values["glossary_groups"] = _groups(
            extra["glossary_groups"], f"{PREFIX}.glossary_groups", tuple(k.id for k in kinds)
        )
    settings = Settings(**values)
    if "{month}" not in settings.month_description:
        raise DataError(SOURCE, None, f"{PREFIX}.month_description", "expected text with {month} where the month goes")
    return settings


def check_settings(settings: Settings, kb: KnowledgeBase) -> None:
    """The settings against the knowledge base: every kind of organisation it uses (and its terms)
    has a place in a glossary group, and each timeline lane is an organisation. (Each entry's
    kind is checked as the knowledge base is read: ``loader.load_knowledge_base``.)"""
    grouped = {kind for group in settings.glossary_groups for kind in group.kinds}
    order = {kind.id: number for number, kind in enumerate(settings.organisation_kinds)}
    missing = sorted({o.kind for o in kb.organisations} - grouped, key=lambda k: (order.get(k, len(order)), k))
    missing += [TERMS] if kb.terms and TERMS not in grouped else []
    if missing:
        raise DataError(
            SOURCE,
            None,
            f"{PREFIX}.glossary_groups",
            f"no group lists {', '.join(missing)}: every entry needs a place in the glossary",
        )
    organisations = {o.id for o in kb.organisations}
    for lane in settings.timeline_lanes:
        if lane not in organisations:
            raise DataError(
                SOURCE,
                None,
                f"{PREFIX}.timeline_lanes",
                f"unknown organisation {lane!r}; use ids from docs/_data/organisations.yml",
            )


def _kinds(value: object, where: str, marks: bool) -> tuple[Kind, ...]:
    keys = {"id", "label", "mark"} if marks else {"id", "label"}
    shape = "id, label and mark" if marks else "id and label"
    if not isinstance(value, list) or not value:
        raise DataError(SOURCE, None, where, f"expected a list of kinds, each with {shape}")
    kinds: list[Kind] = []
    for number, item in enumerate(value):
        here = f"{where}[{number}]"
        if not isinstance(item, dict) or set(item) != keys or not all(isinstance(v, str) and v for v in item.values()):
            raise DataError(SOURCE, None, here, f"expected {shape}, as text")
        if not _ID.fullmatch(item["id"]) or item["id"] == TERMS:
            raise DataError(
                SOURCE,
                None,
                f"{here}.id",
                f"{item['id']!r} is not a lower-case slug (letters, digits and single hyphens) other than {TERMS!r}",
            )
        if any(kind.id == item["id"] for kind in kinds):
            raise DataError(SOURCE, None, f"{here}.id", f"{item['id']!r} is already an earlier kind")
        if marks and item["mark"] not in MARKS:
            raise DataError(
                SOURCE, None, f"{here}.mark", f"unknown mark {item['mark']!r}; use one of {', '.join(MARKS)}"
            )
        kinds.append(Kind(item["id"], item["label"], item.get("mark", "")))
    return tuple(kinds)


def _groups(value: object, where: str, organisation_kinds: tuple[str, ...]) -> tuple[GlossaryGroup, ...]:
    if not isinstance(value, list) or not value:
        raise DataError(SOURCE, None, where, "expected a list of groups, each with id, title and kinds")
    groups, listed = [], set()
    for number, item in enumerate(value):
        here = f"{where}[{number}]"
        if not isinstance(item, dict) or set(item) != {"id", "title", "kinds"}:
            raise DataError(SOURCE, None, here, "expected id, title and kinds (organisation kinds, or term)")
        if not isinstance(item["id"], str) or not item["id"] or not isinstance(item["title"], str) or not item["title"]:
            raise DataError(SOURCE, None, here, "expected an id and a title as text")
        kinds = item["kinds"]
        allowed = (*organisation_kinds, TERMS)
        if not isinstance(kinds, list) or not kinds or not all(kind in allowed for kind in kinds):
            raise DataError(SOURCE, None, f"{here}.kinds", f"expected a list of kinds from {', '.join(allowed)}")
        twice = listed & set(kinds)
        if twice:
            raise DataError(SOURCE, None, f"{here}.kinds", f"{', '.join(sorted(twice))} already in an earlier group")
        listed |= set(kinds)
        groups.append(GlossaryGroup(item["id"], item["title"], tuple(kinds)))
    return tuple(groups)
