"""Incremental builds equal clean builds, byte for byte; the cache is used, checked and keyed by
what each page is made from; links of pages taken from the cache are still checked."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.tools.helpers import build_env, files_of

HERE = Path(__file__).resolve().parent


def _cached_html(project: Path, src_uri: str) -> tuple[sqlite3.Connection, str, str]:
    """The cache's row for one page: (connection, key, HTML)."""
    import pickle

    db = sqlite3.connect(project / ".cache" / "newsroom" / "cache.sqlite")
    (blob,) = db.execute("SELECT entry FROM pages WHERE name = ?", (src_uri,)).fetchone()
    key = pickle.loads(blob).key  # noqa: S301 - the test's own cache
    (html,) = db.execute("SELECT html FROM html WHERE key = ?", (key,)).fetchone()
    return db, key, html.decode("utf-8")


def test_serve_rebuilds_and_warm_builds_equal_clean_builds_after_every_edit(site_copy):
    """Add, edit and delete an article; add, edit and delete a note; rename, add and remove
    knowledge-base entries; edit a hand-written page with macros: after each, the site folder that
    `mkdocs serve`'s rebuild leaves, and a warm `mkdocs build`, equal a clean build without cache."""
    result = subprocess.run(
        [sys.executable, str(HERE / "serve_steps.py"), str(site_copy.root)],
        capture_output=True,
        text=True,
        env=build_env(),
        timeout=600,
    )
    steps = [line for line in result.stdout.splitlines() if line.startswith("step ")]
    assert result.returncode == 0, "\n".join(steps) + "\n" + result.stderr[-3000:]
    assert len(steps) >= 18 and all(
        line.endswith(": identical") or ": failed as it should: " in line for line in steps
    ), "\n".join(steps)
    assert sum(": failed as it should: " in line for line in steps) == 1, "\n".join(steps)
    assert "is not in the article text" in result.stdout, "the failed rebuild did not say why"


def test_a_warm_build_takes_unchanged_pages_from_the_cache(site_copy):
    assert site_copy.build().returncode == 0
    db, key, html = _cached_html(site_copy.root, "glossary/neu.md")
    db.execute(
        "UPDATE html SET html = ? WHERE key = ?",
        (html.replace("</article>", "<!-- from the cache --></article>", 1).encode(), key),
    )
    db.commit()
    db.close()
    assert site_copy.build().returncode == 0
    assert "<!-- from the cache -->" in site_copy.page("glossary/neu"), "the unchanged page was rendered again"
    # Once its inputs change (an article that mentions the NEU is edited), it is rendered afresh.
    article = site_copy.docs / "articles" / "2023-04-28-unions-vow-coordinated-strikes.txt"
    article.write_text(
        article.read_text(encoding="utf-8").replace("School leaders in ASCL", "School heads in ASCL", 1),
        encoding="utf-8",
    )
    assert site_copy.build().returncode == 0
    assert "<!-- from the cache -->" not in site_copy.page("glossary/naht")
    assert "School heads in ASCL" in site_copy.page("glossary/naht")


def test_verify_mode_fails_when_a_cached_page_differs_from_a_fresh_one(site_copy):
    """NEWSROOM_CACHE=verify renders every page and compares it with the cache entry of the same key:
    how a dependency that newsroom.incremental.page_inputs misses would show."""
    assert site_copy.build().returncode == 0
    db, key, html = _cached_html(site_copy.root, "people/paul-whiteman.md")
    db.execute("UPDATE html SET html = ? WHERE key = ?", (html.replace("Paul Whiteman", "Paul Stale", 1).encode(), key))
    db.commit()
    db.close()
    result = site_copy.build(env={"NEWSROOM_CACHE": "verify"})
    assert result.returncode != 0
    assert "people/paul-whiteman.md: cache: the cached page differs from the page built afresh" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_broken_link_in_a_page_taken_from_the_cache_fails_a_strict_build(site_copy):
    """Pages taken from the cache skip MkDocs' own link check: the engine checks the links each
    page had when it was rendered (kept in its cache entry) against the site as built now."""
    import dataclasses
    import pickle

    from newsroom.linkcheck import resolve

    assert site_copy.build().returncode == 0
    db = sqlite3.connect(site_copy.root / ".cache" / "newsroom" / "cache.sqlite")
    (blob,) = db.execute("SELECT entry FROM pages WHERE name = 'glossary/naht.md'").fetchone()
    entry = pickle.loads(blob)  # noqa: S301 - the test's own cache
    broken = dataclasses.replace(
        entry, links=entry.links + resolve("glossary/naht/index.html", ("../no-such-page/#x",))
    )
    db.execute("UPDATE pages SET entry = ? WHERE name = 'glossary/naht.md'", (pickle.dumps(broken),))
    db.commit()
    db.close()
    result = site_copy.build(quiet=False)  # `mkdocs build -q` drops warnings, so --strict never sees them
    assert result.returncode != 0, result.stderr
    assert (
        "glossary/naht/index.html: a link points at glossary/no-such-page/index.html, which the site does not have"
        in result.stderr
    )


def test_the_link_check_finds_a_missing_anchor_and_a_missing_page():
    from newsroom.linkcheck import check, extract, resolve

    page = '<a href="#here">a</a><p id="here"></p><a href="../b/#gone">b</a><a href="../c/">c</a><a href="https://x.org/">x</a><img src="../img.png">'
    ids, links = extract(page)
    assert ids == frozenset({"here"}) and links == ("#here", "../b/#gone", "../c/", "https://x.org/", "../img.png")
    pages = {"a/index.html": (ids, resolve("a/index.html", links)), "b/index.html": (frozenset({"there"}), ())}
    assert check(pages, {"a/index.html", "b/index.html", "img.png"}) == [
        "a/index.html: a link points at b/index.html#gone, and b/index.html has no #gone",
        "a/index.html: a link points at c/index.html, which the site does not have",
    ]
    assert check({"a/index.html": (ids, resolve("a/index.html", ("zz:top", "../../../out/")))}, {"a/index.html"}) == [
        "a/index.html: link 'zz:top' has an unknown scheme 'zz'",
        "a/index.html: link '../../../out/' leaves the site",
    ]


def test_a_change_to_the_engine_or_the_configuration_renders_every_page_again(site_copy):
    assert site_copy.build().returncode == 0
    for name in ("glossary/neu.md", "articles/index.md"):
        db, key, html = _cached_html(site_copy.root, name)
        db.execute(
            "UPDATE html SET html = ? WHERE key = ?",
            (html.replace("</article>", "<!-- stale --></article>", 1).encode(), key),
        )
        db.commit()
        db.close()
    config = site_copy.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\n# an edit\n", encoding="utf-8")
    assert site_copy.build().returncode == 0
    assert "<!-- stale -->" not in site_copy.page("glossary/neu")
    for name in ("glossary/neu.md", "articles/index.md"):
        db, key, html = _cached_html(site_copy.root, name)
        db.execute(
            "UPDATE html SET html = ? WHERE key = ?",
            (html.replace("</article>", "<!-- stale --></article>", 1).encode(), key),
        )
        db.commit()
        db.close()
    engine = site_copy.root / "hooks" / "newsroom" / "pages" / "archive.py"
    engine.write_text(engine.read_text(encoding="utf-8") + "\n# an edit\n", encoding="utf-8")
    assert site_copy.build().returncode == 0
    assert "<!-- stale -->" not in site_copy.page("articles")


def test_a_warm_build_takes_preview_images_from_the_cache_and_draws_changed_ones(site_copy):
    import sqlite3

    assert site_copy.build().returncode == 0
    card = (
        site_copy.root
        / "site"
        / "notes"
        / "2023-04-28-unions-vow-coordinated-strikes"
        / "four-national-walkouts"
        / "card.png"
    )
    db = sqlite3.connect(site_copy.root / ".cache" / "newsroom" / "cache.sqlite")
    (key,) = [k for k, png in db.execute("SELECT key, png FROM cards") if png == card.read_bytes()]
    db.execute("UPDATE cards SET png = ? WHERE key = ?", (b"from the cache", key))
    db.commit()
    db.close()
    assert site_copy.build().returncode == 0
    assert card.read_bytes() == b"from the cache", "the card was drawn again though its words did not change"
    notes = site_copy.docs / "articles" / "2023-04-28-unions-vow-coordinated-strikes.notes.yml"
    notes.write_text(
        notes.read_text(encoding="utf-8").replace("kind: fact-check", "kind: context", 1), encoding="utf-8"
    )
    assert site_copy.build().returncode == 0
    assert card.read_bytes().startswith(b"\x89PNG"), "a card whose words changed was not drawn again"


def test_a_build_whose_pages_did_not_change_keeps_the_search_index(site_copy):
    """The index is a function of the indexed parts of the pages and the notes (its fingerprint):
    a build that changes neither takes the index from the build cache instead of running Pagefind,
    and NEWSROOM_CACHE=verify indexes anyway and fails if the two differ."""
    site = site_copy.root / "site"

    def index() -> dict[str, bytes]:
        return files_of(site / "pagefind", site)

    first = site_copy.build(quiet=False)
    assert (
        first.returncode == 0
        and "search index written" in first.stderr
        and "(2 of 2 parts: reference, 2023)" in first.stderr
    )
    written = index()
    again = site_copy.build(quiet=False)
    assert again.returncode == 0 and "search index unchanged (taken from the build cache)" in again.stderr, (
        again.stderr[-2000:]
    )
    assert index() == written
    stored = site_copy.root / ".cache" / "newsroom" / "search" / "parts" / "2023" / "index"
    (stored / "pagefind-entry.json").write_text('{"stale": true}', encoding="utf-8")
    verify = site_copy.build(strict=False, quiet=False, env={"NEWSROOM_CACHE": "verify"})
    assert (
        verify.returncode != 0 and "part 2023 of the index written afresh differs from the cached one" in verify.stderr
    ), verify.stderr[-2000:]
    article = site_copy.docs / "articles" / "2023-04-28-unions-vow-coordinated-strikes.txt"
    article.write_text(
        article.read_text(encoding="utf-8").replace("School leaders in ASCL", "School heads in ASCL", 1),
        encoding="utf-8",
    )
    # Only the edited article's part is indexed again: its words quoted on the pages of the people
    # and organisations it names are left out of those pages' indexed parts (data-na-search-exclude),
    # so the reference part's files stay as they were. A note, likewise.
    before = index()
    edited = site_copy.build(quiet=False)
    assert edited.returncode == 0 and "(1 of 2 parts: 2023)" in edited.stderr, edited.stderr[-2000:]
    assert index() != written

    def part(tree: dict, name: str) -> dict:
        return {k: v for k, v in tree.items() if k.startswith(f"pagefind/{name}/")}

    assert len(part(before, "reference")) > 20 and part(index(), "reference") == part(before, "reference")
    assert part(index(), "2023") != part(before, "2023")
    notes = site_copy.docs / "articles" / "2023-04-28-unions-vow-coordinated-strikes.notes.yml"
    notes.write_text(
        notes.read_text(encoding="utf-8").replace(
            "the independent body that recommends", "the independent body which recommends", 1
        ),
        encoding="utf-8",
    )
    before = index()
    noted = site_copy.build(quiet=False)
    assert noted.returncode == 0 and "(1 of 2 parts: 2023)" in noted.stderr, noted.stderr[-2000:]
    assert part(index(), "reference") == part(before, "reference") and part(index(), "2023") != part(before, "2023")
    clean_build = site_copy.build("clean", strict=False, env={"NEWSROOM_CACHE": "off"})
    assert clean_build.returncode == 0, clean_build.stderr[-2000:]
    clean = site_copy.root / "clean" / "pagefind"
    assert index() == files_of(clean, clean.parent)
