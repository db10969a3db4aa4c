"""Python-Markdown extension: puts the generated pages' annotated HTML into the tree.

A generated page's Markdown is one placeholder paragraph naming its source (see
:func:`placeholder`). The treeprocessor finds that page's spec (:mod:`newsroom.pages.specs`) and
replaces the paragraph with the tree the spec builds: article text as
escaped text nodes (so it is never read as Markdown, HTML or Jinja), links as final URLs. It
runs after the inline patterns and ``attr_list`` (which would rewrite text) and before ``toc``
and MkDocs' anchor extraction, so headings get permalinks and MkDocs knows every anchor. Then
the tree is set aside while MkDocs' link resolver walks the page (it has nothing to resolve
there, and walking tens of thousands of links cost a sixth of a build) and put back after it;
the engine's own link checker (``newsroom.linkcheck``) checks every link of every page instead.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from xml.etree.ElementTree import Element

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from .corpus import Corpus
from .pages import PageSpec

MARKER = "\ue000na-page\ue000"
PRIORITY = 6  # after inline (20) and attr_list (8); before toc (5) and MkDocs' relpath (0)
ASIDE = 4.5  # after toc and MkDocs' anchor extraction (5)
BACK = -10  # after MkDocs' relpath (0) and title extraction (1)


def placeholder(spec: PageSpec) -> str:
    """The Markdown of a generated page: the marker and the page's source, which names its spec."""
    return f"{MARKER}{spec.src_uri}\n"


class PageTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, corpus: Callable[[], Corpus], specs: Callable[[], Mapping[str, PageSpec]]) -> None:
        super().__init__(md)
        self.corpus = corpus
        self.specs = specs
        self.inserted: list[Element] = []  # the trees put in this page, for SetAside and PutBack

    def run(self, root: Element) -> None:
        self.inserted = []
        for index, child in enumerate(list(root)):
            if child.tag != "p" or not (child.text or "").startswith(MARKER):
                continue
            spec = self.specs()[child.text[len(MARKER) :].strip()]
            root.remove(child)
            tree = spec.build(self.corpus())
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
        # The Markdown instance and its processors refer to each other: holding the page's trees
        # too, they would wait for the cycle collector (see the MkDocs adapter's gc.freeze).
        self.aside.pages.inserted = []


class NewsroomExtension(Extension):
    """``corpus`` and ``specs`` are read when a page is converted (``mkdocs serve`` replaces
    both on each rebuild): the corpus, and every generated page's spec by its ``src_uri``."""

    def __init__(self, corpus: Callable[[], Corpus], specs: Callable[[], Mapping[str, PageSpec]], **kwargs) -> None:
        self.corpus = corpus
        self.specs = specs
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        pages = PageTreeprocessor(md, self.corpus, self.specs)
        aside = SetAside(md, pages)
        md.treeprocessors.register(pages, "newsroom", PRIORITY)
        md.treeprocessors.register(aside, "newsroom_aside", ASIDE)
        md.treeprocessors.register(PutBack(md, aside), "newsroom_back", BACK)
