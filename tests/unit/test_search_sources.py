"""What Pagefind indexes of the pages (newsroom.search.Sources): written when a page's part changes,
kept between builds only when a build completed, and pages gone from the site forgotten."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from newsroom.search import Sources, _run


def page(words: str) -> str:
    return f'<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><nav>menu</nav><article data-pagefind-body>{words}</article></body></html>'


def test_parts_are_written_changed_parts_replaced_and_gone_pages_forgotten(tmp_path: Path):
    sources = Sources(tmp_path / "parts")
    sources.begin()
    sources.page("a/index.html", page("one"))
    sources.page("b/index.html", page("two"))
    sources.page("c/index.html", "<html><body>not indexed</body></html>")
    sources.complete(set(), tmp_path / "site")
    assert (tmp_path / "parts" / "a" / "index.html").read_text() == (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"></head><body><article data-pagefind-body>one</article></body></html>'
    )
    assert not (tmp_path / "parts" / "c" / "index.html").exists()
    first = sources.fingerprint([], "en")
    snapshot = sources.snapshot()
    # The next build: a changes, b is not written (its page is gone), c is skipped.
    sources.begin()
    sources.page("a/index.html", page("uno"))
    sources.complete({"c/index.html"}, tmp_path / "site")
    assert "uno" in (tmp_path / "parts" / "a" / "index.html").read_text()
    assert not (tmp_path / "parts" / "b" / "index.html").exists()
    assert set(sources.digests) == {"a/index.html", "c/index.html"}
    assert sources.fingerprint([], "en") != first
    assert "one" in (snapshot / "a" / "index.html").read_text(), "the snapshot changed with the folder"
    assert sources.fingerprint([{"url": "/a/#note-x"}], "en") != sources.fingerprint([], "en")


def test_a_completed_build_is_trusted_by_the_next_process_and_a_half_build_is_not(tmp_path: Path):
    folder = tmp_path / "parts"
    sources = Sources(folder)
    sources.begin()
    sources.page("a/index.html", page("one"))
    sources.complete(set(), tmp_path / "site")
    (folder / "a" / "index.html").write_text("kept as it is")
    later = Sources(folder)  # another process: reads the digests, does not write an unchanged part
    later.begin()
    later.page("a/index.html", page("one"))
    later.complete(set(), tmp_path / "site")
    assert (folder / "a" / "index.html").read_text() == "kept as it is"
    later.begin()  # a build starts, and stops half-way
    later.page("a/index.html", page("two"))
    later.flush()
    again = Sources(folder)
    assert again.digests == {} and not (folder / "a").exists(), "a half-written folder was trusted"


def test_a_page_skipped_by_a_dirty_build_and_never_seen_is_read_from_the_site(tmp_path: Path):
    site = tmp_path / "site"
    (site / "old").mkdir(parents=True)
    (site / "old" / "index.html").write_text(page("from an earlier process"))
    sources = Sources()
    sources.begin()
    sources.complete({"old/index.html"}, site)
    assert "from an earlier process" in (sources.folder / "old" / "index.html").read_text()


def test_the_indexer_runs_when_the_caller_already_runs_an_event_loop():
    """Pagefind's API is asyncio; a caller inside a running loop (Playwright's sync API in the same
    test process does this) gets the work done on a thread of its own, with errors handed back."""
    done = []

    async def work():
        done.append(asyncio.get_running_loop())

    async def fails():
        raise ValueError("from the indexer")

    outer = []

    async def caller():
        outer.append(asyncio.get_running_loop())
        _run(work())
        with pytest.raises(ValueError, match="from the indexer"):
            _run(fails())

    _run(caller())  # this test's own loop: here, or on a thread when the test process already runs one
    assert len(done) == 1 and done[0] is not outer[0]
    _run(work())
    assert len(done) == 2
