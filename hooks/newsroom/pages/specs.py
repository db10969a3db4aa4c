"""Every page the corpus generates (``PageSpec``) and the function that builds each kind."""

from __future__ import annotations

from dataclasses import dataclass

from .. import timeline
from ..corpus import Corpus
from ..urls import archive_uri, archive_year_uri, entity_uri, share_uri, timeline_month_uri
from .archive import archive_month, archive_year, articles_index
from .article import article_page, note_text
from .components import description, first_sentence, month_label
from .entities import glossary_entry, glossary_index, people_index, person_entry
from .notes import note_page, notes_index
from .timeline import timeline_index, timeline_month


@dataclass(frozen=True)
class PageSpec:
    """One generated page: where it lives, its title and how to build its body."""

    src_uri: str
    kind: str
    key: str
    title: str
    description: str


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
        specs.append(PageSpec(archive_year_uri(year), "archive-year", year, f"Articles from {year}", f"Every article from {year}, by month."))
    for key, articles in months.items():
        for page in range(1, max(1, -(-len(articles) // corpus.settings.page_size)) + 1):
            title = f"Articles from {month_label(key)}" + (f", page {page}" if page > 1 else "")
            specs.append(PageSpec(archive_uri(key, page), "archive-month", f"{key}/{page}", title, f"Articles published in {month_label(key)}."))
    for key in timeline.month_keys(corpus):
        label = month_label(key)
        specs.append(PageSpec(timeline_month_uri(key), "timeline-month", key, label, corpus.settings.month_description.replace("{month}", label)))
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
