"""``python hooks/newsroom drafts``: the names the last build reported as unknown
(``site/editor-report.json``) as draft knowledge-base entries in ``docs/_data/drafts.yml``, a
file the build never reads. A draft holds only what the articles show: the name, a guessed kind
(and what it was guessed from), the id it would take, and each article, paragraph and sentence
it appears in. No description, role or source: the editor writes those, with a source, when
moving a draft into ``organisations.yml``, ``people.yml`` or ``terms.yml``."""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import yaml

from ..errors import DataError
from ..loader import load_article
from .write import slug_words

HONORIFICS = (
    "Mr",
    "Mrs",
    "Ms",
    "Miss",
    "Mx",
    "Dr",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    "Baroness",
    "Baron",
    "Professor",
    "Prof",
    "Cllr",
    "Rev",
)
ORGANISATION_WORDS = {
    "agency",
    "alliance",
    "association",
    "authority",
    "bank",
    "board",
    "college",
    "commission",
    "committee",
    "company",
    "confederation",
    "congress",
    "council",
    "department",
    "federation",
    "foundation",
    "group",
    "institute",
    "league",
    "ltd",
    "ministry",
    "network",
    "office",
    "parliament",
    "partnership",
    "party",
    "plc",
    "school",
    "service",
    "society",
    "trust",
    "tribunal",
    "union",
    "university",
}
HEADER = """\
# Draft knowledge-base entries: names the build reported as unknown (site/editor-report.json).
# The build never reads this file. To use a draft, check the name, write its description (or
# definition) and a source, and move it into organisations.yml, people.yml or terms.yml; then
# delete it here. `python hooks/newsroom drafts` adds new names and keeps what is here.
"""


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--report", type=Path, default=None, help="default: site/editor-report.json")
    parser.add_argument("--out", type=Path, default=None, help="default: docs/_data/drafts.yml")
    parser.add_argument("-n", "--dry-run", action="store_true", help="print the drafts; write nothing")


def guess_kind(name: str) -> tuple[str, str]:
    """A kind for ``name`` and what it was guessed from."""
    words = name.split()
    if words[0].rstrip(".") in HONORIFICS:
        return "person", f"starts with the honorific {words[0]!r}"
    hit = next((w for w in words if w.lower().strip(".,") in ORGANISATION_WORDS), None)
    if hit:
        return "organisation", f"has the word {hit!r}"
    if 2 <= len(words) <= 3 and all(re.fullmatch(r"[A-Z][a-z'’-]+", w) for w in words):
        return "person", "two or three capitalised words, as a first name and a surname"
    return "unknown", "nothing in the name says"


def sentences_with(text: str, name: str) -> list[str]:
    """The sentences of a paragraph that contain ``name``."""
    parts = re.split(r"(?:(?<=[.!?])|(?<=[.!?][”\"’']))\s+(?=[“\"‘'A-Z0-9])", text)
    return [s for s in parts if name in s]


def drafts_for(report: dict, articles: Path) -> list[dict]:
    """One draft per unknown name, in the order of the names, with where each appears."""
    found: dict[str, dict] = {}
    for slug, entry in sorted(report.items()):
        names = entry.get("unknown_names", [])
        if not names:
            continue
        path = articles / f"{slug}.txt"
        article = load_article(path, f"docs/articles/{path.name}") if path.is_file() else None
        for name in names:
            draft = found.get(name)
            if draft is None:
                kind, why = guess_kind(name)
                words = name.split()
                bare = " ".join(words[1:]) if kind == "person" and words[0].rstrip(".") in HONORIFICS else name
                draft = found[name] = {
                    "name": name,
                    "id": slug_words(bare),
                    "kind": kind,
                    "kind_guessed_from": why,
                    "appears_in": [],
                }
            for paragraph in article.paragraphs if article else ():
                for sentence in sentences_with(paragraph.text, name):
                    draft["appears_in"].append({"article": slug, "paragraph": paragraph.number, "sentence": sentence})
    return sorted(found.values(), key=lambda d: d["name"].casefold())


def run(args: argparse.Namespace, project: Path, out=print) -> int:
    report_path = args.report or project / "site" / "editor-report.json"
    target = args.out or project / "docs" / "_data" / "drafts.yml"
    if not report_path.is_file():
        out(f"{report_path}: no editor report; build the site first (mkdocs build)")
        return 1
    try:
        report = json.loads(report_path.read_text("utf-8"))
    except ValueError as err:
        out(f"{report_path}: not JSON ({err})")
        return 1
    try:
        new = drafts_for(report, project / "docs" / "articles")
    except DataError as err:
        out(str(err))
        return 1
    kept = []
    if target.is_file():
        loaded = yaml.safe_load(target.read_text("utf-8")) or {}
        kept = loaded.get("drafts", []) if isinstance(loaded, dict) else []
    have = {d.get("name") for d in kept if isinstance(d, dict)}
    added = [d for d in new if d["name"] not in have]
    text = HEADER + yaml.safe_dump({"drafts": kept + added}, allow_unicode=True, sort_keys=False, width=100)
    if args.dry_run:
        out(text.rstrip("\n"))
    elif added or not target.is_file():
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    shown = target.relative_to(project) if target.is_relative_to(project) else target
    out(f"{len(added)} new drafts, {len(kept)} kept{' (dry run)' if args.dry_run else ''}: {shown}")
    return 0
