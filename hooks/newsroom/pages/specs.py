"""Every page the corpus generates: one typed spec per page (``PageSpec`` and its kinds), each
with the fields its builder reads and the builder itself (``build``).

The Markdown extension (``newsroom.mdext``) finds a generated page's spec by its ``src_uri`` and
calls ``spec.build(corpus)``; ``newsroom.incremental.page_inputs`` and ``newsroom.search`` tell
the kinds apart with ``isinstance``. To add a kind of page, see the README's checklist.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.etree.ElementTree import Element

from .. import timeline
from ..corpus import Corpus
from ..urls import archive_uri, archive_year_uri, entity_uri, share_uri, timeline_month_uri
from .archive import archive_month, archive_year, articles_index
from .article import article_page, note_text
from .cite import CORRECTIONS_URI, article_head, corrections_index, note_head
from .components import description, first_sentence, month_label
from .entities import glossary_entry, glossary_index, people_index, person_entry
from .notes import note_page, notes_index
from .timeline import timeline_index, timeline_month


@dataclass(frozen=True)
class PageSpec:
    """One generated page: where it lives, its title and description; ``build`` makes its body."""

    src_uri: str
    title: str
    description: str

    def build(self, corpus: Corpus) -> Element:
        raise NotImplementedError(type(self).__name__)

    def head(self, corpus: Corpus) -> str:
        """What the page adds to its head (an article's or a note's citation meta and JSON-LD)."""
        return ""


@dataclass(frozen=True)
class ArticlesIndex(PageSpec):
    def build(self, corpus: Corpus) -> Element:
        return articles_index(corpus)


@dataclass(frozen=True)
class GlossaryIndex(PageSpec):
    def build(self, corpus: Corpus) -> Element:
        return glossary_index(corpus)


@dataclass(frozen=True)
class PeopleIndex(PageSpec):
    def build(self, corpus: Corpus) -> Element:
        return people_index(corpus)


@dataclass(frozen=True)
class TimelineIndex(PageSpec):
    def build(self, corpus: Corpus) -> Element:
        return timeline_index(corpus)


@dataclass(frozen=True)
class NotesIndex(PageSpec):
    def build(self, corpus: Corpus) -> Element:
        return notes_index(corpus)


@dataclass(frozen=True)
class CorrectionsIndex(PageSpec):
    def build(self, corpus: Corpus) -> Element:
        return corrections_index(corpus)


@dataclass(frozen=True)
class ArchiveYear(PageSpec):
    year: str  # "2023"

    def build(self, corpus: Corpus) -> Element:
        return archive_year(corpus, self.year)


@dataclass(frozen=True)
class ArchiveMonth(PageSpec):
    month: str  # "2023-04"
    page: int  # 1, 2, … (corpus.settings.page_size articles a page)

    def build(self, corpus: Corpus) -> Element:
        return archive_month(corpus, self.month, self.page)


@dataclass(frozen=True)
class TimelineMonth(PageSpec):
    month: str  # "2023-04"

    def build(self, corpus: Corpus) -> Element:
        return timeline_month(corpus, self.month)


@dataclass(frozen=True)
class ArticlePage(PageSpec):
    slug: str

    def build(self, corpus: Corpus) -> Element:
        return article_page(corpus, self.slug)

    def head(self, corpus: Corpus) -> str:
        return article_head(corpus, corpus.articles[self.slug])


@dataclass(frozen=True)
class NotePage(PageSpec):
    """A note's own page (its share page, with its card)."""

    slug: str  # the article's
    note_id: str

    def build(self, corpus: Corpus) -> Element:
        return note_page(corpus, self.slug, self.note_id)

    def head(self, corpus: Corpus) -> str:
        annotated = corpus.articles[self.slug]
        note = next(n for n in annotated.notes if n.id == self.note_id)
        return note_head(corpus, annotated, note, note_text(corpus, annotated, note))


@dataclass(frozen=True)
class EntityPage(PageSpec):
    """An entity's page: an organisation or a term in the glossary, or a person."""

    entity_id: str


@dataclass(frozen=True)
class GlossaryEntry(EntityPage):
    def build(self, corpus: Corpus) -> Element:
        return glossary_entry(corpus, self.entity_id)


@dataclass(frozen=True)
class PersonPage(EntityPage):
    def build(self, corpus: Corpus) -> Element:
        return person_entry(corpus, self.entity_id)


def page_specs(corpus: Corpus) -> list[PageSpec]:
    """Every page the corpus generates, in a stable order."""
    kb = corpus.kb
    specs: list[PageSpec] = [
        ArticlesIndex("articles/index.md", "Articles", "Every article in the archive, newest first."),
        GlossaryIndex("glossary/index.md", "Glossary", corpus.settings.glossary_description),
        PeopleIndex("people/index.md", "People", "Everyone the articles name, A to Z."),
        TimelineIndex("timeline/index.md", "Timeline", corpus.settings.timeline_description),
        NotesIndex("notes/index.md", "Editors' notes", "Every note the editors have pinned to a passage, by article."),
        CorrectionsIndex(CORRECTIONS_URI, "Corrections", "Every correction to an article or a note, newest first."),
    ]
    months = corpus.by_month()
    for year in sorted({k[:4] for k in months}):
        specs.append(
            ArchiveYear(archive_year_uri(year), f"Articles from {year}", f"Every article from {year}, by month.", year)
        )
    for key, articles in months.items():
        for page in range(1, max(1, -(-len(articles) // corpus.settings.page_size)) + 1):
            title = f"Articles from {month_label(key)}" + (f", page {page}" if page > 1 else "")
            specs.append(
                ArchiveMonth(archive_uri(key, page), title, f"Articles published in {month_label(key)}.", key, page)
            )
    for key in timeline.month_keys(corpus):
        label = month_label(key)
        specs.append(
            TimelineMonth(
                timeline_month_uri(key), label, corpus.settings.month_description.replace("{month}", label), key
            )
        )
    for annotated in corpus.newest_first():
        article = annotated.article
        specs.append(ArticlePage(article.src_uri, article.title, article.summary or article.title, article.slug))
    for slug, annotated in sorted(corpus.articles.items()):
        for note in annotated.notes:
            specs.append(
                NotePage(
                    share_uri(slug, note.id),
                    f"“{note.quote}”",
                    first_sentence(note_text(corpus, annotated, note)),
                    slug,
                    note.id,
                )
            )
    for entity in sorted((*kb.organisations, *kb.terms), key=lambda e: e.id):
        specs.append(GlossaryEntry(entity_uri(entity), entity.label, first_sentence(description(entity)), entity.id))
    for person in sorted(kb.people, key=lambda p: p.id):
        specs.append(PersonPage(entity_uri(person), person.name, first_sentence(person.description), person.id))
    return specs
