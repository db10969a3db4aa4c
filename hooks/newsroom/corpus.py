"""The whole corpus, annotated once per build: articles, their mentions and the back-links."""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from .annotated import AnnotatedArticle, BackLink, DateLink
from .dates import DateMention, find_dates
from .errors import DataError
from .loader import article_from_bytes, decode
from .matcher import ArticleContext, Matcher, find_mentions, unknown_names
from .model import Article, Event, KnowledgeBase, Mention
from .notes import DateOverride, Note, load_notes
from .quotes import Quote, attribute
from .settings import Settings
from .timeline import TimelineIndex, timeline_index
from .workers import Workers

_SENTENCE_END = re.compile(
    r"(?<=[.!?])([\"'\u201d\u2019]?)\s+(?=[\"'\u201c\u2018]?[A-Z0-9])"
)  # group 1: a closing mark, the sentence's own


@dataclass
class Corpus:
    """The annotated articles and every index the pages read, all computed when the corpus is
    made (``__post_init__``) and only read afterwards: nothing is filled in while pages render."""

    kb: KnowledgeBase
    articles: dict[str, AnnotatedArticle]
    matcher: Matcher | None = None
    site_url: str = "/"
    site_name: str = "The archive"  # mkdocs.yml's site_name: who keeps the copies (citations)
    settings: Settings = field(default_factory=Settings)  # mkdocs.yml's extra.archive (newsroom.settings)
    digest: str = ""  # of the whole corpus and knowledge base: what index pages are made from
    # The indexes, from the articles and the knowledge base:
    newest: list[AnnotatedArticle] = field(init=False)  # by publication date (then slug), newest first
    months: dict[str, list[Article]] = field(init=False)  # articles newest first by month (YYYY-MM), newest month first
    backlinks: dict[str, list[BackLink]] = field(init=False)  # entity -> each paragraph that first mentions it
    date_links: list[DateLink] = field(init=False)
    said: dict[str, list[tuple[str, Quote]]] = field(init=False)  # speaker -> (slug, quote)
    links_by_day: dict[dt.date, list[DateLink]] = field(init=False)  # day-precision dates
    events_by_day: dict[dt.date, list[Event]] = field(init=False)  # every day an event spans
    timeline: TimelineIndex = field(init=False)  # the timeline's months, days and periods (newsroom.timeline)

    def __post_init__(self) -> None:
        self.newest = sorted(self.articles.values(), key=lambda a: (a.article.published, a.article.slug), reverse=True)
        self.months, self.backlinks, self.date_links, self.said, self.links_by_day, self.events_by_day = (
            {},
            {},
            [],
            {},
            {},
            {},
        )
        for annotated in self.newest:
            self.months.setdefault(f"{annotated.article.published:%Y-%m}", []).append(annotated.article)
            for quote in annotated.quotes:
                if quote.speaker:
                    self.said.setdefault(quote.speaker, []).append((annotated.article.slug, quote))
            self.date_links.extend(annotated.date_links)
            for link in annotated.date_links:
                if link.date.value.precision == "day":
                    self.links_by_day.setdefault(link.date.value.start, []).append(link)
            for entity, link in annotated.first_mentions:
                self.backlinks.setdefault(entity, []).append(link)
        for event in self.kb.events:
            for offset in range(((event.end or event.date) - event.date).days + 1):
                self.events_by_day.setdefault(event.date + dt.timedelta(days=offset), []).append(event)
        self.timeline = timeline_index(self.kb, self.newest, self.date_links, self.links_by_day)

    def newest_first(self) -> list[AnnotatedArticle]:
        return self.newest

    def by_month(self) -> dict[str, list[Article]]:
        """Articles newest first, grouped by month of publication (YYYY-MM), newest month first."""
        return self.months

    @property
    def latest(self) -> dt.date:
        """The newest publication date: "the time of the articles" for roles on index pages."""
        return self.newest[0].article.published if self.newest else dt.date.today()


def annotate(
    article: Article, matcher: Matcher, notes: tuple[Note, ...] = (), overrides: tuple[DateOverride, ...] = ()
) -> AnnotatedArticle:
    """Mentions, dates (an editor's override wins over the automatic reading) and notes of one article."""
    context = ArticleContext(published=article.published, named=[])
    all_mentions, all_dates, all_unresolved, unknown = [], [], [], []
    for paragraph in article.paragraphs:
        mentions, unresolved = find_mentions(matcher, paragraph.text, context, paragraph.number)
        all_mentions.append(tuple(mentions))
        dates = find_dates(paragraph.text, article.published)
        mine = [o for o in overrides if o.anchor.paragraph == paragraph.number]
        dates = [d for d in dates if not any(o.anchor.start < d.end and d.start < o.anchor.end for o in mine)]
        dates += [DateMention(o.anchor.start, o.anchor.end, o.quote, o.value) for o in mine]
        dates = [d for d in dates if not any(m.start < d.end and d.start < m.end for m in mentions)]
        all_dates.append(tuple(sorted(dates, key=lambda d: d.start)))
        all_unresolved.extend(unresolved)
        unknown.extend((paragraph.number, name) for name in unknown_names(paragraph.text, mentions))
    mentions_by_paragraph = tuple(all_mentions)
    quotes = tuple(attribute(matcher.kb, article.paragraphs, mentions_by_paragraph))
    first_mentions = []
    for paragraph, mentions in zip(article.paragraphs, mentions_by_paragraph, strict=True):
        first: dict[str, Mention] = {}
        for mention in mentions:
            first.setdefault(mention.entity, mention)
        first_mentions.extend(
            (entity, BackLink(article.slug, paragraph.number, sentence_at(paragraph.text, mention.start)))
            for entity, mention in first.items()
        )
    date_links = tuple(
        DateLink(article.slug, paragraph.number, date)
        for paragraph, dates in zip(article.paragraphs, all_dates, strict=True)
        for date in dates
    )
    return AnnotatedArticle(
        article,
        mentions_by_paragraph,
        tuple(all_dates),
        tuple(all_unresolved),
        tuple(unknown),
        notes,
        quotes,
        tuple(first_mentions),
        date_links,
    )


def sentence_at(text: str, offset: int) -> str:
    """The sentence of ``text`` that contains character ``offset``."""
    start = 0
    for boundary in _SENTENCE_END.finditer(text):
        end = boundary.end(1)  # a quotation's closing mark ends the sentence with it
        if end >= offset:
            return text[start:end].strip()
        start = boundary.end()
    return text[start:].strip()


def check_orphan_notes(notes_paths: list[tuple[Path, str]], names: set[str] | None = None) -> None:
    """A notes file whose article does not exist would be silently ignored: refuse it.
    ``names``: the files in the folder, if the caller has listed it."""
    for path, shown in notes_paths:
        article = path.name.removesuffix(".notes.yml") + ".txt"
        if not (article in names if names is not None else path.with_name(article).exists()):
            raise DataError(
                shown,
                None,
                "file",
                f"no article {path.name.removesuffix('.notes.yml')}.txt beside this notes file; "
                "rename it to match an article",
            )


def build_corpus(
    kb: KnowledgeBase,
    matcher: Matcher,
    article_paths: list[tuple[Path, str]],
    annotations: AnnotationMemo | None = None,
    names: set[str] | None = None,
) -> Corpus:
    """Load, annotate and index every article (:func:`annotate_articles`), with the other fields
    of the :class:`Corpus` at their defaults: for tests and benchmarks (the build makes its
    corpus with every field: ``newsroom.site``)."""
    return Corpus(kb=kb, articles=annotate_articles(matcher, article_paths, annotations, names), matcher=matcher)


def annotate_articles(
    matcher: Matcher,
    article_paths: list[tuple[Path, str]],
    annotations: AnnotationMemo | None = None,
    names: set[str] | None = None,
) -> dict[str, AnnotatedArticle]:
    """Load and annotate every article, by slug. ``article_paths`` pairs a file with the name errors show.

    ``annotations`` remembers annotated articles by the bytes of their files (see
    :mod:`newsroom.incremental`): an article whose files did not change is not read again.
    ``names``: the files in the articles folder, if the caller has listed it."""
    articles = {}
    signed = hasattr(annotations, "unchanged")  # an ArticleMemo: files unchanged since read need no reading
    for path, shown in sorted(article_paths, key=lambda p: p[1]):
        signature = None
        if signed:
            signature = file_signature(path, names)  # before reading: a write meanwhile changes it
            annotated = annotations.unchanged(shown, signature)
            if annotated is not None:
                articles[annotated.article.slug] = annotated
                continue
        source, notes_path, notes_source = read_article_files(path, names)
        annotated = annotations.get(shown, source, notes_source) if annotations else None
        if annotated is None:
            annotated = annotate_files(matcher, path, shown, source, notes_path, notes_source)
            if annotations:
                annotations.put(shown, source, notes_source, annotated)
        if signed:
            annotations.read(shown, signature)
        articles[annotated.article.slug] = annotated
    return articles


def notes_path_of(path: Path) -> Path:
    return path.with_name(path.name.removesuffix(".txt") + ".notes.yml")


def file_signature(path: Path, names: set[str] | None = None) -> tuple | None:
    """What tells, without reading them, that an article's files (and its notes file, if any:
    :func:`read_article_files`) are the ones read before: device, inode, size, and the times of
    the last change of content (mtime) and of the file itself (ctime, which no tool sets back:
    any write or rename moves it). None if a file cannot be read."""
    notes = notes_path_of(path)
    has_notes = notes.name in names if names is not None else notes.exists()
    try:
        signature = []
        for one in (path, notes) if has_notes else (path,):
            stat = os.stat(one)
            signature.append((stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns))
        return tuple(signature)
    except OSError:
        return None


def read_article_files(path: Path, names: set[str] | None = None) -> tuple[bytes, Path, bytes | None]:
    """An article's bytes, its notes file and that file's bytes (None if it has none)."""
    source = path.read_bytes()
    notes_path = notes_path_of(path)
    notes_source = None
    if notes_path.name in names if names is not None else notes_path.exists():
        notes_source = notes_path.read_bytes()
    return source, notes_path, notes_source


def annotate_files(
    matcher: Matcher, path: Path, shown: str, source: bytes, notes_path: Path, notes_source: bytes | None
) -> AnnotatedArticle:
    """One article read from its files' bytes (:func:`read_article_files`) and annotated."""
    article = article_from_bytes(source, shown, path.name.removesuffix(".txt"))
    notes_shown = shown.removesuffix(".txt") + ".notes.yml"
    notes, overrides = (
        load_notes(notes_path, notes_shown, article, decode(notes_source, notes_shown))
        if notes_source is not None
        else ((), ())
    )
    return annotate(article, matcher, notes, overrides)


class AnnotationMemo(Protocol):
    """Annotated articles remembered by the bytes of their files."""

    def get(self, shown: str, source: bytes, notes: bytes | None) -> AnnotatedArticle | None: ...

    def put(self, shown: str, source: bytes, notes: bytes | None, annotated: AnnotatedArticle) -> None: ...


def annotate_shared(
    matcher: Matcher, article_paths: list[tuple[Path, str]], memo, names: set[str] | None, count: int
) -> dict[str, AnnotatedArticle]:
    """:func:`annotate_articles`, with ``count`` worker processes (``newsroom.workers``) that
    annotate articles too, from the last; ``memo``: the build's ``article_memo.ArticleMemo``."""
    context = (matcher, {shown: path for path, shown in article_paths}, names, memo)
    workers = Workers(_annotate_in_worker, context, sorted(shown for _, shown in article_paths), count)
    try:
        return annotate_articles(matcher, article_paths, SharedMemo(memo, workers), names)
    finally:
        workers.close()


class SharedMemo:
    """The build's ``ArticleMemo``, and the articles worker processes have annotated meanwhile."""

    def __init__(self, memo, workers: Workers) -> None:
        self.memo, self.workers = memo, workers

    def get(self, shown: str, source: bytes, notes: bytes | None):
        found = self.memo.get(shown, source, notes)
        if found is None:
            found = self.memo.made(shown, source, notes, self.workers.ready(shown))
        return found

    def put(self, shown: str, source: bytes, notes: bytes | None, annotated) -> None:
        self.memo.put(shown, source, notes, annotated)


def _annotate_in_worker(context, shown: str):
    """In a worker: one article annotated, as ``annotate_articles`` would (None if the memo has it)."""
    matcher, paths, names, memo = context
    path = paths[shown]
    source, notes_path, notes_source = read_article_files(path, names)
    if memo.get(shown, source, notes_source) is not None:
        return None
    return memo.entry(
        shown, source, notes_source, annotate_files(matcher, path, shown, source, notes_path, notes_source)
    )
