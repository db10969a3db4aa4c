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
from urllib.parse import unquote, urlsplit

# Attribute values are quoted by Python-Markdown's serialiser and by Material's templates; text
# can hold no "<" (it is escaped), so each match is inside a real tag.
_TAG = re.compile(r"<(a|link|img|script|source|iframe|[a-zA-Z][a-zA-Z0-9-]*)\b([^>]*)>")
_ATTR = re.compile(r'\s(id|name|href|src)="([^"]*)"')
_LINKING = frozenset({"a", "link", "img", "script", "source", "iframe"})
_SKIPPED_SCHEMES = ("http", "https", "mailto", "tel", "data", "javascript")


def extract(page: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """The ids a page has (``id``, and ``name`` on ``a``) and its links (``href``/``src`` of
    a, link, img, script, source and iframe), in order."""
    ids: set[str] = set()
    links: list[str] = []
    for tag, attrs in _TAG.findall(page):
        if "=" not in attrs:
            continue
        for name, value in _ATTR.findall(attrs):
            if name == "id" or (name == "name" and tag == "a"):
                ids.add(html.unescape(value))
            elif name in ("href", "src") and tag in _LINKING:
                links.append(html.unescape(value))
    return frozenset(ids), tuple(dict.fromkeys(links))


def check(pages: dict[str, tuple[frozenset[str], tuple[str, ...]]], existing: set[str], base_path: str = "/") -> list[str]:
    """``pages``: each page's path in the site (``articles/x/index.html``) with its ids and links;
    ``existing``: every file in the site. Returns one line for each broken link."""
    broken = []
    folders = {posixpath.dirname(path) for path in existing}
    for page, (_, links) in sorted(pages.items()):
        for link in links:
            parts = urlsplit(link)
            if parts.scheme in _SKIPPED_SCHEMES or link.startswith("//"):
                continue
            path = unquote(parts.path)
            if not path:
                target = page
            elif path.startswith("/"):
                if not path.startswith(base_path):
                    broken.append(f"{page}: link {link!r} is outside the site's path {base_path}")
                    continue
                target = posixpath.normpath(path[len(base_path):] or ".")
            else:
                target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
            if target == ".":
                target = "index.html"
            elif target not in existing and target in folders or path.endswith("/"):
                target = posixpath.join(target, "index.html") if target != "." else "index.html"
            if target.startswith("../") or target not in existing:
                broken.append(f"{page}: link {link!r} points at {target}, which the site does not have")
                continue
            fragment = unquote(parts.fragment)
            if fragment and target.endswith(".html") and target in pages and fragment not in pages[target][0]:
                broken.append(f"{page}: link {link!r}: {target} has no #{fragment}")
    return broken


def site_files(site_dir: str) -> set[str]:
    found = set()
    for folder, _, names in os.walk(site_dir):
        relative = os.path.relpath(folder, site_dir)
        for name in names:
            found.add(name if relative == "." else f"{relative}/{name}".replace(os.sep, "/"))
    return found
