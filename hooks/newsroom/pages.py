"""Generated pages: each function returns the ElementTree the Markdown extension puts in the page.

Links point at ``.md`` sources, relative to the page being built, so MkDocs turns them into
URLs and ``--strict`` fails on any that dangle.
"""

from __future__ import annotations

import copy
import datetime as dt
import posixpath
from dataclasses import dataclass
from xml.etree.ElementTree import Element

from . import timeline
from .chart import chart
from .corpus import AnnotatedArticle, Corpus
from .dates import long_date
from .html import E, absolute, add, rel
from .model import Article, Entity, Event, KnowledgeBase, Organisation, Person, Role, Term
from .settings import TERMS

KIND_LABELS = {
    "union": "Union",
    "government": "Government",
    "government-department": "Government department",
    "public-body": "Public body",
    "other": "Organisation",
}


@dataclass(frozen=True)
class PageSpec:
    """One generated page: where it lives, its title and how to build its body."""

    src_uri: str
    kind: str
    key: str
    title: str
    description: str


def month_year(day: dt.date) -> str:
    return f"{day:%b %Y}"


def span_text(role: Role) -> str:
    if role.start is None and role.end is None:
        return ""
    start = month_year(role.start) if role.start else "?"
    return f"{start} – {month_year(role.end) if role.end else 'present'}"


def first_sentence(text: str) -> str:
    head, dot, _ = text.partition(". ")
    return head + "." if dot else text


def entity_uri(entity: Entity) -> str:
    return f"{entity.section}/{entity.id}.md"


def kind_label(entity: Entity) -> str:
    if isinstance(entity, Organisation):
        return KIND_LABELS[entity.kind]
    return "Person" if isinstance(entity, Person) else "Term"


def role_line(kb: KnowledgeBase, role: Role) -> str:
    org = kb.entities[role.organisation]
    dates = span_text(role)
    short = org.short_name if isinstance(org, Organisation) else org.label
    return f"{role.title}, {short}" + (f", {dates}" if dates else "")


def roles_then(corpus: Corpus, person: Person) -> tuple[Role, ...]:
    """A person's roles at the time of the articles (the newest publication), else their last role."""
    return person.roles_on(corpus.latest) or person.roles[-1:]


def description(entity: Entity) -> str:
    return entity.definition if isinstance(entity, Term) else entity.description


# --- articles -----------------------------------------------------------------------------


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
    return [Chip(q.end, q.speaker) for i, q in enumerate(quotes) if i + 1 == len(quotes) or quotes[i + 1].speaker != q.speaker]


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
    spans = sorted([*annotated.mentions[index], *annotated.dates[index], *chips], key=lambda span: (span.start, span.end))
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
    element.append(E("a", {"class": "na-permalink", "href": f"#{anchor}", "aria-label": f"Link to paragraph {para.number}"}))
    return element


def _inline(corpus, container, text, start, end, spans, linked, here) -> None:
    """Append ``text[start:end]`` to ``container``, with the mentions and dates inside it as links."""
    cursor = start
    for span in spans:
        if span.start < start or span.end > end or (span.start == span.end == end and end != len(text)):
            continue  # a speaker chip on a boundary belongs to what follows it
        add(container, text[cursor:span.start] or None)
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
                "data-name": getattr(speaker, "short_name", speaker.label),
                "aria-label": f"Quoted: {speaker.label}",
            },
        )
    if hasattr(span, "value"):
        value = span.value
        return E(
            "a",
            {"class": "na-date", "href": rel(here, timeline.date_uri(value)), "data-label": value.label, "data-precision": value.precision},
            E("time", {"datetime": value.datetime}, span.text),
        )
    if span.entity in linked:
        return E("span", {"class": "na-mention na-mention--repeat", "data-entity": span.entity}, span.text)
    linked.add(span.entity)
    return E("a", {"class": "na-mention", "data-entity": span.entity, "href": rel(here, entity_uri(kb.entities[span.entity]))}, span.text)


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
    if article.url:
        meta.append(E("a", {"class": "na-article__original", "href": article.url}, "Read the original"))
        meta[-2].tail = (meta[-2].tail or "") + " · "
    header = E(
        "header",
        {"class": "na-article__header"},
        E("h1", {"id": "article-title"}, article.title),
        meta,
        E("p", {"class": "na-article__byline"}, f"By {article.byline}") if article.byline else None,
        E("p", {"class": "na-article__summary"}, article.summary) if article.summary else None,
    )
    body = E("div", {"class": "na-article__body"})
    for index in range(len(article.paragraphs)):
        body.append(paragraph(corpus, annotated, index, here))
    notes_section = _notes_section(corpus, annotated, here)
    return E(
        "article",
        # The tooltips' words come from one file for the whole site, read once by annotate.js.
        {"class": "na-article", "data-published": article.published.isoformat(), "data-entities": rel(here, "entities.json")},
        header,
        body,
        notes_section,
        _on_the_timeline(corpus, annotated, here),
    )


def entities_json(corpus: Corpus) -> str:
    """``entities.json``: what the tooltips say, for the whole site, fetched once by annotate.js.

    Each entity's standing is a list of dated lines (a person's roles, an organisation's
    leaders); the script shows those held on the article's date, joined by ``sep`` after
    ``prefix``: "On 28 April 2023: Led by Paul Whiteman (general secretary)"."""
    import json

    kb = corpus.kb
    entities = {}
    for entity in (*kb.organisations, *kb.people, *kb.terms):
        if isinstance(entity, Person):
            standing = {"prefix": "", "sep": "; ", "items": [[_iso(r.start), _iso(r.end), role_line(kb, r)] for r in entity.roles]}
        elif isinstance(entity, Organisation):
            items = [[_iso(r.start), _iso(r.end), f"{p.name} ({r.title.lower()})"] for p, r in kb.leaders(entity.id)]
            standing = {"prefix": "Led by ", "sep": " and ", "items": items}
        else:
            standing = {"prefix": "", "sep": "", "items": []}
        entities[entity.id] = {"name": entity.label, "kind": kind_label(entity), "description": first_sentence(description(entity)), "standing": standing}
    events: dict[str, list[str]] = {}
    for day, found in sorted(corpus.events_by_day.items()):
        events[day.isoformat()] = [e.title for e in found]
    return json.dumps({"entities": entities, "events": events}, ensure_ascii=False, separators=(",", ":")) + "\n"


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def note_url(corpus: Corpus, slug: str, note_id: str) -> str:
    return absolute(corpus.site_url, f"articles/{slug}.md#note-{note_id}")


def note_body(corpus: Corpus, annotated: AnnotatedArticle, note, here: str, tooltips: bool = True) -> list[Element]:
    """The note's Markdown as elements, its entity mentions linked (the first of each)."""
    from .bodytext import link_text_nodes, markdown_elements
    from .matcher import ArticleContext, find_mentions

    context = ArticleContext(annotated.article.published, [])
    linked: set[str] = set()

    def link(text: str):
        mentions, _ = find_mentions(corpus.matcher, text, context)
        if not mentions:
            return None
        pieces: list = []
        cursor = 0
        for mention in mentions:
            pieces.append(text[cursor:mention.start])
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
                E("p", {"class": "na-note-body__kind"}, E("span", {"class": f"na-kind na-kind--{note.kind}"}, note.label), E("q", {}, note.quote)),
                E("div", {"class": "na-note-body__text"}, *note_body(corpus, annotated, note, here)),
                numbered_sources(note.sources, "na-note-body__sources") if note.sources else None,
                E(
                    "p",
                    {"class": "na-note-body__links"},
                    E("span", {"class": "na-note-body__back"}, E("a", {"href": f"#note-{note.id}"}, "Back to the passage"), " · "),
                    E("a", {"class": "na-note-body__permalink", "href": note_url(corpus, annotated.article.slug, note.id)}, "Permanent link"),
                    " ",
                    E("button", {"type": "button", "class": "na-copy", "data-copy": share, "hidden": "hidden"}, "Copy link"),
                ),
            )
        )
    section = E("section", {"class": "na-notes", "aria-labelledby": "notes"}, E("h2", {"id": "notes"}, "Editors' notes"), items)
    return section


def _on_the_timeline(corpus: Corpus, annotated: AnnotatedArticle, here: str) -> Element:
    events = timeline.article_events(corpus, annotated.article.slug)
    published = annotated.article.published
    items = E("ul", {"class": "na-event-list"})
    items.append(
        E("li", {}, E("a", {"href": rel(here, f"timeline/{published:%Y-%m}.md#{published.isoformat()}")}, long_date(published)), ": this article is published")
    )
    for event in events:
        items.append(event_item(event, here))
    return E("aside", {"class": "na-aside", "aria-labelledby": "on-the-timeline"}, E("h2", {"id": "on-the-timeline"}, "On the timeline"), items)


def event_item(event: Event, here: str) -> Element:
    when = long_date(event.date) + (f" – {long_date(event.end)}" if event.end else "")
    return E("li", {}, E("a", {"href": rel(here, timeline.event_uri(event))}, when), f": {event.title}")


INDEX_ARTICLES = 5  # a month with more articles shows their number on the timeline index, not each one


def archive_uri(month: str, page: int = 1) -> str:
    year, number = month.split("-")
    return f"archive/{year}/{number}.md" if page == 1 else f"archive/{year}/{number}-{page}.md"


def articles_index(corpus: Corpus) -> Element:
    """The newest articles, then the archive by year and month (so no page lists them all)."""
    here = "articles/index.md"
    root = E("div", {"class": "na-index"})
    newest = corpus.newest_first()[: corpus.settings.latest]
    if not newest:
        root.append(E("p", {}, "No articles yet: add a text file to docs/articles/."))
        return root
    root.append(E("h2", {"id": "latest"}, "Latest"))
    root.append(E("ul", {"class": "na-article-list"}, *(_article_item(a.article, here) for a in newest)))
    root.append(E("h2", {"id": "archive"}, "Archive"))
    months = corpus.by_month()
    years: dict[str, list[str]] = {}
    for month in months:
        years.setdefault(month[:4], []).append(month)
    listing = E("dl", {"class": "na-archive"})
    for year, keys in years.items():
        count = sum(len(months[k]) for k in keys)
        label = f" · {count} article{'s' if count != 1 else ''}"
        listing.append(E("dt", {}, E("a", {"href": rel(here, f"archive/{year}/index.md")}, year), E("span", {"class": "na-count"}, label)))
        dd = E("dd", {})
        for index, key in enumerate(keys):
            if index:
                add(dd, " · ")
            dd.append(E("a", {"href": rel(here, archive_uri(key))}, f"{_month_label(key)} ({len(months[key])})"))
        listing.append(dd)
    root.append(listing)
    return root


def archive_year(corpus: Corpus, year: str) -> Element:
    here = f"archive/{year}/index.md"
    months = {k: v for k, v in corpus.by_month().items() if k.startswith(f"{year}-")}
    root = E("div", {"class": "na-index"})
    for key, articles in months.items():
        root.append(E("h2", {"id": f"month-{key}"}, E("a", {"href": rel(here, archive_uri(key))}, _month_label(key))))
        shown = articles[:5]
        root.append(E("ul", {"class": "na-article-list"}, *(_article_item(a, here) for a in shown)))
        if len(articles) > len(shown):
            root.append(E("p", {}, E("a", {"href": rel(here, archive_uri(key))}, f"All {len(articles)} articles from {_month_label(key)} →")))
    return root


def archive_month(corpus: Corpus, key: str) -> Element:
    month, _, page_text = key.partition("/")
    page = int(page_text or 1)
    here = archive_uri(month, page)
    articles = corpus.by_month()[month]
    size = corpus.settings.page_size
    pages = max(1, -(-len(articles) // size))
    root = E("div", {"class": "na-index"})
    root.append(E("p", {"class": "na-count"}, f"{len(articles)} article{'s' if len(articles) != 1 else ''}" + (f" · page {page} of {pages}" if pages > 1 else "")))
    chunk = articles[(page - 1) * size : page * size]
    root.append(E("ul", {"class": "na-article-list"}, *(_article_item(a, here) for a in chunk)))
    if pages > 1:
        nav = E("nav", {"class": "na-pages", "aria-label": "Pages"})
        for number in range(1, pages + 1):
            if number == page:
                nav.append(E("span", {"aria-current": "page"}, str(number)))
            else:
                nav.append(E("a", {"href": rel(here, archive_uri(month, number))}, str(number)))
        root.append(nav)
    year_link = E("a", {"href": rel(here, f"archive/{month[:4]}/index.md")}, f"All of {month[:4]}")
    root.append(E("p", {}, year_link, " · ", E("a", {"href": rel(here, "articles/index.md")}, "Latest articles")))
    return root


def _article_item(article: Article, here: str) -> Element:
    return E(
        "li",
        {"class": "na-article-item"},
        E("a", {"class": "na-article-item__title", "href": rel(here, article.src_uri)}, article.title),
        E(
            "span",
            {"class": "na-article-item__meta"},
            E("time", {"datetime": article.published.isoformat()}, long_date(article.published)),
            f" · {article.publisher}",
        ),
        E("span", {"class": "na-article-item__summary"}, article.summary) if article.summary else None,
    )


# --- entities -------------------------------------------------------------------------------


def numbered_sources(urls: tuple[str, ...], css_class: str) -> Element:
    """"Sources: [1] [2]", each number a link: for notes and timeline events."""
    line = E("p", {"class": css_class}, "Sources: ")
    for number, url in enumerate(urls, 1):
        line.append(E("a", {"href": url}, f"[{number}]"))
        line[-1].tail = " "
    return line


def sources_list(urls: tuple[str, ...]) -> Element:
    return E("ol", {"class": "na-sources"}, *(E("li", {}, E("a", {"href": url}, url)) for url in urls))


def mentioned_in(corpus: Corpus, entity_id: str, here: str) -> list[Element]:
    """Every paragraph that mentions the entity: one entry per article, newest first, with the
    first mentioning sentence as an excerpt and a link to each paragraph."""
    links = corpus.backlinks.get(entity_id, [])
    nodes = [E("h2", {"id": "mentioned-in"}, "Mentioned in")]
    if not links:
        nodes.append(E("p", {}, "No article mentions this yet."))
        return nodes
    by_article: dict[str, list] = {}
    for link in links:
        by_article.setdefault(link.slug, []).append(link)
    count = len(by_article)
    nodes.append(E("p", {"class": "na-count"}, f"{count} article{'s' if count != 1 else ''}, {len(links)} paragraph{'s' if len(links) != 1 else ''}"))
    listing = E("ul", {"class": "na-backlinks"})
    for slug, found in by_article.items():
        article = corpus.articles[slug].article
        item = E(
            "li",
            {},
            E("a", {"class": "na-backlinks__title", "href": rel(here, article.src_uri)}, article.title),
            " ",
            E("time", {"datetime": article.published.isoformat()}, long_date(article.published)),
            E("q", {}, found[0].excerpt),
        )
        paragraphs = E("span", {"class": "na-backlinks__paragraphs"}, "Paragraph" + ("s " if len(found) > 1 else " "))
        for index, link in enumerate(found):
            if index:
                add(paragraphs, ", ")
            paragraphs.append(E("a", {"href": rel(here, f"{article.src_uri}#p-{link.paragraph}")}, str(link.paragraph)))
        item.append(paragraphs)
        listing.append(item)
    nodes.append(listing)
    return nodes


def what_they_said(corpus: Corpus, entity_id: str, here: str, heading: str) -> list[Element]:
    """Every quotation the articles attribute to the entity, each linking to its paragraph."""
    said = corpus.said.get(entity_id, [])
    if not said:
        return []
    nodes: list[Element] = [E("h2", {"id": "what-they-said"}, heading)]
    items = E("ul", {"class": "na-said"})
    for slug, quote in said:
        article = corpus.articles[slug].article
        items.append(
            E(
                "li",
                {},
                E("blockquote", {}, E("p", {}, quote.text.strip())),
                E(
                    "p",
                    {"class": "na-said__where"},
                    E("a", {"href": rel(here, f"{article.src_uri}#p-{quote.paragraph}")}, f"{article.title}, paragraph {quote.paragraph}"),
                    f" · {long_date(article.published)}",
                ),
            )
        )
    nodes.append(items)
    return nodes


def entity_timeline(corpus: Corpus, entity_id: str, here: str) -> list[Element]:
    events = timeline.entity_events(corpus, entity_id)
    if not events:
        return []
    entity = corpus.kb.entities[entity_id]
    label = entity.short_name if isinstance(entity, Organisation) else entity.label
    picture = chart(events, [(entity_id, label)], here, timeline.event_uri, title=f"{entity.label} on the timeline")
    return [E("h2", {"id": "on-the-timeline"}, "On the timeline"), picture, E("ul", {"class": "na-event-list"}, *(event_item(e, here) for e in events))]


def example_placeholder(example: str) -> dict[str, str]:
    """An input's placeholder attribute, none for no example."""
    return {"placeholder": example} if example else {}


def lanes(corpus: Corpus) -> list[tuple[str, str]]:
    """The timeline chart's lanes: ``timeline_lanes`` in mkdocs.yml's ``extra.archive`` (checked
    when the corpus is built), or every organisation with events, in the knowledge base's order."""
    kb = corpus.kb
    ids = corpus.settings.timeline_lanes or [o.id for o in kb.organisations if any(o.id in e.entities for e in kb.events)]
    return [(i, kb.entities[i].short_name) for i in ids]


def unsearched(nodes: list[Element]) -> list[Element]:
    """Sections of an entity page that repeat other pages (statements, events, mentions, sources):
    left out of the search index (see newsroom.search), where the pages they repeat are."""
    for node in nodes:
        node.set("data-search-exclude", "")
    return nodes


def _entity_sections(corpus: Corpus, entity: Entity, label: str, here: str, statements: str) -> list[Element]:
    """What every entity page ends with: its other spellings, then the sections that repeat other
    pages (statements, events, mentions, sources), which search leaves out."""
    aliases = sorted(set(entity.aliases) - {label})
    nodes = [E("p", {"class": "na-entity__aliases"}, "Also written: " + ", ".join(aliases))] if aliases else []
    nodes += unsearched(what_they_said(corpus, entity.id, here, statements))
    nodes += unsearched(entity_timeline(corpus, entity.id, here))
    nodes += unsearched(mentioned_in(corpus, entity.id, here))
    return nodes + unsearched([E("h2", {"id": "sources"}, "Sources"), sources_list(entity.sources)])


def glossary_entry(corpus: Corpus, entity_id: str) -> Element:
    kb = corpus.kb
    entity = kb.entities[entity_id]
    here = entity_uri(entity)
    root = E("div", {"class": "na-entity", "data-entity": entity.id})
    facts = E("dl", {"class": "na-facts"})
    facts.append(E("dt", {}, "Kind"))
    facts.append(E("dd", {}, kind_label(entity)))
    if isinstance(entity, Organisation):
        if entity.short_name != entity.name:
            facts.append(E("dt", {}, "Short name"))
            facts.append(E("dd", {}, entity.short_name))
        if entity.website:
            facts.append(E("dt", {}, "Website"))
            facts.append(E("dd", {}, E("a", {"href": entity.website}, entity.website)))
    for term in facts:  # a line break between terms and values: search reads "Kind Union", not "KindUnion"
        term.tail = "\n"
    root.append(E("p", {"class": "na-entity__lead"}, description(entity)))
    root.append(facts)
    if isinstance(entity, Organisation):
        leaders = kb.leaders(entity.id)
        if leaders:
            root.append(E("h2", {"id": "leaders"}, "Leaders"))
            root.append(
                E(
                    "ul",
                    {"class": "na-roles"},
                    *(
                        E("li", {}, E("a", {"href": rel(here, entity_uri(p))}, p.name), f", {r.title.lower()}" + (f" ({span_text(r)})" if span_text(r) else ""))
                        for p, r in leaders
                    ),
                )
            )
    root.extend(_entity_sections(corpus, entity, entity.label, here, "Statements"))
    return root


def glossary_index(corpus: Corpus) -> Element:
    kb = corpus.kb
    here = "glossary/index.md"
    root = E("div", {"class": "na-index"})
    entries = sorted((*kb.organisations, *kb.terms), key=lambda e: e.label.casefold())
    for section in corpus.settings.glossary_groups:  # every kind is in one (newsroom.settings)
        group = [e for e in entries if (e.kind if isinstance(e, Organisation) else TERMS) in section.kinds]
        if not group:
            continue
        root.append(E("h2", {"id": section.id}, section.title))
        root.append(E("dl", {"class": "na-glossary"}, *_glossary_items(corpus, group, here)))
    return root


def _glossary_items(corpus: Corpus, group: list[Entity], here: str) -> list[Element]:
    items = []
    for entity in group:
        count = len({b.slug for b in corpus.backlinks.get(entity.id, [])})
        label = entity.label + (f" ({entity.short_name})" if isinstance(entity, Organisation) and entity.short_name not in entity.label else "")
        items.append(E("dt", {"id": entity.id}, E("a", {"href": rel(here, entity_uri(entity))}, label)))
        items.append(
            E(
                "dd",
                {},
                first_sentence(description(entity)),
                E("span", {"class": "na-count"}, f" · {count} article{'s' if count != 1 else ''}"),
            )
        )
    return items


def person_entry(corpus: Corpus, person_id: str) -> Element:
    kb = corpus.kb
    person = kb.entities[person_id]
    assert isinstance(person, Person)
    here = entity_uri(person)
    root = E("div", {"class": "na-entity", "data-entity": person.id})
    root.append(E("p", {"class": "na-entity__lead"}, person.description))
    if person.roles:
        root.append(E("h2", {"id": "roles"}, "Roles"))
        items = E("ul", {"class": "na-roles"})
        for role in sorted(person.roles, key=lambda r: r.start or dt.date.min):
            org = kb.entities[role.organisation]
            dates = span_text(role)
            items.append(E("li", {}, f"{role.title}, ", E("a", {"href": rel(here, entity_uri(org))}, org.label), f" ({dates})" if dates else None))
        root.append(items)
    root.extend(_entity_sections(corpus, person, person.name, here, "What they said"))
    root.append(person_jsonld(corpus, person))
    return root


def person_jsonld(corpus: Corpus, person: Person) -> Element:
    """schema.org ``Person`` structured data: name, jobTitle, affiliation, url, sameAs (sources)."""
    import json

    from markdown.util import AtomicString

    kb = corpus.kb
    roles = roles_then(corpus, person)
    data = {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": person.name,
        "url": absolute(corpus.site_url, entity_uri(person)),
        "description": first_sentence(person.description),
    }
    if roles:
        data["jobTitle"] = roles[0].title
        data["affiliation"] = [
            {"@type": "Organization", "name": kb.entities[r.organisation].label, "url": absolute(corpus.site_url, entity_uri(kb.entities[r.organisation]))}
            for r in roles
        ]
    script = Element("script", {"type": "application/ld+json"})
    script.text = AtomicString(json.dumps(data, ensure_ascii=False).replace("</", "<\\/"))
    return script


def people_index(corpus: Corpus) -> Element:
    """Everyone, A to Z by surname, with their role when the articles were written and a filter box."""
    kb = corpus.kb
    here = "people/index.md"
    filter_box = E(
        "div",
        {"class": "na-people-filter", "hidden": "hidden"},
        E("label", {"for": "na-people-filter"}, "Filter by name or organisation"),
        E("input", {"type": "search", "id": "na-people-filter", "autocomplete": "off", **example_placeholder(corpus.settings.people_filter_example)}),
        E("p", {"class": "na-timeline-count", "role": "status", "aria-live": "polite"}),
    )
    listing = E("ul", {"class": "na-people"})
    for person in sorted(kb.people, key=lambda p: (p.surname.casefold(), p.name.casefold())):
        count = len({b.slug for b in corpus.backlinks.get(person.id, [])})
        roles = roles_then(corpus, person)
        organisations = [kb.entities[r.organisation] for r in roles]
        searchable = " ".join([person.name, *(f"{o.label} {getattr(o, 'short_name', '')}" for o in organisations)]).casefold()
        item = E("li", {"class": "na-person", "id": person.id, "data-search": searchable})
        item.append(E("a", {"class": "na-person__name", "href": rel(here, entity_uri(person))}, person.name))
        detail = E("span", {"class": "na-person__role"})
        for index, role in enumerate(roles):
            if index:
                add(detail, "; ")
            org = kb.entities[role.organisation]
            add(detail, f"{role.title}, ")
            detail.append(E("a", {"href": rel(here, entity_uri(org))}, getattr(org, "short_name", org.label)))
            dates = span_text(role)
            add(detail, f" ({dates})" if dates else None)
        if not roles:
            add(detail, first_sentence(person.description))
        item.append(detail)
        item.append(E("span", {"class": "na-count"}, f"Mentioned in {count} article{'s' if count != 1 else ''}"))
        listing.append(item)
    return E("div", {"class": "na-index na-people-index"}, filter_box, listing)


# --- timeline -------------------------------------------------------------------------------


def _month_label(key: str) -> str:
    return f"{dt.date.fromisoformat(key + '-01'):%B %Y}"


def _entity_links(kb: KnowledgeBase, ids: tuple[str, ...], here: str) -> list[Element | str]:
    parts: list[Element | str] = []
    for index, entity_id in enumerate(ids):
        entity = kb.entities[entity_id]
        if index:
            parts.append(", ")
        parts.append(E("a", {"href": rel(here, entity_uri(entity))}, entity.label))
    return parts


def _paragraph_link(corpus: Corpus, slug: str, number: int, here: str, words: str | None = None) -> Element:
    article = corpus.articles[slug].article
    label = f"{article.title}, paragraph {number}"
    return E("li", {}, E("a", {"href": rel(here, f"{article.src_uri}#p-{number}")}, label), E("span", {"class": "na-count"}, f" · “{words}”") if words else None)


def timeline_event(corpus: Corpus, event: Event, here: str) -> Element:
    kb = corpus.kb
    when = long_date(event.date) + (f" – {long_date(event.end)}" if event.end else "")
    node = E(
        "article",
        {"class": "na-event", "id": event.id, "data-entities": " ".join(event.entities)},
        E("h3", {"class": "na-event__title"}, event.title),
        E("p", {"class": "na-event__when"}, E("time", {"datetime": event.date.isoformat()}, when)),
        E("p", {}, event.description),
    )
    if event.entities:
        node.append(E("p", {"class": "na-event__who"}, "Involved: ", *_entity_links(kb, event.entities, here)))
    node.append(numbered_sources(event.sources, "na-event__sources"))
    reports = timeline.reported_in(corpus, event)
    if reports:
        node.append(E("p", {"class": "na-event__reported"}, "Reported in:"))
        node.append(E("ul", {}, *(_paragraph_link(corpus, r.slug, r.paragraph, here, r.date.text) for r in reports)))
    return node


def timeline_month(corpus: Corpus, key: str) -> Element:
    here = f"timeline/{key}.md"
    months = timeline.month_keys(corpus)
    position = months.index(key)
    nav = E("nav", {"class": "na-month-nav", "aria-label": "Months"})
    if position > 0:
        before = months[position - 1]
        nav.append(E("a", {"class": "na-month-nav__prev", "href": rel(here, f"timeline/{before}.md"), "rel": "prev"}, f"← {_month_label(before)}"))
    nav.append(E("a", {"class": "na-month-nav__all", "href": rel(here, "timeline/index.md")}, "Whole timeline"))
    if position + 1 < len(months):
        after = months[position + 1]
        nav.append(E("a", {"class": "na-month-nav__next", "href": rel(here, f"timeline/{after}.md"), "rel": "next"}, f"{_month_label(after)} →"))
    root = E("div", {"class": "na-timeline na-timeline--month"}, nav)
    for day in timeline.days_of(corpus, key):
        section = E("section", {"class": "na-day"}, E("h2", {"id": day.day.isoformat()}, long_date(day.day)))
        for event in day.events:
            section.append(timeline_event(corpus, event, here))
        if day.published:
            section.append(E("p", {"class": "na-day__label"}, "Published:"))
            section.append(
                E(
                    "ul",
                    {},
                    *(E("li", {}, E("a", {"href": rel(here, corpus.articles[s].article.src_uri)}, corpus.articles[s].article.title)) for s in day.published),
                )
            )
        unattached = [m for m in day.mentions if not timeline.events_on(corpus, day.day)]
        if unattached:
            section.append(E("p", {"class": "na-day__label"}, "Mentioned in:"))
            section.append(E("ul", {}, *(_paragraph_link(corpus, m.slug, m.paragraph, here, m.date.text) for m in unattached)))
        root.append(section)
    periods = timeline.periods_of(corpus, key)
    section = E("section", {"class": "na-day"}, E("h2", {"id": "periods"}, "Periods mentioned"))
    if periods:
        items = E("ul", {})
        for link in periods:
            items.append(_paragraph_link(corpus, link.slug, link.paragraph, here, f"{link.date.text}: {link.date.value.label}"))
        section.append(items)
    else:
        section.append(E("p", {}, "No article mentions a week, month or season starting this month."))
    root.append(section)
    end = copy.deepcopy(nav)
    end.set("aria-label", "Months, at the end of the page")  # landmarks need names of their own
    root.append(end)
    return root


def timeline_index(corpus: Corpus) -> Element:
    kb = corpus.kb
    here = "timeline/index.md"
    involved = sorted({i for e in kb.events for i in e.entities if kb.entities[i].section in ("glossary", "people")} - {t.id for t in kb.terms})
    controls = E(
        "div",
        {"class": "na-timeline-controls", "hidden": "hidden"},
        E("label", {"for": "na-timeline-filter"}, "Show events involving "),
        E(
            "select",
            {"id": "na-timeline-filter"},
            E("option", {"value": ""}, "anyone"),
            *(E("option", {"value": i}, kb.entities[i].label) for i in sorted(involved, key=lambda i: kb.entities[i].label.casefold())),
        ),
        E("button", {"type": "button", "class": "md-button na-timeline-order", "aria-pressed": "false"}, "Newest first"),
        E("p", {"class": "na-timeline-count", "role": "status", "aria-live": "polite"}),
    )
    published = [a.article.published for a in corpus.newest_first()]
    drawn = chart(list(kb.events), lanes(corpus), here, timeline.event_uri, published, corpus.settings.chart_title)
    root = E("div", {"class": "na-timeline na-timeline--index"}, drawn, controls)
    listing = E("div", {"class": "na-timeline__list"})
    for year in timeline.years(corpus):
        block = E("section", {"class": "na-year", "data-year": str(year)}, E("h2", {"id": f"year-{year}"}, str(year)))
        for key in [m for m in timeline.month_keys(corpus) if m.startswith(f"{year}-")]:
            month = E("section", {"class": "na-month"}, E("h3", {"id": f"month-{key}"}, E("a", {"href": rel(here, f"timeline/{key}.md")}, _month_label(key))))
            items = E("ol", {"class": "na-timeline__events"})
            days = timeline.days_of(corpus, key)
            published = sum(len(day.published) for day in days)
            for day in days:
                for event in day.events:
                    items.append(
                        E(
                            "li",
                            {"class": "na-timeline__event", "data-entities": " ".join(event.entities)},
                            E("time", {"datetime": event.date.isoformat()}, long_date(event.date)),
                            " ",
                            E("a", {"href": rel(here, timeline.event_uri(event))}, event.title),
                        )
                    )
                for slug in day.published if published <= INDEX_ARTICLES else ():
                    article = corpus.articles[slug].article
                    items.append(
                        E(
                            "li",
                            {"class": "na-timeline__event na-timeline__event--article", "data-entities": " ".join(corpus.articles[slug].entities)},
                            E("time", {"datetime": article.published.isoformat()}, long_date(article.published)),
                            " Article: ",
                            E("a", {"href": rel(here, article.src_uri)}, article.title),
                        )
                    )
            if published > INDEX_ARTICLES:
                month.append(E("p", {"class": "na-count"}, E("a", {"href": rel(here, f"timeline/{key}.md")}, f"{published} articles published this month")))
            if len(items):
                month.append(items)
            else:
                month.append(E("p", {"class": "na-count"}, "Dates mentioned in articles only."))
            block.append(month)
        year_links = [link for link in corpus.date_links if link.date.value.precision == "year" and link.date.value.start.year == year]
        if year_links:
            block.append(E("p", {"class": "na-day__label"}, f"Articles that mention {year} as a whole:"))
            block.append(E("ul", {}, *(_paragraph_link(corpus, m.slug, m.paragraph, here, m.date.text) for m in year_links)))
        listing.append(block)
    root.append(listing)
    return root


def notes_index(corpus: Corpus) -> Element:
    here = "notes/index.md"
    from .notes import KIND_LABELS

    total = sum(len(a.notes) for a in corpus.articles.values())
    controls = E(
        "div",
        {"class": "na-notes-controls", "hidden": "hidden"},
        E("label", {"for": "na-notes-filter"}, "Show "),
        E("select", {"id": "na-notes-filter"}, E("option", {"value": ""}, "every kind of note"), *(E("option", {"value": k}, v) for k, v in KIND_LABELS.items())),
        E("p", {"class": "na-timeline-count", "role": "status", "aria-live": "polite"}),
    )
    root = E("div", {"class": "na-notes-index"}, E("p", {}, f"{total} note{'s' if total != 1 else ''} by the archive's editors, each with a permanent link."), controls)
    for annotated in corpus.newest_first():
        if not annotated.notes:
            continue
        article = annotated.article
        group = E(
            "section",
            {"class": "na-notes-group"},
            E("h2", {"id": article.slug}, E("a", {"href": rel(here, article.src_uri)}, article.title)),
            E("p", {"class": "na-count"}, f"{long_date(article.published)} · {article.publisher}"),
        )
        items = E("ul", {"class": "na-notes-index__list"})
        for note in annotated.notes:
            items.append(
                E(
                    "li",
                    {"class": "na-notes-index__item", "data-kind": note.kind, "id": f"{article.slug}--{note.id}"},
                    E("p", {"class": "na-note-body__kind"}, E("span", {"class": f"na-kind na-kind--{note.kind}"}, note.label), E("q", {}, note.quote)),
                    E("div", {"class": "na-note-body__text"}, *note_body(corpus, annotated, note, here, tooltips=False)),
                    E(
                        "p",
                        {"class": "na-note-body__links"},
                        E("a", {"href": rel(here, f"{article.src_uri}#note-{note.id}")}, f"Read it in place (paragraph {note.anchor.paragraph})"),
                    ),
                )
            )
        group.append(items)
        root.append(group)
    return root


def share_uri(slug: str, note_id: str) -> str:
    """A note's own page, the link to share: ``notes/<article>/<note>/``. (Note ids are unique
    within an article, so the article's slug is part of the address.)"""
    return f"notes/{slug}/{note_id}.md"


def card_uri(slug: str, note_id: str) -> str:
    """The preview image of a note's page (``og:image``), beside it."""
    return f"notes/{slug}/{note_id}/card.png"


def note_text(corpus: Corpus, annotated: AnnotatedArticle, note) -> str:
    """A note's body as plain text, one space between words (the tree holds ``&`` escaped)."""
    elements = note_body(corpus, annotated, note, annotated.article.src_uri, tooltips=False)
    return " ".join(" ".join("".join(e.itertext()) for e in elements).replace("&amp;", "&").split())


def note_page(corpus: Corpus, key: str) -> Element:
    """The page a note's link leads to when shared: the passage in its paragraph, the note, its
    sources, the article, and a prominent link to the passage in the article."""
    slug, _, note_id = key.partition("/")
    annotated = corpus.articles[slug]
    article = annotated.article
    note = next(n for n in annotated.notes if n.id == note_id)
    here = share_uri(slug, note_id)
    text = article.paragraphs[note.anchor.paragraph - 1].text
    start, end = note_extent(annotated, note)
    passage = E("p", {}, text[:start] or None, E("mark", {"class": "na-note"}, text[start:end]), text[end:] or None)
    source = E(
        "p",
        {"class": "na-share__source"},
        "From ",
        E("a", {"href": rel(here, article.src_uri)}, article.title),
        f", {article.publisher}, ",
        E("time", {"datetime": article.published.isoformat()}, long_date(article.published)),
        f", paragraph {note.anchor.paragraph}.",
    )
    return E(
        "div",
        {"class": "na-share", "data-note": note.id},
        E("p", {"class": "na-share__kind"}, E("span", {"class": f"na-kind na-kind--{note.kind}"}, note.label), " An editor's note on this passage:"),
        E("blockquote", {"class": "na-share__passage"}, passage),
        source,
        E("p", {}, E("a", {"class": "md-button md-button--primary", "href": rel(here, f"{article.src_uri}#note-{note.id}")}, "Read it in the article")),
        E("h2", {"id": "the-note"}, "The note"),
        E("div", {"class": "na-share__body"}, *note_body(corpus, annotated, note, here)),
        numbered_sources(note.sources, "na-note-body__sources") if note.sources else None,
    )


BUILDERS = {
    "note": note_page,
    "article": article_page,
    "articles": lambda corpus, key: articles_index(corpus),
    "glossary": lambda corpus, key: glossary_index(corpus),
    "glossary-entry": glossary_entry,
    "people": lambda corpus, key: people_index(corpus),
    "person": person_entry,
    "timeline": lambda corpus, key: timeline_index(corpus),
    "timeline-month": timeline_month,
    "notes": lambda corpus, key: notes_index(corpus),
    "archive-year": archive_year,
    "archive-month": archive_month,
}


def page_specs(corpus: Corpus) -> list[PageSpec]:
    """Every page the corpus generates, in a stable order."""
    kb = corpus.kb
    specs = [
        PageSpec("articles/index.md", "articles", "", "Articles", "Every article in the archive, newest first."),
        PageSpec("glossary/index.md", "glossary", "", "Glossary", corpus.settings.glossary_description),
        PageSpec("people/index.md", "people", "", "People", "Everyone the articles name, A to Z."),
        PageSpec("timeline/index.md", "timeline", "", "Timeline", corpus.settings.timeline_description),
        PageSpec("notes/index.md", "notes", "", "Editors' notes", "Every note the editors have pinned to a passage, by article."),
    ]
    months = corpus.by_month()
    for year in sorted({k[:4] for k in months}):
        specs.append(PageSpec(f"archive/{year}/index.md", "archive-year", year, f"Articles from {year}", f"Every article from {year}, by month."))
    for key, articles in months.items():
        for page in range(1, max(1, -(-len(articles) // corpus.settings.page_size)) + 1):
            title = f"Articles from {_month_label(key)}" + (f", page {page}" if page > 1 else "")
            specs.append(PageSpec(archive_uri(key, page), "archive-month", f"{key}/{page}", title, f"Articles published in {_month_label(key)}."))
    for key in timeline.month_keys(corpus):
        label = _month_label(key)
        specs.append(PageSpec(f"timeline/{key}.md", "timeline-month", key, label, corpus.settings.month_description.replace("{month}", label)))
    for annotated in corpus.newest_first():
        article = annotated.article
        specs.append(PageSpec(article.src_uri, "article", article.slug, article.title, article.summary or article.title))
    for slug, annotated in sorted(corpus.articles.items()):
        for note in annotated.notes:
            specs.append(PageSpec(share_uri(slug, note.id), "note", f"{slug}/{note.id}", f"“{note.quote}”", first_sentence(note_text(corpus, annotated, note))))
    for entity in sorted((*kb.organisations, *kb.terms), key=lambda e: e.id):
        specs.append(PageSpec(entity_uri(entity), "glossary-entry", entity.id, entity.label, first_sentence(description(entity))))
    for person in sorted(kb.people, key=lambda p: p.id):
        specs.append(PageSpec(entity_uri(person), "person", person.id, person.name, first_sentence(person.description)))
    return specs
