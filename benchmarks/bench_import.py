"""The importer on real saved pages (``benchmarks/data/import/``, see SOURCES.md there):

- the body: token F1 against a human-written body, the article-extraction benchmark's method
  (4-word shingles of ``\\w+`` tokens; precision and recall per page, each page weighted the
  same; F1 of the two means); a page the importer refuses counts as an empty body;
- the date: the share of pages whose date is the hand-annotated one (and how many have none,
  which the importer asks for, and how many a wrong one);
- the title: the share whose title is the expected one (white space and case aside, and a
  site name before or after a separator such as " | " or " - " aside);
- the time per page (reading, decoding, extracting; not writing).

``python benchmarks/bench_import.py`` prints the figures for RESULTS.md. No network."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import re
import statistics
import sys
import tarfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))
DATA = ROOT / "benchmarks" / "data" / "import"

from newsroom.importer.extract import clean, extract  # noqa: E402
from newsroom.importer.read import Page, SourceError  # noqa: E402

TOKEN = re.compile(r"\w+")
SEPARATORS = re.compile(r"\s+(?:\||-|–|—|_|::|·|•|»)\s+")


def archive(name: str) -> dict[str, bytes]:
    with tarfile.open(DATA / name) as tar:
        return {m.name.removeprefix("./"): tar.extractfile(m).read() for m in tar.getmembers() if m.isfile()}


def shingles(text: str, n: int = 4) -> Counter:
    tokens = TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def page_scores(true: str, predicted: str) -> tuple[float, float] | None:
    """Precision and recall of one page (None where both are empty)."""
    want, got = shingles(true), shingles(predicted)
    tp = sum((want & got).values())
    fp, fn = sum(got.values()) - tp, sum(want.values()) - tp
    if fp == fn == 0:
        return (1.0, 1.0) if tp else None
    return (tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0)


def f1(scores: list[tuple[float, float]]) -> tuple[float, float, float]:
    precision = statistics.mean(p for p, _ in scores)
    recall = statistics.mean(r for _, r in scores)
    return 2 * precision * recall / (precision + recall), precision, recall


def run(page: Page, today: dt.date | None = None, times: list[float] | None = None):
    start = time.perf_counter()
    try:
        result = extract(page, today)
    except SourceError as err:
        result = err
    if times is not None:
        times.append(time.perf_counter() - start)
    return result


def same_title(got: str | None, want: str) -> bool:
    """The same title, white space and case aside, and a site name set off by a separator."""
    if not got:
        return False
    a, b = clean(got).casefold(), clean(want).casefold()
    if a == b:
        return True
    parts_a, parts_b = SEPARATORS.split(a), SEPARATORS.split(b)
    return any(x == b for x in (parts_a[0], parts_a[-1])) or any(y == a for y in (parts_b[0], parts_b[-1]))


def body(times: list[float]) -> dict:
    files = archive("article-extraction-benchmark.tar.xz")
    truth = json.loads(files["ground-truth.json"])
    scores, refused, kept = [], Counter(), []
    for key, entry in sorted(truth.items()):
        result = run(Page(f"{key}.html", files[f"html/{key}.html"], entry["url"]), times=times)
        text = "" if isinstance(result, SourceError) else "\n".join(result.paragraphs)
        if isinstance(result, SourceError):
            refused[result.why.split(" (")[0]] += 1
        score = page_scores(entry["articleBody"], text)
        if score is not None:
            scores.append(score)
            if text:
                kept.append(score)
    baseline = []  # trafilatura alone, its defaults, for comparison
    import trafilatura

    for key, entry in sorted(truth.items()):
        score = page_scores(entry["articleBody"], trafilatura.extract(files[f"html/{key}.html"]) or "")
        if score is not None:
            baseline.append(score)
    return {"pages": len(truth), "all": f1(scores), "imported": f1(kept), "refused": refused, "baseline": f1(baseline)}


def dates(times: list[float]) -> dict:
    files = archive("htmldate-mediacloud-2020.tar.xz")
    truth = json.loads(files["eval_mediacloud_2020.json"])
    counts: Counter = Counter()
    refused: Counter = Counter()
    for url, entry in sorted(truth.items()):
        if not isinstance(entry.get("date"), str):
            counts["no date annotated (left out)"] += 1
            continue
        result = run(Page(entry["file"], files[f"pages/{entry['file']}"], url), dt.date(2021, 1, 1), times)
        if isinstance(result, SourceError):
            counts["not imported"] += 1
            refused[result.why.split(" (")[0]] += 1
        elif result.published == entry["date"]:
            counts["right"] += 1
        elif result.published is None:
            counts["none found (asked for)"] += 1
        elif abs(dt.date.fromisoformat(result.published) - dt.date.fromisoformat(entry["date"])).days == 1:
            counts["a day off"] += 1
        else:
            counts["wrong"] += 1
    return {"counts": counts, "refused": refused}


def titles(times: list[float]) -> dict:
    files = archive("readability-test-pages.tar.xz")
    names = sorted({n.split("/")[1] for n in files if n.startswith("pages/")})
    counts: Counter = Counter()
    both: Counter = Counter()
    wrong = []
    for name in names:
        meta = json.loads(files[f"pages/{name}/expected-metadata.json"])
        result = run(Page(name, files[f"pages/{name}/source.html"]), times=times)
        if isinstance(result, SourceError):
            counts["not imported"] += 1
            wrong.append(f"{name}: {result.why}")
            continue
        right = same_title(result.title, meta["title"])
        counts["right" if right else "wrong"] += 1
        if not right:
            wrong.append(f"{name}: {result.title!r}, expected {meta['title']!r}")
        if meta.get("publishedTime"):
            both["with a date"] += 1
            both["title and date right"] += right and result.published == meta["publishedTime"][:10]
    return {"pages": len(names), "counts": counts, "both": both, "wrong": wrong}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--wrong", action="store_true", help="list the titles that differ")
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    times: list[float] = []
    b = body(times)
    print(
        f"body, {b['pages']} pages (article-extraction benchmark): F1 {b['all'][0]:.3f} "
        f"(precision {b['all'][1]:.3f}, recall {b['all'][2]:.3f}); on the pages imported: F1 {b['imported'][0]:.3f}"
    )
    print(f"  not imported: {dict(b['refused'])}; trafilatura.extract() alone, its defaults: F1 {b['baseline'][0]:.3f}")
    d = dates(times)
    counted = sum(n for k, n in d["counts"].items() if not k.startswith("no date"))
    print(
        f"date, {counted} pages (htmldate's Media Cloud 2020 set): "
        + ", ".join(f"{k} {n} ({n / counted:.1%})" for k, n in d["counts"].items() if not k.startswith("no date"))
    )
    imported = counted - d["counts"]["not imported"]
    print(
        f"  of the {imported} imported: right {d['counts']['right'] / imported:.1%}; not imported: {dict(d['refused'])}"
    )
    t = titles(times)
    print(
        f"title, {t['pages']} pages (Readability's real-site test pages): "
        + ", ".join(f"{k} {n} ({n / t['pages']:.1%})" for k, n in t["counts"].items())
    )
    print(
        f"  title and date right: {t['both']['title and date right']} of {t['both']['with a date']} pages with a date"
    )
    if args.wrong:
        print("\n".join(f"    {w}" for w in t["wrong"]))
    print(
        f"time per page: median {statistics.median(times) * 1000:.0f} ms, mean {statistics.mean(times) * 1000:.0f} ms, "
        f"slowest {max(times) * 1000:.0f} ms ({len(times)} pages)"
    )


if __name__ == "__main__":
    main()
