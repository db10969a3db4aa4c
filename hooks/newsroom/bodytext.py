"""Editors' Markdown (note bodies) as ElementTree nodes, with entity mentions linked.

The body is converted by a Python-Markdown instance of its own that knows no raw HTML and no
entities (they are shown as typed, never run), and its tree is taken as it is, after the
inline patterns, by a treeprocessor (as the abbr extension works on the tree): no HTML string
is written and parsed back. Its links stay inside the page's tree, where the engine checks
them, and its text can be searched for mentions like article text.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

import markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from .html import add

NO_MENTIONS = {"a", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6"}
# What would read raw HTML or character references in the source, or make links of <…>: off,
# so that "<b>" or "&amp;" in a note shows as typed.
_RAW = {"preprocessors": ("html_block",), "inlinePatterns": ("html", "entity", "autolink", "automail")}


class _Take(Treeprocessor):
    """Keeps the tree, after the inline patterns and the unescaping of backslash escapes."""

    root: Element | None = None

    def run(self, root: Element) -> None:
        self.root = root


class _BodyMarkdown:
    def __init__(self) -> None:
        self.md = markdown.Markdown(extensions=["sane_lists"])
        for registry, names in _RAW.items():
            for name in names:
                getattr(self.md, registry).deregister(name)
        self.take = _Take(self.md)
        self.md.treeprocessors.register(self.take, "newsroom_take", -100)

    def elements(self, source: str) -> list[Element]:
        self.md.reset()
        self.take.root = None
        self.md.convert(source)  # a blank source is not parsed: no tree then
        root = self.take.root
        if root is None:
            return []
        for element in root.iter():
            _escape(element)
        elements = list(root)
        if elements and not (elements[-1].tail or "").strip():
            elements[-1].tail = None  # as Markdown's own HTML, which ends with the last block
        return elements


def _escape(element: Element) -> None:
    """Text and attributes as the page's trees hold them (``newsroom.html``: ``&`` escaped, the
    serialiser escapes the rest); a code span's or block's text comes HTML-escaped: unescaped first."""
    if element.text:
        raw = _code_unescape(element.text) if element.tag == "code" else element.text
        element.text = AtomicString(raw.replace("&", "&amp;"))
    if element.tail:
        element.tail = AtomicString(element.tail.replace("&", "&amp;"))
    for key, value in element.items():
        element.set(key, value.replace("&", "&amp;"))


def _code_unescape(text: str) -> str:
    """The inverse of Python-Markdown's ``util.code_escape``."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


_converter: _BodyMarkdown | None = None


def markdown_elements(source: str) -> list[Element]:
    """Block elements for ``source`` (Markdown); any raw HTML in it is shown as typed."""
    global _converter
    if _converter is None:
        _converter = _BodyMarkdown()
    return _converter.elements(source)


def link_text_nodes(element: Element, link) -> None:
    """Call ``link(text) -> list[str | Element] | None`` on each text node outside links, code and headings.

    Where it returns pieces, the text node is replaced by them."""
    if element.tag in NO_MENTIONS:
        return
    pieces = link(_raw(element.text)) if element.text else None
    children = list(element)
    if pieces is not None:
        element.text = None
        for child in children:
            element.remove(child)
        for piece in pieces:
            add(element, piece) if isinstance(piece, str) else element.append(piece)
        for child in children:
            element.append(child)
    for child in children:
        link_text_nodes(child, link)
        if child.tail:
            tail_pieces = link(_raw(child.tail))
            if tail_pieces is not None:
                child.tail = None
                index = list(element).index(child) + 1
                holder = Element("holder")
                for piece in tail_pieces:
                    add(holder, piece) if isinstance(piece, str) else holder.append(piece)
                if holder.text:
                    child.tail = holder.text
                for offset, node in enumerate(list(holder)):
                    element.insert(index + offset, node)


def _raw(text: str) -> str:
    """Text as written: the tree holds it with ``&`` escaped (see :mod:`newsroom.html`)."""
    return text.replace("&amp;", "&")
