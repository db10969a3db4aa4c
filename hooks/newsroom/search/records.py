"""What the index is made of: each generated page's ``search`` front matter, the records of
editors' notes, what Pagefind reads of a page (its indexed part) and the part of the index each
belongs to (see the package's docstring)."""

from __future__ import annotations

import functools
import html
import re

from ..corpus import AnnotatedArticle, Corpus
from ..html import page_url
from ..model import Organisation, Person
from ..pages import ArticlePage, EntityPage, PageSpec, note_text
from ..urls import note_in_article_uri

OUTPUT = "pagefind"  # the index's folder in the site
EXCLUDE = (
    ".headerlink",
    ".na-permalink",
    ".na-note-marker",
    ".na-speaker",
    ".na-notes",
    ".na-aside",
    ".na-article__meta",
    ".na-count",
    ".na-copy",
    "[data-na-search-exclude]",
    "[hidden]",
    "script",
)


def entity_type(entity) -> str:
    if isinstance(entity, Person):
        return "person"
    return "organisation" if isinstance(entity, Organisation) else "term"


def front_matter(corpus: Corpus, spec: PageSpec) -> dict:
    """The ``search`` front matter of a generated page (see the module's docstring)."""
    if isinstance(spec, ArticlePage):
        article = corpus.articles[spec.slug].article
        day = article.published.isoformat()
        return {"type": "article", "year": day[:4], "date": day, "when": date_word(day), "publisher": article.publisher}
    if isinstance(spec, EntityPage):
        return {"type": entity_type(corpus.kb.entities[spec.entity_id])}
    return {"exclude": True}


def note_records(corpus: Corpus, language: str) -> list[dict]:
    """One record per editor's note, in a stable order: its URL (``#note-<id>`` in its article),
    title, words and date."""
    records = []
    for _, annotated in sorted(corpus.articles.items()):
        records.extend(article_note_records(corpus, annotated, language))
    return records


def article_note_records(corpus: Corpus, annotated: AnnotatedArticle, language: str) -> list[dict]:
    """The records of one article's notes (:func:`note_records`). They read the article and what
    the knowledge base says of the names in the notes' bodies (``note_text``), nothing else."""
    article = annotated.article
    day = article.published.isoformat()
    records = []
    for note in annotated.notes:
        body = note_text(corpus, annotated, note)
        url = page_url(note_in_article_uri(article.slug, note.id))
        records.append(
            {"url": url, "title": f"{note.label}: “{note.quote}”", "body": body, "date": day, "language": language}
        )
    return records


def record_path(record: dict) -> str:
    """Where a note's record is written for Pagefind, relative to its folder: the note's URL
    ``articles/<slug>/#note-<id>`` as ``articles/<slug>/note-<id>.html``, which becomes the
    record's URL (``search.js`` turns it back). A URL in the metadata instead would be searched:
    Pagefind indexes every metadata value's words, and a note was found by the words of its
    article's address ("coordinated" found the six notes on "…-unions-vow-coordinated-strikes")."""
    page, _, fragment = record["url"].partition("#")
    return f"{page}{fragment}.html"


def record_html(record: dict) -> str:
    """A note as a page for Pagefind to read. (Pagefind's ``add_custom_record`` waits a tenth of a
    second per record in its Python API: a thousand notes took minutes, one folder of these takes
    a fraction of a second.) Pagefind searches metadata too: nothing in it but the note's own
    words and its date, as one opaque word (:func:`date_word`)."""
    e = functools.partial(html.escape, quote=True)
    language, title, body, date = (e(record[key]) for key in ("language", "title", "body", "date"))
    return (
        f'<!DOCTYPE html><html lang="{language}"><head><meta charset="utf-8"><title>{title}</title></head><body>'
        f'<main data-pagefind-body data-na-type="note" data-na-year="{date[:4]}" data-na-date="{date}"'
        f' data-na-when="{date_word(date)}" data-pagefind-filter="type[data-na-type], year[data-na-year]"'
        ' data-pagefind-meta="date[data-na-when]"'
        f' data-pagefind-sort="date[data-na-date]"><h1>{title}</h1><p>{body}</p></main></body></html>'
    )


def date_word(day: str) -> str:
    """A day as the one word its record's ``date`` metadata holds (``2023-04-28`` ->
    ``d20230428``; ``search.js`` reads it back; a page's ``search`` front matter carries it as
    ``when``, which ``overrides/main.html`` writes, so no theme needs a filter of ours).
    Pagefind searches metadata's words: written as a date, "2023", "04" and "28" found every
    record of that day, by its date alone; no query a reader types is a prefix of this."""
    return "d" + day.replace("-", "")


def indexed_part(page_html: str) -> str | None:
    """What Pagefind reads of a page: its ``<html>`` tag and the element that carries
    ``data-pagefind-body`` (see ``overrides/main.html``); None for a page that is not indexed.
    Pagefind makes the same index of these as of the whole pages (a test checks it), and reads
    them in half the time: it no longer parses Material's header, navigation and footer."""
    at = page_html.find(" data-pagefind-body")
    if at < 0:
        return None
    start = page_html.rfind("<", 0, at)
    tag = page_html[start + 1 : at].split(None, 1)[0]
    end = page_html.rfind(f"</{tag}>")
    html_at = page_html.find("<html")
    if start < 0 or end < at or html_at < 0:
        raise ValueError(f"the <{tag} data-pagefind-body> element is not closed")
    opening = page_html[html_at : page_html.index(">", html_at) + 1]
    body = _without_excluded(page_html[start : end + len(tag) + 3])
    return f'<!DOCTYPE html>{opening}<head><meta charset="utf-8"></head><body>{body}</body></html>'


def _without_excluded(part: str) -> str:
    """``part`` without the elements marked ``data-na-search-exclude`` (which Pagefind leaves out
    anyway): an entity page's part then changes only with the entity's own words, not with every
    article that names it. Pagefind still lists an excluded element that has an ``id`` among a
    page's anchors (with no text), so each such element is kept, empty (not one inside an
    ``<svg>``, which Pagefind does not list). The pages are the engine's own serialised HTML, so
    an element ends at the closing tag that balances its opening ones."""
    out, at = [], 0
    while (found := part.find(" data-na-search-exclude", at)) >= 0:
        start = part.rfind("<", at, found)
        tag = part[start + 1 : found].split(None, 1)[0] if start >= 0 else ""
        if not tag.isalnum():
            raise ValueError("data-na-search-exclude outside an element's opening tag")
        tags = re.compile(rf"<(/?){tag}[\s>/]")
        depth, cursor = 0, start
        while True:
            match = tags.search(part, cursor)
            if match is None:
                raise ValueError(f"the <{tag} data-na-search-exclude> element is not closed")
            depth += -1 if match.group(1) else 1
            cursor = match.end()
            if depth == 0:
                break
        out.append(part[at:start])
        at = part.index(">", cursor - 1) + 1
        for anchor in _ANCHOR.finditer(_SVG.sub("", part[start:at])):
            out.append(f'<{anchor.group(1)} id="{anchor.group(2)}" data-na-search-exclude=""></{anchor.group(1)}>')
    out.append(part[at:])
    return "".join(out)


_ANCHOR = re.compile(r'<([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?\sid="([^"]*)"')
_SVG = re.compile(r"<svg\b.*?</svg>", re.DOTALL)


REFERENCE = "reference"  # the part of the records that have no year
_YEAR = re.compile(r' data-na-year="(\d{4})"')


def part_of(part_html: str) -> str:
    """The part of the index a page's indexed part (:func:`indexed_part`) belongs to: its year
    (the ``year`` filter, so that a reader's year filter is one part), or :data:`REFERENCE`."""
    at = part_html.find(" data-pagefind-body")
    found = _YEAR.search(part_html[part_html.rfind("<", 0, at) : part_html.find(">", at) + 1])
    return found.group(1) if found else REFERENCE


def record_part(record: dict) -> str:
    return record["date"][:4]


def parts_in_order(parts) -> list[str]:
    """The reference part first (the one whose code the browser loads), then the years, newest first."""
    parts = set(parts)
    return [REFERENCE] * (REFERENCE in parts) + sorted(parts - {REFERENCE}, reverse=True)
