"""What Pagefind indexes of the pages (newsroom.search.Sources): written when a page's part changes,
kept between builds only when a build completed, and pages gone from the site forgotten."""

from __future__ import annotations

from pathlib import Path

import pytest
from newsroom.search import Sources


def page(words: str, year: str = "") -> str:
    dated = f' data-na-type="article" data-na-year="{year}"' if year else ""
    return (
        f'<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><nav data-na-year="1999">menu</nav>'
        f"<article data-pagefind-body{dated}>{words}</article></body></html>"
    )


def test_parts_are_written_changed_parts_replaced_and_gone_pages_forgotten(tmp_path: Path):
    sources = Sources(tmp_path / "parts")
    sources.begin()
    sources.page("a/index.html", page("one"))
    sources.page("b/index.html", page("two"))
    sources.page("c/index.html", "<html><body>not indexed</body></html>")
    sources.complete(set(), tmp_path / "site")
    assert (tmp_path / "parts" / "reference" / "a" / "index.html").read_text() == (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"></head><body><article data-pagefind-body>one</article></body></html>'
    )
    assert not list((tmp_path / "parts").rglob("c"))
    first = sources.fingerprints([], "en")["reference"]
    snapshot = sources.snapshot()
    # The next build: a changes, b is not written (its page is gone), c is skipped.
    sources.begin()
    sources.page("a/index.html", page("uno"))
    sources.complete({"c/index.html"}, tmp_path / "site")
    assert "uno" in (tmp_path / "parts" / "reference" / "a" / "index.html").read_text()
    assert not (tmp_path / "parts" / "reference" / "b" / "index.html").exists()
    assert set(sources.digests) == {"a/index.html", "c/index.html"}
    assert sources.fingerprints([], "en")["reference"] != first
    assert "one" in (snapshot / "reference" / "a" / "index.html").read_text(), "the snapshot changed with the folder"


def test_a_completed_build_is_trusted_by_the_next_process_and_a_half_build_is_not(tmp_path: Path):
    folder = tmp_path / "parts"
    sources = Sources(folder)
    sources.begin()
    sources.page("a/index.html", page("one"))
    sources.complete(set(), tmp_path / "site")
    (folder / "reference" / "a" / "index.html").write_text("kept as it is")
    later = Sources(folder)  # another process: reads the digests, does not write an unchanged part
    later.begin()
    later.page("a/index.html", page("one"))
    later.complete(set(), tmp_path / "site")
    assert (folder / "reference" / "a" / "index.html").read_text() == "kept as it is"
    later.begin()  # a build starts, and stops half-way
    later.page("a/index.html", page("two"))
    later.flush()
    again = Sources(folder)
    assert again.digests == {} and not (folder / "reference").exists(), "a half-written folder was trusted"


def test_a_serve_snapshot_holds_only_the_parts_the_index_may_write(tmp_path: Path):
    """Under serve, the snapshot the index thread reads holds the parts whose stored bundle has
    another fingerprint, and those the index in progress will leave so (writes with another
    fingerprint, or removes from the store because it lacks them)."""
    from newsroom.search.index import BackgroundIndex

    sources = Sources(tmp_path / "parts")
    sources.begin()
    sources.page("a/index.html", page("one", "2023"))
    sources.page("p/index.html", page("a person"))
    sources.complete(set(), tmp_path / "site")
    store = tmp_path / "store"
    first = sources.fingerprints([], "en")
    for part, fingerprint in first.items():
        (store / "parts" / part).mkdir(parents=True)
        (store / "parts" / part / "fingerprint").write_text(fingerprint, encoding="utf-8")
    index = BackgroundIndex()
    assert index._to_index(first, store) == [] and index._to_index(first, None) is None
    sources.begin()
    sources.page("a/index.html", page("uno", "2023"))
    sources.page("p/index.html", page("a person"))
    sources.complete(set(), tmp_path / "site")
    second = sources.fingerprints([], "en")
    assert index._to_index(second, store) == ["2023"]
    index._indexing = {"reference": "another"}  # in progress: would rewrite reference, remove 2023
    assert index._to_index(first, store) == ["reference", "2023"]
    index._indexing = dict(first)
    assert index._to_index(first, store) == []
    snapshot = sources.snapshot(["2023"])
    assert sorted(str(p.relative_to(snapshot)) for p in snapshot.rglob("*.html")) == ["2023/a/index.html"]
    assert "uno" in (snapshot / "2023" / "a" / "index.html").read_text()
    everything = sources.snapshot()
    assert sorted(str(p.relative_to(everything)) for p in everything.rglob("*.html")) == [
        "2023/a/index.html",
        "reference/p/index.html",
    ]


def test_a_page_skipped_by_a_dirty_build_and_never_seen_is_read_from_the_site(tmp_path: Path):
    site = tmp_path / "site"
    (site / "old").mkdir(parents=True)
    (site / "old" / "index.html").write_text(page("from an earlier process"))
    sources = Sources()
    sources.begin()
    sources.complete({"old/index.html"}, site)
    assert "from an earlier process" in (sources.folder / "reference" / "old" / "index.html").read_text()


def test_a_page_is_in_the_part_of_its_year_and_moves_when_its_year_changes(tmp_path: Path):
    """The part is the year written on the indexed element (the reader's year filter), not any
    year elsewhere on the page; each part's fingerprint changes only with its own pages and notes."""
    sources = Sources(tmp_path / "parts")
    sources.begin()
    sources.page("a/index.html", page("one", "2023"))
    sources.page("b/index.html", page("two", "2021"))
    sources.page("p/index.html", page("a person"))
    notes = [{"url": "a/#note-x", "title": "n", "body": "b", "date": "2022-05-01", "language": "en"}]
    sources.complete(set(), tmp_path / "site")
    assert list(sources.fingerprints(notes, "en")) == ["reference", "2023", "2022", "2021"]
    assert (tmp_path / "parts" / "2023" / "a" / "index.html").exists() and (
        tmp_path / "parts" / "reference" / "p" / "index.html"
    ).exists()
    before = sources.fingerprints(notes, "en")
    sources.begin()
    sources.page("a/index.html", page("one", "2021"))  # its date corrected: another year
    sources.page("b/index.html", page("two", "2021"))
    sources.page("p/index.html", page("a person"))
    sources.complete(set(), tmp_path / "site")
    assert not (tmp_path / "parts" / "2023" / "a" / "index.html").exists()
    assert (tmp_path / "parts" / "2021" / "a" / "index.html").exists()
    after = sources.fingerprints(notes, "en")
    assert list(after) == ["reference", "2022", "2021"]
    assert (
        after["reference"] == before["reference"]
        and after["2022"] == before["2022"]
        and after["2021"] != before["2021"]
    )
    assert sources.fingerprints([], "en")["2021"] == after["2021"] and "2022" not in sources.fingerprints([], "en")


def test_parts_are_in_order_reference_first_then_newest_year_first():
    from newsroom.search import part_of, parts_in_order

    assert parts_in_order({"2019", "reference", "2023", "2020"}) == ["reference", "2023", "2020", "2019"]
    assert parts_in_order({"2019", "2023"}) == ["2023", "2019"]
    assert (
        part_of(
            '<html lang="en"><body><main data-pagefind-body data-na-type="note" data-na-year="2022">x</main></body></html>'
        )
        == "2022"
    )
    assert (
        part_of(
            '<html data-na-year="2020"><body><main data-pagefind-body>x <b data-na-year="2021">y</b></main></body></html>'
        )
        == "reference"
    )


def test_sections_search_leaves_out_are_left_out_of_the_indexed_part():
    """An entity page's sections that repeat other pages (data-na-search-exclude) are not in its
    indexed part, so an article's edit does not change the part of every page it names."""
    from newsroom.search import indexed_part

    html = (
        '<html lang="en"><body><article data-pagefind-body><h1>NEU</h1><p>own words</p>'
        '<h2 id="mentioned-in" data-na-search-exclude="">Mentioned in</h2><ul data-na-search-exclude=""><li id="m-1"><ul><li>nested</li></ul></li><li>b</li></ul>'
        '<p>after</p><section data-na-search-exclude=""><p>a</p><section><p>b</p></section></section></article></body></html>'
    )
    assert indexed_part(html) == (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"></head><body>'
        '<article data-pagefind-body><h1>NEU</h1><p>own words</p><h2 id="mentioned-in" data-na-search-exclude=""></h2>'
        '<li id="m-1" data-na-search-exclude=""></li><p>after</p></article></body></html>'
    )
    with pytest.raises(ValueError, match="not closed"):
        indexed_part(
            '<html><body><main data-pagefind-body><ul data-na-search-exclude=""><li>x</li></main></body></html>'
        )


def test_a_change_to_the_search_modules_code_changes_every_fingerprint(tmp_path: Path, monkeypatch):
    """How notes become records (``record_path``, ``record_html``) and what a page's indexed part
    keeps are this module's code: after a change to it, no part may come from the cache (one did:
    the notes kept their old record files after ``record_path`` changed)."""
    import newsroom.search.sources as search
    from newsroom.incremental import files_digest

    package = Path(search.__file__).parent
    assert search._FORMAT[-1] == files_digest(sorted(package.glob("*.py")), package)
    sources = Sources(tmp_path / "parts")
    sources.begin()
    sources.page("a/index.html", page("one"))
    sources.page("b/index.html", page("two", "2023"))
    sources.complete(set(), tmp_path / "site")
    before = sources.fingerprints([], "en")
    monkeypatch.setattr(search, "_FORMAT", (*search._FORMAT[:-1], "another version of the code"))
    after = sources.fingerprints([], "en")
    assert list(after) == list(before) == ["reference", "2023"]
    assert all(after[part] != before[part] for part in before)
