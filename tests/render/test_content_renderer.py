"""The MkDocs adapter makes every generated page's content without Python-Markdown's parse
(``mdext.ContentRenderer``): held here equal to what Python-Markdown makes of the page's
Markdown, HTML, table of contents and anchors, for every page of both corpora."""

from __future__ import annotations

from pathlib import Path
from xml.etree.ElementTree import SubElement

import markdown
import pytest
import yaml
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from mkdocs.config import load_config
from mkdocs.structure.pages import _ExtractAnchorsTreeprocessor
from newsroom.mdext import ContentRenderer, placeholder
from newsroom.site import BuildState

from tests.build.test_second_corpus import FIXTURE, SETTINGS
from tests.tools.helpers import ROOT

CORPORA = {"real site": ROOT, "second corpus": FIXTURE}


def state_of(project: Path) -> BuildState:
    """The engine's state as a build makes it, for the project's sources and settings."""
    if project == FIXTURE:
        archive = yaml.safe_load(SETTINGS)["extra"]["archive"]
    else:
        archive = load_config(str(ROOT / "mkdocs.yml")).extra.get("archive")
    state = BuildState(mode="off")
    docs = project / "docs"
    state.load_knowledge_base(docs / "_data", "docs/_data", archive)
    state.load_articles(docs, "docs")
    return state


@pytest.fixture(scope="module")
def site_extensions():
    """The real site's Markdown extensions and their configuration, as MkDocs reads them."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    return list(config.markdown_extensions), dict(config.mdx_configs)


def through_markdown(state: BuildState, src_uri: str, extensions, configs):
    """What MkDocs' ``Page.render`` makes of the page's Markdown: HTML, toc tokens, anchors."""
    md = markdown.Markdown(extensions=[*extensions, state.extension()], extension_configs=configs)
    anchors = _ExtractAnchorsTreeprocessor(None, None, None)
    anchors._register(md)
    html = md.convert(placeholder(state.specs[src_uri]))
    return html, getattr(md, "toc_tokens", []), frozenset(anchors.present_anchor_ids)


def direct(state: BuildState, src_uri: str, extensions, configs):
    md = markdown.Markdown(extensions=[*extensions, state.extension()], extension_configs=configs)
    content = state.content(src_uri, ContentRenderer(md))
    return content.html, content.toc_tokens, content.anchors


@pytest.mark.parametrize("corpus", CORPORA)
def test_every_generated_page_is_what_python_markdown_makes_of_it(corpus, site_extensions):
    state = state_of(CORPORA[corpus])
    assert len(state.specs) > 20
    with_toc = 0
    for src_uri in state.specs:
        expected = through_markdown(state, src_uri, *site_extensions)
        assert direct(state, src_uri, *site_extensions) == expected, src_uri
        with_toc += bool(expected[1])
    assert with_toc > 5  # the toc extension ran on pages with headings: ids, permalinks, tokens


class Marks(Treeprocessor):
    def __init__(self, md, name: str) -> None:
        super().__init__(md)
        self.name = name

    def run(self, root):
        for element in list(root.iter()):
            if element.tag in ("h2", "article"):
                SubElement(element, "span", {"class": self.name, "id": f"{self.name}-{id(element) % 1}"})


class MarksExtension(Extension):
    """Tree processors at priorities around the engine's: 5.5 (sees the page's tree before
    MkDocs reads its anchors), 4.8 (after that), 2 (the tree is set aside then, as from MkDocs'
    link resolver) and -20 (after it is put back)."""

    def extendMarkdown(self, md):  # noqa: N802 - Python-Markdown's name
        for name, priority in (("before-toc", 5.5), ("after-anchors", 4.8), ("aside", 2), ("last", -20)):
            md.treeprocessors.register(Marks(md, name), name, priority)


def test_a_sites_own_tree_processors_see_the_page_as_they_would_through_python_markdown(site_extensions):
    state = state_of(ROOT)
    extensions, configs = site_extensions
    extensions = [*extensions, MarksExtension()]
    seen = set()
    for src_uri in list(state.specs)[:12]:
        expected = through_markdown(state, src_uri, extensions, configs)
        assert direct(state, src_uri, extensions, configs) == expected, src_uri
        seen |= {name for name in ("before-toc", "after-anchors", "aside", "last") if f'class="{name}"' in expected[0]}
        if 'class="before-toc"' in expected[0]:  # ids given before MkDocs reads the anchors are anchors; after, not
            assert "before-toc-0" in expected[2] and "after-anchors-0" not in expected[2]
    assert seen == {"before-toc", "after-anchors", "last"}  # the one at 2 never saw a generated page's tree
