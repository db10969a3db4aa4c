"""The link check's parts that need no build: every file of the site listed, and each broken link
reported once for every page that has it, pages in order and each page's links in its order."""

from __future__ import annotations

import os
from pathlib import Path

from newsroom.linkcheck import check, resolve, site_files


def test_every_file_of_the_site_is_listed_by_its_path_in_the_site(tmp_path: Path):
    for name in ("index.html", "a/index.html", "a/b/c/index.html", "assets/x.css", "pagefind/parts.json"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "hidden.html").write_text("x", encoding="utf-8")
    os.symlink(tmp_path / "elsewhere", tmp_path / "linked")  # a link to a folder is not followed (as os.walk)
    assert site_files(str(tmp_path)) == {
        "index.html",
        "a/index.html",
        "a/b/c/index.html",
        "assets/x.css",
        "pagefind/parts.json",
        "elsewhere/hidden.html",
    }


def test_a_folder_that_goes_while_the_site_is_listed_is_left_out(tmp_path: Path, monkeypatch):
    """Under serve, the search index's thread replaces pagefind/<part> folders while a rebuild
    lists the site: a folder gone before it is read is skipped, as os.walk skips it."""
    for name in ("index.html", "pagefind/.2021-old/x.pf_fragment", "pagefind/parts.json"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    scandir = os.scandir

    def vanishing(path):
        if str(path).endswith(".2021-old"):
            raise FileNotFoundError(path)
        return scandir(path)

    monkeypatch.setattr(os, "scandir", vanishing)
    assert site_files(str(tmp_path)) == {"index.html", "pagefind/parts.json"}


def test_a_broken_link_is_reported_for_every_page_that_has_it_in_order():
    def page(path: str, *links: str) -> tuple[str, tuple]:
        return path, (frozenset({"top"}), resolve(path, links))

    pages = dict(
        [
            page("z/index.html", "../gone/", "../a/#top", "../a/#nowhere"),
            page("a/index.html", "#top", "../gone/", "https://example.org/"),
            page("m/index.html", "../a/"),
        ]
    )
    assert check(pages, {"a/index.html", "m/index.html", "z/index.html"}) == [
        "a/index.html: a link points at gone/index.html, which the site does not have",
        "z/index.html: a link points at gone/index.html, which the site does not have",
        "z/index.html: a link points at a/index.html#nowhere, and a/index.html has no #nowhere",
    ]
    assert check(pages, {"a/index.html", "m/index.html", "z/index.html", "gone/index.html"}) == [
        "z/index.html: a link points at a/index.html#nowhere, and a/index.html has no #nowhere",
    ]
    assert check({"m/index.html": pages["m/index.html"]}, {"a/index.html", "m/index.html"}) == []
