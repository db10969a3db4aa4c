"""Python-Markdown extension: puts the generated pages' annotated HTML into the tree.

A generated page's Markdown is one placeholder paragraph (see :func:`placeholder`). The
treeprocessor replaces it with the tree that :mod:`newsroom.pages` builds: article text as
escaped text nodes (so it is never read as Markdown, HTML or Jinja), mentions as links to
``.md`` targets. It runs after the inline patterns and ``attr_list`` (which would rewrite
text) and before ``toc`` and MkDocs' own link checker, so headings get anchors and every
link is validated.
"""

from __future__ import annotations

from collections.abc import Callable
from xml.etree.ElementTree import Element

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from .corpus import Corpus
from .pages import BUILDERS

MARKER = "\ue000na-page\ue000"
PRIORITY = 6  # after inline (20) and attr_list (8); before toc (5) and MkDocs' relpath (0)


def placeholder(kind: str, key: str) -> str:
    return f"{MARKER} {kind} {key}".rstrip() + "\n"


class PageTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, corpus: Callable[[], Corpus]) -> None:
        super().__init__(md)
        self.corpus = corpus

    def run(self, root: Element) -> None:
        for index, child in enumerate(list(root)):
            if child.tag != "p" or not (child.text or "").startswith(MARKER):
                continue
            kind, _, key = child.text[len(MARKER):].strip().partition(" ")
            root.remove(child)
            root.insert(index, BUILDERS[kind](self.corpus(), key))


class NewsroomExtension(Extension):
    def __init__(self, corpus: Callable[[], Corpus], **kwargs) -> None:
        self.corpus = corpus
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        md.treeprocessors.register(PageTreeprocessor(md, self.corpus), "newsroom", PRIORITY)
