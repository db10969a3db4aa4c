"""Build time of the annotated site against the same articles as plain Material pages.

    python benchmarks/bench_build.py                 # N = 1,000 and 10,000 articles, M = 1,000 entities
    python benchmarks/bench_build.py --articles 200  # a quick run

For each N it writes the projects in a temporary folder and builds each, in one run:
(a) plain: the same articles as Markdown pages, the same theme, features and plugins, no hook;
(a') plain with as many pages as the annotated site has (the page-count floor);
(b) annotated, cold: this project (hook, macros, theme overrides) with the articles as .txt
    sources, a knowledge base of M generated entities plus the real one, a notes file for every
    tenth article, and no cache (with worker processes, as `mkdocs build` uses them; and, unless
    --no-one-process, the same build without them, NEWSROOM_WORKERS=0);
(c) annotated, warm: the same, built again after one article is edited, with the cache the
    cold build left in .cache/newsroom/.
It prints wall time and peak memory of each (the build process's peak RSS, and the peak of the
summed PSS of the build and its workers), the ratios b/a, c/a and b/a', and the ratio of the
cold annotated build at the largest N to the smallest.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import yaml
from corpus import ROOT, synthetic_kb, synthetic_paragraphs

DATE_PHRASES = (
    "today",
    "on Tuesday",
    "next month",
    "on April 27",
    "in the autumn",
    "yesterday",
    "last week",
    "on 2 May",
)


def write_kb(kb, data_dir: Path) -> None:
    """The generated knowledge base as the YAML files the loader reads."""
    data_dir.mkdir(parents=True, exist_ok=True)
    names = ("organisations", "people", "terms", "offices", "events")
    real = {
        name: yaml.safe_load((ROOT / "docs" / "_data" / f"{name}.yml").read_text(encoding="utf-8")) for name in names
    }
    real_ids = {e["id"] for name in ("organisations", "people", "terms") for e in real[name]}
    extra_orgs = [
        {
            "id": o.id,
            "name": o.name,
            "short_name": o.short_name,
            "kind": o.kind,
            "description": o.description,
            "sources": list(o.sources),
        }
        for o in kb.organisations
        if o.id not in real_ids
    ]
    extra_people = [
        {
            "id": p.id,
            "name": p.name,
            "description": p.description,
            "roles": [{"organisation": r.organisation, "title": r.title, "from": r.start.isoformat()} for r in p.roles],
            "sources": list(p.sources),
        }
        for p in kb.people
        if p.id not in real_ids
    ]
    extra_terms = [
        {"id": t.id, "term": t.term, "definition": t.definition, "sources": list(t.sources)}
        for t in kb.terms
        if t.id not in real_ids
    ]
    rng = random.Random(5)
    extra_events = [
        {
            "id": f"event-{n}",
            "date": (dt.date(2020, 1, 1) + dt.timedelta(days=rng.randrange(1400))).isoformat(),
            "title": f"Generated event {n}",
            "description": "A generated event.",
            "entities": [rng.choice(extra_orgs)["id"]],
            "sources": ["https://example.org"],
        }
        for n in range(200)
    ]
    for name, extra in (
        ("organisations", extra_orgs),
        ("people", extra_people),
        ("terms", extra_terms),
        ("events", extra_events),
    ):
        (data_dir / f"{name}.yml").write_text(
            yaml.safe_dump(real[name] + extra, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
    (data_dir / "offices.yml").write_text(
        yaml.safe_dump(real["offices"], allow_unicode=True, sort_keys=False), encoding="utf-8"
    )


def articles(kb, count: int, vocabulary: str = "narrow") -> list[tuple[str, dt.date, str, list[str]]]:
    rng = random.Random(3)
    pool = synthetic_paragraphs(kb, count * 8 * 420 // 4 + 5000, vocabulary=vocabulary)
    result = []
    for n in range(count):
        published = dt.date(2020, 1, 1) + dt.timedelta(days=(n * 1400) // count)
        paragraphs = [f"Report number {n} of the archive."] + [rng.choice(pool) for _ in range(7)]
        for index in rng.sample(range(1, 8), 2):
            paragraphs[index] = paragraphs[index].rstrip(".") + f" {rng.choice(DATE_PHRASES)}."
        result.append((f"{published.isoformat()}-report-{n}", published, f"Report {n} on the dispute", paragraphs))
    return result


def write_plain(project: Path, items) -> None:
    docs = project / "docs"
    (docs / "articles").mkdir(parents=True)
    config = yaml.safe_load(
        re.sub(r"!ENV \[SITE_URL, (\"[^\"]+\")\]", r"\1", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    )
    config.pop("hooks")
    config["theme"].pop("custom_dir")
    config.pop("extra_css"), config.pop("extra_javascript"), config.pop("watch")
    config["plugins"] = ["search"]
    config["nav"] = [{"Home": "index.md"}, {"Articles": "articles/index.md"}]
    config["not_in_nav"] = "/articles/*.md\n"
    config.pop("exclude_docs")
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    (docs / "index.md").write_text("# Home\n\nPlain Material, for comparison.\n", encoding="utf-8")
    listing = "\n".join(f"- [{title}]({slug}.md)" for slug, _, title, _ in items[:30])
    (docs / "articles" / "index.md").write_text(f"# Articles\n\n{listing}\n", encoding="utf-8")
    for slug, published, title, paragraphs in items:
        body = "\n\n".join(paragraphs)
        (docs / "articles" / f"{slug}.md").write_text(
            f"# {title}\n\n*{published.isoformat()}*\n\n{body}\n", encoding="utf-8"
        )


def write_annotated(project: Path, kb, items) -> None:
    project.mkdir(parents=True)
    for name in ("mkdocs.yml", "hooks", "macros", "overrides"):
        source = ROOT / name
        (
            shutil.copytree(source, project / name, ignore=shutil.ignore_patterns("__pycache__"))
            if source.is_dir()
            else shutil.copy(source, project / name)
        )
    docs = project / "docs"
    shutil.copytree(ROOT / "docs", docs, ignore=shutil.ignore_patterns("articles", "_data", "__pycache__"))
    (docs / "articles").mkdir()
    write_kb(kb, docs / "_data")
    for n, (slug, published, title, paragraphs) in enumerate(items):
        front = f"---\ntitle: {json.dumps(title)}\npublished: {published.isoformat()}\npublisher: Generated News\nsummary: A generated report.\n---\n"
        (docs / "articles" / f"{slug}.txt").write_text(front + "\n".join(paragraphs) + "\n", encoding="utf-8")
        if n % 10 == 0:
            note = f"- id: note-{n}\n  quote: Report number {n} of\n  kind: context\n  body: A generated note about the NEU.\n  sources: [https://example.org]\n"
            (docs / "articles" / f"{slug}.notes.yml").write_text(note, encoding="utf-8")


def tree_pss(root: int) -> int:
    """Proportional set size (KiB) of a process and all its descendants, summed: a page shared by
    the build and its forked workers counts once, split between them."""
    pids, total = [root], 0
    for pid in pids:
        try:
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children") as stream:
                    pids += [int(child) for child in stream.read().split()]
            with open(f"/proc/{pid}/smaps_rollup") as stream:
                total += next(int(line.split()[1]) for line in stream if line.startswith("Pss:"))
        except (OSError, StopIteration):  # gone meanwhile
            continue
    return total


def build(project: Path, env: dict[str, str] | None = None) -> tuple[float, int, int]:
    """Wall seconds, peak resident memory (KiB) of the `mkdocs build` process (GNU time: the
    largest of it and each process it waited for), and the peak of its processes' summed
    proportional set size (KiB, sampled every 20 ms: the workers' memory included)."""
    command = [
        "/usr/bin/time",
        "-f",
        "%M",
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "-q",
        "-f",
        str(project / "mkdocs.yml"),
        "-d",
        str(project / "site"),
    ]
    environment = {"PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1", "HOME": str(project), **(env or {})}
    start = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=project, env=environment
    )
    peak = [0]

    def sample() -> None:
        while process.poll() is None:
            peak[0] = max(peak[0], tree_pss(process.pid))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, stderr = process.communicate()
    seconds = time.perf_counter() - start
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"build of {project} failed:\n{stderr[-3000:]}")
    return seconds, int(stderr.strip().splitlines()[-1]), peak[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--entities", type=int, default=1000)
    parser.add_argument(
        "--one-process", action=argparse.BooleanOptionalAction, default=True, help="also a cold build without workers"
    )
    args = parser.parse_args()
    kb = synthetic_kb(args.entities)
    print(
        f"machine: {platform.machine()}, {platform.processor() or 'cpu'}, Python {platform.python_version()}; M = {len(kb.entities)} entities"
    )
    annotated_times = {}
    for count in args.articles:
        items = articles(kb, count)
        with tempfile.TemporaryDirectory() as folder:
            plain, annotated = Path(folder) / "plain", Path(folder) / "annotated"
            write_plain(plain, items)
            write_annotated(annotated, kb, items)
            a_time, a_mem, a_pss = build(plain)
            one = None
            if args.one_process:  # the same cold build without worker processes (then its cache goes)
                one = build(annotated, {"NEWSROOM_WORKERS": "0"})
                shutil.rmtree(annotated / ".cache"), shutil.rmtree(annotated / "site")
            b_time, b_mem, b_pss = build(annotated)
            pages = sum(1 for _ in (annotated / "site").rglob("index.html"))
            source = annotated / "docs" / "articles" / f"{items[count // 2][0]}.txt"
            source.write_text(
                source.read_text(encoding="utf-8") + "An edited paragraph about the NEU.\n", encoding="utf-8"
            )
            c_time, c_mem, c_pss = build(annotated)
            shutil.rmtree(plain)
            floor = articles(kb, pages - 2)  # plain's index and articles index, then articles: as many pages as (b)
            write_plain(plain, floor)
            f_time, f_mem, _ = build(plain)
        annotated_times[count] = b_time
        mib = 1024
        print(
            f"N={count}: plain {a_time:.1f} s, {a_mem / mib:.0f} MiB (PSS {a_pss / mib:.0f}); "
            f"plain with {pages} pages {f_time:.1f} s, {f_mem / mib:.0f} MiB; "
            f"annotated cold {b_time:.1f} s, {b_mem / mib:.0f} MiB (PSS of all its processes {b_pss / mib:.0f}), "
            f"{pages} pages; warm (one article edited) {c_time:.1f} s, {c_mem / mib:.0f} MiB (PSS {c_pss / mib:.0f})"
        )
        if one is not None:
            print(
                f"  cold in one process (NEWSROOM_WORKERS=0): {one[0]:.1f} s, {one[1] / mib:.0f} MiB "
                f"(PSS {one[2] / mib:.0f}): the workers' speed-up {one[0] / b_time:.2f}x"
            )
        print(
            f"  cold b/a {b_time / a_time:.2f} (target 2); warm c/a {c_time / a_time:.2f}; "
            f"cold against the page-count floor b/a' {b_time / f_time:.2f}; "
            f"peak memory b/a {b_mem / a_mem:.2f}, summed PSS b/a {b_pss / a_pss:.2f} (target 2)"
        )
    if len(annotated_times) > 1:
        small, large = min(annotated_times), max(annotated_times)
        print(
            f"annotated cold time at N={large} / N={small}: {annotated_times[large] / annotated_times[small]:.2f} (linear: {large / small:.1f})"
        )


if __name__ == "__main__":
    main()
