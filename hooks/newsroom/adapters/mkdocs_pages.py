"""The MkDocs adapter, continued: how MkDocs gets each generated page (``newsroom.adapters.mkdocs``
says what of MkDocs this relies on). Its content is made from the engine's tree
(:func:`render_generated`) or taken, whole, from the cache (:func:`render_from_cache`); in a
large ``mkdocs build``, worker processes (``newsroom.workers``) make part of the contents while
MkDocs reads the pages, and render part of the pages with the theme while it writes them.
"""

from __future__ import annotations

import logging

import markdown
from mkdocs.commands.build import get_context
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import InclusionLevel
from mkdocs.structure.toc import get_toc

from .. import site as engine

CACHED_TEMPLATE = "newsroom-cached.html"  # in overrides/: writes a cached page's HTML as it is
EITHER_TEMPLATE = "newsroom-either.html"  # in overrides/: the same if a worker rendered the page, else main.html
log = logging.getLogger("mkdocs.plugins.newsroom")


def worker_count(held, pages: int) -> int:
    """How many worker processes share ``pages`` pages (``newsroom.workers.count``): none under
    ``mkdocs serve``, whose server's threads and a fork do not mix (and a rebuild renders few)."""
    try:
        return engine.worker_count(pages, allowed=held.command != "serve")
    except engine.DataError as err:
        raise PluginError(str(err)) from None


def close_workers(held) -> None:
    if held.workers is not None:
        held.workers.close()
        held.workers = None


def to_render(held, files) -> list:
    """The generated pages this build renders, in MkDocs' order."""
    state = held.state
    return [
        file.page
        for file in files.documentation_pages(inclusion=InclusionLevel.is_included)
        if file.src_uri in state.specs
        and file.page is not None
        and (file.src_uri not in state.hits or state.verify)
        and file.src_uri not in state.skipped
    ]


def _content_in_worker(held, src_uri: str):
    """In a worker: a generated page's content (``render_generated``)."""
    return held.state.content(src_uri, held.renderer)


def _page_in_worker(held, src_uri: str):
    """In a worker: a page as ``mkdocs.commands.build._build_page`` renders it, made final and
    read for the link check and the search index (``engine.Prepared``)."""
    page, config = held.files.get_file_from_path(src_uri).page, held.config
    config._current_page = page
    page.active = True
    try:
        context = get_context(held.nav, held.doc_files, config, page)
        template = held.env.get_template(page.meta.get("template", "main.html"))
        context = config.plugins.on_page_context(context, page=page, config=config, nav=held.nav)
        return held.state.prepared(src_uri, page.file.dest_uri, template.render(context))
    finally:
        page.active = False
        config._current_page = None


def start_content_workers(held, config, files) -> None:
    """End of ``on_nav``: workers make part of the generated pages' content."""
    close_workers(held)
    keys = [page.file.src_uri for page in to_render(held, files)]
    count = worker_count(held, len(keys))
    if count:
        renderer(held, config)  # made here, so that the workers have it
        held.workers = engine.Workers(_content_in_worker, held, keys, count)


def env(held, env, config, files) -> None:
    """The theme's environment is ready and every page's content made: workers render part of
    the generated pages with the theme, and MkDocs writes those pages' HTML as it is."""
    env.bytecode_cache = held.bytecode  # templates compiled once, not on every rebuild (Jinja checks the source)
    close_workers(held)
    pages = to_render(held, files)
    count = worker_count(held, len(pages))
    if count:
        held.config, held.env = config, env
        held.doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)  # as MkDocs' build has them
        held.workers = engine.Workers(_page_in_worker, held, [page.file.src_uri for page in pages], count)
        log.info(f"{count} worker process{'es' if count > 1 else ''} share{'' if count > 1 else 's'} the build's work")
        for page in pages:  # after the fork: the workers render them with the theme's templates
            page.meta["template"] = EITHER_TEMPLATE


def page_context(held, page) -> None:
    """A page a worker has rendered is written as it is (``newsroom-either.html``)."""
    if held.workers is not None and page.meta.get("template") == EITHER_TEMPLATE:
        page.newsroom_prepared = held.workers.ready(page.file.src_uri)
        page.newsroom_html = page.newsroom_prepared.html if page.newsroom_prepared else None


def pre_page(held, page) -> None:
    src_uri = page.file.src_uri
    entry = held.state.hits.get(src_uri)
    if entry is not None and not held.state.verify:
        page.render = lambda config, files: render_from_cache(held, page, entry)
    elif src_uri in held.state.specs:
        page.render = lambda config, files: render_generated(held, page, config)


def renderer(held, config):
    """One a build: a Markdown instance with the configuration's extensions, as MkDocs gives each page."""
    if held.renderer is None:
        md = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs or {})
        held.renderer = engine.ContentRenderer(md)
    return held.renderer


def render_generated(held, page, config) -> None:
    """``Page.render`` for a generated page: its content made from the engine's tree, without a
    Markdown instance of its own or a parse (``mdext.ContentRenderer``, held equal to it), here
    or by a worker."""
    content = held.workers.ready(page.file.src_uri) if held.workers is not None else None
    if content is None:
        content = held.state.content(page.file.src_uri, renderer(held, config))
    page.content = content.html
    page.toc = get_toc(content.toc_tokens)
    page.present_anchor_ids = set(content.anchors)
    page.links_to_anchors = {}  # MkDocs' link resolver never walked a generated page's tree


def render_from_cache(held, page, entry) -> None:
    """What ``Page.render`` leaves on a page, from the cache: MkDocs checks links to its anchors."""
    page.content = ""
    page.toc = get_toc([])
    page.present_anchor_ids = set(entry.anchors)
    page.links_to_anchors = {}
    page.meta["template"] = CACHED_TEMPLATE
    page.newsroom_html = held.caches.read_html(entry.key)
