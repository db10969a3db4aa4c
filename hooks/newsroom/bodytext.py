"""Editors' Markdown (note bodies) as ElementTree nodes, with entity mentions linked.

The body is converted by a plain Python-Markdown instance (raw HTML is shown as text, not
run), then read back into elements, so its links stay inside the page's tree where MkDocs
checks them, and its text can be searched for mentions like article text.
"""

from __future__ import annotations

from html.parser import HTMLParser
from xml.etree.ElementTree import Element

import markdown

from .html import E, add

VOID = {"br", "hr", "img", "input", "wbr"}
NO_MENTIONS = {"a", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6"}


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("div")
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        element = E(tag, {k: v for k, v in attrs if v is not None})
        self.stack[-1].append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data):
        add(self.stack[-1], data)


def markdown_elements(source: str) -> list[Element]:
    """Block elements for ``source`` (Markdown); any raw HTML in it is shown as typed."""
    html = markdown.Markdown(extensions=["sane_lists"]).convert(source.replace("&", "&amp;").replace("<", "&lt;"))
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return list(builder.root)


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
