"""Run as a script in a copy of the project: edit its sources step by step as an editor would under
`mkdocs serve`, and after every step compare, byte for byte, the site folder that serve's rebuild
left with a warm build (the cache of the previous build on disk) and a clean build without cache.

It drives the same code `mkdocs serve` runs: one process, the configuration loaded again before
each rebuild, the first build clean and every later one through the hook's ``on_serve`` (which
makes rebuilds keep the site folder). Prints one line per step; exits 1 on the first difference.

    python serve_steps.py <project> [verify]
"""

from __future__ import annotations

import filecmp
import logging
import os
import sys
import tempfile
from pathlib import Path

SITE_URL = "http://127.0.0.1:8000/"


def differences(left: Path, right: Path) -> list[str]:
    found = []

    def walk(compare: filecmp.dircmp, prefix: str) -> None:
        found.extend(f"only in {compare.left}: {prefix}{n}" for n in compare.left_only)
        found.extend(f"only in {compare.right}: {prefix}{n}" for n in compare.right_only)
        _, mismatch, errors = filecmp.cmpfiles(compare.left, compare.right, compare.common_files, shallow=False)
        found.extend(f"differs: {prefix}{n}" for n in mismatch + errors)
        for name, sub in sorted(compare.subdirs.items()):
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(left, right), "")
    return found


def retitle(text: str, entry: str, old: str, new: str) -> str:
    """``text`` with the first ``title: old`` after ``entry`` (a YAML list item's first line) made ``title: new``."""
    start = text.index(entry)
    return text[:start] + text[start:].replace(f"title: {old}", f"title: {new}", 1)


def main() -> int:
    project = Path(sys.argv[1]).resolve()
    mode = sys.argv[2] if len(sys.argv) > 2 else "on"
    os.chdir(project)
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    import mkdocs.commands.serve as serve
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    served = Path(tempfile.mkdtemp(prefix="served-"))
    docs = project / "docs"

    def config(site_dir: Path):
        loaded = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site_dir))
        loaded.site_url = SITE_URL
        return loaded

    first = config(served)
    first.plugins.on_startup(command="serve", dirty=False)
    os.environ["NEWSROOM_CACHE"] = mode
    build(first, serve_url=SITE_URL)
    first.plugins.on_serve(object(), config=first, builder=None)  # what serve does after the first build
    assert getattr(serve.build, "newsroom_dirty", False), "on_serve did not make rebuilds keep the site folder"

    def edit(relative: str, change) -> None:
        path = docs / relative
        before = path.read_text(encoding="utf-8") if path.exists() else ""
        after = change(before)
        if after is None:
            path.unlink()
        else:
            path.write_text(after, encoding="utf-8")

    seed = "articles/2023-04-28-unions-vow-coordinated-strikes"
    new = "articles/2023-05-02-a-new-report.txt"
    notes = new.replace(".txt", ".notes.yml")
    later = "articles/2024-09-02-a-later-report.txt"
    term = "- id: walkout-calendar\n  term: walkout calendar\n  definition: A test term.\n  sources: [https://example.org/term]\n"
    steps = [
        (
            "add an article",
            new,
            lambda _: (
                "---\ntitle: A new report on the NEU\npublished: 2023-05-02\npublisher: Test Times\n---\n"
                "Daniel Kebede of the NEU spoke on Tuesday about the strikes.\n"
            ),
        ),
        (
            "add a paragraph to it",
            new,
            lambda text: text + "Paul Whiteman said the NAHT would ballot again next month.\n",
        ),
        (
            "add a later article that names no one (the newest date changes roles shown 'at the time')",
            later,
            lambda _: (
                "---\ntitle: A later report\npublished: 2024-09-02\npublisher: Test Times\n---\nNothing else happened.\n"
            ),
        ),
        (
            "add a note",
            notes,
            lambda _: (
                "- id: new-note\n  quote: spoke on Tuesday\n  kind: context\n  body: A note about the walkout calendar.\n"
                "  sources: [https://example.org/source]\n"
            ),
        ),
        ("add a term that only a note body names", "_data/terms.yml", lambda text: text + term),
        ("edit the note", notes, lambda text: text.replace("A note about", "An edited note about")),
        (
            "edit a sentence that mentions names",
            f"{seed}.txt",
            lambda text: text.replace("School leaders in ASCL", "School heads in ASCL", 1),
        ),
        (
            "insert a first paragraph",
            f"{seed}.txt",
            lambda text: text.replace("\n---\n", "\n---\nA new first paragraph about the NEU, yesterday.\n", 1),
        ),
        (
            "change an article's title",
            f"{seed}.txt",
            lambda text: text.replace('title: "Teaching unions vow', "title: \"Teachers' unions vow", 1),
        ),
        ("edit a seed note", f"{seed}.notes.yml", lambda text: text.replace("kind: context", "kind: definition", 1)),
        (
            "change a union leader's title",
            "_data/people.yml",
            lambda text: retitle(text, "- id: paul-whiteman", "General secretary", "Chief executive"),
        ),
        (
            "rename an organisation no article names in full",
            "_data/organisations.yml",
            lambda text: text.replace(
                "name: National Association of Head Teachers", "name: National Association of Head Teachers (NAHT)", 1
            ),
        ),
        (
            "rename a person",
            "_data/people.yml",
            lambda text: text.replace("name: Paul Whiteman", "name: Paul Whiteman-Renamed", 1),
        ),
        (
            "give a union an alias one article holds (only that article is annotated again)",
            "_data/organisations.yml",
            lambda text: text.replace(
                "  short_name: ASCL\n",
                "  short_name: ASCL\n  aliases: [ASCL executive committee, executive committee]\n",
                1,
            ),
        ),
        ("remove the term", "_data/terms.yml", lambda text: text.replace(term, "")),
        ("delete the notes file", notes, lambda _: None),
        (
            "retitle an event an article's date falls on",
            "_data/events.yml",
            lambda text: retitle(text, "- id: neu-strike-2023-05-02", "NEU strike in England", "NEU strike day"),
        ),
        (
            "change a hand-written page that uses macros",
            "index.md",
            lambda text: text + "\nEdited home page: {{ 1 + 1 }}.\n",
        ),
        (
            "retag a seed article (the tags index lists every article, read or not)",
            f"{seed}.txt",
            lambda text: text.replace("tags: [strikes,", "tags: [walkouts,", 1),
        ),
        (
            "move an event to another kind (the timeline chart)",
            "_data/events.yml",
            lambda text: text.replace(
                "  kind: other\n  entities: [dfe, neu, naht, ascl, nasuwt]",
                "  kind: offer\n  entities: [dfe, neu, naht, ascl, nasuwt]",
                1,
            ),
        ),
        (
            "edit a stylesheet (the CSS bundle every page links to is renamed)",
            "assets/annotate.css",
            lambda text: text + "\n.na-step-test { color: inherit; }\n",
        ),
        (
            "edit a script (the JavaScript bundle is renamed)",
            "assets/core.js",
            lambda text: text + "\nnewsroom.stepTest = true;\n",
        ),
        ("delete the article", new, lambda _: None),
        ("delete the later article", later, lambda _: None),
        (
            "save a note whose quote is not in the text (the rebuild fails)",
            f"{seed}.notes.yml",
            lambda text: text.replace("quote: four national walkouts", "quote: five national walkouts", 1),
        ),
        (
            "fix the note (the next rebuild recovers)",
            f"{seed}.notes.yml",
            lambda text: text.replace("quote: five national walkouts", "quote: four national walkouts", 1),
        ),
    ]
    for number, (name, relative, change) in enumerate(steps, 1):
        edit(relative, change)
        os.environ["NEWSROOM_CACHE"] = mode
        if "rebuild fails" in name:
            # `mkdocs serve` logs the error and keeps serving the last good site: the hook's
            # rebuild returns without writing anything, and the site folder is left as it was.
            errors: list[str] = []
            catcher = logging.Handler(logging.ERROR)
            catcher.emit = lambda record, errors=errors: errors.append(record.getMessage())
            logging.getLogger("mkdocs").addHandler(catcher)
            before = {p: p.read_bytes() for p in sorted(served.rglob("*.html"))}
            try:
                serve.build(config(served), serve_url=SITE_URL)
            except Exception as err:  # noqa: BLE001
                print(f"step {number} ({name}): the rebuild raised instead of keeping the last good site: {err}")
                return 1
            finally:
                logging.getLogger("mkdocs").removeHandler(catcher)
            after = {p: p.read_bytes() for p in sorted(served.rglob("*.html"))}
            if not errors or before != after:
                print(f"step {number} ({name}): no error was logged, or the site folder changed")
                return 1
            print(f"step {number} ({name}): failed as it should: {errors[0]}")
            continue
        served_config = config(served)
        serve.build(served_config, serve_url=SITE_URL)  # the rebuild `mkdocs serve` runs
        for hook in served_config.hooks.values():  # its search index is rebuilt in the background
            assert hook.wait_for_search_index(300), "the search index was not rebuilt"
        warm = Path(tempfile.mkdtemp(prefix="warm-"))
        build(config(warm))  # a separate `mkdocs build`, with the cache the rebuild left
        os.environ["NEWSROOM_CACHE"] = "off"
        clean = Path(tempfile.mkdtemp(prefix="clean-"))
        build(config(clean))
        for label, other in (("serve's rebuild", served), ("a warm build", warm)):
            found = differences(other, clean)
            if found:
                print(f"step {number} ({name}): {label} differs from a clean build:\n  " + "\n  ".join(found[:20]))
                return 1
        print(f"step {number} ({name}): identical")
    return 0


if __name__ == "__main__":
    sys.exit(main())
