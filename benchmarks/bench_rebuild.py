"""Rebuilds as `mkdocs serve` runs them, in this process: how long each edit's rebuild takes and
how many pages it writes again, with N articles.

    python benchmarks/bench_rebuild.py                      # N = 1,000
    python benchmarks/bench_rebuild.py --articles 10000
    python benchmarks/bench_rebuild.py --engine ../before   # the engine of another checkout

It writes the annotated project (as bench_build.py does; ``--engine``: with that checkout's
hooks, macros, overrides and mkdocs.yml), builds it once as `mkdocs serve` does, then for each
edit (a person renamed, an alias added to an organisation, the person renamed back, an article
edited) times `serve.build` (the rebuild serve runs after a save; no page fetch, no file
watcher: `bench_serve.py` measures those) and counts the HTML files it wrote. The search
index's background rebuild is not waited for between edits.
"""

from __future__ import annotations

import argparse
import collections
import os
import shutil
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
]


def run(project: Path) -> None:
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

    first = config()
    first.plugins.on_startup(command="serve", dirty=False)
    start = time.perf_counter()
    build(first, serve_url=URL)
    print(f"  first build {time.perf_counter() - start:.2f} s", flush=True)
    first.plugins.on_serve(object(), config=first, builder=None)
    docs = project / "docs"
    article = sorted((docs / "articles").glob("*.txt"))[len(list((docs / "articles").glob("*.txt"))) // 2]
    for name, relative, old, new in STEPS:
        if relative is None:
            article.write_text(article.read_text(encoding="utf-8") + "An edited paragraph about the NEU.\n", "utf-8")
        else:
            path = docs / relative
            text = path.read_text(encoding="utf-8")
            if old not in text:
                raise SystemExit(f"{path}: {old!r} is not there to edit")
            path.write_text(text.replace(old, new, 1), encoding="utf-8")
        wall, start = time.time(), time.perf_counter()
        serve.build(config(), serve_url=URL)
        took = time.perf_counter() - start
        written = [p.relative_to(served).parts[0] for p in served.rglob("*.html") if p.stat().st_mtime >= wall]
        kinds = ", ".join(f"{kind} {n}" for kind, n in collections.Counter(written).most_common(4))
        print(f"  {name}: {took:.2f} s, {len(written)} pages written ({kinds})", flush=True)
    for hook in config().hooks.values():  # the search index's last rebuild, before the process ends
        getattr(hook, "wait_for_search_index", lambda _: True)(600)
    shutil.rmtree(served, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--engine", type=Path, help="a checkout whose engine to use (default: this one)")
    parser.add_argument("--project", type=Path, help=argparse.SUPPRESS)  # the child process's
    args = parser.parse_args()
    if args.project:
        run(args.project)
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
        subprocess.run([sys.executable, __file__, "--project", str(project)], check=True)


if __name__ == "__main__":
    main()
