"""The engine's command line: ``python hooks/newsroom zensical build`` builds the site with
Zensical (``newsroom/adapters/zensical.py``), ``... zensical watch`` builds it again whenever a
source changes and serves it. (MkDocs needs none of this: ``mkdocs build`` and ``mkdocs serve``
run the hook.) ``... import SOURCE...`` brings saved pages, URLs and feeds into
``docs/articles/``; ``... drafts`` drafts knowledge-base entries (``newsroom/importer/``)."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

HOOKS = Path(__file__).resolve().parents[1]
# Run as `python hooks/newsroom`, Python puts this folder first on the path, where html.py would
# stand in for the standard library's html: the engine is imported as the package it is instead.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HOOKS / "newsroom"]
if str(HOOKS) not in sys.path:
    sys.path.insert(0, str(HOOKS))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python hooks/newsroom")
    commands = parser.add_subparsers(dest="generator", required=True)
    zensical = commands.add_parser("zensical", help="build with Zensical (which runs no hooks)")
    zensical.add_argument("action", choices=("build", "watch"))
    zensical.add_argument("-f", "--project", type=Path, default=HOOKS.parent, help="the project folder (mkdocs.yml)")
    zensical.add_argument("-d", "--site-dir", type=Path, default=None, help="default: <project>/site-zensical")
    zensical.add_argument("--strict", action="store_true", help="a broken link fails the build")
    zensical.add_argument("--port", type=int, default=8000, help="watch: the port to serve on")
    zensical.add_argument("-q", "--quiet", action="store_true")
    from newsroom.importer import cli as importer
    from newsroom.importer import drafts

    importing = commands.add_parser("import", help="saved pages, URLs and feeds into docs/articles/")
    importer.arguments(importing)
    drafting = commands.add_parser(
        "drafts", help="draft knowledge-base entries for the names the build reported as unknown"
    )
    drafts.arguments(drafting)
    args = parser.parse_args(argv)
    if args.generator == "import":
        logging.basicConfig(level=logging.ERROR)  # trafilatura's and htmldate's warnings are not the editor's
        ask = input if sys.stdin.isatty() else None
        return importer.run(args, HOOKS.parent, ask=ask)
    if args.generator == "drafts":
        return drafts.run(args, HOOKS.parent)
    logging.basicConfig(level=logging.WARNING if args.quiet else logging.INFO, format="%(levelname)s - %(message)s")
    from newsroom.adapters import zensical as adapter

    project = args.project.resolve()
    if args.action == "watch":
        adapter.watch(project, args.site_dir, args.port)
        return 0
    return adapter.build(project, args.site_dir, args.strict)


if __name__ == "__main__":
    sys.exit(main())
