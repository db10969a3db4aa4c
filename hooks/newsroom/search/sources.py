"""The pages' indexed parts, kept page by page as a build writes them (:class:`Sources`), and the
fingerprint of each part of the index: everything it is made from."""

from __future__ import annotations

import concurrent.futures
import hashlib
import json
import shutil
import tempfile
import weakref
from collections.abc import Iterable
from pathlib import Path

from ..incremental import files_digest
from .pagefind import CHUNK, UNUSED, VERSION, link
from .records import EXCLUDE, indexed_part, part_of, parts_in_order, record_part

# What this package does to Pagefind's input and output, part of each part's fingerprint: the
# chunk size, the files left out, and this package's own code (how notes become records, what a
# page's indexed part keeps, how Pagefind is run), so that a change to it is not answered from
# the cache.
_HERE = Path(__file__).parent
_FORMAT = (CHUNK, UNUSED, files_digest(sorted(_HERE.glob("*.py")), _HERE))


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

    def page(self, dest_uri: str, page_html: str, part: str | None | type(...) = ...) -> None:
        """A page written: ``part``, its indexed part if already read (``indexed_part``)."""
        if part is ...:
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

    def snapshot(self, parts: Iterable[str] | None = None) -> Path:
        """A copy of the folder made of hard links, for an index written while the next build runs:
        of the folders of ``parts`` only, if given (an edit changes one part or two: at 10,000
        pages, linking every page took a second of each rebuild). The caller removes it."""
        copy = Path(tempfile.mkdtemp(prefix="newsroom-search-snapshot-"))
        if parts is None:
            shutil.copytree(
                self.folder, copy, copy_function=link, dirs_exist_ok=True, ignore=shutil.ignore_patterns(self.MARK)
            )
            return copy
        for part in sorted(parts):
            if (self.folder / part).is_dir():
                shutil.copytree(self.folder / part, copy / part, copy_function=link)
        return copy


def _fingerprint(part: str, pages: list, records: list[dict], language: str) -> str:
    return hashlib.sha256(
        repr((VERSION, _FORMAT, EXCLUDE, language, part, pages, records)).encode("utf-8", "surrogatepass")
    ).hexdigest()


def _part_of_key(key: str) -> str:
    """The part in a :class:`Sources` digest key, ``"<part>/<digest>"``."""
    return key.partition("/")[0]
