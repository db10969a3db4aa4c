"""An article's page: its paragraphs with their links, quotations and date links, the notes
pinned to its passages, and what it says on the timeline."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from xml.etree.ElementTree import Element

from .. import timeline
from ..corpus import AnnotatedArticle, Corpus
from ..dates import DateMention, long_date
from ..html import E, absolute, add, rel
from ..model import Organisation
from ..urls import date_uri, entity_uri, share_uri, timeline_day_uri
from .cite import article_work, cite_box, corrections_notice
from .components import description, event_item, first_sentence, note_url, numbered_sources


@dataclass(frozen=True)
class Chip:
    """A speaker marker after a quotation: a zero-width span at the quotation's end."""

    start: int
    speaker: str

    @property
    def end(self) -> int:
        return self.start


def speaker_chips(annotated: AnnotatedArticle, number: int) -> list[Chip]:
    """A chip after each attributed quotation; consecutive quotations by one speaker share the last chip."""
    quotes = [q for q in annotated.quotes if q.paragraph == number and q.speaker]
    return [
        Chip(q.end, q.speaker)
        for i, q in enumerate(quotes)
        if i + 1 == len(quotes) or quotes[i + 1].speaker != q.speaker
    ]


def note_extent(annotated: AnnotatedArticle, note) -> tuple[int, int]:
    """Where a note's ``<mark>`` starts and ends in its paragraph: its quote, widened to the whole
    of any mention or date it cuts through. (annotations.jsonld selects exactly this.)"""
    index = note.anchor.paragraph - 1
    start, end = note.anchor.start, note.anchor.end
    for span in sorted([*annotated.mentions[index], *annotated.dates[index]], key=lambda span: (span.start, span.end)):
        if span.start < end and start < span.end:
            start, end = min(start, span.start), max(end, span.end)
    return start, end


def paragraph(corpus: Corpus, annotated: AnnotatedArticle, index: int, here: str) -> Element:
    """One ``<p id="p-N">``: the verbatim text, mentions and dates linked, notes marked, and a permalink.

    The first mention of each entity in the paragraph is a link; later ones are marked only. The
    paragraph's text (its ``textContent``, and what a reader copies) is the source paragraph
    exactly: note numbers, speaker chips and the permalink carry no text of their own, only an
    accessible name; annotate.css draws them from their ``data-number``/``data-name``."""
    para = annotated.article.paragraphs[index]
    anchor = f"p-{para.number}"
    element = E("p", {"id": anchor})
    chips = speaker_chips(annotated, para.number)
    spans = sorted(
        [*annotated.mentions[index], *annotated.dates[index], *chips], key=lambda span: (span.start, span.end)
    )
    linked: set[str] = set()
    cursor = 0
    for note in (n for n in annotated.notes if n.anchor.paragraph == para.number):
        start, end = note_extent(annotated, note)
        _inline(corpus, element, para.text, cursor, start, spans, linked, here)
        mark = E("mark", {"class": "na-note", "id": f"note-{note.id}", "data-note": note.id})
        _inline(corpus, mark, para.text, start, end, spans, linked, here)
        element.append(mark)
        element.append(
            E(
                "a",
                {
                    "class": "na-note-marker",
                    "href": f"#note-body-{note.id}",
                    "data-note": note.id,
                    "aria-label": f"Note {note.number}: {note.label}",
                    "aria-haspopup": "dialog",
                },
                E("sup", {"data-number": str(note.number)}),
            )
        )
        cursor = end
    _inline(corpus, element, para.text, cursor, len(para.text), spans, linked, here)
    element.append(
        E("a", {"class": "na-permalink", "href": f"#{anchor}", "aria-label": f"Link to paragraph {para.number}"})
    )
    return element


def _inline(corpus, container, text, start, end, spans, linked, here) -> None:
    """Append ``text[start:end]`` to ``container``, with the mentions and dates inside it as links."""
    cursor = start
    for span in spans:
        if span.start < start or span.end > end or (span.start == span.end == end and end != len(text)):
            continue  # a speaker chip on a boundary belongs to what follows it
        add(container, text[cursor : span.start] or None)
        container.append(span_node(corpus, span, linked, here))
        cursor = span.end
    add(container, text[cursor:end] or None)


def span_node(corpus: Corpus, span, linked: set[str], here: str, tooltips: bool = True) -> Element:
    """A date link, a mention link, or (for a repeat in the same paragraph) a marked mention.

    ``tooltips``: the page shows tooltips (article pages); elsewhere links are plain links."""
    node = _span_node(corpus, span, linked, here)
    if not tooltips:
        for attribute in ("data-label", "data-precision"):
            node.attrib.pop(attribute, None)
    return node


def _span_node(corpus: Corpus, span, linked: set[str], here: str) -> Element:
    kb = corpus.kb
    if isinstance(span, Chip):
        speaker = kb.entities[span.speaker]
        return E(
            "a",
            {
                "class": "na-speaker",
                "href": rel(here, entity_uri(speaker)),
                "data-speaker": speaker.id,
                "data-name": speaker.short_name if isinstance(speaker, Organisation) else speaker.label,
                "aria-label": f"Quoted: {speaker.label}",
            },
        )
    if isinstance(span, DateMention):
        value = span.value
        return E(
            "a",
            {
                "class": "na-date",
                "href": rel(here, date_uri(value)),
                "data-label": value.label,
                "data-precision": value.precision,
            },
            E("time", {"datetime": value.datetime}, span.text),
        )
    if span.entity in linked:
        return E("span", {"class": "na-mention na-mention--repeat", "data-entity": span.entity}, span.text)
    linked.add(span.entity)
    return E(
        "a",
        {"class": "na-mention", "data-entity": span.entity, "href": rel(here, entity_uri(kb.entities[span.entity]))},
        span.text,
    )


def article_page(corpus: Corpus, slug: str) -> Element:
    annotated = corpus.articles[slug]
    article = annotated.article
    here = article.src_uri
    meta = E(
        "p",
        {"class": "na-article__meta"},
        E("time", {"datetime": article.published.isoformat()}, long_date(article.published)),
        " · ",
        E("span", {"class": "na-article__publisher"}, article.publisher),
    )
    if article.modified != article.published:
        add(meta, " · Updated ")
        meta.append(
            E(
                "time",
                {"class": "na-article__updated", "datetime": article.modified.isoformat()},
                long_date(article.modified),
            )
        )
    if article.url:
        add(meta, " · ")
        meta.append(E("a", {"class": "na-article__original", "href": article.url}, "Read the original"))
    header = E(
        "header",
        {"class": "na-article__header"},
        E("h1", {"id": "article-title"}, article.title),
        meta,
        E("p", {"class": "na-article__byline"}, f"By {article.byline}") if article.byline else None,
        E("p", {"class": "na-article__summary"}, article.summary) if article.summary else None,
        corrections_notice(article.corrections, "article", "corrections", here),
        cite_box(article_work(corpus, annotated), "article"),
    )
    body = E("div", {"class": "na-article__body"})
    for index in range(len(article.paragraphs)):
        body.append(paragraph(corpus, annotated, index, here))
    notes_section = _notes_section(corpus, annotated, here)
    names = _names_for_print(corpus, body)
    return E(
        "article",
        # The tooltips' words come from one file for the whole site, read once by tooltip.js.
        {
            "class": "na-article",
            "data-published": article.published.isoformat(),
            "data-entities": rel(here, "entities.json", rewritten=False),
        },
        header,
        body,
        notes_section,
        names,
        _on_the_timeline(corpus, annotated, here),
    )


def _names_for_print(corpus: Corpus, body: Element) -> Element | None:
    """The printed page's endnotes for names: each entity's first link in the article is numbered
    (``data-endnote``, drawn by the print stylesheet only) and defined in this list, which only
    print shows (a screen has the tooltips)."""
    order: dict[str, int] = {}
    for link in body.iter("a"):
        entity = link.get("data-entity")
        if entity and link.get("class") == "na-mention" and entity not in order:
            order[entity] = len(order) + 1
            link.set("data-endnote", str(order[entity]))
    if not order:
        return None
    items = E("ol", {"class": "na-print-names__list"})
    for entity_id in order:
        entity = corpus.kb.entities[entity_id]
        items.append(E("li", {}, E("strong", {}, entity.label), ": ", first_sentence(description(entity))))
    return E(
        "section",
        {"class": "na-print-names", "aria-labelledby": "names-in-this-article", "data-pagefind-ignore": "all"},
        E("h2", {"id": "names-in-this-article"}, "Names in this article"),
        items,
    )


def note_body(corpus: Corpus, annotated: AnnotatedArticle, note, here: str, tooltips: bool = True) -> list[Element]:
    """The note's Markdown as elements, its entity mentions linked (the first of each)."""
    from ..bodytext import link_text_nodes, markdown_elements
    from ..matcher import ArticleContext, find_mentions

    context = ArticleContext(annotated.article.published, [])
    linked: set[str] = set()

    def link(text: str):
        mentions, _ = find_mentions(corpus.matcher, text, context)
        if not mentions:
            return None
        pieces: list = []
        cursor = 0
        for mention in mentions:
            pieces.append(text[cursor : mention.start])
            pieces.append(span_node(corpus, mention, linked, here, tooltips))
            cursor = mention.end
        pieces.append(text[cursor:])
        return [p for p in pieces if not isinstance(p, str) or p]

    elements = markdown_elements(note.body)
    for element in elements:
        link_text_nodes(element, link)
        for anchor in element.iter("a"):
            # A link to a page's source (``../glossary/neu.md``), relative to the notes file as
            # Markdown links are, becomes the page's URL as seen from ``here``.
            target = anchor.get("href", "")
            path, _, fragment = target.partition("#")
            if path.endswith(".md") and ":" not in path and not path.startswith("/"):
                source = posixpath.normpath(posixpath.join("articles", path))
                anchor.set("href", rel(here, source + (f"#{fragment}" if fragment else "")))
    return elements


def _notes_section(corpus: Corpus, annotated: AnnotatedArticle, here: str) -> Element | None:
    if not annotated.notes:
        return None
    items = E("ol", {"class": "na-notes__list"})
    for note in annotated.notes:
        share = absolute(corpus.site_url, share_uri(annotated.article.slug, note.id))  # the link "Copy link" offers
        items.append(
            E(
                "li",
                {"class": "na-note-body", "id": f"note-body-{note.id}", "data-note": note.id, "data-kind": note.kind},
                E(
                    "p",
                    {"class": "na-note-body__kind"},
                    E("span", {"class": f"na-kind na-kind--{note.kind}"}, note.label),
                    E("q", {}, note.quote),
                ),
                E("div", {"class": "na-note-body__text"}, *note_body(corpus, annotated, note, here)),
                numbered_sources(note.sources, "na-note-body__sources") if note.sources else None,
                corrections_notice(note.corrections, "note", f"note-corrections-{note.id}", here),
                E(
                    "p",
                    {"class": "na-note-body__links"},
                    E(
                        "span",
                        {"class": "na-note-body__back"},
                        E("a", {"href": f"#note-{note.id}"}, "Back to the passage"),
                        " · ",
                    ),
                    E(
                        "a",
                        {"class": "na-note-body__permalink", "href": note_url(corpus, annotated.article.slug, note.id)},
                        "Permanent link",
                    ),
                    " ",
                    E(
                        "button",
                        {"type": "button", "class": "na-copy", "data-copy": share, "hidden": "hidden"},
                        "Copy link",
                    ),
                ),
            )
        )
    section = E(
        "section", {"class": "na-notes", "aria-labelledby": "notes"}, E("h2", {"id": "notes"}, "Editors' notes"), items
    )
    return section


def _on_the_timeline(corpus: Corpus, annotated: AnnotatedArticle, here: str) -> Element:
    events = timeline.article_events(corpus, annotated.article.slug)
    published = annotated.article.published
    items = E("ul", {"class": "na-event-list"})
    items.append(
        E(
            "li",
            {},
            E("a", {"href": rel(here, timeline_day_uri(published))}, long_date(published)),
            ": this article is published",
        )
    )
    for event in events:
        items.append(event_item(event, here))
    return E(
        "aside",
        {"class": "na-aside", "aria-labelledby": "on-the-timeline"},
        E("h2", {"id": "on-the-timeline"}, "On the timeline"),
        items,
    )


def note_text(corpus: Corpus, annotated: AnnotatedArticle, note) -> str:
    """A note's body as plain text, one space between words (the tree holds ``&`` escaped)."""
    elements = note_body(corpus, annotated, note, annotated.article.src_uri, tooltips=False)
    return " ".join(" ".join("".join(e.itertext()) for e in elements).replace("&amp;", "&").split())
