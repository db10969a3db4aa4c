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
import functools
import gzip
import hashlib
import html
import json
import logging
import os
import shutil
import tempfile
import threading
import time
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


def write_index(site_dir: Path, records: list[dict], language: str) -> float:
    """Index the built site in ``site_dir`` (and ``records``) into ``site_dir/pagefind``; returns
    the seconds it took. The new index is written beside the old one and then put in its place."""
    started = time.perf_counter()
    fresh = site_dir / f".{OUTPUT}-new"
    shutil.rmtree(fresh, ignore_errors=True)
    asyncio.run(_write(site_dir, records, language, fresh))
    canonical(fresh)
    target, old = site_dir / OUTPUT, site_dir / f".{OUTPUT}-old"
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        os.replace(target, old)
    os.replace(fresh, target)
    shutil.rmtree(old, ignore_errors=True)
    return time.perf_counter() - started


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
    """Under ``mkdocs serve``: the index is rebuilt on a thread of its own after each rebuild, so
    the page reloads first and search catches up a few seconds later. A rebuild that starts while
    the index is being written makes it start again once it is done; the last index always
    reflects the last build."""

    def __init__(self) -> None:
        self._lock = threading.Condition()
        self._wanted: tuple | None = None  # (generation, site_dir, records, language)
        self._generation = 0
        self._done = 0  # the generation the index in the site reflects
        self._thread: threading.Thread | None = None
        self.error: str | None = None

    def request(self, site_dir: Path, records: list[dict], language: str) -> None:
        with self._lock:
            self._generation += 1
            self._wanted = (self._generation, site_dir, records, language)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="newsroom-search-index", daemon=True)
                self._thread.start()
            self._lock.notify_all()

    def _run(self) -> None:
        while True:
            with self._lock:
                if self._wanted is None:
                    self._thread = None
                    self._lock.notify_all()
                    return
                generation, site_dir, records, language = self._wanted
                self._wanted = None
            try:
                seconds = write_index(site_dir, records, language)
                self.error = None
                log.info(f"search index rebuilt in {seconds:.1f} s")
            except Exception as err:  # noqa: BLE001 - reported, and the next rebuild tries again
                self.error = f"search index not rebuilt: {err}"
                log.error(self.error)
            with self._lock:
                self._done = generation
                self._lock.notify_all()

    def wait(self, timeout: float | None = None) -> bool:
        """Until the index reflects the last build; False if ``timeout`` seconds pass first."""
        with self._lock:
            return self._lock.wait_for(lambda: self._done == self._generation, timeout)
