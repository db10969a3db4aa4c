"""Site search: a Pagefind index, in chunks, so that a reader's first query loads only the pieces
it needs (the word lists its terms live in and the few results it shows), never the whole site.

What is searchable is said by the pages themselves, in the attributes Pagefind reads:

- ``overrides/main.html`` marks the content of every page whose front matter does not say
  ``search: {exclude: true}`` with ``data-pagefind-body``, and writes the page's ``search``
  front matter (:func:`front_matter`) as filters (``type``, ``year``), metadata (``date``,
  ``publisher``) and the ``date`` sort. Articles, people, organisations and terms are indexed;
  the archive, timeline and index pages, which only list what those pages say, are not.
  Hand-written pages are indexed as ``page`` unless they opt out.
- Inside an indexed page, :data:`EXCLUDE` leaves out what is not the page's own words: heading
  and paragraph permalinks, note numbers, speaker chips, the notes list (each note is a record of
  its own), the "On the timeline" aside, and on entity pages the sections that repeat other
  pages (``data-search-exclude``: statements, events, "Mentioned in", sources).
- Each editor's note is a record of its own (:func:`note_records`), whose ``url`` metadata points
  at ``#note-<id>`` in its article, with the article's date.

The index is written to ``pagefind/`` in the site folder by :func:`write_index`, after every
page is written. ``mkdocs build`` waits for it; under ``mkdocs serve`` it is rebuilt in the
background after each rebuild (:class:`BackgroundIndex`), so the edit loop does not wait.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import functools
import gzip
import hashlib
import html
import importlib.metadata
import json
import logging
import os
import shutil
import tempfile
import threading
import time
import weakref
from pathlib import Path

from .corpus import Corpus
from .html import page_url
from .model import Organisation, Person

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


def front_matter(corpus: Corpus, kind: str, key: str) -> dict:
    """The ``search`` front matter of a generated page (see the module's docstring)."""
    if kind == "article":
        article = corpus.articles[key].article
        day = article.published.isoformat()
        return {"type": "article", "year": day[:4], "date": day, "publisher": article.publisher}
    if kind in ("glossary-entry", "person"):
        return {"type": entity_type(corpus.kb.entities[key])}
    return {"exclude": True}


def note_records(corpus: Corpus, language: str) -> list[dict]:
    """One record per editor's note, in a stable order: its URL (``#note-<id>`` in its article),
    title, words and date."""
    from .pages import note_text

    records = []
    for _, annotated in sorted(corpus.articles.items()):
        article = annotated.article
        day = article.published.isoformat()
        for note in annotated.notes:
            body = note_text(corpus, annotated, note)
            url = page_url(article.src_uri) + f"#note-{note.id}"
            records.append({"url": url, "title": f"{note.label}: “{note.quote}”", "body": body, "date": day, "language": language})
    return records


def _record_html(record: dict) -> str:
    """A note as a page for Pagefind to read. (Pagefind's ``add_custom_record`` waits a tenth of a
    second per record in its Python API: a thousand notes took minutes, one folder of these takes
    a fraction of a second.) Pagefind searches metadata too: nothing in it but the note's own
    words, its URL and its date."""
    e = functools.partial(html.escape, quote=True)
    return (
        f'<!DOCTYPE html><html lang="{e(record["language"])}"><head><meta charset="utf-8"><title>{e(record["title"])}</title></head><body>'
        f'<main data-pagefind-body data-na-type="note" data-na-year="{e(record["date"][:4])}" data-na-date="{e(record["date"])}" data-na-url="{e(record["url"])}"'
        ' data-pagefind-filter="type[data-na-type], year[data-na-year]" data-pagefind-meta="url[data-na-url], date[data-na-date]"'
        f' data-pagefind-sort="date[data-na-date]"><h1>{e(record["title"])}</h1><p>{e(record["body"])}</p></main></body></html>'
    )


async def _write(site_dir: Path, records: list[dict], language: str, output: Path) -> None:
    from pagefind.index import IndexConfig
    from pagefind.service import PagefindService

    config = IndexConfig(exclude_selectors=list(EXCLUDE), force_language=language, output_path=str(output))
    with tempfile.TemporaryDirectory(prefix="newsroom-notes-") as notes:
        for number, record in enumerate(records):
            Path(notes, f"{number:06d}.html").write_text(_record_html(record), encoding="utf-8")
        service = await PagefindService().launch()
        try:
            index = await service.create_index(config)
            await index.add_directory(str(site_dir), glob="**/*.html")
            if records:
                await index.add_directory(notes, glob="*.html")
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
    return f'<!DOCTYPE html>{opening}<head><meta charset="utf-8"></head><body>{page_html[start : end + len(tag) + 3]}</body></html>'


class Sources:
    """The indexed part of every page of one site folder (:func:`indexed_part`), in a folder of the
    same layout, kept up to date page by page as pages are written: Pagefind indexes it instead of
    the site. Only the parts that changed are written: between the rebuilds of ``mkdocs serve``
    (in memory), and between builds when ``folder`` is given (the build cache's, with the parts'
    digests in ``.digests.json``, removed while a build is in progress so that a build that
    stops half-way is not trusted). Without ``folder``, a temporary one. A file is replaced, never
    rewritten in place, so a snapshot of hard links (:meth:`snapshot`) stays as it was while the
    next rebuild writes."""

    MARK = ".digests.json"

    def __init__(self, folder: Path | None = None) -> None:
        self.digests: dict[str, str | None] = {}  # dest_uri -> digest of its indexed part (None: not indexed)
        self.persistent = folder is not None
        if folder is None:
            self.folder = Path(tempfile.mkdtemp(prefix="newsroom-search-"))
            self._finalizer = weakref.finalize(self, shutil.rmtree, self.folder, ignore_errors=True)
        else:
            self.folder = folder
            try:
                self.digests = json.loads((folder / self.MARK).read_text(encoding="utf-8"))
            except (OSError, ValueError):  # none yet, or a build stopped half-way: start afresh
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
        key = None if data is None else hashlib.sha256(data).hexdigest()
        self.seen.add(dest_uri)
        if dest_uri in self.digests and self.digests[dest_uri] == key:
            return
        # Written on a thread of its own (file writes let the build go on meanwhile); flush() waits.
        self._pending.append(self._writer.submit(self._put, dest_uri, data, dest_uri in self.digests))
        self.digests[dest_uri] = key

    def _put(self, dest_uri: str, data: bytes | None, existed: bool) -> None:
        path = self.folder / dest_uri
        if existed:
            path.unlink(missing_ok=True)  # a new file, not the old one rewritten: a snapshot keeps the old
        if data is not None:
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
            (self.folder / dest_uri).unlink(missing_ok=True)
            del self.digests[dest_uri]
        for dest_uri in sorted(current - set(self.digests)):
            self.page(dest_uri, (site_dir / dest_uri).read_text(encoding="utf-8"))
        self.flush()
        if self.persistent:
            (self.folder / self.MARK).write_text(json.dumps(self.digests, sort_keys=True), encoding="utf-8")

    def fingerprint(self, records: list[dict], language: str) -> str:
        """A digest of everything the index is made from."""
        pages = sorted((uri, key) for uri, key in self.digests.items() if key is not None)
        return hashlib.sha256(repr((_VERSION, EXCLUDE, language, pages, records)).encode("utf-8", "surrogatepass")).hexdigest()

    def snapshot(self) -> Path:
        """A copy of the folder made of hard links, for an index written while the next build runs.
        The caller removes it."""
        copy = Path(tempfile.mkdtemp(prefix="newsroom-search-snapshot-"))
        shutil.copytree(self.folder, copy, copy_function=_link, dirs_exist_ok=True, ignore=shutil.ignore_patterns(self.MARK))
        return copy


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


def write_index(site_dir: Path, sources: Path, records: list[dict], language: str) -> float:
    """Index ``sources`` (the indexed parts of the site's pages, :class:`Sources`) and
    ``records`` into ``site_dir/pagefind``; returns the seconds it took. The new index is written
    beside the old one and then put in its place."""
    started = time.perf_counter()
    fresh = site_dir / f".{OUTPUT}-new"
    shutil.rmtree(fresh, ignore_errors=True)
    _run(_write(sources, records, language, fresh))
    canonical(fresh)
    _install(site_dir, fresh)
    return time.perf_counter() - started


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


def _install(site_dir: Path, fresh: Path) -> None:
    target, old = site_dir / OUTPUT, site_dir / f".{OUTPUT}-old"
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        os.replace(target, old)
    os.replace(fresh, target)
    shutil.rmtree(old, ignore_errors=True)


def update_index(site_dir: Path, sources: Path, fingerprint: str, records: list[dict], language: str,
                 store: Path | None, verify: bool = False) -> str:
    """Bring ``site_dir/pagefind`` up to date and say how. An index is a function of its
    ``fingerprint`` (:meth:`Sources.fingerprint`): the last one written is kept in ``store`` (the
    build cache's ``search/`` folder, or None for none), so a build whose pages did not change
    keeps the index in the site or copies it from there instead of indexing again. With
    ``verify``, the index is written anyway and must equal the stored one."""
    stored = store / "index" if store else None
    known = stored is not None and stored.is_dir() and _read_text(store / "fingerprint") == fingerprint
    if known and not verify:
        if _read_text(site_dir / OUTPUT / "pagefind-entry.json") == _read_text(stored / "pagefind-entry.json") is not None:
            return "search index unchanged"
        fresh = site_dir / f".{OUTPUT}-new"
        shutil.rmtree(fresh, ignore_errors=True)
        shutil.copytree(stored, fresh, copy_function=_link)
        _install(site_dir, fresh)
        return "search index unchanged (taken from the build cache)"
    seconds = write_index(site_dir, sources, records, language)
    if known and verify and _tree(site_dir / OUTPUT) != _tree(stored):
        raise RuntimeError("the index written afresh differs from the cached one made from the same pages: "
                           "newsroom.search.Sources.fingerprint misses something the index is made from")
    if store is not None and not known:
        fresh = store / "index-new"
        shutil.rmtree(fresh, ignore_errors=True)
        (store / "fingerprint").unlink(missing_ok=True)
        shutil.copytree(site_dir / OUTPUT, fresh, copy_function=_link)
        shutil.rmtree(stored, ignore_errors=True)
        os.replace(fresh, stored)
        (store / "fingerprint").write_text(fingerprint, encoding="utf-8")
    return f"search index written in {seconds:.1f} s"


def _read_text(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return None


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# --- one index for one site ---------------------------------------------------------------
# Pagefind 1.5 writes each filter's values, and the lists of filters and sorts, in the order of
# a Rust HashMap, which differs from run to run; so the same site gave different index files.
# canonical() puts those lists in order and renames what their new bytes name.

_MAGIC = b"pagefind_dcd"


def _cbor_decode(data: bytes, i: int = 0):
    """The part of CBOR Pagefind's index files use: unsigned integers, text, bytes, arrays."""
    head = data[i]
    major, info = head >> 5, head & 31
    i += 1
    if info < 24:
        n = info
    elif info <= 27:
        width = 1 << (info - 24)
        n, i = int.from_bytes(data[i : i + width], "big"), i + width
    else:
        raise ValueError(f"CBOR item {head:#x} at byte {i - 1}")
    if major == 0:
        return n, i
    if major in (2, 3):
        chunk = bytes(data[i : i + n])
        return (chunk.decode("utf-8") if major == 3 else chunk), i + n
    if major == 4:
        items = []
        for _ in range(n):
            item, i = _cbor_decode(data, i)
            items.append(item)
        return items, i
    raise ValueError(f"CBOR major type {major} at byte {i - 1}")


def _cbor_head(major: int, n: int) -> bytes:
    if n < 24:
        return bytes([major << 5 | n])
    for info, width in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if n < 1 << (8 * width):
            return bytes([major << 5 | info]) + n.to_bytes(width, "big")
    raise ValueError(n)


def _cbor_encode(value) -> bytes:
    if isinstance(value, int):
        return _cbor_head(0, value)
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _cbor_head(3, len(raw)) + raw
    if isinstance(value, bytes):
        return _cbor_head(2, len(value)) + value
    return _cbor_head(4, len(value)) + b"".join(_cbor_encode(item) for item in value)


def _read(path: Path):
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(_MAGIC):
        raise ValueError(f"{path}: not a Pagefind index file")
    value, end = _cbor_decode(raw, len(_MAGIC))
    if end != len(raw) or _MAGIC + _cbor_encode(value) != raw:
        raise ValueError(f"{path}: not read back as written")
    return value


def _write_named(folder: Path, prefix: str, suffix: str, value, digits: int) -> str:
    """Write ``value`` as ``<prefix><digest><suffix>`` in ``folder``; return ``<prefix><digest>``."""
    raw = _MAGIC + _cbor_encode(value)
    name = prefix + hashlib.sha256(raw).hexdigest()[:digits]
    (folder / f"{name}{suffix}").write_bytes(gzip.compress(raw, mtime=0))
    return name


def canonical(output: Path) -> None:
    """Make the index in ``output`` the same bytes for the same site (see above)."""
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
            renamed.append([name, _write_named(output / "filter", f"{language}_", ".pf_filter", [filter_name, sorted(values)], 7)])
        meta_path.unlink()
        about["hash"] = _write_named(output, f"pagefind.{language}_", ".pf_meta", [version, pages, chunks, renamed, sorted(sorts), keys], 10)[len("pagefind.") :]
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
        fingerprint = sources.fingerprint(records, language)
        with self._lock:
            if self._wanted is not None:
                shutil.rmtree(self._wanted[1][1], ignore_errors=True)
            self._generation += 1
            self._wanted = (self._generation, (site_dir, sources.snapshot(), fingerprint, records, language, store))
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
