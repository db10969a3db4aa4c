"""Site search: a Pagefind index, in chunks, so that a reader's first query loads only the pieces
it needs (the word lists its terms live in and the few results it shows), never the whole site.

What is searchable is said by the pages themselves, in the attributes Pagefind reads:

- ``overrides/main.html`` marks the content of every page whose front matter does not say
  ``search: {exclude: true}`` with ``data-pagefind-body``, and writes the page's ``search``
  front matter (:func:`front_matter`) as filters (``type``, ``year``), metadata (``date``, as
  one opaque word: :func:`date_word`; ``publisher``) and the ``date`` sort. Articles, people,
  organisations and terms are indexed; the archive, timeline and index pages, which only list
  what those pages say, are not.
  Hand-written pages are indexed as ``page`` unless they opt out.
- Inside an indexed page, :data:`EXCLUDE` leaves out what is not the page's own words: heading
  and paragraph permalinks, note numbers, speaker chips, the notes list (each note is a record of
  its own), the "On the timeline" aside, and on entity pages the sections that repeat other
  pages (``data-na-search-exclude``: statements, events, "Mentioned in", sources).
- Each editor's note is a record of its own (:func:`note_records`), written where its URL names
  ``#note-<id>`` in its article (:func:`record_path`), with the article's date.

The index is in parts (:func:`part_of`): one Pagefind bundle per year of the dated records
(articles and notes) and one, ``reference``, for the rest (people, organisations, terms and
hand-written pages), each in ``pagefind/<part>/`` in the site folder, listed in
``pagefind/parts.json``. The reader's browser searches them all at once (Pagefind's
``mergeIndex``: one WebAssembly, one worker, the results ranked together), and each part is small
enough that a word in most of the archive is ranked in a fraction of the time one index of
everything took (``benchmarks/RESULTS.md``). A build indexes again only the parts whose pages
changed (:func:`update_index`), running Pagefind's command line
(``search/pagefind.py``). ``mkdocs build`` waits for it; under ``mkdocs serve`` it runs in
the background after each rebuild (:class:`BackgroundIndex`), so the edit loop does not wait.

Modules: ``records`` (what is indexed), ``sources`` (the pages' indexed parts, kept as pages
are written), ``pagefind`` (Pagefind's command line, the check of its output, the canonical
form), ``index`` (the site's index brought up to date).
"""

from .index import MANIFEST, BackgroundIndex, update_index
from .pagefind import CHUNK, UNUSED, canonical, check_bundle, write_parts
from .records import (
    EXCLUDE,
    OUTPUT,
    article_note_records,
    date_word,
    front_matter,
    indexed_part,
    note_records,
    part_of,
    parts_in_order,
    record_path,
)
from .sources import Sources

__all__ = [
    "CHUNK",
    "EXCLUDE",
    "MANIFEST",
    "OUTPUT",
    "UNUSED",
    "BackgroundIndex",
    "Sources",
    "article_note_records",
    "canonical",
    "check_bundle",
    "date_word",
    "front_matter",
    "indexed_part",
    "note_records",
    "part_of",
    "parts_in_order",
    "record_path",
    "update_index",
    "write_parts",
]
