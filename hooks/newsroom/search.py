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
  pages (``data-search-exclude``: statements, events, "Mentioned in", sources).
- Each editor's note is a record of its own (:func:`note_records`), written where its URL names
  ``#note-<id>`` in its article (:func:`record_path`), with the article's date.

The index is in parts (:func:`part_of`): one Pagefind bundle per year of the dated records
(articles and notes) and one, ``reference``, for the rest (people, organisations, terms and
hand-written pages), each in ``pagefind/<part>/`` in the site folder, listed in
``pagefind/parts.json``. The reader's browser searches them all at once (Pagefind's
``mergeIndex``: one WebAssembly, one worker, the results ranked together), and each part is small
enough that a word in most of the archive is ranked in a fraction of the time one index of
everything took (``benchmarks/RESULTS.md``). A build indexes again only the parts whose pages
changed (:func:`update_index`). ``mkdocs build`` waits for it; under ``mkdocs serve`` it runs in
the background after each rebuild (:class:`BackgroundIndex`), so the edit loop does not wait.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import functools
import gzip
import hashlib
import html
import importlib.metadata
import io
import json
import logging
import os
import re
import shutil
import tempfile
import threading
import time
import weakref
from pathlib import Path

import cbor2

from .corpus import Corpus
from .html import page_url
from .incremental import files_digest
from .model import Organisation, Person
from .pages import ArticlePage, EntityPage, PageSpec, note_text
from .urls import note_in_article_uri

log = logging.getLogger("mkdocs.plugins.newsroom")

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
    "[data-search-exclude]",
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
        article = annotated.article
        day = article.published.isoformat()
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


def _record_html(record: dict) -> str:
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


async def _write(jobs: list[tuple[Path, list[dict], Path]], language: str) -> None:
    """Write one Pagefind bundle per job: (folder of pages, records, output folder)."""
    from pagefind.index import IndexConfig
    from pagefind.service import PagefindService

    with tempfile.TemporaryDirectory(prefix="newsroom-notes-") as notes:
        service = await PagefindService().launch()
        try:
            for number, (folder, records, output) in enumerate(jobs):
                config = IndexConfig(exclude_selectors=list(EXCLUDE), force_language=language, output_path=str(output))
                index = await service.create_index(config)
                if folder.is_dir():
                    await index.add_directory(str(folder), glob="**/*.html")
                if records:
                    mine = Path(notes, str(number))
                    mine.mkdir()
                    for record in records:
                        path = mine / record_path(record)
                        path.parent.mkdir(parents=True, exist_ok=True)
                        path.write_text(_record_html(record), encoding="utf-8")
                    await index.add_directory(str(mine), glob="**/*.html")
                await index.write_files()
        finally:
            # Let Pagefind exit by itself (it does when its input closes), not as its Python API
            # does, by killing it: Pagefind 1.5 answers "written" before its last writes reach the
            # disk, and a busy machine then got an empty pagefind-entry.json.
            service._poll_task.cancel()
            service._backend.stdin.close()
            if await asyncio.wait_for(service._backend.wait(), 120) != 0:
                raise RuntimeError("Pagefind stopped with an error")


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
    """``part`` without the elements marked ``data-search-exclude`` (which Pagefind leaves out
    anyway): an entity page's part then changes only with the entity's own words, not with every
    article that names it. Pagefind still lists an excluded element that has an ``id`` among a
    page's anchors (with no text), so each such element is kept, empty (not one inside an
    ``<svg>``, which Pagefind does not list). The pages are the engine's own serialised HTML, so
    an element ends at the closing tag that balances its opening ones."""
    out, at = [], 0
    while (found := part.find(" data-search-exclude", at)) >= 0:
        start = part.rfind("<", at, found)
        tag = part[start + 1 : found].split(None, 1)[0] if start >= 0 else ""
        if not tag.isalnum():
            raise ValueError("data-search-exclude outside an element's opening tag")
        tags = re.compile(rf"<(/?){tag}[\s>/]")
        depth, cursor = 0, start
        while True:
            match = tags.search(part, cursor)
            if match is None:
                raise ValueError(f"the <{tag} data-search-exclude> element is not closed")
            depth += -1 if match.group(1) else 1
            cursor = match.end()
            if depth == 0:
                break
        out.append(part[at:start])
        at = part.index(">", cursor - 1) + 1
        for anchor in _ANCHOR.finditer(_SVG.sub("", part[start:at])):
            out.append(f'<{anchor.group(1)} id="{anchor.group(2)}" data-search-exclude=""></{anchor.group(1)}>')
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


class Sources:
    """The indexed part of every page of one site folder (:func:`indexed_part`), in a folder of the
    same layout under a folder per part of the index (``<part>/<dest_uri>``, :func:`part_of`),
    kept up to date page by page as pages are written: Pagefind indexes it instead of the site.
    Only the parts that changed are written: between the rebuilds of ``mkdocs serve`` (in memory),
    and between builds when ``folder`` is given (the build cache's, with the parts' digests in
    ``.digests.json``, removed while a build is in progress so that a build that stops half-way
    is not trusted). Without ``folder``, a temporary one. A file is replaced, never rewritten in
    place, so a snapshot of hard links (:meth:`snapshot`) stays as it was while the next rebuild
    writes."""

    MARK = ".digests.json"

    def __init__(self, folder: Path | None = None) -> None:
        # dest_uri -> "<part>/<digest of its indexed part>" (None: not indexed)
        self.digests: dict[str, str | None] = {}
        self.persistent = folder is not None
        if folder is None:
            self.folder = Path(tempfile.mkdtemp(prefix="newsroom-search-"))
            self._finalizer = weakref.finalize(self, shutil.rmtree, self.folder, ignore_errors=True)
        else:
            self.folder = folder
            try:
                self.digests = json.loads((folder / self.MARK).read_text(encoding="utf-8"))
                if any(key is not None and "/" not in key for key in self.digests.values()):
                    raise ValueError("a folder of an earlier layout")
            except (OSError, ValueError):  # none yet, or a build stopped half-way: start afresh
                self.digests = {}
                shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True, exist_ok=True)
        self.seen: set[str] = set()  # the pages written by the build in progress
        self._folders: set[Path] = set()  # folders made in it
        self._writer = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="newsroom-search-sources")
        self._pending: list[concurrent.futures.Future] = []

    def begin(self) -> None:
        """A build starts: until it completes, the folder is not to be trusted by another process."""
        self.seen = set()
        if self.persistent:
            (self.folder / self.MARK).unlink(missing_ok=True)

    def page(self, dest_uri: str, page_html: str) -> None:
        part = indexed_part(page_html)
        data = None if part is None else part.encode("utf-8", "surrogatepass")
        key = None if part is None else f"{part_of(part)}/{hashlib.sha256(data).hexdigest()}"
        self.seen.add(dest_uri)
        if dest_uri in self.digests and self.digests[dest_uri] == key:
            return
        # Written on a thread of its own (file writes let the build go on meanwhile); flush() waits.
        self._pending.append(self._writer.submit(self._put, dest_uri, data, key, self.digests.get(dest_uri)))
        self.digests[dest_uri] = key

    def _path(self, dest_uri: str, key: str) -> Path:
        return self.folder / _part_of_key(key) / dest_uri

    def _put(self, dest_uri: str, data: bytes | None, key: str | None, old: str | None) -> None:
        if old is not None:
            # A new file, not the old one rewritten: a snapshot keeps the old. (Its part may change.)
            self._path(dest_uri, old).unlink(missing_ok=True)
        if key is not None:
            path = self._path(dest_uri, key)
            if path.parent not in self._folders:
                path.parent.mkdir(parents=True, exist_ok=True)
                self._folders.add(path.parent)
            path.write_bytes(data)

    def flush(self) -> None:
        """Until every page handed over is in the folder (raises what a write raised)."""
        pending, self._pending = self._pending, []
        for future in pending:
            future.result()

    def complete(self, skipped: set[str], site_dir: Path) -> None:
        """After a build: forget the pages it neither wrote nor skipped (they are no longer in the
        site); read from the site folder a skipped page this object has not seen (``mkdocs build
        --dirty`` skips pages written by an earlier process)."""
        self.flush()
        current = self.seen | skipped
        for dest_uri in set(self.digests) - current:
            if self.digests[dest_uri] is not None:
                self._path(dest_uri, self.digests[dest_uri]).unlink(missing_ok=True)
            del self.digests[dest_uri]
        for dest_uri in sorted(current - set(self.digests)):
            self.page(dest_uri, (site_dir / dest_uri).read_text(encoding="utf-8"))
        self.flush()
        if self.persistent:
            (self.folder / self.MARK).write_text(json.dumps(self.digests, sort_keys=True), encoding="utf-8")

    def _grouped(self, records: list[dict]) -> tuple[dict[str, list], dict[str, list]]:
        """The indexed pages ((dest_uri, key), sorted) and the records of each part, in one pass."""
        pages: dict[str, list] = {}
        for uri, key in sorted(item for item in self.digests.items() if item[1] is not None):
            pages.setdefault(_part_of_key(key), []).append((uri, key))
        mine: dict[str, list] = {}
        for record in records:
            mine.setdefault(record_part(record), []).append(record)
        for part in mine:
            pages.setdefault(part, [])
        return pages, mine

    def fingerprints(self, records: list[dict], language: str) -> dict[str, str]:
        """Every part of the index there are pages or records for, in :func:`parts_in_order`, with
        a digest of everything it is made from."""
        pages, mine = self._grouped(records)
        return {part: _fingerprint(part, pages[part], mine.get(part, []), language) for part in parts_in_order(pages)}

    def snapshot(self) -> Path:
        """A copy of the folder made of hard links, for an index written while the next build runs.
        The caller removes it."""
        copy = Path(tempfile.mkdtemp(prefix="newsroom-search-snapshot-"))
        shutil.copytree(
            self.folder, copy, copy_function=_link, dirs_exist_ok=True, ignore=shutil.ignore_patterns(self.MARK)
        )
        return copy


def _fingerprint(part: str, pages: list, records: list[dict], language: str) -> str:
    return hashlib.sha256(
        repr((_VERSION, _FORMAT, EXCLUDE, language, part, pages, records)).encode("utf-8", "surrogatepass")
    ).hexdigest()


def _part_of_key(key: str) -> str:
    """The part in a :class:`Sources` digest key, ``"<part>/<digest>"``."""
    return key.partition("/")[0]


def _link(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:  # another file system
        shutil.copy2(source, target)


def _version() -> str:
    try:
        return importlib.metadata.version("pagefind")
    except importlib.metadata.PackageNotFoundError:
        return ""


_VERSION = _version()


MANIFEST = "parts.json"  # in pagefind/: the parts, the one whose code the browser loads first
# What Pagefind writes for its own search interfaces, which the archive does not use.
UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)


def write_parts(jobs: list[tuple[Path, list[dict], Path]], language: str) -> None:
    """Index each (folder of pages, records, output folder) into its output folder, in the
    canonical form (:func:`canonical`), without the files the archive does not use."""
    for _, _, output in jobs:
        shutil.rmtree(output, ignore_errors=True)
    _run(_write(jobs, language))
    for _, _, output in jobs:
        for name in UNUSED:
            (output / name).unlink(missing_ok=True)
        canonical(output)


def _run(coroutine) -> None:
    """Run ``coroutine`` to its end: here, or on a thread of its own when this thread already
    runs an event loop (a caller inside asyncio, or Playwright's sync API in the same process)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        asyncio.run(coroutine)
        return
    with concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="newsroom-pagefind") as pool:
        pool.submit(asyncio.run, coroutine).result()  # an error in the coroutine is raised here


def _install(folder: Path, name: str, fresh: Path) -> None:
    """Put ``fresh`` in the place of ``folder/name`` (a rename: a reader never sees half of it)."""
    target, old = folder / name, folder / f".{name}-old"
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        os.replace(target, old)
    os.replace(fresh, target)
    shutil.rmtree(old, ignore_errors=True)


def update_index(
    site_dir: Path,
    sources: Path,
    fingerprints: dict[str, str],
    records: list[dict],
    language: str,
    store: Path | None,
    verify: bool = False,
) -> str:
    """Bring ``site_dir/pagefind`` up to date and say how. ``fingerprints`` are the index's parts,
    in order, each with the digest of what it is made from (:meth:`Sources.fingerprints`); a
    part's pages are in ``sources/<part>``. The last bundle written for each part is kept in
    ``store/parts/<part>`` (the build cache's ``search/`` folder, or None for none): a part whose
    fingerprint did not change is kept in the site or copied from there instead of indexed again.
    With ``verify``, every part is written anyway and must equal the stored one."""
    started = time.perf_counter()
    index = site_dir / OUTPUT
    index.mkdir(parents=True, exist_ok=True)
    kept = store / "parts" if store else None
    write, copied = [], 0
    for part, fingerprint in fingerprints.items():
        stored = kept / part / "index" if kept else None
        known = stored is not None and stored.is_dir() and _read_text(kept / part / "fingerprint") == fingerprint
        if not known or verify:
            write.append((part, known))
        elif _read_text(index / part / "pagefind-entry.json") != _read_text(stored / "pagefind-entry.json"):
            fresh = index / f".{part}-new"
            shutil.rmtree(fresh, ignore_errors=True)
            shutil.copytree(stored, fresh, copy_function=_link)
            _install(index, part, fresh)
            copied += 1
    if write:
        jobs = [
            (sources / part, [r for r in records if record_part(r) == part], index / f".{part}-new")
            for part, _ in write
        ]
        write_parts(jobs, language)
        for (part, known), (_, _, fresh) in zip(write, jobs, strict=True):
            if known and _tree(fresh) != _tree(kept / part / "index"):
                raise RuntimeError(
                    f"part {part} of the index written afresh differs from the cached one made from the same pages: "
                    "newsroom.search.Sources.fingerprints misses something the index is made from"
                )
            _install(index, part, fresh)
            if kept is not None and not known:
                folder = kept / part
                folder.mkdir(parents=True, exist_ok=True)
                (folder / "fingerprint").unlink(missing_ok=True)
                shutil.rmtree(folder / "index-new", ignore_errors=True)
                shutil.copytree(index / part, folder / "index-new", copy_function=_link)
                _install(folder, "index", folder / "index-new")
                (folder / "fingerprint").write_text(fingerprints[part], encoding="utf-8")
    for child in sorted(index.iterdir()):  # parts no longer there, and the files of an earlier layout
        if child.name not in fingerprints and child.name != MANIFEST:
            shutil.rmtree(child) if child.is_dir() else child.unlink()
    manifest = json.dumps({"parts": list(fingerprints)}, separators=(",", ":"))
    if _read_text(index / MANIFEST) != manifest:
        (index / f".{MANIFEST}-new").write_text(manifest, encoding="utf-8")
        os.replace(index / f".{MANIFEST}-new", index / MANIFEST)
    if kept is not None and kept.is_dir():
        for child in kept.iterdir():
            if child.name not in fingerprints:
                shutil.rmtree(child, ignore_errors=True)
    if write:
        names = ", ".join(part for part, _ in write)
        seconds = time.perf_counter() - started
        return f"search index written in {seconds:.1f} s ({len(write)} of {len(fingerprints)} parts: {names})"
    return "search index unchanged (taken from the build cache)" if copied else "search index unchanged"


def _read_text(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return None


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# --- one index for one site, in small word chunks ----------------------------------------
# Pagefind 1.5 writes each filter's values, and the lists of filters and sorts, in the order of
# a Rust HashMap, which differs from run to run; so the same site gave different index files.
# canonical() puts those lists in order and renames what their new bytes name.
#
# Pagefind also cuts its word lists into chunks of at least 20,000 word positions (a constant in
# its code), whatever the size of the index. A query loads, in every part of the index, the chunk
# each of its words is in: with one part a year, a rare word cost a 24 KB chunk of other words
# per part. canonical() cuts the chunks again at CHUNK positions, by the same rule (a chunk ends
# with the word that reaches the size; words stay in their order).

_MAGIC = b"pagefind_dcd"
CHUNK = 5000  # word positions in a chunk of the word index (Pagefind's own: 20,000)
# What this module does to Pagefind's input and output, part of each part's fingerprint: the
# chunk size, the files left out, and this module's own code (how notes become records, what a
# page's indexed part keeps), so that a change to it is not answered from the cache.
_FORMAT = (CHUNK, UNUSED, files_digest([Path(__file__)], Path(__file__).parent))


def _payload(path: Path) -> bytes:
    """The CBOR of one of Pagefind's index files (gzip, then a magic string, then CBOR)."""
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(_MAGIC):
        raise ValueError(f"{path}: not a Pagefind index file")
    return raw[len(_MAGIC) :]


def _read(path: Path):
    payload = _payload(path)
    value = cbor2.loads(payload)
    if cbor2.dumps(value) != payload:
        raise ValueError(f"{path}: not read back as written")
    return value


def _store(folder: Path, prefix: str, suffix: str, payload: bytes, digits: int) -> str:
    """Write CBOR ``payload`` as ``<prefix><digest><suffix>`` in ``folder``; return ``<prefix><digest>``."""
    raw = _MAGIC + payload
    name = prefix + hashlib.sha256(raw).hexdigest()[:digits]
    (folder / f"{name}{suffix}").write_bytes(gzip.compress(raw, compresslevel=6, mtime=0))
    return name


def _head(data: bytes, i: int, major: int) -> tuple[int, int]:
    """The length in the CBOR head of type ``major`` at ``data[i]``, and where its content starts."""
    if data[i] >> 5 != major:
        raise ValueError(f"CBOR type {data[i] >> 5} at byte {i}, expected {major}")
    info = data[i] & 31
    if info < 24:
        return info, i + 1
    if info > 27:
        raise ValueError(f"CBOR head {data[i]:#x} at byte {i}")
    width = 1 << (info - 24)
    return int.from_bytes(data[i + 1 : i + 1 + width], "big"), i + 1 + width


def _words(path: Path) -> list[tuple[str, int, bytes]]:
    """The words of a chunk of Pagefind's word index, ``[[word, pages, …], …]`` inside a
    one-field record: each word's text, number of positions (each page counts one more, as
    Pagefind counts) and its CBOR bytes, as written."""
    raw = _payload(path)
    fields, at = _head(raw, 0, 4)
    count, at = _head(raw, at, 4)
    stream = io.BytesIO(raw)
    stream.seek(at)
    decoder = cbor2.CBORDecoder(stream)
    words = []
    for _ in range(count):
        start = stream.tell()
        word = decoder.decode()
        words.append((word[0], sum(len(page[1]) + 1 for page in word[1]), raw[start : stream.tell()]))
    if fields != 1 or stream.tell() != len(raw):
        raise ValueError(f"{path}: not a chunk of Pagefind's word index as this module knows it")
    return words


def rechunk(output: Path, language: str, chunks: list) -> list:
    """Cut the word index in ``output`` into chunks of about :data:`CHUNK` positions; return the
    metadata's new list of chunks, ``[from word, to word, name]``."""
    words: list[tuple[str, int, bytes]] = []
    for _, _, name in sorted(chunks):
        path = output / "index" / f"{name}.pf_index"
        words.extend(_words(path))
        path.unlink()
    if [word for word, _, _ in words] != sorted(word for word, _, _ in words):
        raise ValueError(f"{output}: the word index is not in the order of its words")
    cut, group, size = [], [], 0
    for word in words:
        group.append(word)
        size += word[1]
        if size >= CHUNK:
            cut.append(group)
            group, size = [], 0
    if group:
        cut.append(group)
    out = []
    for group in cut:
        payload = _array_head(1) + _array_head(len(group)) + b"".join(raw for _, _, raw in group)
        out.append([group[0][0], group[-1][0], _store(output / "index", f"{language}_", ".pf_index", payload, 10)])
    return out


def _array_head(n: int) -> bytes:
    """The CBOR head of an array of ``n`` items (as every encoder writes it: the shortest)."""
    if n < 24:
        return bytes([0x80 | n])
    for info, width in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if n < 1 << (8 * width):
            return bytes([0x80 | info]) + n.to_bytes(width, "big")
    raise ValueError(n)


def canonical(output: Path) -> None:
    """Make the index in ``output`` the same bytes for the same site, in small chunks (see above)."""
    entry_path = output / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language, about in entry["languages"].items():
        meta_path = output / f"pagefind.{about['hash']}.pf_meta"
        meta = _read(meta_path)
        version, pages, chunks, filters, sorts, keys = meta
        renamed = []
        for name, digest in sorted(filters):
            path = output / "filter" / f"{digest}.pf_filter"
            filter_name, values = _read(path)
            path.unlink()
            payload = cbor2.dumps([filter_name, sorted(values)])
            renamed.append([name, _store(output / "filter", f"{language}_", ".pf_filter", payload, 7)])
        meta_path.unlink()
        payload = cbor2.dumps([version, pages, rechunk(output, language, chunks), renamed, sorted(sorts), keys])
        about["hash"] = _store(output, f"pagefind.{language}_", ".pf_meta", payload, 10)[len("pagefind.") :]
    entry_path.write_text(json.dumps(entry, separators=(",", ":"), ensure_ascii=False), encoding="utf-8")


class BackgroundIndex:
    """Under ``mkdocs serve``: the index is brought up to date (:func:`update_index`) on a thread
    of its own after each rebuild, so the page reloads first and search catches up a moment later.
    The thread, and the Pagefind process it starts, run at a low CPU priority, so that a rebuild
    that starts meanwhile gets the machine first. A rebuild that starts while the index is being
    written makes it start again once it is done; the last index always reflects the last build."""

    def __init__(self) -> None:
        self._lock = threading.Condition()
        self._wanted: tuple | None = None  # (generation, arguments of update_index)
        self._generation = 0
        self._done = 0  # the generation the index in the site reflects
        self._thread: threading.Thread | None = None
        self.error: str | None = None

    def request(self, site_dir: Path, sources: Sources, records: list[dict], language: str, store: Path | None) -> None:
        fingerprints = sources.fingerprints(records, language)
        with self._lock:
            if self._wanted is not None:
                shutil.rmtree(self._wanted[1][1], ignore_errors=True)
            self._generation += 1
            self._wanted = (self._generation, (site_dir, sources.snapshot(), fingerprints, records, language, store))
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="newsroom-search-index", daemon=True)
                self._thread.start()
            self._lock.notify_all()

    def _run(self) -> None:
        try:  # Linux gives each thread its own priority; the processes it starts inherit it
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)
        except (AttributeError, OSError):
            pass
        while True:
            with self._lock:
                if self._wanted is None:
                    self._thread = None
                    self._lock.notify_all()
                    return
                generation, arguments = self._wanted
                self._wanted = None
            try:
                log.info(update_index(*arguments))
                self.error = None
            except Exception as err:  # noqa: BLE001 - reported, and the next rebuild tries again
                self.error = f"search index not rebuilt: {err}"
                log.error(self.error)
            finally:
                shutil.rmtree(arguments[1], ignore_errors=True)
            with self._lock:
                self._done = generation
                self._lock.notify_all()

    def wait(self, timeout: float | None = None) -> bool:
        """Until the index reflects the last build; False if ``timeout`` seconds pass first."""
        with self._lock:
            return self._lock.wait_for(lambda: self._done == self._generation, timeout)
