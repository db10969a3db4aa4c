"""The site's index, ``pagefind/``: its parts brought up to date (:func:`update_index`), in the
foreground for ``mkdocs build`` and on a thread of its own under ``mkdocs serve``
(:class:`BackgroundIndex`)."""

from __future__ import annotations

import json
import logging
import os
import shutil
import threading
import time
from pathlib import Path

from .pagefind import link, write_parts
from .records import OUTPUT, record_part
from .sources import Sources

log = logging.getLogger("mkdocs.plugins.newsroom")
MANIFEST = "parts.json"  # in pagefind/: the parts, the one whose code the browser loads first


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
            shutil.copytree(stored, fresh, copy_function=link)
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
                shutil.copytree(index / part, folder / "index-new", copy_function=link)
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
        self._stale: list[Path] = []  # snapshots a newer request replaced before they were indexed
        self._indexing: dict[str, str] | None = None  # the fingerprints of the index being written
        self.error: str | None = None

    def request(self, site_dir: Path, sources: Sources, records: list[dict], language: str, store: Path | None) -> None:
        fingerprints = sources.fingerprints(records, language)
        with self._lock:
            if self._wanted is not None:  # never indexed: its snapshot is deleted on the thread
                self._stale.append(self._wanted[1][1])
            self._generation += 1
            snapshot = sources.snapshot(self._to_index(fingerprints, store))
            self._wanted = (self._generation, (site_dir, snapshot, fingerprints, records, language, store))
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="newsroom-search-index", daemon=True)
                self._thread.start()
            self._lock.notify_all()

    def _to_index(self, fingerprints: dict[str, str], store: Path | None) -> list[str] | None:
        """The parts ``update_index`` may have to write for this request, whose pages the snapshot
        must hold (None: every part). Called under the lock. A part is kept when the store holds
        it with this fingerprint now, and the index in progress, if any, leaves it so: it writes
        a part it holds with its own fingerprint, and removes from the store a part it lacks."""
        if store is None:
            return None
        return [
            part
            for part, fingerprint in fingerprints.items()
            if _read_text(store / "parts" / part / "fingerprint") != fingerprint
            or (self._indexing is not None and self._indexing.get(part) != fingerprint)
        ]

    def _run(self) -> None:
        try:  # Linux gives each thread its own priority; the processes it starts inherit it
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)
        except (AttributeError, OSError):
            pass
        while True:
            with self._lock:
                stale, self._stale = self._stale, []
            for folder in stale:  # (0.4 s at 1,000 articles, which the rebuild no longer waits for)
                shutil.rmtree(folder, ignore_errors=True)
            with self._lock:
                if self._wanted is None:
                    if self._stale:
                        continue
                    self._thread = None
                    self._lock.notify_all()
                    return
                generation, arguments = self._wanted
                self._wanted = None
                self._indexing = arguments[2]
            try:
                log.info(update_index(*arguments))
                self.error = None
            except Exception as err:  # noqa: BLE001 - reported, and the next rebuild tries again
                self.error = f"search index not rebuilt: {err}"
                log.error(self.error)
            finally:
                shutil.rmtree(arguments[1], ignore_errors=True)
            with self._lock:
                self._done, self._indexing = generation, None
                self._lock.notify_all()

    def wait(self, timeout: float | None = None) -> bool:
        """Until the index reflects the last build; False if ``timeout`` seconds pass first."""
        with self._lock:
            return self._lock.wait_for(lambda: self._done == self._generation, timeout)
