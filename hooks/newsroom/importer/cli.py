"""The import command: every SOURCE's pages through ``extract`` and ``write``, with a line for
each (what was written or skipped, and why a page is not an article), a progress bar on a
terminal, and a summary. Exit status 1 when anything was not imported."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from .extract import Extracted, extract
from .read import Fetch, Item, SourceError, fetch, items
from .write import Existing, canonical, existing, plan

WHAT = {"title": "title", "published": "publication date", "publisher": "publisher"}
ASK = {
    "title": "Title",
    "published": "Publication date (YYYY-MM-DD)",
    "publisher": "Publisher",
}


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "sources",
        nargs="+",
        metavar="SOURCE",
        help="a saved .html page, a folder of them, a URL, or an RSS/Atom feed (file or URL)",
    )
    parser.add_argument("-n", "--dry-run", action="store_true", help="print what would be written; write nothing")
    parser.add_argument(
        "--update",
        action="store_true",
        help="replace an article already imported (same address or name), showing the difference",
    )
    parser.add_argument("--articles", type=Path, default=None, help="default: docs/articles/ of the project")
    parser.add_argument("--title", help="the title, for a page that has none")
    parser.add_argument("--published", help="the publication date (YYYY-MM-DD), for a page that has none")
    parser.add_argument("--publisher", help="the publisher, for a page that has none")
    parser.add_argument("--no-input", action="store_true", help="never ask: report what a page lacks and skip it")


def _valid(name: str, value: str) -> str | None:
    value = " ".join(value.split())
    if name == "published":
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            return None
        return day.isoformat() if len(value) == 10 else None
    return value or None


def _raise(err: Exception):
    raise err


def complete(article: Extracted, given: dict[str, str | None], ask: Callable[[str], str] | None) -> list[str]:
    """Fill what the page lacks from the command's options, then (on a terminal) by asking;
    returns what is still missing. Nothing is ever guessed."""
    for name in article.missing:
        value = _valid(name, given.get(name) or "")
        while value is None and ask is not None:
            answer = ask(f"{article.source}: the page has no {WHAT[name]}. {ASK[name]}, or Enter to skip it: ")
            if not answer.strip():
                break
            value = _valid(name, answer)
        if value is not None:
            setattr(article, name, value)
    return article.missing


def run(
    args: argparse.Namespace,
    project: Path,
    out: Callable[[str], None] = print,
    ask: Callable[[str], str] | None = None,
    fetcher: Fetch = fetch,
    progress: bool | None = None,
) -> int:
    articles = args.articles or project / "docs" / "articles"
    shown = Path("docs/articles") if args.articles is None else articles
    known: dict[str, Existing] = existing(articles) if articles.is_dir() else {}
    given = {"title": args.title, "published": args.published, "publisher": args.publisher}
    for name, value in given.items():
        if value is not None and _valid(name, value) is None:
            out(f"--{name}: {value!r} is not a valid {ASK[name].lower()}")
            return 2
    counts: Counter[str] = Counter()
    todo = []
    for source in args.sources:
        try:
            todo.extend(items(source, fetcher))
        except SourceError as err:  # said in its turn, in the order of the sources
            todo.append(Item(source, lambda err=err: _raise(err)))
    from tqdm import tqdm

    bar = tqdm(
        todo, unit="page", disable=(not sys.stderr.isatty()) if progress is None else not progress, file=sys.stderr
    )
    say = out if bar.disable else (lambda line: bar.write(line, file=sys.stdout))
    for item in bar:
        try:
            article = extract(item.load())
        except SourceError as err:
            say(str(err))
            counts["not imported"] += 1
            continue
        missing = complete(article, given, None if args.no_input else ask)
        if missing:
            say(
                f"{article.source}: the page gives no {' and no '.join(WHAT[m] for m in missing)}; "
                f"nothing written (give it with --{missing[0]} or add it by hand)"
            )
            counts["not imported"] += 1
            continue
        try:
            step = plan(article, articles, known, args.update, shown)
        except ValueError as err:
            say(f"{article.source}: {err}")
            counts["not imported"] += 1
            continue
        target = shown / step.path.name
        notes = f" ({'; '.join(article.notes)})" if article.notes else ""
        if step.action == "same":
            say(f"{article.source}: {target} already holds this article; nothing to do")
            counts["unchanged"] += 1
            continue
        if step.action == "skip":
            say(
                f"{article.source}: already in the archive as {target} ({step.why}); "
                "skipped: --update shows the difference and replaces it"
            )
            counts["skipped"] += 1
            continue
        if step.action == "update":
            say(step.diff.rstrip("\n"))
        verb = {"write": "wrote", "update": "updated"}[step.action]
        summary = f"{len(article.paragraphs)} paragraphs, {article.words} words"
        if args.dry_run:
            say(
                f"{article.source}: would {'write' if step.action == 'write' else 'update'} {target} ({summary}){notes}"
            )
            if step.action == "write":
                say(step.text.rstrip("\n"))
        else:
            articles.mkdir(parents=True, exist_ok=True)
            step.path.write_text(step.text, encoding="utf-8")
            say(f"{article.source}: {verb} {target} ({summary}){notes}")
        slug = step.path.name.removesuffix(".txt")
        known[slug] = Existing(step.path, canonical(article.url), known[slug].tags if slug in known else [])
        counts["written" if step.action == "write" else "updated"] += 1
    bar.close()
    if args.dry_run:
        counts = Counter({{"written": "to write", "updated": "to update"}.get(k, k): n for k, n in counts.items()})
    done = ", ".join(f"{n} {what}" for what, n in counts.items()) or "nothing to import"
    out(f"{'dry run, nothing written: ' if args.dry_run else ''}{done}")
    return 1 if counts["not imported"] else 0
