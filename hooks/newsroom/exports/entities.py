"""``entities.json``: what the tooltips say, for the whole site (tooltip.js fetches it once)."""

from __future__ import annotations

import datetime as dt
import json

from ..corpus import Corpus
from ..model import Organisation, Person
from ..pages.components import description, first_sentence, kind_label, role_line


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def entities_json(corpus: Corpus) -> str:
    """``entities.json``: what the tooltips say, for the whole site, fetched once by tooltip.js.

    Each entity's standing is a list of dated lines (a person's roles, an organisation's
    leaders); the script shows those held on the article's date, joined by ``sep`` after
    ``prefix``: "On 28 April 2023: Led by Paul Whiteman (general secretary)"."""
    kb = corpus.kb
    entities = {}
    for entity in (*kb.organisations, *kb.people, *kb.terms):
        if isinstance(entity, Person):
            standing = {
                "prefix": "",
                "sep": "; ",
                "items": [[_iso(r.start), _iso(r.end), role_line(kb, r)] for r in entity.roles],
            }
        elif isinstance(entity, Organisation):
            items = [[_iso(r.start), _iso(r.end), f"{p.name} ({r.title.lower()})"] for p, r in kb.leaders(entity.id)]
            standing = {"prefix": "Led by ", "sep": " and ", "items": items}
        else:
            standing = {"prefix": "", "sep": "", "items": []}
        kind = kind_label(corpus.settings, entity)
        entities[entity.id] = {
            "name": entity.label,
            "kind": kind,
            "description": first_sentence(description(entity)),
            "standing": standing,
        }
    events: dict[str, list[str]] = {}
    for day, found in sorted(corpus.events_by_day.items()):
        events[day.isoformat()] = [e.title for e in found]
    return json.dumps({"entities": entities, "events": events}, ensure_ascii=False, separators=(",", ":")) + "\n"
