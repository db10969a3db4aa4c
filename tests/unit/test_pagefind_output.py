"""Pagefind is run through its public command line (newsroom.search.pagefind), and what it writes
is checked whole before it is used: a truncated or partial bundle (upstream issue #1271: files
acknowledged before they reached the disk) stops the build and never replaces the index a site
already has."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest
from newsroom.search import Sources, check_bundle, update_index, write_parts
from newsroom.search import pagefind as runner

PAGE = (
    '<!DOCTYPE html><html lang="en"><head><title>t</title></head><body>'
    '<article data-pagefind-body data-na-type="article" data-na-year="2023" data-pagefind-filter="type[data-na-type], year[data-na-year]">{}</article></body></html>'
)
RECORD = {
    "url": "articles/a/#note-one",
    "title": "Note 1: “pay”",
    "body": "An editor's note about pay",
    "date": "2023-04-28",
    "language": "en",
}


def pages(folder: Path, *words: str) -> Path:
    for number, text in enumerate(words):
        path = folder / f"p{number}" / "index.html"
        path.parent.mkdir(parents=True)
        path.write_text(PAGE.format(text), encoding="utf-8")
    return folder


def test_the_command_line_indexes_pages_and_notes_into_a_whole_bundle(tmp_path):
    folder = pages(tmp_path / "pages", "teachers strike over pay", "ballot result announced")
    write_parts([(folder, [RECORD], tmp_path / "out")], "en")
    out = tmp_path / "out"
    entry = json.loads((out / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["en"]["page_count"] == 3  # two pages and the note
    urls = sorted(
        json.loads(raw[raw.index(b"{") :])["url"]
        for raw in (gzip.decompress(p.read_bytes()) for p in (out / "fragment").iterdir())
    )
    assert urls == ["/articles/a/note-one.html", "/p0/", "/p1/"]
    assert not (out / "pagefind-ui.js").exists()  # what the archive does not use is removed
    check_bundle(out, "en", 3)  # the canonical bundle is whole too
    assert not list(folder.rglob("note-*"))  # the notes were written beside the pages, not among them


def whole_bundle(tmp_path: Path) -> Path:
    out = tmp_path / "out"
    write_parts([(pages(tmp_path / "pages", "one two", "three four"), [], out)], "en")
    return out


@pytest.mark.parametrize(
    "damage, message",
    [
        (lambda out: (out / "pagefind-entry.json").write_bytes(b""), "pagefind-entry.json|Expecting value"),
        (
            lambda out: next((out / "fragment").iterdir()).write_bytes(b""),
            "pf_fragment|Not a gzipped file|not a Pagefind",
        ),
        (lambda out: next((out / "fragment").iterdir()).unlink(), "No such file"),
        (lambda out: next((out / "index").iterdir()).write_bytes(gzip.compress(b"pagefind_dcd")[:9]), "index"),
        (lambda out: next(out.glob("*.pf_meta")).unlink(), "pf_meta"),
        (lambda out: (out / "pagefind.js").write_bytes(b""), "pagefind.js is empty"),
        (lambda out: next((out / "filter").iterdir()).write_bytes(b"\x1f\x8b"), "filter|EOF|end"),
    ],
)
def test_a_bundle_with_a_file_missing_or_cut_short_is_refused(tmp_path, damage, message):
    out = whole_bundle(tmp_path)
    check_bundle(out, "en", 2)
    damage(out)
    with pytest.raises(ValueError, match="is not whole") as caught:
        check_bundle(out, "en", 2)
    assert re.search(message, str(caught.value)), caught.value


def test_a_bundle_with_fewer_pages_than_were_given_is_refused(tmp_path):
    out = whole_bundle(tmp_path)
    with pytest.raises(ValueError, match="3 pages given, 2 in the entry"):
        check_bundle(out, "en", 3)


def test_a_truncated_index_never_replaces_the_one_the_site_has(tmp_path, monkeypatch):
    """Pagefind exits, but a file it wrote is empty (as #1271 left pagefind-entry.json): the build
    stops with the reason, and the site's index is the last good one, byte for byte."""
    site = tmp_path / "site"
    sources = Sources()
    sources.begin()
    sources.page("a/index.html", PAGE.format("the first words"))
    sources.complete(set(), site)
    update_index(site, sources.folder, sources.fingerprints([], "en"), [], "en", None)
    before = {str(p.relative_to(site)): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert "pagefind/2023/pagefind-entry.json" in before

    real = runner._pagefind

    def cut_short(work, site_folder, output):
        real(work, site_folder, output)
        (output / "pagefind-entry.json").write_bytes(b'{"version":"1.5.2","langu')

    monkeypatch.setattr(runner, "_pagefind", cut_short)
    sources.begin()
    sources.page("a/index.html", PAGE.format("other words"))
    sources.complete(set(), site)
    with pytest.raises(ValueError, match=r"search index Pagefind wrote in .*\.2023-new is not whole"):
        update_index(site, sources.folder, sources.fingerprints([], "en"), [], "en", None)
    after = {str(p.relative_to(site)): p.read_bytes() for p in site.rglob("*") if p.is_file() and "-new" not in str(p)}
    assert after == before


def test_pagefind_failing_names_its_status_and_message(tmp_path, monkeypatch):
    monkeypatch.setattr(runner, "executable", lambda: "/bin/false")
    with pytest.raises(RuntimeError, match="Pagefind stopped with status 1"):
        write_parts([(pages(tmp_path / "pages", "x"), [], tmp_path / "out")], "en")
