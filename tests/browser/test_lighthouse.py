"""Lighthouse 12.2.3 (npm, pinned by tests/lighthouse/package-lock.json) on every page type of the
real site, as a new reader meets it on a host (tests/tools/hosting.py: gzip, as GitHub Pages),
in the mobile preset (a mid-range phone on slow 4G, simulated) and the desktop one: each category
at 95 or more. A failing page prints its scores, metrics and the audits that did not pass.

Lighthouse's simulated timings move with the machine's load: a page under 95 is measured twice
more and judged by the median of its three runs, as benchmarks/bench_lighthouse.py reports them.
"""

from __future__ import annotations

import statistics

import pytest

from tests.tools import lighthouse

PRESETS = ("mobile", "desktop")
MINIMUM = 95


def _median(runs: list[dict]) -> dict:
    """The run whose performance score is the median, with each category's median score."""
    runs = sorted(runs, key=lambda r: r["scores"]["performance"] or 0)
    middle = dict(runs[len(runs) // 2])
    middle["scores"] = {c: statistics.median(r["scores"][c] or 0 for r in runs) for c in lighthouse.CATEGORIES}
    return middle


def _passes(result: dict) -> bool:
    return all((result["scores"].get(c) or 0) >= MINIMUM for c in lighthouse.CATEGORIES)


@pytest.fixture(scope="module")
def reports(base_url) -> dict:
    jobs = [
        {"url": base_url + path, "preset": preset, "name": name}
        for name, path in lighthouse.PAGE_TYPES.items()
        for preset in PRESETS
    ]
    first = lighthouse.run(jobs)
    found = {(job["name"], job["preset"]): [result] for job, result in zip(jobs, first, strict=True)}
    again = [job for job, result in zip(jobs, first, strict=True) if not _passes(result)]
    for job, result in zip(again * 2, lighthouse.run(again * 2) if again else [], strict=True):
        found[job["name"], job["preset"]].append(result)
    return {key: _median(runs) if len(runs) > 1 else runs[0] for key, runs in found.items()}


def test_lighthouse_is_the_pinned_one_with_its_axe(reports):
    result = next(iter(reports.values()))
    assert result["lighthouse"] == "12.2.3"
    assert result["axe"] == lighthouse.axe_version(), "Lighthouse's axe-core is the one the axe tests run"


@pytest.mark.parametrize("preset", PRESETS)
@pytest.mark.parametrize("name", list(lighthouse.PAGE_TYPES))
def test_every_category_scores_95_or_more(reports, name, preset):
    result = reports[name, preset]
    assert _passes(result), lighthouse.describe(result)
