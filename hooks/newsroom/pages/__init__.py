"""Generated pages, a module per kind of page: each builder returns the ElementTree the Markdown
extension puts in the page (``specs.BUILDERS``).

Links point at ``.md`` sources, relative to the page being built, so MkDocs turns them into
URLs and ``--strict`` fails on any that dangle.

- ``components``: what every kind of page is built from (dates, roles, sources, links, lanes)
- ``article``: an article's page (paragraphs, quotations, notes, its timeline)
- ``archive``: the articles index and the archive by year and month
- ``entities``: the glossary and the people (entries and indexes)
- ``timeline``: the timeline index and its months
- ``notes``: the notes index and each note's share page
- ``specs``: every page the corpus generates and its builder
"""

from .article import article_page, note_body, note_extent, note_text, paragraph, span_node
from .components import lanes, note_url
from .specs import BUILDERS, PageSpec, page_specs
from .timeline import INDEX_ARTICLES

__all__ = [
    "BUILDERS",
    "INDEX_ARTICLES",
    "PageSpec",
    "article_page",
    "lanes",
    "note_body",
    "note_extent",
    "note_text",
    "note_url",
    "page_specs",
    "paragraph",
    "span_node",
]
