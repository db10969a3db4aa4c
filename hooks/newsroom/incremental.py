"""Incremental builds: what each generated page is made from, and the caches that skip unchanged work.

A page's *key* is a digest of everything its output depends on:

- the build context: the engine's code, the theme overrides, ``mkdocs.yml``, ``site_url``, the
  versions of MkDocs, Material and Markdown, and the navigation (titles and URLs);
- the page itself: its source path, title and description;
- its *inputs*: the slice of the corpus its builder reads (:func:`page_inputs`), for example
  an entity page's entity, the paragraphs that mention it and the cards of those articles.

When a page's key equals the key stored in the cache from an earlier build, its final HTML,
anchors and links are taken from the cache instead of being rendered again:
the same inputs give the same bytes. Articles are annotated once per change in the same way
(``newsroom.article_memo``, keyed by the article's and notes file's bytes and the engine; after a
knowledge-base edit only the articles that hold an alias it changed are annotated again).

The caches live in memory between the rebuilds of ``mkdocs serve`` and on disk in
``.cache/newsroom/`` between builds. Set ``NEWSROOM_CACHE=off`` to build without them, and
``NEWSROOM_CACHE=verify`` to rebuild every page anyway and fail if a cached page's tree differs
from the fresh one (a dependency :func:`page_inputs` missed): the tests run it.
"""

from __future__ import annotations

import hashlib
import pickle
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from . import pages, timeline
from .corpus import AnnotatedArticle, Corpus
from .model import Article, KnowledgeBase, Organisation, Person

FORMAT = 10  # bump when what the cache stores changes shape


def digest(*parts: object) -> str:
    """A stable digest of ``repr`` of ``parts``: frozen dataclasses, tuples, strings and dates only
    (no sets: their order changes between processes)."""
    return hashlib.sha256(repr(parts).encode("utf-8", "surrogatepass")).hexdigest()


def files_digest(paths: Iterable[Path], root: Path) -> str:
    """Digest of the names and bytes of ``paths``."""
    hasher = hashlib.sha256()
    for path in sorted(paths):
        hasher.update(str(path.relative_to(root)).encode() + b"\0")
        hasher.update(path.read_bytes() + b"\0")
    return hasher.hexdigest()


def tree_files(folder: Path, suffixes: tuple[str, ...] | None = None) -> list[Path]:
    if not folder.is_dir():
        return []
    return [
        p
        for p in folder.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and (suffixes is None or p.name.endswith(suffixes))
    ]


# --- what a page is made from ---------------------------------------------------------------


def _card(article: Article) -> tuple:
    """What lists show of an article."""
    return (article.slug, article.title, article.published, article.publisher, article.summary)


@dataclass
class Digests:
    """Digests of the knowledge base's records and of each annotated article, computed once a
    build, so that a page's inputs are small tuples of strings."""

    entities: dict[str, str]
    events: dict[str, str]
    articles: dict[str, str]  # slug -> digest of the annotated article
    parts: dict[str, dict[str, str]]  # slug -> what it gives each page: see contributions()
    events_of: dict[str, list] = field(default_factory=dict)  # entity id -> its events, in the knowledge base's order
    notes_names: dict[str, str] = field(default_factory=dict)  # slug -> what its notes' bodies read (NamesIndex)

    @staticmethod
    def of_knowledge_base(kb: KnowledgeBase) -> tuple[dict[str, str], dict[str, str], dict[str, list]]:
        """Each entity's and event's digest, and each entity's events in the knowledge base's order."""
        events_of: dict[str, list] = {}
        for event in kb.events:
            for entity_id in dict.fromkeys(event.entities):
                events_of.setdefault(entity_id, []).append(event)
        return {i: digest(entity) for i, entity in kb.entities.items()}, {e.id: digest(e) for e in kb.events}, events_of


def contributions(annotated: AnnotatedArticle) -> dict[str, str]:
    """What one article gives to the pages that list it, by page: ``entity:<id>`` (its back-links
    and quotations, and its card), ``month:<YYYY-MM>`` (its dates in that month, or its
    publication), ``year`` (dates of a whole year), ``notes``. Computed once per annotation, so an
    edit to one paragraph re-renders only the pages that paragraph appears on."""
    card = _card(annotated.article)
    parts: dict[str, list] = {}
    for entity, link in annotated.first_mentions:
        parts.setdefault(f"entity:{entity}", []).append((link.paragraph, link.excerpt))
    for quote in annotated.quotes:
        if quote.speaker:
            parts.setdefault(f"entity:{quote.speaker}", []).append(
                (quote.paragraph, quote.start, quote.end, quote.text)
            )
    parts.setdefault(f"month:{annotated.article.published:%Y-%m}", []).append("published")
    for paragraph, dates in zip(annotated.article.paragraphs, annotated.dates, strict=True):
        for date in dates:
            where = "year" if date.value.precision == "year" else f"month:{date.value.month}"
            parts.setdefault(where, []).append((paragraph.number, date.start, date.end, date.text, repr(date.value)))
    if annotated.notes:
        parts["notes"] = [repr(annotated.notes)]
    return {name: digest(card, items) for name, items in parts.items()}


def _entity_inputs(corpus: Corpus, digests: Digests, entity_id: str) -> tuple:
    """An entity page: the entity, its leaders or its roles' organisations, its events, and every
    article that mentions or quotes it (by digest: back-links and quotations come from those)."""
    kb = corpus.kb
    entity = kb.entities[entity_id]
    related: list = []
    if isinstance(entity, Organisation):
        related = [digests.entities[p.id] for p, _ in kb.leaders(entity_id)]
    elif isinstance(entity, Person):
        related = [digests.entities[r.organisation] for r in entity.roles]
    slugs = dict.fromkeys(
        [b.slug for b in corpus.backlinks.get(entity_id, ())] + [s for s, _ in corpus.said.get(entity_id, ())]
    )
    part, parts = f"entity:{entity_id}", digests.parts
    events = [digests.events[e.id] for e in digests.events_of.get(entity_id, ())]
    # One string of fixed-length digests (each names its article: the card is part of it).
    return (digests.entities[entity_id], related, "".join([parts[slug][part] for slug in slugs]), events, corpus.latest)


def _article_inputs(corpus: Corpus, digests: Digests, annotated: AnnotatedArticle) -> tuple:
    """An article page: the annotated article, the entities it names, the events its dates fall
    on, and (if it has notes, whose bodies are matched when the page is built) the knowledge base."""
    ids = dict.fromkeys(
        [m.entity for paragraph in annotated.mentions for m in paragraph]
        + [q.speaker for q in annotated.quotes if q.speaker]
    )
    names = digests.notes_names.get(annotated.article.slug, "")
    events = [digests.events[e.id] for e in timeline.article_events(corpus, annotated.article.slug)]
    return (digests.articles[annotated.article.slug], "".join([digests.entities[i] for i in ids]), events, names)


def _timeline_month_inputs(corpus: Corpus, digests: Digests, month: str) -> tuple:
    """A month of the timeline: its neighbours, its days' events (with who is involved), and every
    article published that month or whose dates point into it."""
    months = timeline.month_keys(corpus)
    position = months.index(month)
    neighbours = (
        months[position - 1] if position else None,
        months[position + 1] if position + 1 < len(months) else None,
    )
    slugs: dict[str, None] = {}
    reports: dict[str, None] = {}  # articles whose dates fall on an event of this month (it may span months)
    days = []
    for day in timeline.days_of(corpus, month):
        slugs.update(dict.fromkeys(day.published))
        slugs.update(dict.fromkeys(m.slug for m in day.mentions))
        events = []
        for event in day.events:
            reported = [r.slug for r in timeline.reported_in(corpus, event)]
            reports.update(dict.fromkeys(reported))
            slugs.update(dict.fromkeys(reported))
            events.append((digests.events[event.id], [digests.entities[i] for i in event.entities]))
        days.append((day.day, events, [digests.events[e.id] for e in timeline.events_on(corpus, day.day)]))
    slugs.update(dict.fromkeys(p.slug for p in timeline.periods_of(corpus, month)))
    return (
        neighbours,
        days,
        [
            (slug, digests.parts[slug].get(f"month:{month}"), digests.articles[slug] if slug in reports else None)
            for slug in slugs
        ],
    )


def _timeline_index_inputs(corpus: Corpus, digests: Digests) -> tuple:
    months = []
    for month in timeline.month_keys(corpus):
        days = timeline.days_of(corpus, month)
        published = [slug for day in days for slug in day.published]
        listed = (
            [(slug, digests.articles[slug]) for slug in published]
            if len(published) <= pages.INDEX_ARTICLES
            else len(published)
        )
        months.append((month, [digests.events[e.id] for day in days for e in day.events], listed))
    year_links = [
        (slug, digests.parts[slug]["year"])
        for slug in dict.fromkeys(link.slug for link in corpus.date_links if link.date.value.precision == "year")
    ]
    involved = [digests.entities[i] for e in corpus.kb.events for i in e.entities]
    chart = (
        corpus.settings.timeline_lanes,
        sorted(a.article.published for a in corpus.articles.values()),
    )  # the chart's lanes and ticks
    return (months, timeline.years(corpus), year_links, involved, chart)


def _counts(corpus: Corpus, digests: Digests, entities) -> list:
    return [(e.id, digests.entities[e.id], len({b.slug for b in corpus.backlinks.get(e.id, ())})) for e in entities]


def _archive_inputs(corpus: Corpus, prefix: str) -> list:
    return [
        (month, [_card(a) for a in articles])
        for month, articles in corpus.by_month().items()
        if month.startswith(prefix)
    ]


def page_inputs(corpus: Corpus, digests: Digests, spec: pages.PageSpec) -> tuple:
    """What ``spec``'s builder reads (``newsroom.pages``), as digests and small tuples. A page
    whose inputs and build context are unchanged is the same page, byte for byte;
    ``tests/build/serve_steps.py`` checks it against clean builds, edit by edit."""
    kb = corpus.kb
    match spec:
        case pages.ArticlePage(slug=slug):
            return _article_inputs(corpus, digests, corpus.articles[slug])
        case pages.EntityPage(entity_id=entity_id):
            return _entity_inputs(corpus, digests, entity_id)
        case pages.TimelineMonth(month=month):
            return _timeline_month_inputs(corpus, digests, month)
        case pages.ArchiveMonth(month=month, page=page):
            return (_archive_inputs(corpus, month), month, page)
        case pages.ArchiveYear(year=year):
            return (_archive_inputs(corpus, f"{year}-"), year)
        case pages.ArticlesIndex():
            return (
                [_card(a.article) for a in corpus.newest_first()[: corpus.settings.latest]],
                [(m, len(a)) for m, a in corpus.by_month().items()],
            )
        case pages.GlossaryIndex():
            return (_counts(corpus, digests, (*kb.organisations, *kb.terms)),)
        case pages.PeopleIndex():
            return (
                _counts(corpus, digests, kb.people),
                [digests.entities[o.id] for o in kb.organisations],
                corpus.latest,
            )
        case pages.NotesIndex():
            return (
                [
                    (slug, digests.parts[slug]["notes"], digests.notes_names[slug])
                    for slug, a in sorted(corpus.articles.items())
                    if a.notes
                ],
            )
        case pages.TimelineIndex():
            return _timeline_index_inputs(corpus, digests)
        case pages.CorrectionsIndex():  # every correction, and the titles and quotes it names
            return [
                (
                    slug,
                    a.article.title,
                    repr(a.article.corrections),
                    [(n.id, n.quote, repr(n.corrections)) for n in a.notes],
                )
                for slug, a in sorted(corpus.articles.items())
                if a.article.corrections or any(n.corrections for n in a.notes)
            ]
        case pages.NotePage(
            slug=slug
        ):  # a note's own page reads its article (text, card, notes) and the names it links
            return (digests.articles[slug], digests.notes_names.get(slug, ""))
    return (corpus.digest,)  # a page type this function does not know yet reads everything


# --- the caches -----------------------------------------------------------------------------


@dataclass(slots=True)
class PageEntry:
    """A page as the last build that rendered it left it."""

    key: str
    anchors: frozenset[str]  # the anchors MkDocs found in the content (it checks links to them)
    ids: frozenset[str]  # every id in the final HTML, and
    links: tuple[str, ...]  # every internal href and src, resolved: for newsroom.linkcheck


@dataclass(slots=True)
class ArticleEntry:
    key: str
    annotated: AnnotatedArticle
    digest: str
    parts: dict[str, str]  # what the article gives each page it appears on: see contributions()


@dataclass
class Caches:
    """Both caches: in memory between the rebuilds of ``mkdocs serve``, and in one SQLite file,
    ``.cache/newsroom/cache.sqlite``, between builds. A rebuild writes only the rows that changed."""

    folder: Path | None = None
    pages: dict[str, PageEntry] = field(default_factory=dict)
    articles: dict[str, ArticleEntry] = field(default_factory=dict)
    loaded_from: Path | None = None
    knowledge_base: tuple | None = None  # (digest, (knowledge base, matcher, view)): in memory only
    record_digests: tuple | None = None  # (knowledge base digest, Digests.of_knowledge_base(…)): likewise
    names_index: tuple | None = None  # (knowledge base digest, article_memo.NamesIndex): likewise
    exports: tuple | None = None  # (digest, the knowledge base's exports): likewise
    report: tuple | None = None  # (corpus digest, editor-report.json): likewise
    search_records: dict | None = None  # slug -> (digest of its inputs, its notes' search records): exports.kept.Kept
    follow_feeds: dict | None = None  # feed uri -> (digest of its inputs, feed): likewise (exports.feed.FeedMemo)
    calendars: dict = field(default_factory=dict)  # uri -> (digest, calendar): exports.timeline.entity_calendars
    cards: dict = field(default_factory=dict)  # digest of a note card's words -> its PNG: likewise
    inputs: tuple | None = None  # ((knowledge base digest, newest date), {src_uri: inputs digest}): likewise
    article_view: tuple | None = None  # (digest, view): the knowledge base as ``articles`` were annotated under it
    article_files: dict = field(default_factory=dict)  # shown -> (files' signature, key): article_memo, in memory only
    _db: sqlite3.Connection | None = None

    def load(self, folder: Path) -> None:
        """Open the cache in ``folder``; read it unless it is already in memory."""
        if self.loaded_from == folder and self._db is not None:
            if not self._db.in_transaction:
                self._db.execute("BEGIN")
            return
        self.folder, self.pages, self.articles, self.article_view = folder, {}, {}, None
        folder.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(folder / "cache.sqlite", isolation_level=None)
        self._db.executescript(SCHEMA)
        try:
            (stored,) = self._db.execute("SELECT value FROM meta WHERE name = 'format'").fetchone() or (None,)
            if stored != FORMAT:
                raise ValueError("another format")
            self.pages = {
                name: pickle.loads(entry) for name, entry in self._db.execute("SELECT name, entry FROM pages")
            }  # noqa: S301 - our own cache
            self.articles = {
                name: pickle.loads(entry) for name, entry in self._db.execute("SELECT name, entry FROM articles")
            }  # noqa: S301
            (view,) = self._db.execute("SELECT value FROM meta WHERE name = 'view'").fetchone() or (None,)
            self.article_view = pickle.loads(view) if view is not None else None  # noqa: S301
        except (
            ValueError,
            pickle.UnpicklingError,
            EOFError,
            AttributeError,
            ImportError,
            TypeError,
            sqlite3.DatabaseError,
        ):
            # a cache from another version of the engine: start afresh
            self.pages, self.articles, self.article_view = {}, {}, None
            self._db.executescript(
                "DELETE FROM pages; DELETE FROM html; DELETE FROM articles; DELETE FROM cards; DELETE FROM meta;"
            )
            self._db.execute("INSERT INTO meta VALUES ('format', ?)", (FORMAT,))
        self.loaded_from = folder
        self._db.execute("BEGIN")

    def stored_cards(self, keys: list[str]) -> dict[str, bytes]:
        """The preview images kept on disk under these keys (those not in memory already)."""
        wanted = [k for k in keys if k not in self.cards]
        found: dict[str, bytes] = {}
        if self._db is None or not wanted:
            return found
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            found.update(self._db.execute(f"SELECT key, png FROM cards WHERE key IN ({marks})", chunk).fetchall())  # noqa: S608 - placeholders only
        return found

    def keep_cards(self, made: dict[str, bytes]) -> None:
        """Remember this build's preview images, in memory and on disk (only the new ones are written)."""
        if self._db is not None:
            stored = {k for (k,) in self._db.execute("SELECT key FROM cards")}
            self._db.executemany(
                "INSERT OR REPLACE INTO cards VALUES (?, ?)", [(k, v) for k, v in made.items() if k not in stored]
            )
            self._db.executemany("DELETE FROM cards WHERE key = ?", [(k,) for k in stored - made.keys()])
        self.cards = made

    def read_html(self, key: str) -> str | None:
        assert self._db is not None
        row = self._db.execute("SELECT html FROM html WHERE key = ?", (key,)).fetchone()
        return row[0].decode("utf-8") if row else None

    def write_html(self, key: str, output: str) -> None:
        assert self._db is not None
        self._db.execute("INSERT OR REPLACE INTO html VALUES (?, ?)", (key, output.encode("utf-8")))

    def save(self, pages: dict[str, PageEntry], articles: dict[str, ArticleEntry], view: tuple) -> None:
        """Keep what this build used: rows for new or changed entries, none for gone ones; ``view``:
        the knowledge base as every article in ``articles`` holds under it (``article_memo``)."""
        assert self._db is not None
        db = self._db
        if self.article_view is None or self.article_view[0] != view[0]:
            db.execute("INSERT OR REPLACE INTO meta VALUES ('view', ?)", (pickle.dumps(view, pickle.HIGHEST_PROTOCOL),))
        for table, now, before in (("pages", pages, self.pages), ("articles", articles, self.articles)):
            changed = [
                (name, entry.key, pickle.dumps(entry, pickle.HIGHEST_PROTOCOL))
                for name, entry in now.items()
                if before.get(name) is not entry
            ]
            db.executemany(f"INSERT OR REPLACE INTO {table} VALUES (?, ?, ?)", changed)  # noqa: S608 - table names are ours
            gone = [(name,) for name in before.keys() - now.keys()]
            db.executemany(f"DELETE FROM {table} WHERE name = ?", gone)  # noqa: S608
        db.execute("DELETE FROM html WHERE key NOT IN (SELECT key FROM pages)")
        db.execute("COMMIT")
        db.execute("BEGIN")
        self.pages, self.articles, self.article_view = pages, articles, view


SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value INTEGER);
CREATE TABLE IF NOT EXISTS pages (name TEXT PRIMARY KEY, key TEXT NOT NULL, entry BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS html (key TEXT PRIMARY KEY, html BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS articles (name TEXT PRIMARY KEY, key TEXT NOT NULL, entry BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS cards (key TEXT PRIMARY KEY, png BLOB NOT NULL);
"""
