"""What a newsroom says about its own archive, in ``mkdocs.yml`` (``extra: archive:``): the
sentences that name its subject, how the glossary is grouped, the timeline chart's lanes, and the
sizes of lists. The engine's code names no subject: another corpus brings its own words here.

Every key is optional; the defaults are neutral. A key that is unknown or of the wrong type
fails the build with ``mkdocs.yml: extra.archive.<key>: …``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from .errors import DataError
from .loader import ORGANISATION_KINDS
from .model import KnowledgeBase

SOURCE = "mkdocs.yml"
PREFIX = "extra.archive"
TERMS = "term"  # in a glossary group's kinds: the knowledge base's terms


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
    glossary_groups: tuple[GlossaryGroup, ...] = field(default_factory=lambda: (
        GlossaryGroup("organisations", "Organisations", ORGANISATION_KINDS),
        GlossaryGroup("terms", "Terms", (TERMS,)),
    ))
    timeline_lanes: tuple[str, ...] = ()  # organisation ids; none: every organisation with an event
    latest: int = 30  # articles on the articles index
    page_size: int = 50  # articles on one archive page
    feed_size: int = 50  # entries in feed.xml


def read_settings(extra: object, kb: KnowledgeBase) -> Settings:
    """The ``archive`` mapping of mkdocs.yml's ``extra`` (None: the defaults), checked."""
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
        if f.name == "glossary_groups":
            values[f.name] = _groups(value, where)
        elif f.name == "timeline_lanes":
            values[f.name] = _lanes(value, where, kb)
        elif f.type == "int":
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise DataError(SOURCE, None, where, "expected a whole number of at least 1")
            values[f.name] = value
        else:
            if not isinstance(value, str):
                raise DataError(SOURCE, None, where, "expected text")
            values[f.name] = value
    settings = Settings(**values)
    grouped = {kind for group in settings.glossary_groups for kind in group.kinds}
    missing = sorted({o.kind for o in kb.organisations} - grouped) + ([TERMS] if kb.terms and TERMS not in grouped else [])
    if missing:
        raise DataError(SOURCE, None, f"{PREFIX}.glossary_groups", f"no group lists {', '.join(missing)}: every entry needs a place in the glossary")
    if "{month}" not in settings.month_description:
        raise DataError(SOURCE, None, f"{PREFIX}.month_description", "expected text with {month} where the month goes")
    return settings


def _groups(value: object, where: str) -> tuple[GlossaryGroup, ...]:
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
        allowed = (*ORGANISATION_KINDS, TERMS)
        if not isinstance(kinds, list) or not kinds or not all(kind in allowed for kind in kinds):
            raise DataError(SOURCE, None, f"{here}.kinds", f"expected a list of kinds from {', '.join(allowed)}")
        twice = listed & set(kinds)
        if twice:
            raise DataError(SOURCE, None, f"{here}.kinds", f"{', '.join(sorted(twice))} already in an earlier group")
        listed |= set(kinds)
        groups.append(GlossaryGroup(item["id"], item["title"], tuple(kinds)))
    return tuple(groups)


def _lanes(value: object, where: str, kb: KnowledgeBase) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(i, str) for i in value):
        raise DataError(SOURCE, None, where, "expected a list of organisation ids")
    organisations = {o.id for o in kb.organisations}
    for lane in value:
        if lane not in organisations:
            raise DataError(SOURCE, None, where, f"unknown organisation {lane!r}; use ids from docs/_data/organisations.yml")
    return tuple(value)
