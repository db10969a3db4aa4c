"""Building HTML as ElementTree nodes that Python-Markdown serialises exactly as given.

Python-Markdown's serialiser leaves ``&name;`` alone, so text that contains ``&amp;``
would show as ``&``. Every ``&`` is therefore escaped here, before serialisation: what
an article says is what the reader sees.
"""

from __future__ import annotations

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


def rel(from_uri: str, to_uri: str) -> str:
    """Link from the page whose source is ``from_uri`` to ``to_uri`` (``glossary/neu.md#x``).

    Up to the docs root, then down: MkDocs normalises the result into the page's URL, so a
    link needs no shortest form, and this costs nothing on pages with thousands of links."""
    if to_uri.startswith("#"):
        return to_uri
    return "../" * from_uri.count("/") + to_uri


def absolute(site_url: str, uri: str) -> str:
    """The public URL of a source path (``articles/x.md#p-3`` -> ``<site_url>articles/x/#p-3``),
    for exports and permanent links that leave the site."""
    path, _, anchor = uri.partition("#")
    page = path.removesuffix(".md").removesuffix("index")
    page = page if page.endswith("/") or not page else page + "/"
    return site_url.rstrip("/") + "/" + page + (f"#{anchor}" if anchor else "")
