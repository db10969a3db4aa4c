"""Lighthouse on every page type of the real site: scores, metrics and bytes, medians of runs.

    python benchmarks/bench_lighthouse.py                          # this checkout, 3 runs each
    python benchmarks/bench_lighthouse.py --before ../before       # and another checkout, alternated
    python benchmarks/bench_lighthouse.py --runs 1 --pages article home

Each checkout's real site is built (``mkdocs build --strict``, its site_url the server's) and
served as GitHub Pages serves it (tests/tools/hosting.py: gzip, max-age=600); Lighthouse 12.2.3
(tests/lighthouse/, the pinned npm package) runs each page type in the mobile preset (a mid-range
phone on simulated slow 4G) ``--runs`` times, checkouts alternated run by run so that the
machine's drift falls on both, and the desktop preset once. The article and the home page are
also measured from Python's plain ``http.server``, which compresses nothing. It prints, for each
page and checkout, the median of each category's score, of FCP, LCP, TBT and CLS, and the bytes
of the first visit; and the bytes of a second page (the glossary entry a reader follows from the
article: what it fetches that the article did not, as the browser's cache holds the rest).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.tools import hosting, lighthouse  # noqa: E402
from tests.tools.helpers import free_port  # noqa: E402

UNCOMPRESSED = ("article", "home")


def build(checkout: Path, site: Path, site_url: str) -> None:
    env = dict(os.environ, SITE_URL=site_url, NO_MKDOCS_2_WARNING="1", NEWSROOM_CACHE="off")
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "--strict", "-d", str(site)], cwd=checkout, env=env, check=True
    )


def median_row(runs: list[dict]) -> dict:
    m = lambda f: statistics.median(f(r) for r in runs)  # noqa: E731
    row = {c: m(lambda r, c=c: r["scores"][c] or 0) for c in lighthouse.CATEGORIES}
    row.update({k: m(lambda r, k=k: r["metrics"][k]) for k in ("fcp", "lcp", "tbt", "cls")})
    row["bytes"] = m(lambda r: r["bytes"])
    return row


def show(label: str, row: dict) -> str:
    return (
        f"{label:<44} perf {row['performance']:>5.0f}  a11y {row['accessibility']:>3.0f}  bp {row['best-practices']:>3.0f}"
        f"  seo {row['seo']:>3.0f}  FCP {row['fcp']:>5.0f}  LCP {row['lcp']:>5.0f}  TBT {row['tbt']:>4.0f}"
        f"  CLS {row['cls']:.3f}  {row['bytes'] / 1024:>6.1f} KiB"
    )


def second_page(first: dict, second: dict) -> int:
    seen = {r["url"] for r in first["resources"]}
    return sum(r["bytes"] for r in second["resources"] if r["url"] not in seen)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--before", type=Path, help="another checkout, measured alternately with this one")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pages", nargs="*", default=list(lighthouse.PAGE_TYPES), choices=list(lighthouse.PAGE_TYPES))
    args = parser.parse_args()
    checkouts = {"after": ROOT, **({"before": args.before.resolve()} if args.before else {})}
    with tempfile.TemporaryDirectory() as tmp:
        ports = {name: free_port() for name in checkouts}
        plain_ports = {name: free_port() for name in checkouts}
        for name, checkout in checkouts.items():
            build(checkout, Path(tmp) / name, f"http://127.0.0.1:{ports[name]}/")
        mobile: dict = {(n, p): [] for n in checkouts for p in args.pages}
        desktop: dict = {}
        plain: dict = {(n, p): [] for n in checkouts for p in UNCOMPRESSED if p in args.pages}
        for run in range(args.runs):
            for name in checkouts if run % 2 == 0 else reversed(list(checkouts)):
                site = Path(tmp) / name
                with hosting.serve(site, ports[name]) as base:
                    jobs = [{"url": base + lighthouse.PAGE_TYPES[p], "preset": "mobile"} for p in args.pages]
                    if run == 0:
                        jobs += [{"url": base + lighthouse.PAGE_TYPES[p], "preset": "desktop"} for p in args.pages]
                    results = lighthouse.run(jobs)
                for page, result in zip(args.pages, results, strict=False):
                    mobile[name, page].append(result)
                for page, result in zip(args.pages, results[len(args.pages) :], strict=False):
                    desktop[name, page] = result
                with hosting.serve(site, plain_ports[name], compress=False) as base:
                    pages = [p for p in UNCOMPRESSED if p in args.pages]
                    for page, result in zip(
                        pages,
                        lighthouse.run([{"url": base + lighthouse.PAGE_TYPES[p], "preset": "mobile"} for p in pages]),
                        strict=True,
                    ):
                        plain[name, page].append(result)
                print(f"run {run + 1}/{args.runs}: {name} done", flush=True)
    version = next(iter(mobile.values()))[0]["lighthouse"]
    print(f"\nLighthouse {version}, mobile preset, medians of {args.runs} runs, served gzip-compressed:")
    for page in args.pages:
        for name in checkouts:
            print(show(f"{page} ({name})", median_row(mobile[name, page])))
    print("\nDesktop preset (one run):")
    for page in args.pages:
        for name in checkouts:
            print(show(f"{page} ({name})", median_row([desktop[name, page]])))
    print(f"\nMobile preset, Python's http.server (no compression), medians of {args.runs}:")
    for (name, page), runs in plain.items():
        print(show(f"{page} ({name}, uncompressed)", median_row(runs)))
    if "article" in args.pages and "glossary entry" in args.pages:
        print("\nBytes transferred (mobile, compressed, first run):")
        for name in checkouts:
            first, second = mobile[name, "article"][0], mobile[name, "glossary entry"][0]
            print(
                f"  {name}: an article's first visit {first['bytes'] / 1024:.1f} KiB in {first['requests']} requests;"
                f" then the glossary entry {second_page(first, second) / 1024:.1f} KiB more"
            )


if __name__ == "__main__":
    main()
