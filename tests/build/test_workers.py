"""Builds that use worker processes (newsroom.workers: the articles' annotation, the generated
pages' content and their rendering with the theme) write exactly what a one-process build
writes, search index included; a build with workers still fails on bad input with the message
a one-process build gives."""

from __future__ import annotations

import os
import re

import pytest

from tests.tools.helpers import files_of

ONE_PROCESS = {"NEWSROOM_WORKERS": "0", "NEWSROOM_CACHE": "off"}
COPIES = 230  # above newsroom.workers.MIN_ITEMS: a build uses its workers without being told


def add_copies(copy, count: int = COPIES) -> None:
    """``count`` more articles: the real report's text under other names, titles and days."""
    source = (copy.docs / "articles" / "2023-04-28-unions-vow-coordinated-strikes.txt").read_text(encoding="utf-8")
    for n in range(count):
        day = f"2023-{5 + n % 6:02d}-{1 + n % 28:02d}"
        text = re.sub(r"(?m)^title: .*$", f"title: Copy {n} of the coordinated strikes report", source, count=1)
        text = re.sub(r"(?m)^published: .*$", f"published: {day}", text, count=1)
        copy.write(f"articles/{day}-copy-{n}.txt", text)


def built(copy, site_dir: str, env: dict[str, str], workers: int | None = None) -> dict[str, bytes]:
    """The site folder of a build; ``workers``: how many worker processes it must say it used."""
    result = copy.build(site_dir=site_dir, env=env, quiet=False)
    assert result.returncode == 0, result.stderr
    said = re.findall(r"(\d+) worker process(?:es)? shares? the build's work", result.stderr)
    assert said == ([] if not workers else [str(workers)])
    return files_of(copy.root / site_dir)


def assert_same(one: dict[str, bytes], other: dict[str, bytes]) -> None:
    assert sorted(one) == sorted(other)
    differ = [name for name in one if one[name] != other[name]]
    assert not differ, f"{len(differ)} files differ, first {differ[:5]}"


@pytest.mark.parametrize("workers", ["1", "3"])
def test_the_real_site_built_with_workers_is_the_one_process_build(site_copy, workers):
    one = built(site_copy, "one", ONE_PROCESS)
    assert_same(one, built(site_copy, "many", {**ONE_PROCESS, "NEWSROOM_WORKERS": workers}, int(workers)))


def test_a_large_archive_uses_workers_unasked_and_writes_the_same_cold_and_warm(site_copy):
    add_copies(site_copy)
    one = built(site_copy, "one", ONE_PROCESS)
    assert len([name for name in one if name.endswith("index.html")]) > COPIES
    # Cold, with the cache (what `mkdocs build` does on a fresh clone), workers by default:
    cores = len(os.sched_getaffinity(0))
    assert_same(one, built(site_copy, "cold", {"NEWSROOM_CACHE": "on"}, cores - 1))
    # Warm, after an edit: the cache holds what the workers made (annotations, pages).
    article = site_copy.docs / "articles" / "2023-05-01-copy-0.txt"
    article.write_text(article.read_text(encoding="utf-8") + "The NEU said more next month.\n", encoding="utf-8")
    edited = built(site_copy, "one-edited", ONE_PROCESS)
    assert edited != one
    assert_same(edited, built(site_copy, "cold", {"NEWSROOM_CACHE": "on", "NEWSROOM_WORKERS": "1"}, 1))


def test_bad_input_fails_a_build_with_workers_as_it_fails_one_without(site_copy):
    add_copies(site_copy)
    # Late in the order, where the workers start: a worker meets it first, stops, and the build
    # reaches it itself and says what is wrong.
    site_copy.write("articles/2023-10-30-bad.txt", "---\ntitle: Bad\npublished: 2023-13-40\npublisher: P\n---\nText.\n")
    without = site_copy.build(site_dir="one", env=ONE_PROCESS)
    with_workers = site_copy.build(site_dir="many", env={**ONE_PROCESS, "NEWSROOM_WORKERS": "1"})
    assert without.returncode != 0 and with_workers.returncode != 0
    message = [line for line in without.stderr.splitlines() if "2023-10-30-bad.txt" in line]
    assert message and "published" in message[0]
    assert message == [line for line in with_workers.stderr.splitlines() if "2023-10-30-bad.txt" in line]


def test_a_bad_worker_setting_fails_the_build_naming_it(site_copy):
    result = site_copy.build(env={"NEWSROOM_WORKERS": "two"})
    assert result.returncode != 0
    assert "environment: NEWSROOM_WORKERS: 'two': use a number of worker processes (0: none)" in result.stderr
