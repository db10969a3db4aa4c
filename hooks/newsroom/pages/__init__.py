"""Generated pages, a module per kind of page: each builder returns the ElementTree the Markdown
extension puts in the page (each page's ``specs.PageSpec.build``).

Links point at ``.md`` sources, relative to the page being built, so MkDocs turns them into
URLs and ``--strict`` fails on any that dangle.

- ``components``: what every kind of page is built from (dates, roles, sources, links, lanes)
- ``article``: an article's page (paragraphs, quotations, notes, its timeline)
- ``archive``: the articles index and the archive by year and month
- ``entities``: the glossary and the people (entries and indexes)
- ``timeline``: the timeline index and its months
- ``notes``: the notes index and each note's share page
- ``cite``: what makes an article or a note citable (its Cite box, head meta and JSON-LD) and
  dated (the corrections notice, the corrections page)
- ``specs``: every page the corpus generates, a typed spec each, with its builder
"""

# What the rest of the engine imports from here: the pages (specs), and from the article's page
# what the search index (note_text), the annotations (note_extent) and the incremental build
# (INDEX_ARTICLES) share with it.
from .article import note_extent, note_text
from .specs import (
    ArchiveMonth,
    ArchiveYear,
    ArticlePage,
    ArticlesIndex,
    CorrectionsIndex,
    EntityPage,
    GlossaryEntry,
    GlossaryIndex,
    NotePage,
    NotesIndex,
    PageSpec,
    PeopleIndex,
    PersonPage,
    TimelineIndex,
    TimelineMonth,
    page_specs,
)
from .timeline import INDEX_ARTICLES

__all__ = [
    "INDEX_ARTICLES",
    "ArchiveMonth",
    "ArchiveYear",
    "ArticlePage",
    "ArticlesIndex",
    "CorrectionsIndex",
    "EntityPage",
    "GlossaryEntry",
    "GlossaryIndex",
    "NotePage",
    "NotesIndex",
    "PageSpec",
    "PeopleIndex",
    "PersonPage",
    "TimelineIndex",
    "TimelineMonth",
    "note_extent",
    "note_text",
    "page_specs",
]
