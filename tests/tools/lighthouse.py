"""Lighthouse on the built site, as a reader's phone (or desktop) meets it on a host.

Used by tests/browser/test_lighthouse.py (the 95+ gate) and benchmarks/bench_lighthouse.py
(medians of three, before and after). Lighthouse itself is the npm package pinned by
tests/lighthouse/package-lock.json (12.2.3: 13 needs a newer Node), driven by
tests/lighthouse/run.mjs with Debian's Chromium; nothing is downloaded.

The site is served by tests/tools/hosting.py, as GitHub Pages serves it.
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path

from tests.tools.helpers import PAGES

HERE = Path(__file__).resolve().parents[1] / "lighthouse"
RUNNER = HERE / "run.mjs"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# The axe-core Lighthouse runs (its dependency, in the lock file): the axe tests inject the same.
AXE = HERE / "node_modules" / "axe-core" / "axe.min.js"

# Every page type of the real site, as a path under the site's root: the browser tests' page
# types (but the organisation with statements, a glossary entry again, and the notes index), the
# tags page, and search opened by a link.
PAGE_TYPES = {
    **{
        name: PAGES[name]
        for name in (
            "home",
            "articles index",
            "article",
            "note's own page",
            "glossary entry",
            "person",
            "people index",
            "timeline index",
            "timeline month",
        )
    },
    "tags": "tags/",
    "search open": "?q=strike",
}

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def install() -> None:
    """Installs the pinned Lighthouse with npm, from the lock file, if it is not there yet."""
    if not (HERE / "node_modules" / "lighthouse").is_dir():
        subprocess.run(
            ["npm", "ci", "--prefix", str(HERE), "--no-audit", "--no-fund", "--loglevel=error"],
            check=True,
            stdout=subprocess.DEVNULL,
        )


def axe_version() -> str:
    """The version of the axe-core that Lighthouse runs (installed with it)."""
    install()
    return json.loads((AXE.parent / "package.json").read_text())["version"]


def run(jobs: list[dict]) -> list[dict]:
    """Runs Lighthouse on each ``{"url", "preset"}`` job in turn, one Chromium for all; returns
    what run.mjs reports for each (scores, metrics, bytes, the audits that did not pass)."""
    install()
    with tempfile.TemporaryDirectory() as tmp:
        jobs_file, out_file = Path(tmp) / "jobs.json", Path(tmp) / "out.json"
        jobs_file.write_text(json.dumps([{"url": j["url"], "preset": j["preset"]} for j in jobs]))
        env = dict(os.environ, CHROME_PATH=CHROMIUM)
        subprocess.run(["node", str(RUNNER), str(jobs_file), str(out_file)], check=True, env=env, cwd=HERE)
        return json.loads(out_file.read_text())


def describe(result: dict) -> str:
    """One failing result, as a test's message: scores, metrics and the audits that did not pass."""
    m = result["metrics"]
    lines = [
        f"{result['url']} ({result['preset']}): "
        + ", ".join(f"{c} {result['scores'].get(c)}" for c in CATEGORIES)
        + f"; FCP {m['fcp']:.0f} ms, LCP {m['lcp']:.0f} ms, TBT {m['tbt']:.0f} ms, CLS {m['cls']:.3f},"
        f" {result['bytes']} bytes in {result['requests']} requests"
    ]
    for audit in result["failing"]:
        lines.append(
            f"  {audit['category']}: {audit['id']} ({audit['title']}) score {audit['score']} {audit['displayValue']}"
        )
    return "\n".join(lines)
