"""A reader's first search on the benchmark site: bytes transferred and time until results show.

    python benchmarks/bench_search.py                    # N = 1,000 and 10,000 articles
    python benchmarks/bench_search.py --articles 200     # a quick run
    python benchmarks/bench_search.py --before /tmp/old  # also build with another checkout's engine

For each N it writes the benchmark project (the articles and knowledge base of bench_build.py),
builds it, and prints the build's time and the search index's share of it (Pagefind), the
index's size on disk, and Material's search_index.json of the same articles built as plain
Material pages (the plugin's cost: that build with and without the search plugin). With
``--before DIR`` the same project is also built with the hooks, overrides and mkdocs.yml of
the checkout in DIR (for example the commit before Pagefind, whose search was Material's
plugin), in the same run.

Then it serves the site on 127.0.0.1 (a plain static server: no compression, as the worst
case) and, in Chromium with an empty cache, for each query: loads a page, opens search with
"/" (which starts loading the search code), enters the query at once, a second later (a
reader's pace), or key by key from a second later (a reader typing: each key searches, and the
time runs from the last key), and waits until the results are on the page. It records every request made from
the moment search opens (code, WebAssembly, index metadata, filters, word chunks and the
fragments of the results shown) and the time from entering the query to the results.
Targets (issue 17): at most 500 KB and 300 ms at N = 10,000.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench_build import articles, synthetic_kb, write_annotated, write_plain

QUERIES = (
    "strikes",
    "Report number 517",
    "turnout threshold",
    "Kebede",
)  # every article; one article; a term; a name in 2% of articles


def build(project: Path, extra_env: dict | None = None) -> tuple[float, str]:
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"), "-d", str(project / "site")]
    env = {
        "PATH": "/usr/bin:/bin",
        "NO_MKDOCS_2_WARNING": "1",
        "HOME": str(project),
        "NEWSROOM_CACHE": "off",
        **(extra_env or {}),
    }
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, cwd=project, env=env)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"build of {project} failed:\n{result.stderr[-3000:]}")
    return seconds, result.stderr


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


# In the page: when the query's (last) input event fires, and when the results are in the page
# (the dialog says which query it has shown: data-na-search-done), by the page's own clock.
CLOCK = """() => {
  const root = document.querySelector('[data-na-search]');
  root.querySelector('[data-na-search-query]').addEventListener('input', () => { window.__asked = performance.now(); }, { capture: true });
  new MutationObserver(() => { window.__shown = performance.now(); }).observe(root, { attributeFilter: ['data-na-search-done'] });
}"""
# How the query is entered once search has opened: all at once (pasted, or typed before the code
# has loaded), all at once a second later, or key by key from a second later (120 ms a key: a
# reader typing, each key a search of its own), timed from the last key.
MODES = ("at once", "1 s later", "key by key")
KEY_DELAY = 120


def first_queries(site: Path, runs: int = 1) -> list[tuple[str, str, int, float, int, int, float]]:
    """(query, mode, bytes, milliseconds, requests, results, milliseconds in the page) of each
    query in each of ``MODES``, each in a fresh browser context. The first time is Playwright's,
    from entering the query (its last key) to seeing the results (it includes Playwright's own
    round trips to the browser, tens of milliseconds); the second is the page's, from the query's
    (last) input event to the results put in the page. With ``runs`` > 1 each is measured that
    many times and the times are the medians."""
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    out = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path="/usr/bin/chromium",
                args=["--no-sandbox", "--disable-background-networking", "--disable-component-update"],
            )
            for query in QUERIES:
                for mode in MODES:
                    measured = [_first_query(browser, base, query, mode) for _ in range(runs)]
                    size, requests, results = measured[0][0], measured[0][2], measured[0][3]
                    elapsed = statistics.median(m[1] for m in measured)
                    in_page = statistics.median(m[4] for m in measured)
                    out.append((query, mode, size, elapsed, requests, results, in_page))
            browser.close()
    finally:
        server.shutdown()
    return out


def _first_query(browser, base: str, query: str, mode: str) -> tuple[int, float, int, int, float]:
    """(bytes, milliseconds, requests, results, milliseconds in the page) of one first search."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base + "about/")
    page.wait_for_load_state("networkidle")
    sizes: list[int] = []

    def count(request) -> None:
        measured = request.sizes()
        sizes.append(measured["responseBodySize"] + measured["responseHeadersSize"])

    page.on("requestfinished", count)
    page.evaluate(CLOCK)
    page.keyboard.press("/")  # search opens, and starts loading
    if mode != "at once":
        page.wait_for_timeout(1000)
    if mode == "key by key":
        page.keyboard.type(query[:-1], delay=KEY_DELAY)
        page.wait_for_timeout(KEY_DELAY)
        started = time.perf_counter()
        page.keyboard.type(query[-1])
    else:
        started = time.perf_counter()
        page.fill("[data-na-search-query]", query)
    done = "q => document.querySelector('[data-na-search]').getAttribute('data-na-search-done') === q"
    page.wait_for_function(done, arg=query, timeout=60000, polling="raf")
    elapsed = (time.perf_counter() - started) * 1000
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    results = int(re.sub(r"\D", "", page.inner_text("#na-search-status").split(" ")[0]) or 0)
    in_page = page.evaluate("window.__shown - window.__asked")
    context.close()
    return sum(sizes), elapsed, len(sizes), results, in_page


def print_queries(site: Path, prefix: str, runs: int = 1) -> None:
    """A line per first search on ``site`` (:func:`first_queries`)."""
    for query, mode, size, ms, requests, results, in_page in first_queries(site, runs):
        when = {
            "at once": "typed at once",
            "1 s later": "typed 1 s after opening",
            "key by key": f"typed key by key ({KEY_DELAY} ms a key) from 1 s after opening, from the last key",
        }[mode]
        median = f" (medians of {runs})" if runs > 1 else ""
        print(
            f"{prefix}first search {query!r}, {when}: {size / 1024:.0f} KB in {requests} requests, results after {ms:.0f} ms{median} "
            f"({in_page:.0f} ms in the page; {results} results)",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--entities", type=int, default=1000)
    parser.add_argument("--before", type=Path, help="a checkout whose engine to build the same project with")
    parser.add_argument("--keep", type=Path, help="write the projects here and keep them")
    parser.add_argument("--site", type=Path, help="only measure the first searches on this built site")
    parser.add_argument(
        "--runs", type=int, default=1, help="measure each first search this many times and give the medians"
    )
    parser.add_argument(
        "--vocabulary",
        choices=("narrow", "real"),
        default="narrow",
        help="the articles' words: about 50 (every word in every article: the worst case) or a real text's (Zipf)",
    )
    args = parser.parse_args()
    if args.site:
        print_queries(args.site, "", args.runs)
        return
    kb = synthetic_kb(args.entities)
    print(
        f"machine: {platform.machine()}, Python {platform.python_version()}; M = {len(kb.entities)} entities; {args.vocabulary} vocabulary"
    )
    for count in args.articles:
        items = articles(kb, count, args.vocabulary)
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
        folder = Path(tempfile.mkdtemp(dir=args.keep)) if args.keep else Path(tempfile.mkdtemp())
        try:
            annotated, plain = folder / "annotated", folder / "plain"
            write_annotated(annotated, kb, items)
            write_plain(plain, items)
            plain_time, _ = build(plain)
            plain_index = plain / "site" / "search" / "search_index.json"
            plain_bytes = plain_index.stat().st_size
            plain_gz = len(gzip.compress(plain_index.read_bytes()))
            (plain / "mkdocs.yml").write_text(
                (plain / "mkdocs.yml").read_text().replace("plugins:\n- search\n", "plugins: []\n")
            )
            unsearched_time, _ = build(plain)
            print(
                f"N={count}: plain Material {plain_time:.1f} s, of which its search plugin {plain_time - unsearched_time:.1f} s; "
                f"its search_index.json {plain_bytes / 1e6:.1f} MB ({plain_gz / 1e6:.1f} MB gzipped)",
                flush=True,
            )
            if args.before:
                before = folder / "before"
                shutil.copytree(annotated, before, ignore=shutil.ignore_patterns("site", ".cache"))
                for name in ("hooks", "overrides", "macros", "docs/assets"):
                    shutil.rmtree(before / name)
                    shutil.copytree(args.before / name, before / name, ignore=shutil.ignore_patterns("__pycache__"))
                shutil.copy(args.before / "mkdocs.yml", before / "mkdocs.yml")
                before_time, before_log = build(before)
                index = before / "site" / "search" / "search_index.json"
                if index.exists():
                    size, packed = index.stat().st_size, len(gzip.compress(index.read_bytes()))
                    print(
                        f"  before ({args.before}): build {before_time:.1f} s; search_index.json {size / 1e6:.1f} MB "
                        f"({packed / 1e6:.1f} MB gzipped), all fetched by a reader's first search",
                        flush=True,
                    )
                else:  # a Pagefind index: its build time, and the first searches on it
                    found = re.search(r"search index written in ([\d.]+) s", before_log)
                    print(
                        f"  before ({args.before}): build {before_time:.1f} s, of which the Pagefind index "
                        f"{found.group(1) if found else '?'} s; index {folder_size(before / 'site' / 'pagefind') / 1e6:.1f} MB on disk",
                        flush=True,
                    )
                    print_queries(before / "site", "  before: ", args.runs)
            after_time, log = build(annotated)
            found = re.search(r"search index written in ([\d.]+) s", log)
            pagefind = annotated / "site" / "pagefind"
            pages = sum(1 for _ in pagefind.glob("**/fragment/*"))
            print(
                f"  after: build {after_time:.1f} s, of which the Pagefind index {found.group(1) if found else '?'} s; "
                f"index {folder_size(pagefind) / 1e6:.1f} MB on disk in {sum(1 for _ in pagefind.rglob('*'))} files, {pages} records",
                flush=True,
            )
            print_queries(annotated / "site", "  ", args.runs)
        finally:
            if not args.keep:
                shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
