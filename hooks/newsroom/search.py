"""Search entries of generated pages, read from the engine's own tree.

Material's search plugin finds a page's sections by parsing its final HTML again, tag by tag:
for the archive's pages that was a third of a build. The engine already holds each page as a
tree, so it lists the sections there, in the shape Material's index uses: one section for what
comes before the first heading (titled with the page's title), then one per heading with an id
(h2 to h6; a page's h1 is its title). The text keeps paragraphs and list items as ``<p>`` and
``<li>`` and leaves out what is not the page's words: paragraph permalinks, note numbers,
speaker chips, controls that scripts reveal, structured data and heading permalinks. Sections
that only repeat the articles' own words (an entity's "Mentioned in" sentences and "What they
said" quotations) are left out too: the articles are indexed themselves, and at 10,000 articles
these sections would make most of the index.
"""

from __future__ import annotations

import html
import re
from xml.etree.ElementTree import Element

_SKIPPED_TAGS = frozenset({"script", "style", "button", "select", "input", "label", "nav", "svg"})
_SKIPPED_CLASSES = frozenset({"na-permalink", "na-note-marker", "na-speaker", "headerlink", "na-copy"})
_BLOCKS = {"p": "p", "li": "li", "dt": "p", "dd": "p", "h3": "p", "h4": "p", "h5": "p", "h6": "p", "blockquote": None, "figcaption": "p"}
_SPACE = re.compile(r"\s+")
REPEATED = frozenset({"mentioned-in", "what-they-said"})  # ids of sections that repeat the articles' words


def _skipped(element: Element) -> bool:
    if element.tag in _SKIPPED_TAGS or "hidden" in element.attrib or "data-search-exclude" in element.attrib:
        return True
    classes = element.get("class")
    return bool(classes) and any(name in _SKIPPED_CLASSES for name in classes.split())


def _text(element: Element) -> str:
    """The words of ``element`` and what it holds, but not of skipped elements inside it."""
    parts = [element.text or ""]
    for child in element:
        if not _skipped(child):
            parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def sections(root: Element) -> list[tuple[str | None, str, str]]:
    """``(heading id or None, heading text, text as HTML)`` for each section of ``root``."""
    found: list[list] = [[None, "", []]]

    def walk(element: Element) -> None:
        for child in element:
            if _skipped(child):
                continue
            tag = child.tag
            if tag in ("h2", "h3", "h4", "h5", "h6") and child.get("id"):
                found.append([child.get("id"), _clean(_text(child)), []])
            elif tag == "h1":
                continue
            elif tag in _BLOCKS and _BLOCKS[tag] and not any(grand.tag in _BLOCKS for grand in child.iter() if grand is not child):
                words = _clean(_text(child))
                if words:
                    found[-1][2].append(f"<{_BLOCKS[tag]}>{html.escape(words, quote=False)}</{_BLOCKS[tag]}>")
            else:
                walk(child)

    walk(root)
    return [(key, title, "".join(parts)) for key, title, parts in found if (key is not None or parts) and key not in REPEATED]


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text.replace("&amp;", "&")).strip()


def entries(page_sections: list[tuple[str | None, str, str]], url: str, title: str) -> list[dict]:
    """Material's search index entries (``location``, ``title``, ``text``) for a page's sections."""
    return [{"location": url + (f"#{key}" if key else ""), "title": heading if key else title, "text": text} for key, heading, text in page_sections]
