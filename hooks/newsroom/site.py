"""The engine's pipeline: what one build knows, and the steps a generator's adapter calls.

Sources in, files out (``newsroom.adapters`` turns a generator's events into these calls):
``load_knowledge_base`` and ``load_articles`` read the sources and return the generated pages'
Markdown; ``exports`` the machine-readable files; ``plan`` says which pages the cache already
has; ``page_written`` takes each page's final HTML; ``finish`` checks every link, ``save``
keeps the cache, ``write_report`` and ``search_records`` feed the editor report and the index.
Nothing here knows which generator renders the pages."""

from __future__ import annotations

import datetime as dt
import html
import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from .article_memo import ArticleMemo, NamesIndex, annotation_view, keeps, view_digest
from .corpus import Corpus, annotate_articles, annotate_shared, check_orphan_notes
from .errors import DataError
from .exports.made import every_export, search_records
from .exports.report import editor_report
from .generated import build_context, build_date, page_markdown
from .html import structured_data_in_head
from .incremental import Caches, Digests, PageEntry, digest, files_digest, page_inputs, tree_files
from .linkcheck import check as check_links
from .linkcheck import extract as extract_links
from .linkcheck import resolve as resolve_links
from .linkcheck import site_files
from .loader import load_knowledge_base
from .matcher import Matcher
from .mdext import Content, ContentRenderer, NewsroomExtension
from .model import KnowledgeBase
from .pages import ArticlePage, EntityPage, PageSpec, page_specs
from .pages.cite import HEAD_MARK
from .search import BackgroundIndex, Sources, indexed_part, update_index
from .search import front_matter as search_front_matter
from .settings import Settings, check_settings, read_settings
from .sources import check_article_files, is_source
from .urls import entity_uri
from .workers import Workers
from .workers import count as worker_count

__all__ = [  # what the adapters (newsroom.adapters) use
    "BackgroundIndex",
    "BuildState",
    "Caches",
    "Workers",
    "worker_count",
    "ContentRenderer",
    "DataError",
    "Sources",
    "build_context",
    "digest",
    "is_source",
    "structured_data_in_head",
    "build_date",
    "update_index",
]


@dataclass(frozen=True)
class Prepared:
    """A generated page's final HTML, its ids and resolved links (``linkcheck``) and its indexed
    part (``search.indexed_part``)."""

    html: str
    ids: frozenset[str]
    links: tuple
    part: str | None


class BuildState:
    """The knowledge base, matcher and corpus of the build in progress, and what the caches save of it."""

    def __init__(self, caches: Caches | None = None, mode: str = "on", engine: str = "") -> None:
        self.kb: KnowledgeBase | None = None
        self.matcher: Matcher | None = None
        self.corpus: Corpus | None = None
        self.caches = caches if mode != "off" else None
        self.verify = mode == "verify"
        self.engine = engine  # digest of the engine's code
        self.kb_digest = ""
        self.memo: ArticleMemo | None = None
        self.view: tuple[str, dict] = ("", {})  # the knowledge base as annotation reads it (article_memo)
        self.specs: dict[str, PageSpec] = {}  # src_uri -> spec, for every generated page
        self.keys: dict[str, str] = {}  # src_uri -> the page's key in this build
        self.hits: dict[str, PageEntry] = {}  # pages whose cached output is still right
        self.rendered: dict[str, PageEntry] = {}  # pages rendered (or taken from the cache) by this build
        self.links: dict[str, tuple[frozenset[str], tuple]] = {}  # page dest path -> (ids, resolved links)
        self.context = ""  # digest of the engine, theme and configuration: see build_context
        self.skipped: set[str] = set()  # hits already in the site folder (dirty builds): not touched
        self.dest: dict[str, str] = {}  # src_uri -> dest_uri
        self.base_path = "/"  # the path of site_url, which root-relative links start with
        self.inputs: dict[str, str] = {}  # src_uri -> digest of the inputs of article and entity pages
        self.search_sources: Sources | None = None  # what Pagefind indexes of the site's pages (set by the hook)
        self.exported: dict[str, str | bytes] = {}  # the files exports() made (src_uri = dest_uri), for dirty builds
        self.build_date: dt.datetime | None = None  # the build's date (build_date): its pages' and exports' date
        self.settings = Settings()  # mkdocs.yml's extra.archive, read with the knowledge base

    def load_knowledge_base(self, data_dir: Path, shown_dir: str | None = None, archive: object = None) -> None:
        """The settings (``archive``: mkdocs.yml's ``extra.archive``), then the knowledge base,
        whose organisations and events must be of the kinds the settings list."""
        self.settings = read_settings(archive)
        kinds = ([k.id for k in self.settings.organisation_kinds], [k.id for k in self.settings.event_kinds])
        self.kb_digest = digest(
            self.engine, files_digest(tree_files(data_dir, (".yml", ".yaml")), data_dir), shown_dir, kinds
        )

        def load() -> tuple[KnowledgeBase, Matcher, tuple[str, dict]]:
            matcher = Matcher(load_knowledge_base(data_dir, shown_dir, *kinds))
            view = annotation_view(matcher)
            return matcher.kb, matcher, (view_digest(view), view)

        self.kb, self.matcher, self.view = self.remembered("knowledge_base", self.kb_digest, load)
        check_settings(self.settings, self.kb)
        self.corpus = None

    def remembered(self, slot: str, key: str, make):
        """``make()``, or what it made in an earlier build of this process under the same ``key``
        (kept in ``Caches.<slot>``, in memory only)."""
        held = getattr(self.caches, slot) if self.caches else None
        if held and held[0] == key:
            return held[1]
        value = make()
        if self.caches:
            setattr(self.caches, slot, (key, value))
        return value

    def extension(self) -> NewsroomExtension:
        self.markdown_extension = NewsroomExtension(corpus=self.current, specs=lambda: self.specs)
        return self.markdown_extension

    def current(self) -> Corpus:
        assert self.corpus is not None, "the corpus is built in on_files"
        return self.corpus

    def load_articles(
        self, docs_dir: Path, shown_dir: str, site_url: str = "/", site_name: str = "The archive", workers: bool = False
    ) -> list[tuple[str, str]]:
        """Annotate every ``articles/*.txt``; return the generated pages as (src_uri, Markdown).
        ``workers``: worker processes may share the annotation (``newsroom.workers.count``)."""
        assert self.kb is not None and self.matcher is not None
        folder = docs_dir / "articles"
        # One listing of the folder, whose entries say which are folders (no stat per article).
        entries = list(os.scandir(folder)) if folder.is_dir() else []
        names = sorted(entry.name for entry in entries)
        check_article_files(names, {entry.name for entry in entries if entry.is_dir()}, shown_dir)
        present = set(names)
        paths = [(folder / name, os.path.join(shown_dir, "articles", name)) for name in names if name.endswith(".txt")]
        check_orphan_notes(
            [
                (folder / name, os.path.join(shown_dir, "articles", name))
                for name in names
                if name.endswith(".notes.yml")
            ],
            present,
        )
        # Annotations from the last build are kept unless the engine changed or the knowledge base
        # changed an alias they hold (newsroom.article_memo).
        previous, view = (self.caches.articles, self.caches.article_view) if self.caches else ({}, None)
        files = self.caches.article_files if self.caches and not self.verify else None
        self.memo = ArticleMemo(previous, self.engine, keeps(view, self.view), files)
        count = worker_count(len(paths), allowed=workers)
        if count:  # worker processes annotate articles too (newsroom.workers)
            annotated = annotate_shared(self.matcher, paths, self.memo, present, count)
        else:
            annotated = annotate_articles(self.matcher, paths, self.memo, present)
        self.corpus = Corpus(
            self.kb,
            annotated,
            self.matcher,
            site_url=site_url,
            site_name=site_name,
            settings=self.settings,
            digest=self.memo.corpus_digest(self.kb_digest),
        )
        self.build_date = build_date(self.corpus)
        self.specs = {spec.src_uri: spec for spec in page_specs(self.corpus)}
        self.base_path = urlsplit(site_url).path or "/"
        entities, events, events_of = self.remembered(
            "record_digests", self.kb_digest, lambda: Digests.of_knowledge_base(self.kb)
        )
        articles = {entry.annotated.article.slug: entry.digest for entry in self.memo.used.values()}
        parts = {entry.annotated.article.slug: entry.parts for entry in self.memo.used.values()}
        # What each article's notes can read of the knowledge base (their bodies are matched as
        # the page is built): so that an edit re-renders only the note pages it can change.
        names = self.remembered("names_index", self.kb_digest, lambda: NamesIndex(self.matcher, self.view[1], entities))
        notes = {s: names.digest(n.body for n in a.notes) for s, a in self.corpus.articles.items() if a.notes}
        self.digests = Digests(entities, events, articles, parts, events_of, notes)
        return [
            (spec.src_uri, page_markdown(spec, search_front_matter(self.corpus, spec), self._tags(spec)))
            for spec in self.specs.values()
        ]

    def skipped_meta(self, src_uri: str) -> dict | None:
        """The front matter of a generated page this (dirty) build does not read: its title and tags."""
        spec = self.specs.get(src_uri) if src_uri in self.skipped else None
        if spec is None:
            return None
        return {"title": html.escape(spec.title, quote=False), "tags": list(self._tags(spec))}

    def _tags(self, spec: PageSpec) -> tuple[str, ...]:
        return self.corpus.articles[spec.slug].article.tags if isinstance(spec, ArticlePage) else ()

    def plan(self, context: str, dest: dict[str, str], written: dict[str, str] | None = None) -> None:
        """Each generated page's key (``context``: the engine, theme, configuration and navigation);
        the pages whose cached output has the same key need not be rendered again. ``written``:
        in a dirty build (``mkdocs serve``), the key of each page already in the site folder; those
        pages are not touched at all. ``dest``: every page's ``src_uri`` -> the file it is written to."""
        corpus = self.current()
        self.keys, self.hits, self.skipped = {}, {}, set()
        self.dest = dict(dest)
        reusable = self._reusable_inputs()
        self.inputs = {}
        for src_uri, spec in self.specs.items():
            inputs = reusable.get(src_uri)
            if inputs is None:
                inputs = digest(page_inputs(corpus, self.digests, spec))
            if isinstance(spec, (ArticlePage, EntityPage)):
                self.inputs[src_uri] = inputs
            self.keys[src_uri] = key = digest(context, spec, inputs)
            entry = self.caches.pages.get(src_uri) if self.caches else None
            if entry is None or entry.key != key or self.verify:
                continue
            self.hits[src_uri] = entry
            if written is not None and written.get(self.dest[src_uri]) == key:
                self.skipped.add(src_uri)

    def _reusable_inputs(self) -> dict[str, str]:
        """The digests of article and entity pages' inputs that the last good build computed and
        this one need not: those of articles whose files did not change and of entities no changed
        article names, while the knowledge base and the newest publication date stay the same.
        (At 10,000 articles computing them all took a third of a rebuild.)"""
        previous = self.caches.inputs if self.caches else None
        if not previous or previous[0] != (self.kb_digest, self.current().latest) or self.memo is None:
            return {}
        before, now = self.caches.articles, self.memo.used
        changed: set[str] = set()  # src_uris of the pages an edit may have changed
        for shown in before.keys() | now.keys():
            old, new = before.get(shown), now.get(shown)
            if old is new:
                continue
            for entry in (old, new):
                if entry is None:
                    continue
                changed.add(entry.annotated.article.src_uri)
                for part in entry.parts:
                    if part.startswith("entity:"):
                        entity = self.kb.entities.get(part[7:])
                        if entity is not None:
                            changed.add(entity_uri(entity))
        return {src_uri: inputs for src_uri, inputs in previous[1].items() if src_uri not in changed}

    def content(self, src_uri: str, renderer: ContentRenderer) -> Content:
        """A generated page's content (its HTML, table of contents and anchors), made as
        Python-Markdown would make it from the page's Markdown (see ``mdext.ContentRenderer``)."""
        return renderer.render(self.specs[src_uri].build(self.current()))

    def final_page(self, src_uri: str, output: str) -> str:
        """A page's HTML as published: its JSON-LD in its head, and an article's or a note's
        citation meta tags and JSON-LD (newsroom.pages.cite) at the end of its head. Done once: a
        page from the cache has them already."""
        output = structured_data_in_head(output)
        spec = self.specs.get(src_uri)
        if spec is None or HEAD_MARK in output:
            return output
        extra = spec.head(self.current())
        if not extra:
            return output
        end = output.index("</head>")
        return output[:end] + extra + output[end:]

    def prepared(self, src_uri: str, dest_uri: str, output: str) -> Prepared:
        """A page's final HTML (``final_page``) and what ``page_written`` and the search index
        read of it: made apart from them, so that a worker process can make it."""
        output = self.final_page(src_uri, output)
        return Prepared(output, *self._links(dest_uri, output), indexed_part(output))

    def _links(self, dest_uri: str, output: str) -> tuple[frozenset[str], tuple]:
        """A page's ids and its links, resolved (``linkcheck``)."""
        ids, links = extract_links(output)
        return ids, resolve_links(dest_uri, links, self.base_path)

    def page_written(
        self,
        src_uri: str,
        dest_uri: str,
        output: str,
        anchors: frozenset[str] = frozenset(),
        prepared: Prepared | None = None,
    ) -> None:
        """After a page's HTML is final: remember it for the link check and the cache.
        ``anchors``: the ids the generator found in the page's content (its headings');
        ``prepared``: its ids and links, if already read (:meth:`prepared`)."""
        entry = self.hits.get(src_uri)
        if src_uri not in self.specs:  # a hand-written page: never cached
            self.links[dest_uri] = self._links(dest_uri, output)
            return
        if entry is None:
            cached = self.caches.pages.get(src_uri) if self.caches and self.verify else None
            if (
                cached is not None
                and cached.key == self.keys[src_uri]
                and self.caches.read_html(cached.key) not in (None, output)
            ):
                raise DataError(
                    src_uri,
                    None,
                    "cache",
                    "the cached page differs from the page built afresh, though its inputs did not change: "
                    "newsroom.incremental.page_inputs misses something this page is made from",
                )
            ids, resolved = (prepared.ids, prepared.links) if prepared else self._links(dest_uri, output)
            entry = PageEntry(self.keys[src_uri], frozenset(anchors), ids, resolved)
            if self.caches:
                self.caches.write_html(entry.key, output)
        self.rendered[src_uri] = entry
        self.links[dest_uri] = (entry.ids, entry.links)

    def finish(self, site_dir: Path) -> list[str]:
        """After every page is written: the pages this build did not touch count as written, and
        every link of every page is checked. Returns the broken links."""
        for src_uri in self.skipped:
            entry = self.rendered[src_uri] = self.hits[src_uri]
            self.links[self.dest[src_uri]] = (entry.ids, entry.links)
        return check_links(self.links, site_files(str(site_dir)))

    def written(self) -> dict[str, str]:
        """The key of every generated page now in the site folder."""
        return {self.dest[src_uri]: entry.key for src_uri, entry in self.rendered.items()}

    def save(self) -> None:
        if self.caches and self.memo:
            self.caches.save(self.rendered, self.memo.used, self.view)
            self.caches.article_files = self.memo.files
            self.caches.inputs = ((self.kb_digest, self.current().latest), self.inputs)

    def exports(self, site_url: str, site_name: str, site_description: str = "") -> list[tuple[str, str | bytes]]:
        """The machine-readable files and the notes' preview images (``exports.made``)."""
        return every_export(self, site_url, site_name, site_description)

    def search_records(self, language: str) -> list[dict]:
        """The editors' notes as search records (``exports.made.search_records``)."""
        return search_records(self, language)

    def write_report(self, site_dir: Path) -> None:
        """``editor-report.json`` in the site folder (made again only when the corpus changes)."""
        corpus = self.current()
        text = self.remembered("report", corpus.digest, lambda: editor_report(corpus))
        (site_dir / "editor-report.json").write_text(text, encoding="utf-8")

    def index_search(self, site_dir: Path, language: str, background: bool, indexer=None, log=None):
        """Pagefind's index of the pages (newsroom/search/): kept when no page changed, else
        written again; with ``background`` (under a serve loop), on a thread of its own after the
        page reloads: ``indexer`` is the :class:`BackgroundIndex` of the builds before, returned
        (made if need be)."""
        records = self.search_records(language)
        sources = self.search_sources
        sources.complete({self.dest[src_uri] for src_uri in self.skipped}, site_dir)
        store = self.caches.folder / "search" if self.caches and self.caches.folder else None
        if background:
            if not isinstance(indexer, BackgroundIndex):  # none yet, or the engine was imported again
                if indexer is not None:
                    indexer.wait()
                indexer = BackgroundIndex()
            indexer.request(site_dir, sources, records, language, store)
            return indexer
        fingerprints = sources.fingerprints(records, language)
        said = update_index(site_dir, sources.folder, fingerprints, records, language, store, self.verify)
        if log is not None:
            log.info(said)
        return indexer

    def report(self, only_annotated_now: bool = False) -> list[str]:
        """Names the knowledge base does not know and mentions left unlinked, per article (or, under
        `mkdocs serve`'s rebuilds, only for the articles this build read again)."""
        lines = []
        fresh = self.memo.annotated_now if self.memo else set()
        for slug, annotated in sorted(self.current().articles.items()):
            if only_annotated_now and slug not in fresh:
                continue
            if annotated.unknown:
                names = ", ".join(sorted({name for _, name in annotated.unknown}))
                lines.append(f"{slug}: names the knowledge base does not know: {names}")
            for item in annotated.unresolved:
                lines.append(f"{slug}: paragraph {item.paragraph}: {item.text!r} not linked: {item.why}")
        return lines
