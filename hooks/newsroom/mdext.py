"""Python-Markdown extension: puts the generated pages' annotated HTML into the tree.

A generated page's Markdown is one placeholder paragraph (see :func:`placeholder`). The
treeprocessor replaces it with the tree that :mod:`newsroom.pages` builds: article text as
escaped text nodes (so it is never read as Markdown, HTML or Jinja), links as final URLs. It
runs after the inline patterns and ``attr_list`` (which would rewrite text) and before ``toc``
and MkDocs' anchor extraction, so headings get permalinks and MkDocs knows every anchor. Then
the tree is set aside while MkDocs' link resolver walks the page (it has nothing to resolve
there, and walking tens of thousands of links cost a sixth of a build) and put back after it;
the engine's own link checker (``newsroom.linkcheck``) checks every link of every page instead.
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
ASIDE = 4.5  # after toc and MkDocs' anchor extraction (5)
BACK = -10  # after MkDocs' relpath (0) and title extraction (1)


def placeholder(kind: str, key: str) -> str:
    return f"{MARKER} {kind} {key}".rstrip() + "\n"


class PageTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, corpus: Callable[[], Corpus]) -> None:
        super().__init__(md)
        self.corpus = corpus
        self.inserted: list[Element] = []  # the trees put in this page, for SetAside and PutBack

    def run(self, root: Element) -> None:
        self.inserted = []
        for index, child in enumerate(list(root)):
            if child.tag != "p" or not (child.text or "").startswith(MARKER):
                continue
            kind, _, key = child.text[len(MARKER):].strip().partition(" ")
            root.remove(child)
            tree = BUILDERS[kind](self.corpus(), key)
            root.insert(index, tree)
            self.inserted.append(tree)


class SetAside(Treeprocessor):
    """Takes the generated trees out of the page (leaving an empty stand-in) before MkDocs' link
    resolver."""

    def __init__(self, md: Markdown, pages: PageTreeprocessor) -> None:
        super().__init__(md)
        self.pages = pages
        self.stand_ins: list[tuple[Element, Element]] = []

    def run(self, root: Element) -> None:
        self.stand_ins = []
        for tree in self.pages.inserted:
            index = list(root).index(tree)
            stand_in = Element("div")
            root[index] = stand_in
            self.stand_ins.append((stand_in, tree))


class PutBack(Treeprocessor):
    def __init__(self, md: Markdown, aside: SetAside) -> None:
        super().__init__(md)
        self.aside = aside

    def run(self, root: Element) -> None:
        for stand_in, tree in self.aside.stand_ins:
            root[list(root).index(stand_in)] = tree
        self.aside.stand_ins = []


class NewsroomExtension(Extension):
    def __init__(self, corpus: Callable[[], Corpus], **kwargs) -> None:
        self.corpus = corpus
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        pages = PageTreeprocessor(md, self.corpus)
        aside = SetAside(md, pages)
        md.treeprocessors.register(pages, "newsroom", PRIORITY)
        md.treeprocessors.register(aside, "newsroom_aside", ASIDE)
        md.treeprocessors.register(PutBack(md, aside), "newsroom_back", BACK)
