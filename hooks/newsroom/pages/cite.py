"""What makes an article or a note citable and dated: its ``Work`` (newsroom.citation), the
"Cite" box on its page, the corrections notice, and what its page's head carries (the Highwire
and Dublin Core meta tags and schema.org JSON-LD), added when the page is final
(``BuildState.final_page``)."""

from __future__ import annotations

from html import escape
from xml.etree.ElementTree import Element

from markdown.serializers import to_html_string
from markdown.util import AtomicString

from ..citation import Work, apa, bibtex, byline_names, csl_json, meta_tags, ris
from ..corpus import AnnotatedArticle, Corpus
from ..dates import long_date
from ..html import E, absolute, json_ld, rel
from ..model import Correction, Organisation, Person
from ..urls import entity_uri, oembed_uri, share_uri
from .components import numbered_sources

HEAD_MARK = '<meta name="citation_title"'  # the head's extras begin so: added once


def article_work(corpus: Corpus, annotated: AnnotatedArticle) -> Work:
    article = annotated.article
    return Work(
        key=article.slug,
        kind="article",
        title=article.title,
        authors=byline_names(article.byline),
        container=article.publisher,
        issued=article.published,
        url=absolute(corpus.site_url, article.src_uri),
        archive=corpus.site_name,
        original=article.url,
    )


def note_work(corpus: Corpus, annotated: AnnotatedArticle, note) -> Work:
    article = annotated.article
    return Work(
        key=f"{article.slug}-{note.id}",
        kind="note",
        title=f"Note on “{note.quote}”, in “{article.title}”",
        authors=(),
        container=corpus.site_name,
        issued=note.created or article.published,
        url=absolute(corpus.site_url, share_uri(article.slug, note.id)),
        archive=corpus.site_name,
    )


FORMATS = (  # (id, label, file suffix, media type)
    ("bibtex", "BibTeX", "bib", "application/x-bibtex"),
    ("ris", "RIS", "ris", "application/x-research-info-systems"),
    ("csl", "CSL-JSON", "json", "application/vnd.citationstyles.csl+json"),
)


def cite_box(work: Work, what: str) -> Element:
    """``<details class="na-cite">``: "Cite this <what>" opens the APA citation and the BibTeX, RIS
    and CSL-JSON to copy or download (a native disclosure: keyboard and screen readers need no
    script). ``cite.js`` shows the copy and download buttons (a download is made in the browser,
    not kept as a file or a ``data:`` link in every page) and adds the reader's access date to
    the three files; without it, the text is there to select and copy."""
    text, html = apa(work)
    citation = E("p", {"class": "na-cite__text", "id": f"cite-{work.key}-apa"})
    # The citation's HTML is newsroom.citation's, every part escaped there: only <i> is markup.
    _append_html(citation, html)
    body = E(
        "div",
        {"class": "na-cite__body"},
        E("p", {"class": "na-cite__style"}, "APA (7th edition)"),
        citation,
        E(
            "p",
            {"class": "na-cite__actions"},
            E(
                "button",
                {"type": "button", "class": "na-cite__copy", "data-copy": text, "hidden": "hidden"},
                "Copy citation",
            ),
        ),
    )
    files = {"bibtex": bibtex(work), "ris": ris(work), "csl": csl_json(work)}
    for key, label, suffix, media in FORMATS:
        content = files[key]
        block = f"cite-{work.key}-{key}"
        body.append(E("p", {"class": "na-cite__format", "id": f"{block}-label"}, label))
        body.append(
            E(
                "pre",
                {"class": "na-cite__code", "tabindex": "0", "aria-labelledby": f"{block}-label"},
                E("code", {"id": block, "data-format": key}, content),
            )
        )
        body.append(
            E(
                "p",
                {"class": "na-cite__actions"},
                E(
                    "button",
                    {"type": "button", "class": "na-cite__copy", "data-copy-from": block, "hidden": "hidden"},
                    f"Copy {label}",
                ),
                " ",
                E(
                    "button",
                    {
                        "type": "button",
                        "class": "na-cite__download",
                        "data-download-from": block,
                        "data-filename": f"{work.key}.{suffix}",
                        "data-type": media,
                        "hidden": "hidden",
                    },
                    f"Download {label} (.{suffix})",
                ),
            )
        )
    body.append(
        E(
            "p",
            {"class": "na-cite__accessed", "data-accessed": ""},
            "The files carry no access date as built; with JavaScript on, each gets today's.",
        )
    )
    body.append(E("p", {"class": "na-cite__status", "role": "status", "aria-live": "polite"}))
    return E(
        "details",
        {"class": "na-cite", "data-pagefind-ignore": "all"},
        E("summary", {"class": "na-cite__summary"}, f"Cite this {what}"),
        body,
    )


def _append_html(element: Element, html: str) -> None:
    """``html`` (escaped text with ``<i>…</i>`` only) as children of ``element``."""
    import html as html_module
    import re

    for index, piece in enumerate(re.split(r"</?i>", html)):
        text = html_module.unescape(piece)
        if index % 2:
            element.append(E("i", {}, text))
        elif len(element):
            element[-1].tail = AtomicString((element[-1].tail or "") + text.replace("&", "&amp;"))
        else:
            element.text = AtomicString((element.text or "") + text.replace("&", "&amp;"))


def corrections_notice(corrections: tuple[Correction, ...], what: str, anchor: str, here: str) -> Element | None:
    """The notice newspapers print: "Correction, 5 April 2023: …" for each, newest first, with its
    sources and a link to every correction (``here``: the page it is on); ``role="note"``, named
    by its heading."""
    if not corrections:
        return None
    title = "Correction" if len(corrections) == 1 else "Corrections"
    items = E("ul", {"class": "na-corrections__list"})
    for correction in sorted(corrections, key=lambda c: c.date, reverse=True):
        items.append(
            E(
                "li",
                {},
                E("time", {"datetime": correction.date.isoformat()}, long_date(correction.date)),
                ": ",
                correction.text,
                " ",
                numbered_sources(correction.sources, "na-corrections__sources"),
            )
        )
    return E(
        "aside",
        {"class": "na-corrections", "id": anchor, "role": "note", "aria-labelledby": f"{anchor}-title"},
        E("p", {"class": "na-corrections__title", "id": f"{anchor}-title"}, f"{title} to this {what}"),
        items,
        E("p", {"class": "na-corrections__all"}, E("a", {"href": rel(here, CORRECTIONS_URI)}, "All corrections")),
    )


CORRECTIONS_URI = "corrections/index.md"


def corrections_index(corpus: Corpus) -> Element:
    """Every correction to an article or a note, newest first, each linked to what it corrects."""
    from ..urls import note_in_article_uri

    here = CORRECTIONS_URI
    found = []  # (date, article, note id or "", correction, link to what it corrects, the article's title or None)
    for slug, annotated in corpus.articles.items():
        article = annotated.article
        for c in article.corrections:
            link = E("a", {"href": rel(here, article.src_uri + "#corrections")}, article.title)
            found.append((c.date, slug, "", c, link, None))
        for note in annotated.notes:
            for c in note.corrections:
                link = E("a", {"href": rel(here, note_in_article_uri(slug, note.id))}, f"the note on “{note.quote}”")
                found.append((c.date, slug, note.id, c, link, article.title))
    root = E("div", {"class": "na-corrections-index"})
    if not found:
        root.append(E("p", {}, "No article or note has been corrected so far."))
        return root
    root.append(E("p", {}, f"{len(found)} correction{'s' if len(found) != 1 else ''}, newest first."))
    items = E("ul", {"class": "na-corrections-index__list"})
    for date, _, _, correction, link, title in sorted(found, key=lambda f: f[:3], reverse=True):
        item = E("li", {}, E("time", {"datetime": date.isoformat()}, long_date(date)), ": ", link)
        item[-1].tail = f", in “{title}”: " if title else ": "
        item.append(E("span", {}, correction.text))
        item.append(numbered_sources(correction.sources, "na-corrections__sources"))
        items.append(item)
    root.append(items)
    return root


def _json_ld(data: dict) -> str:
    return to_html_string(json_ld(data)) + "\n"


def entity_ld(corpus: Corpus, entity) -> dict:
    """An entity the article is about: its type, name, page and external ids."""
    kind = (
        "Person"
        if isinstance(entity, Person)
        else "Organization"
        if isinstance(entity, Organisation)
        else "DefinedTerm"
    )
    data = {"@type": kind, "name": entity.label, "url": absolute(corpus.site_url, entity_uri(entity))}
    if same := same_as(entity):
        data["sameAs"] = same
    return data


def same_as(entity) -> list[str]:
    """The entity's external ids: its Wikidata item and its website, where the knowledge base gives them."""
    found = []
    if getattr(entity, "wikidata", None):
        found.append(f"https://www.wikidata.org/wiki/{entity.wikidata}")
    if getattr(entity, "website", None):
        found.append(entity.website)
    return found


def article_head(corpus: Corpus, annotated: AnnotatedArticle) -> str:
    """The article page's head extras: meta tags, then ``NewsArticle`` JSON-LD."""
    article = annotated.article
    work = article_work(corpus, annotated)
    mentioned = dict.fromkeys(m.entity for paragraph in annotated.mentions for m in paragraph)
    data: dict = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "datePublished": article.published.isoformat(),
        "dateModified": article.modified.isoformat(),
        "author": [{"@type": "Person", "name": name} for name in work.authors]
        or [{"@type": "Organization", "name": article.publisher}],
        "publisher": {"@type": "Organization", "name": article.publisher},
        "url": work.url,
        "mainEntityOfPage": work.url,
        "inLanguage": "en",
        "isPartOf": {"@type": "Collection", "name": corpus.site_name, "url": corpus.site_url},
    }
    if article.summary:
        data["description"] = article.summary
    if article.url:
        data["isBasedOn"] = article.url
        data["sameAs"] = article.url
    if article.tags:
        data["keywords"] = list(article.tags)
    if mentioned:
        data["about"] = [entity_ld(corpus, corpus.kb.entities[i]) for i in mentioned]
    if article.corrections:
        data["correction"] = [
            {"@type": "CorrectionComment", "text": c.text, "datePublished": c.date.isoformat()}
            for c in article.corrections
        ]
    return meta_tags(work) + _json_ld(data)


def note_head(corpus: Corpus, annotated: AnnotatedArticle, note, text: str) -> str:
    """A note's share page's head extras: meta tags, then the note as a schema.org ``Comment`` on the article."""
    work = note_work(corpus, annotated, note)
    article = annotated.article
    data: dict = {
        "@context": "https://schema.org",
        "@type": "Comment",
        "name": work.title,
        "text": text,
        "author": {"@type": "Organization", "name": corpus.site_name, "url": corpus.site_url},
        "datePublished": work.issued.isoformat(),
        "url": work.url,
        "about": {
            "@type": "NewsArticle",
            "headline": article.title,
            "url": absolute(corpus.site_url, article.src_uri),
            "datePublished": article.published.isoformat(),
        },
    }
    if note.corrections:  # oldest first: the last is the newest
        data["dateModified"] = max(work.issued, note.corrections[-1].date).isoformat()
    if note.sources:
        data["citation"] = list(note.sources)
    if note.corrections:
        data["correction"] = [
            {"@type": "CorrectionComment", "text": c.text, "datePublished": c.date.isoformat()}
            for c in note.corrections
        ]
    # oEmbed discovery: where links unfurl, the note embeds (newsroom.exports.oembed).
    oembed = absolute(corpus.site_url, "index.md") + oembed_uri(article.slug, note.id)
    link = (
        f'<link rel="alternate" type="application/json+oembed" href="{escape(oembed)}" title="{escape(work.title)}">\n'
    )
    return meta_tags(work) + link + _json_ld(data)
