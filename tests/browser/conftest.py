"""A real browser: Debian's Chromium driven by Playwright, against the built site on 127.0.0.1."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from tests.tools import hosting

CHROMIUM = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
ANNOTATOR = os.path.join(os.path.dirname(__file__), "annotator")


def serve(site, port: int):
    """The built ``site`` folder on 127.0.0.1:``port``, as GitHub Pages serves it (gzip-compressed,
    tests/tools/hosting.py); yields its base URL."""
    return hosting.serve(site, port)


@pytest.fixture(scope="session")
def base_url(built_site, site_port):
    with serve(built_site.root / "site", site_port) as url:
        yield url


# Two made-up articles in other years, for the search of an index in parts (one part a year).
FIXTURE_ARTICLES = {
    "2021-03-01-fixture-quokka-ballot.txt": (
        "Fixture report from 2021",
        "2021-03-01",
        [
            "A made-up paragraph for the search tests: the quokka ballot closed with a zephyr of votes.",
            "A second made-up paragraph, about nothing in particular.",
        ],
    ),
    "2022-06-01-fixture-zephyr.txt": (
        "Fixture report from 2022",
        "2022-06-01",
        ["A made-up paragraph for the search tests: a zephyr over the ballot boxes."],
    ),
    "2022-07-01-fixture-noted.txt": (
        "Fixture report with a note",
        "2022-07-01",
        ["A made-up paragraph that only the notes index test annotates."],
    ),
}


@pytest.fixture(scope="session")
def years_url(tmp_path_factory):
    """The real site with FIXTURE_ARTICLES added (three years: three parts of the search index and
    the reference part) and a note on the last, built and served on a port of its own."""
    from tests.conftest import SiteCopy, free_port

    port = free_port()
    copy = SiteCopy(tmp_path_factory.mktemp("years") / "project")
    for name, (title, day, paragraphs) in FIXTURE_ARTICLES.items():
        copy.write(
            f"articles/{name}",
            f"---\ntitle: '{title}'\npublished: {day}\npublisher: Test Fixture\n"
            f"url: https://example.org/{name[:-4]}\nsummary: A made-up article for the search tests.\n---\n"
            + "\n".join(paragraphs)
            + "\n",
        )
    # One note of one kind, so that a filter of the notes index hides this article's group.
    copy.write(
        "articles/2022-07-01-fixture-noted.notes.yml",
        "notes:\n  - id: fixture-note\n    quote: only the notes index test\n    kind: context\n"
        "    body: A made-up note for the contents test.\n    sources:\n      - https://example.org/note\n"
        "    created: 2026-12-04\n",
    )
    result = copy.build(site_url=f"http://127.0.0.1:{port}/")
    assert result.returncode == 0, result.stderr[-3000:]
    with serve(copy.root / "site", port) as url:
        yield url


@pytest.fixture(scope="session")
def annotator_bundle() -> str:
    """Apache Annotator for the browser, bundled by esbuild from the packages `tests/run` installs
    with npm (tests/browser/annotator/package-lock.json pins them)."""
    esbuild = os.path.join(ANNOTATOR, "node_modules", ".bin", "esbuild")
    assert os.path.exists(esbuild), (
        "Apache Annotator is not installed: run `bash tests/run`, which installs it with npm"
    )
    bundle = os.path.join(ANNOTATOR, "node_modules", "annotator-bundle.js")
    subprocess.run(
        [esbuild, "entry.js", "--bundle", "--format=iife", "--log-level=warning", f"--outfile={bundle}"],
        cwd=ANNOTATOR,
        check=True,
    )
    return bundle


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    assert os.path.exists(CHROMIUM), (
        f"Chromium not found at {CHROMIUM}: run `bash tests/run`, which installs Debian's chromium"
    )
    with sync_playwright() as p:
        instance = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
            ],
        )
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.console_errors = []
    page.on("console", lambda m: page.console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: page.console_errors.append(str(e)))
    yield page
    context.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True, device_scale_factor=2
    )
    page = context.new_page()
    yield page
    context.close()


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)
