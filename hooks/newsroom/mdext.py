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

:class:`ContentRenderer` makes the same HTML without Python-Markdown parsing anything: the page's
tree is the engine's already, so only the tree processors that see it above (``toc``, between
``PRIORITY`` and ``ASIDE``) are run on it, then the serialiser and the postprocessors. The MkDocs
adapter renders every generated page so; ``tests/render/test_content_renderer.py`` holds it equal to
Python-Markdown's output, page by page.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
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
ANCHORS = 5  # MkDocs' anchor extraction: registered after the site's extensions, at toc's priority


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


@dataclass(frozen=True)
class Content:
    """What Python-Markdown makes of a generated page: its HTML, the ``toc`` extension's tokens
    (empty without it) and every anchor in it (what MkDocs' anchor extraction collects)."""

    html: str
    toc_tokens: list
    anchors: frozenset[str]


class ContentRenderer:
    """A generated page's content as ``md.convert(placeholder(spec))`` makes it, from its tree.

    ``md``: a Markdown instance with the site's extensions (this one among them or not). It runs,
    in the same order, the tree processors that see the page's tree in :class:`NewsroomExtension`'s
    path: those after it and before :class:`SetAside`, and those after :class:`PutBack`; the
    anchors are read where MkDocs reads them (``ANCHORS``: after the site's processors of that
    priority, ``toc`` among them)."""

    def __init__(self, md: Markdown) -> None:
        self.md = md
        registry = md.treeprocessors
        registry._sort()  # Python-Markdown's Registry: its items by priority, highest first
        seen = [
            (registry[item.name], item.priority)
            for item in registry._priority
            if not item.name.startswith("newsroom") and (ASIDE < item.priority < PRIORITY or item.priority < BACK)
        ]
        self.before_anchors = [processor for processor, priority in seen if priority >= ANCHORS]
        self.after_anchors = [processor for processor, priority in seen if priority < ANCHORS]

    def render(self, tree: Element) -> Content:
        md = self.md
        md.reset()
        root = Element(md.doc_tag)
        root.text = "\n"  # as Python-Markdown's prettifier leaves the document's element
        root.append(tree)
        root = self._run(self.before_anchors, root)
        anchors = set()
        for element in root.iter():
            if anchor := element.get("id"):
                anchors.add(anchor)
            if element.tag == "a" and (anchor := element.get("name")):
                anchors.add(anchor)
        root = self._run(self.after_anchors, root)
        output = md.serializer(root)
        start = output.index(f"<{md.doc_tag}>") + len(md.doc_tag) + 2
        output = output[start : output.rindex(f"</{md.doc_tag}>")].strip()
        for postprocessor in md.postprocessors:
            output = postprocessor.run(output)
        return Content(output.strip(), list(getattr(md, "toc_tokens", [])), frozenset(anchors))

    @staticmethod
    def _run(processors: list[Treeprocessor], root: Element) -> Element:
        for processor in processors:
            new_root = processor.run(root)
            if new_root is not None:
                root = new_root
        return root
