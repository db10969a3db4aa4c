"""Building HTML as ElementTree nodes that Python-Markdown serialises exactly as given.

Python-Markdown's serialiser leaves ``&name;`` alone, so text that contains ``&amp;``
would show as ``&``. Every ``&`` is therefore escaped here, before serialisation: what
an article says is what the reader sees.
"""

from __future__ import annotations

import functools
import json
import posixpath
import re
from xml.etree.ElementTree import Element

from markdown.util import AtomicString


def text(value: str) -> AtomicString:
    return AtomicString(value.replace("&", "&amp;"))


def E(tag: str, attrs: dict[str, str | None] | None = None, *children: Element | str | None) -> Element:  # noqa: N802 - the usual name of an element factory
    """``E("a", {"href": "x.md"}, "text", E("span"))``; ``None`` attributes and children are skipped."""
    element = Element(tag, {k: v.replace("&", "&amp;") for k, v in (attrs or {}).items() if v is not None})
    for child in children:
        add(element, child)
    return element


def add(element: Element, child: Element | str | None) -> None:
    if child is None:
        return
    if isinstance(child, str):
        # Text already in the tree is escaped, so escaped text can be appended to it.
        if len(element):
            element[-1].tail = AtomicString((element[-1].tail or "") + text(child))
        else:
            element.text = AtomicString((element.text or "") + text(child))
        return
    element.append(child)


def page_url(src_uri: str) -> str:
    """The URL of a page's source, as MkDocs gives it (``glossary/neu.md`` -> ``glossary/neu/``),
    with its anchor if it has one (``articles/a.md#p-2`` -> ``articles/a/#p-2``)."""
    src_uri, mark, anchor = src_uri.partition("#")
    if src_uri == "index.md":
        return "./" + mark + anchor
    path = src_uri.removesuffix(".md")
    return (path.removesuffix("index") if path.endswith("/index") else path + "/") + mark + anchor


@functools.lru_cache(maxsize=65536)
def _relative(target: str, base: str) -> str:
    """``target`` relative to ``base`` (both slash-separated site paths; the last part of
    ``base`` is a file when it has a dot): the rule MkDocs 1.6 and its forks write links by
    (``mkdocs.utils.get_relative_url``), here so that the engine needs no generator to link."""
    folder, _, name = base.rpartition("/")
    if "." in name:
        base = folder
    base_parts, target_parts = _parts(base), _parts(target)
    common = 0
    for a, b in zip(base_parts, target_parts, strict=False):
        if a != b:
            break
        common += 1
    url = "/".join([".."] * (len(base_parts) - common) + target_parts[common:]) or "."
    return url + "/" if target.endswith("/") else url


@functools.lru_cache(maxsize=65536)
def _parts(path: str) -> list[str]:
    path = posixpath.normpath("/" + path.removeprefix("/"))[1:]
    return path.split("/") if path else []


_LINKS = {"from": "page"}  # what a relative link is relative to: see links_relative_to


def links_relative_to(base: str) -> None:
    """``"page"`` (MkDocs and its forks: a link in a page's HTML is relative to the page's URL,
    ``timeline/2023-07/``) or ``"source"`` (Zensical, which takes every relative link in a page's
    HTML as relative to its source file, ``timeline/2023-07.md``, and rewrites it for the URL)."""
    if base not in ("page", "source"):
        raise ValueError(base)
    _LINKS["from"] = base


def rel(from_uri: str, to_uri: str, rewritten: bool = True) -> str:
    """Link from the page whose source is ``from_uri`` to ``to_uri`` (``glossary/neu.md#x``, or a
    file such as ``entities.json``): the relative URL MkDocs itself would write for it.
    ``rewritten=False``: for an attribute no generator rewrites (an SVG ``xlink:href``, a
    ``data-`` attribute), which is always relative to the page's URL.

    Generated pages' links are final URLs, not left for MkDocs to resolve one by one; the engine's
    link checker (:mod:`newsroom.linkcheck`) checks every one of them on every build."""
    if to_uri.startswith("#"):
        return to_uri
    path, hash_, anchor = to_uri.partition("#")
    target = page_url(path) if path.endswith(".md") else path
    base = page_url(from_uri) if _LINKS["from"] == "page" or not rewritten else from_uri
    return _relative(target, base) + hash_ + anchor


def absolute(site_url: str, uri: str) -> str:
    """The public URL of a source path (``articles/x.md#p-3`` -> ``<site_url>articles/x/#p-3``),
    for exports and permanent links that leave the site."""
    path, _, anchor = uri.partition("#")
    page = path.removesuffix(".md").removesuffix("index")
    page = page if page.endswith("/") or not page else page + "/"
    return site_url.rstrip("/") + "/" + page + (f"#{anchor}" if anchor else "")


def json_ld(data: dict) -> Element:
    """``data`` as a ``<script type="application/ld+json">``, ``</`` written ``<\\/`` so that no
    value can end the script early."""
    script = Element("script", {"type": "application/ld+json"})
    script.text = AtomicString(json.dumps(data, ensure_ascii=False).replace("</", "<\\/"))
    return script


_STRUCTURED_DATA = re.compile(r'<script type="application/ld\+json">.*?</script>', re.S)


def structured_data_in_head(output: str) -> str:
    """A page's JSON-LD moved from its body to the end of its head. Material's instant navigation
    runs every ``<script>`` in the new page's content again as a plain script (it copies the
    text, not the type), so JSON-LD there throws; in the head it is swapped, not run. A page
    without JSON-LD in its body (or one already moved) is returned as it is."""
    body = output.find("<body")
    if body < 0 or output.find("application/ld+json", body) < 0:
        return output
    found = _STRUCTURED_DATA.findall(output, body)
    if not found:  # the words alone, in a page's text, say
        return output
    output = output[:body] + _STRUCTURED_DATA.sub("", output[body:])
    end = output.index("</head>")
    return output[:end] + "".join(found) + "\n" + output[end:]
