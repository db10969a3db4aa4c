"""The editors' notes: their index and each note's share page."""

from __future__ import annotations

from xml.etree.ElementTree import Element

from ..corpus import Corpus
from ..dates import long_date
from ..html import E, rel
from ..urls import note_in_article_uri, share_uri
from .article import note_body, note_extent
from .cite import cite_box, corrections_notice, note_work
from .components import choice, filter_controls, numbered_sources


def notes_index(corpus: Corpus) -> Element:
    here = "notes/index.md"
    from ..notes import KIND_LABELS

    total = sum(len(a.notes) for a in corpus.articles.values())
    kinds = choice("na-notes-filter", "every kind of note", list(KIND_LABELS.items()))
    controls = filter_controls("na-notes-controls", "na-notes-filter", "Show ", kinds)
    root = E(
        "div",
        {"class": "na-notes-index"},
        E("p", {}, f"{total} note{'s' if total != 1 else ''} by the archive's editors, each with a permanent link."),
        controls,
    )
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
                    E(
                        "p",
                        {"class": "na-note-body__kind"},
                        E("span", {"class": f"na-kind na-kind--{note.kind}"}, note.label),
                        E("q", {}, note.quote),
                    ),
                    E(
                        "div",
                        {"class": "na-note-body__text"},
                        *note_body(corpus, annotated, note, here, tooltips=False),
                    ),
                    E(
                        "p",
                        {"class": "na-note-body__links"},
                        E(
                            "a",
                            {"href": rel(here, note_in_article_uri(article.slug, note.id))},
                            f"Read it in place (paragraph {note.anchor.paragraph})",
                        ),
                    ),
                )
            )
        group.append(items)
        root.append(group)
    return root


def note_page(corpus: Corpus, slug: str, note_id: str) -> Element:
    """The page a note's link leads to when shared: the passage in its paragraph, the note, its
    sources, the article, and a prominent link to the passage in the article."""
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
        E(
            "p",
            {"class": "na-share__kind"},
            E("span", {"class": f"na-kind na-kind--{note.kind}"}, note.label),
            " An editor's note on this passage:",
        ),
        E("blockquote", {"class": "na-share__passage"}, passage),
        source,
        E(
            "p",
            {},
            E(
                "a",
                {
                    "class": "md-button md-button--primary",
                    "href": rel(here, note_in_article_uri(article.slug, note.id)),
                },
                "Read it in the article",
            ),
        ),
        E("h2", {"id": "the-note"}, "The note"),
        E("div", {"class": "na-share__body"}, *note_body(corpus, annotated, note, here)),
        numbered_sources(note.sources, "na-note-body__sources") if note.sources else None,
        corrections_notice(note.corrections, "note", "corrections", here),
        cite_box(note_work(corpus, annotated, note), "note"),
    )
