"""What one build knows, and the small steps the hook delegates to."""

from __future__ import annotations

import calendar
import datetime as dt
import html
import json
import os
from pathlib import Path

from .annotations import annotations_jsonld
from .corpus import Corpus, build_corpus, check_orphan_notes
from .errors import DataError
from .feed import atom_feed
from .loader import load_knowledge_base
from .matcher import Matcher
from .mdext import NewsroomExtension, placeholder
from .model import KnowledgeBase
from .pages import entities_json, page_specs
from .timeline import icalendar, timelinejs

SOURCE_SUFFIXES = (".txt", ".notes.yml")
_OWN_EPOCH = "NEWSROOM_SET_SOURCE_DATE_EPOCH"
__all__ = ["BuildState", "DataError", "is_source", "set_build_date", "write_report"]


def is_source(src_uri: str) -> bool:
    """Article sources are read by the engine, not published as files."""
    return src_uri.startswith("articles/") and src_uri.endswith(SOURCE_SUFFIXES)


class BuildState:
    """The knowledge base, matcher and corpus of the build in progress."""

    def __init__(self) -> None:
        self.kb: KnowledgeBase | None = None
        self.matcher: Matcher | None = None
        self.corpus: Corpus | None = None

    def load_knowledge_base(self, data_dir: Path) -> None:
        self.kb = load_knowledge_base(data_dir)
        self.matcher = Matcher(self.kb)
        self.corpus = None

    def extension(self) -> NewsroomExtension:
        return NewsroomExtension(corpus=self.current)

    def current(self) -> Corpus:
        assert self.corpus is not None, "the corpus is built in on_files"
        return self.corpus

    def load_articles(self, docs_dir: Path, shown_dir: str, site_url: str = "/") -> list[tuple[str, str]]:
        """Annotate every ``articles/*.txt``; return the generated pages as (src_uri, Markdown)."""
        assert self.kb is not None and self.matcher is not None
        paths = [(path, os.path.join(shown_dir, "articles", path.name)) for path in sorted((docs_dir / "articles").glob("*.txt"))]
        check_orphan_notes([(p, os.path.join(shown_dir, "articles", p.name)) for p in sorted((docs_dir / "articles").glob("*.notes.yml"))])
        self.corpus = build_corpus(self.kb, self.matcher, paths)
        self.corpus.site_url = site_url
        return [(spec.src_uri, page_markdown(spec.title, spec.description, spec.kind, spec.key)) for spec in page_specs(self.corpus)]

    def exports(self, site_url: str, site_name: str, site_description: str = "") -> list[tuple[str, str]]:
        """The machine-readable files: ``feed.xml`` (Atom), ``timeline.json`` (TimelineJS3), ``timeline.ics``, ``annotations.jsonld``."""
        stamp = dt.datetime.fromtimestamp(int(os.environ.get("SOURCE_DATE_EPOCH", "0")), tz=dt.UTC)
        return [
            ("annotations.jsonld", annotations_jsonld(self.current(), site_url, stamp.date())),
            ("feed.xml", atom_feed(self.current(), site_url, site_name, site_description)),
            ("entities.json", entities_json(self.current())),
            ("timeline.json", timelinejs(self.current(), site_url, site_name)),
            ("timeline.ics", icalendar(self.current(), site_url, site_name, stamp)),
        ]

    def report(self) -> list[str]:
        lines = []
        for slug, annotated in sorted(self.current().articles.items()):
            if annotated.unknown:
                names = ", ".join(sorted({name for _, name in annotated.unknown}))
                lines.append(f"{slug}: names the knowledge base does not know: {names}")
            for item in annotated.unresolved:
                lines.append(f"{slug}: paragraph {item.paragraph}: {item.text!r} not linked: {item.why}")
        return lines


def page_markdown(title: str, description: str, kind: str, key: str) -> str:
    # Material writes the title and description into the page unescaped: escape them here.
    meta = {"title": html.escape(title, quote=False), "description": html.escape(description)}
    if kind == "article":
        meta["hide"] = ["toc"]
    front = "\n".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in meta.items())
    return f"---\n{front}\n---\n\n{placeholder(kind, key)}"


def set_build_date(state: BuildState) -> None:
    """Reproducible builds: unless the caller set SOURCE_DATE_EPOCH, date the build by its newest article."""
    if os.environ.get("SOURCE_DATE_EPOCH") and not os.environ.get(_OWN_EPOCH):
        return
    dates = [a.article.published for a in state.current().articles.values()]
    if dates:
        os.environ["SOURCE_DATE_EPOCH"] = str(calendar.timegm(max(dates).timetuple()))
        os.environ[_OWN_EPOCH] = "1"


def write_report(state: BuildState, site_dir: Path) -> None:
    """``editor-report.json``: unknown names and unlinked mentions per article, for editors."""
    report = {
        slug: {
            "unknown_names": sorted({name for _, name in a.unknown}),
            "not_linked": [{"paragraph": u.paragraph, "text": u.text, "why": u.why} for u in a.unresolved],
        }
        for slug, a in sorted(state.current().articles.items())
    }
    (site_dir / "editor-report.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
