"""The comparison of two builds (tests/tools/compare.py) finds what it is for: a missing page, an
id or a link that differs, a changed search file, and a difference no rule names."""

from __future__ import annotations

from pathlib import Path

from tests.tools.compare import compare

PAGE = (
    '<html><head><meta name="generator" content="{gen}"><link href="assets/stylesheets/main.{digest}.min.css">'
    '</head><body><p id="{id}"><a href="{href}">x</a></p></body></html>'
)


def site(root: Path, gen="mkdocs-1.6.1", digest="0123abcd", id_="p-1", href="a/", extra=None) -> Path:
    (root / "pagefind").mkdir(parents=True)
    (root / "index.html").write_text(PAGE.format(gen=gen, digest=digest, id=id_, href=href), encoding="utf-8")
    (root / "pagefind" / "parts.json").write_text('{"parts":["reference"]}', encoding="utf-8")
    (root / "assets" / "stylesheets").mkdir(parents=True)
    (root / "assets" / "stylesheets" / f"main.{digest}.min.css").write_text(digest, encoding="utf-8")
    for name, text in (extra or {}).items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_named_differences_alone_leave_nothing_over(tmp_path):
    result = compare(site(tmp_path / "a"), site(tmp_path / "b", gen="mkdocs-1.8.0", digest="ffff0000"), "mkdocs-ng")
    assert (result.only_main, result.only_other, result.ids, result.links, result.search, result.other) == ([],) * 6
    assert result.used == {"generator meta", "theme asset digests"}


def test_each_kind_of_difference_is_found(tmp_path):
    a = site(tmp_path / "a", extra={"feed.xml": "<rss/>", "gone.html": "<p>"})
    b = site(tmp_path / "b", id_="p-2", href="b/", extra={"feed.xml": "<rss></rss>"})
    (b / "pagefind" / "parts.json").write_text('{"parts":[]}', encoding="utf-8")
    result = compare(a, b, "properdocs")
    assert result.only_main == ["gone.html"]
    assert result.ids == ["index.html"] and result.links == ["index.html"]
    assert result.search == ["pagefind/parts.json"]
    assert result.other[0] == "feed.xml" and result.other[1].startswith("index.html: at ")
