"""Rebuilds as `mkdocs serve` runs them, in this process: how long each edit's rebuild takes and
how many pages it writes again, with N articles.

    python benchmarks/bench_rebuild.py                      # N = 1,000
    python benchmarks/bench_rebuild.py --articles 10000
    python benchmarks/bench_rebuild.py --engine ../before   # the engine of another checkout
    python benchmarks/bench_rebuild.py --profile "an article edited"   # cProfile of that step
    python benchmarks/bench_rebuild.py --session 100         # memory over 100 article edits

It writes the annotated project (as bench_build.py does; ``--engine``: with that checkout's
hooks, macros, overrides and mkdocs.yml), builds it once as `mkdocs serve` does, then for each
edit (a person renamed, an alias added to an organisation, the person renamed back, an article
edited, a note's words edited, another article edited) times `serve.build` (the rebuild serve
runs after a save; no page fetch, no file watcher: `bench_serve.py` measures those) and counts
the HTML files it wrote. The search index's background rebuild is not waited for between edits.
With ``--session K``, then K more article edits, one after another (a different article each
time), and the process's memory (RSS and PSS) after the first and after the last, with the
search index brought up to date before each reading.
"""

from __future__ import annotations

import argparse
import collections
import cProfile
import gc
import os
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_build import articles, synthetic_kb, write_annotated

URL = "http://127.0.0.1:8000/"
STEPS = [
    ("a person renamed", "_data/people.yml", "name: Paul Whiteman\n", "name: Paul Whiteman-Edited\n"),
    (
        "an alias added",
        "_data/organisations.yml",
        "  short_name: ASCL\n",
        "  short_name: ASCL\n  aliases: [ASCL council]\n",
    ),
    ("renamed back", "_data/people.yml", "name: Paul Whiteman-Edited\n", "name: Paul Whiteman\n"),
    ("an article edited", None, None, None),
    ("a note edited", "notes", "body: A generated note", "body: An edited note"),
    ("another article edited", None, None, None),
]


def memory() -> str:
    """This process's resident and proportional set sizes (Linux), MiB."""
    fields = {}
    for line in Path("/proc/self/smaps_rollup").read_text().splitlines()[1:]:
        name, value = line.split(":", 1)
        fields[name] = int(value.split()[0]) / 1024
    return f"RSS {fields['Rss']:.0f} MiB, PSS {fields['Pss']:.0f} MiB"


def run(project: Path, profile: str | None, session: int) -> None:
    """In a child process: the first build, then each step (so the engine is the project's own)."""
    os.chdir(project)
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    import logging

    logging.disable(logging.WARNING)
    import mkdocs.commands.serve as serve
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    served = Path(tempfile.mkdtemp(prefix="rebuild-"))

    def config():
        loaded = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(served))
        loaded.site_url = URL
        return loaded

    def settle() -> None:  # the search index's last rebuild
        for hook in config().hooks.values():
            getattr(hook, "wait_for_search_index", lambda _: True)(600)

    first = config()
    first.plugins.on_startup(command="serve", dirty=False)
    start = time.perf_counter()
    build(first, serve_url=URL)
    print(f"  first build {time.perf_counter() - start:.2f} s", flush=True)
    first.plugins.on_serve(object(), config=first, builder=None)
    docs = project / "docs"
    sources = sorted((docs / "articles").glob("*.txt"))
    edited = iter(sources[len(sources) // 2 :] + sources[: len(sources) // 2])
    notes = sorted((docs / "articles").glob("*.notes.yml"))

    def rebuild(name: str) -> None:
        wall, start = time.time(), time.perf_counter()
        profiler = cProfile.Profile() if name == profile else None
        if profiler:
            profiler.enable()
        serve.build(config(), serve_url=URL)
        took = time.perf_counter() - start
        if profiler:
            profiler.disable()
            out = Path(tempfile.gettempdir()) / "bench_rebuild.prof.txt"
            with out.open("w") as stream:
                pstats.Stats(profiler, stream=stream).sort_stats("cumulative").print_stats(80)
            print(f"  (profile of {name!r} in {out}; times under the profiler)", flush=True)
        written = [p.relative_to(served).parts[0] for p in served.rglob("*.html") if p.stat().st_mtime >= wall]
        kinds = ", ".join(f"{kind} {n}" for kind, n in collections.Counter(written).most_common(4))
        print(f"  {name}: {took:.2f} s, {len(written)} pages written ({kinds})", flush=True)

    def edit_article() -> None:
        article = next(edited)
        article.write_text(article.read_text(encoding="utf-8") + "An edited paragraph about the NEU.\n", "utf-8")

    for name, relative, old, new in STEPS:
        if relative is None:
            edit_article()
        else:
            path = notes[len(notes) // 2] if relative == "notes" else docs / relative
            text = path.read_text(encoding="utf-8")
            if old not in text:
                raise SystemExit(f"{path}: {old!r} is not there to edit")
            path.write_text(text.replace(old, new, 1), encoding="utf-8")
        rebuild(name)
    if session:
        settle()
        gc.collect()
        print(f"  before the session: {memory()}", flush=True)
        times = []
        for number in range(1, session + 1):
            edit_article()
            start = time.perf_counter()
            serve.build(config(), serve_url=URL)
            times.append(time.perf_counter() - start)
            if number == 1:
                settle()
                print(f"  after edit 1: {memory()}", flush=True)
        settle()
        print(
            f"  after edit {session}: {memory()}; rebuilds median {statistics.median(times):.2f} s, "
            f"first {times[0]:.2f}, last {times[-1]:.2f}",
            flush=True,
        )
    settle()
    shutil.rmtree(served, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--engine", type=Path, help="a checkout whose engine to use (default: this one)")
    parser.add_argument("--profile", metavar="STEP", help="write a cProfile of that step's rebuild (its name)")
    parser.add_argument("--session", type=int, default=0, metavar="K", help="then K article edits: memory")
    parser.add_argument("--project", type=Path, help=argparse.SUPPRESS)  # the child process's
    args = parser.parse_args()
    if args.profile and args.profile not in [step[0] for step in STEPS]:
        parser.error(f"--profile: one of {', '.join(step[0] for step in STEPS)}")
    if args.project:
        run(args.project, args.profile, args.session)
        return
    kb = synthetic_kb(1000)
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder) / "annotated"
        write_annotated(project, kb, articles(kb, args.articles))
        if args.engine:
            for name in ("hooks", "macros", "overrides"):
                shutil.rmtree(project / name)
                shutil.copytree(args.engine / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
            shutil.copy(args.engine / "mkdocs.yml", project / "mkdocs.yml")
        print(f"N={args.articles}, engine {args.engine or 'this checkout'}:", flush=True)
        child = [sys.executable, __file__, "--project", str(project), "--session", str(args.session)]
        subprocess.run(child + (["--profile", args.profile] if args.profile else []), check=True)


if __name__ == "__main__":
    main()
