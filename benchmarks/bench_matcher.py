"""Annotate 1 MB of article text against 1,000 generated entities; show that time is linear in text size.

Run: python benchmarks/bench_matcher.py
"""

from __future__ import annotations

import datetime as dt
import platform
import time

from corpus import synthetic_kb, synthetic_paragraphs
from newsroom.matcher import ArticleContext, Matcher, find_mentions

SIZES = (250_000, 500_000, 1_000_000)


def best_of(runs: int, work) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def annotate_all(matcher: Matcher, paragraphs: list[str], found: list) -> None:
    found.clear()
    context = ArticleContext(dt.date(2023, 4, 28), [])
    for number, text in enumerate(paragraphs, 1):
        found.extend(find_mentions(matcher, text, context, number)[0])


def main() -> None:
    kb = synthetic_kb(1000)
    start = time.perf_counter()
    matcher = Matcher(kb)
    compile_time = time.perf_counter() - start
    print(f"machine: {platform.machine()}, Python {platform.python_version()}")
    print(
        f"knowledge base: {len(kb.entities)} entities, {len(matcher.targets)} alias forms; compile {compile_time * 1000:.0f} ms"
    )
    results = {}
    for size in SIZES:
        paragraphs = synthetic_paragraphs(kb, size)
        found: list = []
        seconds = best_of(3, lambda paragraphs=paragraphs, found=found: annotate_all(matcher, paragraphs, found))
        results[size] = seconds
        print(f"{size / 1e6:.2f} MB: {seconds:.3f} s, {len(found)} mentions, {size / seconds / 1e6:.2f} MB/s")
    print(f"ratio 1 MB / 0.25 MB: {results[1_000_000] / results[250_000]:.2f} (linear: 4.0)")


if __name__ == "__main__":
    main()
