"""Every internal link and #anchor of the built site must resolve: checked on every build.

Pages taken from the cache are not rendered again, so MkDocs' own check of ``.md`` links does
not see them; this check reads the final HTML of every page (cached or not) and fails a strict
build on any link to a file that is not in the site or an anchor that is not on its page.
"""

from __future__ import annotations

import html
import os
import posixpath
import re
import sys
from urllib.parse import unquote

# Attribute values are quoted by Python-Markdown's serialiser and by Material's templates, and text
# holds no `"` inside a tag, so one pass over the attributes finds every id and link.
_SKIPPED_SCHEMES = ("http", "https", "mailto", "tel", "data", "javascript")
_ATTR = re.compile(r'\s(id|href|src|xlink:href)="([^"]*)"')  # xlink:href: the timeline chart's SVG links


def extract(page: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """The ids a page has and its links (every ``href``, ``src`` and SVG ``xlink:href``), in order."""
    ids: set[str] = set()
    links: list[str] = []
    for name, value in _ATTR.findall(page):
        if "&" in value:
            value = html.unescape(value)
        if name == "id":
            ids.add(sys.intern(value))
        else:
            links.append(value)
    return frozenset(ids), tuple(dict.fromkeys(links))


def resolve(page: str, links: tuple[str, ...], base_path: str = "/") -> tuple[str, ...]:
    """Each internal link of ``page`` (its path in the site, ``articles/x/index.html``) as the file
    it points at, with its fragment (``glossary/neu/index.html#sources``); links to other sites are
    left out, and a link that cannot be right is ``!`` and why. Computed once per rendered page;
    the strings are interned, as thousands of pages point at the same files."""
    here = page.split("/")[:-1]
    resolved = []
    for link in links:
        target, fragment, problem = _resolve(page, here, link, base_path)
        if problem:
            resolved.append(f"!link {link!r} {problem}")
        elif target is not None:
            if link.split("#", 1)[0].split("?", 1)[0].endswith("/") and target != page:
                target = f"{target}/index.html" if target else "index.html"
            resolved.append(sys.intern(f"{target}#{fragment}" if fragment else target))
    return tuple(dict.fromkeys(resolved))


def check(pages: dict[str, tuple[frozenset[str], tuple[str, ...]]], existing: set[str]) -> list[str]:
    """``pages``: each page's path in the site with its ids and resolved links; ``existing``:
    every file in the site. Returns one line for each broken link."""
    broken = []
    folders = {posixpath.dirname(path) for path in existing}
    verdicts: dict[str, str] = {}  # a broken link -> what is wrong with it

    def verdict(link: str) -> str:
        if link.startswith("!"):
            return link[1:]
        target, _, fragment = link.partition("#")
        if target not in existing and (target == "" or target in folders):
            target = f"{target}/index.html" if target else "index.html"
        if target not in existing:
            return f"a link points at {target}, which the site does not have"
        if fragment and target in pages and fragment not in pages[target][0]:
            return f"a link points at {target}#{fragment}, and {target} has no #{fragment}"
        return ""

    # Each distinct link is judged once (a union of the pages' tuples: at 10,000 pages, 1.3 million
    # links, 50 times fewer distinct ones); only if one is broken are the pages read in order.
    for link in set().union(*(links for _, links in pages.values())):
        found = verdict(link)
        if found:
            verdicts[link] = found
    if not verdicts:
        return broken
    for page, (_, links) in sorted(pages.items()):
        for link in links:
            found = verdicts.get(link)
            if found:
                broken.append(f"{page}: {found}")
    return broken


def _resolve(page: str, here: list[str], link: str, base_path: str) -> tuple[str | None, str, str]:
    """(target path in the site, fragment, problem) of ``link`` on a page in folder ``here``."""
    if link.startswith("//"):
        return None, "", ""
    colon = link.find(":")
    if colon > 0 and "/" not in link[:colon] and "#" not in link[:colon] and "?" not in link[:colon]:
        return None, "", "" if link[:colon].lower() in _SKIPPED_SCHEMES else f"has an unknown scheme {link[:colon]!r}"
    path, _, fragment = link.partition("#")
    path = path.partition("?")[0]
    if "%" in path:
        path = unquote(path)
    if "%" in fragment:
        fragment = unquote(fragment)
    if not path:
        return page, fragment, ""
    if path.startswith("/"):
        if not path.startswith(base_path):
            return None, "", f"is outside the site's path {base_path}"
        parts = []
        segments = path[len(base_path) :].split("/")
    else:
        parts = list(here)
        segments = path.split("/")
    for segment in segments:
        if segment == "..":
            if not parts:
                return None, "", "leaves the site"
            parts.pop()
        elif segment and segment != ".":
            parts.append(segment)
    return "/".join(parts), fragment, ""


def site_files(site_dir: str) -> set[str]:
    """Every file in the site, as its path in the site (``articles/x/index.html``). One
    ``scandir`` per folder, each path made from its folder's (no ``relpath``: at 10,000 pages,
    a folder each, it was half the walk)."""
    found = set()
    folders = [(site_dir, "")]
    while folders:
        folder, prefix = folders.pop()
        try:
            with os.scandir(folder) as entries:
                for entry in entries:
                    if entry.is_dir():
                        if not entry.is_symlink():  # (as os.walk: a link to a folder is not followed)
                            folders.append((entry.path, f"{prefix}{entry.name}/"))
                    else:
                        found.add(prefix + entry.name)
        except OSError:
            # Gone while listed, as os.walk skips it: under `mkdocs serve` the search index's
            # thread replaces its parts' folders (pagefind/.<part>-old) while a rebuild checks links.
            continue
    return found
