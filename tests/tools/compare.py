"""Two builds of the same sources, compared: the pages, their ids and links, the search records
and every other file, with each expected difference named (:data:`Difference`) and checked to
occur, so the list stays what it says."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path


@dataclass(frozen=True)
class Difference:
    """A difference the generators are known to make, and why it does not matter to a reader."""

    name: str
    pattern: re.Pattern  # in a page's HTML; each match is replaced by ``replace`` in both sites
    replace: str
    why: str


# The theme's own files carry a digest of their content in their name: a fork's Material has
# other code, so other names; the pages are compared with the names' digests taken out.
THEME_ASSET = re.compile(r"(assets/(?:javascripts|stylesheets)/(?:workers/)?[a-z]+)\.[0-9a-f]{8}(\.min\.(?:js|css))")


def page_rules(generator: str) -> list[Difference]:
    rules = [
        Difference(
            "generator meta",
            re.compile(r'<meta name="generator" content="[^"]*">'),
            '<meta name="generator" content="…">',
            "MkDocs writes its name and version, and the theme's, in every page's head",
        ),
        Difference(
            "theme asset digests",
            THEME_ASSET,
            r"\1.…\2",
            "Material's bundled script and styles are named by a digest of their code",
        ),
    ]
    if generator == "mkdocs-ng":
        rules.append(
            Difference(
                "footer credit",
                re.compile(r'href="https://(?:squidfunk|mkdocs-ng)\.github\.io/mkdocs-material/"'),
                'href="…/mkdocs-material/"',
                "the footer's 'Made with Material for MkDocs' links to the fork's documentation",
            )
        )
    return rules


class _Anchors(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        for key, value in attrs:
            if key == "id" and value:
                self.ids.append(value)
            if key in ("href", "src") and value is not None:
                self.links.append(value)


def anchors(html: str) -> tuple[list[str], list[str]]:
    parser = _Anchors()
    parser.feed(html)
    return parser.ids, parser.links


def files(site: Path) -> dict[str, Path]:
    """Every file, by its path in the site with the theme's asset digests taken out."""
    return {THEME_ASSET.sub(r"\1.…\2", str(p.relative_to(site))): p for p in sorted(site.rglob("*")) if p.is_file()}


@dataclass
class Comparison:
    only_main: list[str]
    only_other: list[str]
    pages: list[str]  # pages compared
    ids: list[str]  # pages whose ids differ
    links: list[str]  # pages whose links differ
    search: list[str]  # files of pagefind/ that differ
    other: list[str]  # any other file that differs once the named differences are taken out
    used: set[str]  # the named differences that occurred


def compare(main: Path, other: Path, generator: str) -> Comparison:
    rules = page_rules(generator)
    mine, theirs = files(main), files(other)
    result = Comparison(
        only_main=sorted(set(mine) - set(theirs)),
        only_other=sorted(set(theirs) - set(mine)),
        pages=[],
        ids=[],
        links=[],
        search=[],
        other=[],
        used=set(),
    )
    for name in sorted(set(mine) & set(theirs)):
        a, b = mine[name].read_bytes(), theirs[name].read_bytes()
        if name.endswith(".html"):
            result.pages.append(name)
            text_a, text_b = a.decode("utf-8"), b.decode("utf-8")
            for rule in rules:
                if [m.group(0) for m in rule.pattern.finditer(text_a)] != [
                    m.group(0) for m in rule.pattern.finditer(text_b)
                ]:
                    result.used.add(rule.name)
                text_a, text_b = rule.pattern.sub(rule.replace, text_a), rule.pattern.sub(rule.replace, text_b)
            (ids_a, links_a), (ids_b, links_b) = anchors(text_a), anchors(text_b)
            if ids_a != ids_b:
                result.ids.append(name)
            if links_a != links_b:
                result.links.append(name)
            if text_a != text_b:
                result.other.append(f"{name}: {first_difference(text_a, text_b)}")
        elif a != b:
            if name.startswith("pagefind/"):
                result.search.append(name)
            elif ".….min." in name:
                result.used.add("theme asset digests")  # the theme's own code: not the site's
            else:
                result.other.append(name)
    return result


def first_difference(a: str, b: str) -> str:
    at = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return f"at {at}: {a[max(0, at - 60) : at + 60]!r} / {b[max(0, at - 60) : at + 60]!r}"
