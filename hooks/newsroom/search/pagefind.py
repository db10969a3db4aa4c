"""Pagefind, run through its public command line (the binary in the ``pagefind[bin]`` wheel,
``pagefind_bin.get_executable()``): one bundle per part of the index, each checked whole before
it is used (:func:`check_bundle`), then made canonical (:func:`canonical`).

Why the command line and not Pagefind's Python API: that API (``pagefind.service``) kills its
Pagefind process once it has answered "written", and Pagefind 1.5 answers before its last writes
reach the disk (upstream issue #1271): a busy machine got an empty ``pagefind-entry.json``. Keeping
it alive meant reaching into the service's private attributes. A Pagefind process that has
exited has written everything; :func:`check_bundle` then reads every file the bundle names (its
entry, its metadata, every fragment, word chunk and filter) and counts its pages against the
pages given, so a truncated or partial bundle stops the build instead of being published.
"""

from __future__ import annotations

import concurrent.futures
import gzip
import hashlib
import importlib.metadata
import io
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import cbor2

from .records import EXCLUDE, record_html, record_path

TIMEOUT = 600  # seconds one Pagefind process may take


def _version() -> str:
    try:
        return importlib.metadata.version("pagefind")
    except importlib.metadata.PackageNotFoundError:
        return ""


VERSION = _version()
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


def link(source: str, target: str) -> None:
    """``shutil.copytree``'s copy function: a hard link, or a copy on another file system."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def executable() -> str:
    from pagefind_bin import get_executable  # the wheel's public function

    return str(get_executable())


def write_parts(jobs: list[tuple[Path, list[dict], Path]], language: str) -> None:
    """Index each (folder of pages, records, output folder) into its output folder, checked
    (:func:`check_bundle`), canonical (:func:`canonical`), without the files the archive does not
    use. The parts are indexed at once, one Pagefind process each."""
    for _, _, output in jobs:
        shutil.rmtree(output, ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix="newsroom-pagefind-") as work:
        work = Path(work)
        # Pagefind reads its configuration from the folder it runs in.
        settings = {"exclude_selectors": list(EXCLUDE), "force_language": language, "glob": "**/*.html"}
        (work / "pagefind.json").write_text(json.dumps(settings), encoding="utf-8")
        sites = [_site(work / f"site-{n}", folder, records) for n, (folder, records, _) in enumerate(jobs)]
        workers = max(1, min(len(jobs), os.cpu_count() or 1))
        with concurrent.futures.ThreadPoolExecutor(workers, thread_name_prefix="newsroom-pagefind") as pool:
            runs = [
                pool.submit(_pagefind, work, site, output)
                for (site, _), (_, _, output) in zip(sites, jobs, strict=True)
            ]
            for run in runs:
                run.result()  # Pagefind's own message, for a part it could not index
        for (_, pages), (_, _, output) in zip(sites, jobs, strict=True):
            check_bundle(output, language, pages)
    for _, _, output in jobs:
        for name in UNUSED:
            (output / name).unlink(missing_ok=True)
        canonical(output)


def _site(site: Path, folder: Path, records: list[dict]) -> tuple[Path, int]:
    """What Pagefind indexes for one part, and how many pages that is: the part's folder of pages
    as it is, or, with notes, a folder of hard links to its pages beside the notes' records."""
    if not records:
        return (folder if folder.is_dir() else site), _count(folder)
    if folder.is_dir():
        shutil.copytree(folder, site, copy_function=link)
    for record in records:
        path = site / record_path(record)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(record_html(record), encoding="utf-8")
    return site, _count(site)


def _count(folder: Path) -> int:
    return sum(1 for _ in folder.rglob("*.html")) if folder.is_dir() else 0


def _pagefind(work: Path, site: Path, output: Path) -> None:
    site.mkdir(parents=True, exist_ok=True)
    command = [executable(), "--site", str(site), "--output-path", str(output), "--silent"]
    done = subprocess.run(command, cwd=work, capture_output=True, text=True, timeout=TIMEOUT, check=False)
    if done.returncode != 0:
        said = (done.stderr or done.stdout).strip().splitlines()
        raise RuntimeError(f"Pagefind stopped with status {done.returncode}: {' / '.join(said[-5:]) or 'no message'}")


def check_bundle(output: Path, language: str, pages: int) -> None:
    """Raise ValueError unless the bundle in ``output`` is whole: its entry names ``language``,
    with ``pages`` pages; its metadata, and every fragment, word chunk and filter file it names,
    are there and read back; its script and WebAssembly are there, not empty."""
    try:
        entry = json.loads((output / "pagefind-entry.json").read_text(encoding="utf-8"))
        about = entry["languages"][language]
        meta = read(output / f"pagefind.{about['hash']}.pf_meta")
        _, listed, chunks, filters, _, _ = meta
        if about["page_count"] != pages or len(listed) != pages:
            raise ValueError(f"{pages} pages given, {about['page_count']} in the entry, {len(listed)} in the metadata")
        for hash_, _ in listed:
            _payload(output / "fragment" / f"{hash_}.pf_fragment")
        for _, _, name in chunks:
            _payload(output / "index" / f"{name}.pf_index")
        for _, name in filters:
            _payload(output / "filter" / f"{name}.pf_filter")
        for name in ("pagefind.js", "pagefind-worker.js", f"wasm.{about['wasm']}.pagefind"):
            if (output / name).stat().st_size == 0:
                raise ValueError(f"{name} is empty")
    except (OSError, KeyError, TypeError, ValueError, EOFError, gzip.BadGzipFile, cbor2.CBORDecodeError) as err:
        raise ValueError(f"the search index Pagefind wrote in {output} is not whole: {err}") from err


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


def _payload(path: Path) -> bytes:
    """The CBOR of one of Pagefind's index files (gzip, then a magic string, then CBOR)."""
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(_MAGIC):
        raise ValueError(f"{path}: not a Pagefind index file")
    return raw[len(_MAGIC) :]


def read(path: Path):
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
        meta = read(meta_path)
        version, pages, chunks, filters, sorts, keys = meta
        renamed = []
        for name, digest in sorted(filters):
            path = output / "filter" / f"{digest}.pf_filter"
            filter_name, values = read(path)
            path.unlink()
            payload = cbor2.dumps([filter_name, sorted(values)])
            renamed.append([name, _store(output / "filter", f"{language}_", ".pf_filter", payload, 7)])
        meta_path.unlink()
        payload = cbor2.dumps([version, pages, rechunk(output, language, chunks), renamed, sorted(sorts), keys])
        about["hash"] = _store(output, f"pagefind.{language}_", ".pf_meta", payload, 10)[len("pagefind.") :]
    entry_path.write_text(json.dumps(entry, separators=(",", ":"), ensure_ascii=False), encoding="utf-8")
