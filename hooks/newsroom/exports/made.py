"""The exports a build makes, each made again only when what it reads changes (the memos:
``BuildState.remembered``, :class:`Kept`, :class:`FeedMemo`), and the notes' search records:
for ``BuildState.exports`` and ``BuildState.search_records`` (``state``: that ``newsroom.site.BuildState``)."""

from __future__ import annotations

import datetime as dt

from ..dates import long_date
from ..incremental import digest
from ..pages import NotePage
from ..search import article_note_records
from ..urls import card_uri
from .annotations import annotations_jsonld
from .entities import entities_json
from .feed import FeedMemo, atom_feed, follow_feeds
from .kept import Kept
from .oembed import note_oembeds
from .timeline import entity_calendars, icalendar, timelinejs


def every_export(state, site_url: str, site_name: str, site_description: str = "") -> list[tuple[str, str | bytes]]:
    """The machine-readable files: ``feed.xml`` and a feed per entity and tag (Atom),
    ``timeline.json`` (TimelineJS3), ``timeline.ics``, ``annotations.jsonld``."""
    stamp = state.build_date or dt.datetime.fromtimestamp(0, tz=dt.UTC)
    corpus = state.current()
    # The knowledge base's exports are made again only when it (or what they name) changes.
    of_kb = state.remembered(
        "exports",
        digest(state.kb_digest, site_url, site_name, stamp, repr(corpus.settings)),
        lambda: [
            ("entities.json", entities_json(corpus)),
            ("timeline.json", timelinejs(corpus, site_url, site_name)),
            ("timeline.ics", icalendar(corpus, site_url, site_name, stamp)),
        ],
    )
    calendars = Kept(state.caches.calendars if state.caches else None)
    of_kb = [*of_kb, *entity_calendars(corpus, site_url, site_name, stamp, calendars)]
    memo = FeedMemo(state.caches and state.caches.follow_feeds, state.digests.articles)
    follow = follow_feeds(corpus, site_url, site_name, memo)
    if state.caches:
        state.caches.follow_feeds, state.caches.calendars = memo.kept, calendars.kept
    notes = [spec for spec in state.specs.values() if isinstance(spec, NotePage)]
    return [
        ("annotations.jsonld", annotations_jsonld(corpus, site_url, stamp.date())),
        ("feed.xml", atom_feed(corpus, site_url, site_name, site_description)),
        *follow,
        *note_oembeds(corpus, {(s.slug, s.note_id): s.description for s in notes}),
        *of_kb,
        *note_cards(state, site_name),
    ]


def note_cards(state, site_name: str) -> list[tuple[str, bytes]]:
    """Each note's preview image (newsroom.cards), drawn again only when its words change:
    kept in memory between the rebuilds of `mkdocs serve`, and in the build cache between builds."""
    from ..cards import note_card  # (Pillow, only when a build has notes)

    corpus = state.current()
    wanted = []
    for slug, annotated in sorted(corpus.articles.items()):
        article = annotated.article
        for note in annotated.notes:
            words = (
                note.label,
                note.quote,
                article.title,
                f"{article.publisher} · {long_date(article.published)}",
                site_name,
            )
            wanted.append((card_uri(slug, note.id), digest(state.engine, words), words))
    held = {**state.caches.cards, **state.caches.stored_cards([key for _, key, _ in wanted])} if state.caches else {}
    made: dict[str, bytes] = {}
    out = []
    for uri, key, words in wanted:
        made[key] = held.get(key) or note_card(*words)
        out.append((uri, made[key]))
    if state.caches:
        state.caches.keep_cards(made)
    return out


def search_records(state, language: str) -> list[dict]:
    """The editors' notes as search records (``search.note_records``), an article's made again
    only when it or what its notes' names read of the knowledge base changes (under `mkdocs
    serve`: at 10,000 articles, every note's Markdown read again took a tenth of an edit's rebuild)."""
    corpus = state.current()
    kept = Kept(state.caches.search_records if state.caches else None)
    records = []
    for slug, annotated in sorted(corpus.articles.items()):
        if annotated.notes:
            reads = (state.digests.articles[slug], state.digests.notes_names[slug], language)
            records.extend(kept.get(slug, reads, article_note_records, corpus, annotated, language))
    if state.caches:
        state.caches.search_records = kept.kept
    return records
