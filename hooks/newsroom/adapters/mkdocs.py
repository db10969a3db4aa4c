"""The MkDocs adapter: MkDocs' events turned into the engine's pipeline (``newsroom.site``).

Everything the engine knows of MkDocs and of Material's plugins is here (with
``mkdocs_pages.py``, how each generated page is rendered), and only here: the engine's other
modules import nothing of them. ``hooks/annotate.py`` is the hook MkDocs loads;
its event functions call these, handing over a :class:`Held` that outlives the engine's
re-imports under ``mkdocs serve``.

Checked against MkDocs 1.6.1 with mkdocs-material 9.8.1 (the main build), ProperDocs 1.6.7 with
mkdocs-material 9.8.1, and MkDocs NG 1.8.0 with mkdocs-ng-material 9.7.7 (``tests/build/
test_generators.py``). What it relies on beyond MkDocs' documented plugin events:

- ``mkdocs.commands.serve.build`` is replaced under ``mkdocs serve`` so that every rebuild after
  the first keeps the site folder (a dirty build), and a failed rebuild leaves the last good
  site served (``on_serve``);
- ``File.is_modified`` is set per page and per export in a dirty build, so that MkDocs skips
  the pages and the exports whose output is already in the site folder (``on_nav``, ``on_files``);
- ``Page.render`` is replaced for every generated page, leaving what MkDocs reads of a rendered
  page (``content``, ``toc``, ``present_anchor_ids``, ``links_to_anchors``): for a page whose HTML
  is in the cache, ``page.meta["template"]`` names ``overrides/newsroom-cached.html``; any other
  is made from the engine's tree by one Markdown instance a build with the configuration's
  extensions (``mdext.ContentRenderer``: it reads Python-Markdown's treeprocessor registry);
- Material's tags plugin (``material/tags``) is told the tags of the pages a dirty build skips,
  through its ``on_page_markdown``;
- ``File.generated`` and ``set_exclusions`` add the generated pages and exports, and the
  bundles of the project's CSS and JavaScript (``newsroom.assets``), which replace the files
  ``extra_css`` and ``extra_javascript`` list in the configuration the theme renders with;
- the theme's Jinja environment gets an in-memory bytecode cache (``on_env``);
- in a ``mkdocs build`` of many pages, worker processes (``newsroom.workers``) forked at the end
  of ``on_nav`` make generated pages' content, and forked in ``on_env`` (every content made,
  none written) render generated pages with the theme as ``mkdocs.commands.build._build_page``
  would (``get_context``, the template, plugins' ``on_page_context``); each such page's
  template is ``newsroom-either.html``, which writes a worker's HTML (set in ``on_page_context``)
  as it is, or renders ``main.html`` (``mkdocs_pages.py``).
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import sqlite3
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import jinja2
import jinja2.bccache
from mkdocs.exceptions import Abort, PluginError
from mkdocs.structure.files import File, set_exclusions

from .. import site as engine
from ..assets import bundle as bundle_assets
from .mkdocs_pages import close_workers, env, page_context, pre_page, start_content_workers

__all__ = ["env", "page_context", "pre_page"]  # the events of generated pages (mkdocs_pages), for the hook

log = logging.getLogger("mkdocs.plugins.newsroom")
# What renders the pages, for the build context: the first of each group that is installed.
RENDERERS = (
    ("mkdocs", "properdocs", "mkdocs-ng"),
    ("mkdocs-material", "mkdocs-ng-material"),
    ("markdown",),
    ("pymdown-extensions",),
    ("jinja2",),
    ("mkdocs-macros-plugin",),
)


class MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates kept in memory between rebuilds; Jinja checks each against its source."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


@dataclass
class Held:
    """What lives between the builds of one process (the rebuilds of ``mkdocs serve``), held by
    the hook module, which MkDocs keeps; ``caches`` and ``sources`` are made again when the
    engine is imported again (their objects are the old engine's)."""

    code: str = ""  # digest of the engine's code
    caches: object = None  # engine.Caches
    state: object = None  # engine.BuildState of the build in progress
    files: object = None  # MkDocs' Files of that build (their cycles are broken when it ends)
    written: dict = field(default_factory=dict)  # site folder -> {dest_uri: key} (an export's content)
    sources: dict = field(default_factory=dict)  # site folder -> engine.Sources
    inclusions: dict = field(default_factory=dict)  # (patterns, src_uri) -> MkDocs' inclusion
    assets: object = None  # newsroom.assets.Assets of the build in progress
    renderer: object = None  # engine.ContentRenderer of the build in progress
    nav: object = None  # MkDocs' Navigation of the build in progress (for the workers)
    workers: object = None  # engine.Workers of the build in progress, if any
    config: object = None  # and, for them, MkDocs' configuration, the theme's environment, the pages
    env: object = None
    doc_files: object = None
    frozen: int = 0  # objects the first build after the last full collection froze
    bytecode: MemoryBytecodeCache = field(default_factory=MemoryBytecodeCache)
    dirty: bool = False  # this build keeps the site folder (serve's rebuilds, or --dirty)
    startup_dirty: bool = False
    command: str | None = None  # "build", "serve" or "gh-deploy"
    serve_dir: str | None = None  # the site folder `mkdocs serve` builds into
    indexer: object = None  # under `mkdocs serve`: engine.BackgroundIndex
    pages_written: bool = False  # whether the rebuild in progress has written a page yet


class QuietDirtyWarning(logging.Filter):
    """MkDocs warns that a dirty build may leave stale links; ours re-renders every page whose
    inputs changed, so under `mkdocs serve` the warning would only mislead."""

    def __init__(self, held) -> None:
        super().__init__()
        self.held = held  # returns the Held of the build in progress

    def filter(self, record: logging.LogRecord) -> bool:
        held = self.held()
        message = record.getMessage()
        return not (held.dirty and not held.startup_dirty and message.startswith("A 'dirty' build is being performed"))


def install_serve_build(held: Held) -> None:
    """Every rebuild of `mkdocs serve` after the first keeps the site folder; a rebuild that
    fails before writing a page leaves the last good site served."""
    import mkdocs.commands.serve as serve

    build = serve.build
    if getattr(build, "newsroom_dirty", False):
        return

    def dirty_build(config, *, serve_url=None, dirty=False):
        if serve_url is None:  # `mkdocs serve --clean` asked for clean rebuilds
            return build(config, serve_url=serve_url, dirty=dirty)
        held.dirty, held.pages_written = True, False
        try:
            return build(config, serve_url=serve_url, dirty=True)
        except Abort:
            if held.pages_written:  # the site folder is no longer the last good site: MkDocs' own way
                raise
            # Nothing was written: the site folder is the last good site. Keep serving it
            # (MkDocs would hold every request until a good build) and say so.
            log.error("the site shown is the last good one; fix the file named above and save it again")
            return None
        finally:
            held.dirty = held.startup_dirty

    dirty_build.newsroom_dirty = True
    serve.build = dirty_build


def renderer_versions() -> list[str]:
    out = []
    for names in RENDERERS:
        for name in names:
            try:
                out.append(f"{name} {version(name)}")
                break
            except PackageNotFoundError:
                continue
        else:
            out.append(f"{names[0]} -")
    return out


def project_of(config) -> Path:
    return Path(config.config_file_path or "mkdocs.yml").resolve().parent


def shown(config) -> str:
    """The docs folder as errors name it: relative to the project (``docs``)."""
    return os.path.relpath(Path(config.docs_dir).resolve(), project_of(config))


def config(held: Held, config) -> None:
    """A new build: its state, the build context and the knowledge base."""
    if held.state is not None:  # the last build's state refers to itself (through its Markdown extension)
        held.state.__dict__.clear()
    # What the last builds froze (see files) is collected again once it has grown by a twentieth:
    # frozen, every garbage cycle a rebuild left behind (MkDocs' Markdown instances, the theme's
    # templates) was never freed, and a serve session grew by about 26 MiB an edit at 1,000
    # articles. A full collection walks everything alive (the corpus, the caches), so it is not
    # run on every rebuild.
    if gc.get_freeze_count() > held.frozen * 1.05:
        gc.unfreeze()
        gc.collect()
        held.frozen = 0  # measured again when this build freezes
    held.renderer = None  # made with this build's extensions
    close_workers(held)  # if the last build failed while its workers were at work
    if held.caches is None:  # the first build since the engine was imported
        held.caches, held.sources = engine.Caches(), {}
    mode = os.environ.get("NEWSROOM_CACHE", "on")
    if mode not in ("on", "off", "verify"):
        raise PluginError(f"NEWSROOM_CACHE={mode!r}: use on (the default), off or verify")
    project = project_of(config)
    if mode != "off":
        try:
            held.caches.load(project / ".cache" / "newsroom")
        except (OSError, sqlite3.Error) as err:  # a read-only checkout, say: build without the cache
            log.info(f"build cache not used: {project / '.cache' / 'newsroom'}: {err}")
            mode = "off"
    if held.command == "serve" and held.serve_dir is None:
        held.serve_dir = config.site_dir
    state = held.state = engine.BuildState(held.caches, mode, engine=held.code)
    config_bytes = Path(config.config_file_path).read_bytes() if config.config_file_path else b""
    theme_dirs = [str(Path(d).resolve()) for d in config.theme.dirs]
    try:
        held.assets = bundle_assets(Path(config.docs_dir), config.extra_css, config.extra_javascript)
    except engine.DataError as err:
        raise PluginError(str(err)) from None
    config.extra_css, config.extra_javascript = held.assets.css, held.assets.javascript
    state.context = engine.build_context(
        held.code, project, config_bytes, config.site_url, renderer_versions(), theme_dirs, held.assets.names()
    )
    try:
        data = Path(config.docs_dir) / "_data"
        state.load_knowledge_base(data, os.path.join(shown(config), "_data"), config.extra.get("archive"))
    except engine.DataError as err:
        raise PluginError(str(err)) from None
    config.markdown_extensions.append(state.extension())
    config.extra["newsroom"] = state  # read by macros/ when a hand-written page opts in


def files(held: Held, files, config):
    state = held.state
    try:
        generated = state.load_articles(
            Path(config.docs_dir),
            shown(config),
            config.site_url or "/",
            config.site_name,
            workers=held.command != "serve",  # a fork and the server's threads do not mix
        )
    except engine.DataError as err:
        raise PluginError(str(err)) from None
    for line in state.report(only_annotated_now=held.dirty):
        log.info(line)
    for src_uri in [f.src_uri for f in files if engine.is_source(f.src_uri)]:
        files.remove(files.get_file_from_path(src_uri))
    patterns = repr(
        [
            [p.pattern for p in spec.patterns] if spec else None
            for spec in (config.get(k) for k in ("exclude_docs", "draft_docs", "not_in_nav"))
        ]
    )
    # The corpus and the caches live on: keep the cycle collector from walking them again and again
    # (seconds at 10,000 articles). Frozen objects are still freed when nothing refers to them; the
    # large cycles MkDocs leaves (each File and its Page) are broken in post_build.
    gc.freeze()
    if held.frozen == 0:
        held.frozen = gc.get_freeze_count()  # what is alive after a full collection (see config)
    exports = state.exports(config.site_url or "/", config.site_name, config.site_description or "")
    bundles = [(b.uri, b.content) for b in held.assets.bundles]
    # The exports: gone from the site when no longer made, and not written again by a dirty build
    # when the site folder holds them as the last good build wrote them (MkDocs writes every
    # generated file on every build: thousands of feeds and files at 10,000 articles). Most are
    # the very objects the last build wrote (kept by the engine's memos); the others are compared.
    state.exported = dict(exports + bundles)
    before = held.written.get(config.site_dir, {}) if held.dirty else {}
    for src_uri, content in generated + exports + bundles:
        file = File.generated(config, src_uri, content=content)
        if (patterns, src_uri) not in held.inclusions:  # MkDocs matches every file against the patterns
            set_exclusions([file], config)
            held.inclusions[patterns, src_uri] = file.inclusion
        file.inclusion = held.inclusions[patterns, src_uri]
        if src_uri in state.exported and same(before.get(src_uri), content):
            file.is_modified = lambda path=file.abs_dest_path: not os.path.isfile(path)
        files.append(file)
    return files


def same(before: object, content: str | bytes) -> bool:
    """Whether an export is what ``Held.written`` holds of the last good build (its content)."""
    return before is content or (type(before) is type(content) and before == content)


def nav_digest(items) -> str:
    """The navigation as every page shows it: titles, URLs and nesting. A page in the navigation
    with no title of its own takes its first heading: its source is part of the digest then."""

    def walk(nodes) -> list:
        out = []
        for item in nodes:
            children = walk(item.children) if getattr(item, "children", None) else []
            file = getattr(item, "file", None)
            source = b""
            if file is not None and item.title is None and not file.generated_by:
                source = file.content_bytes
            out.append((type(item).__name__, item.title, getattr(item, "url", None), source, children))
        return out

    return engine.digest(walk(items))


def nav(held: Held, nav, config, files) -> None:
    state = held.state
    held.files, held.nav = files, nav
    if state.build_date is not None:  # every page's date (the sitemap's lastmod): the build's, not the clock's
        day = state.build_date.strftime("%Y-%m-%d")
        for file in files.documentation_pages():
            if file.page is not None:
                file.page.update_date = day
    if config.site_dir not in held.sources:
        # Kept between builds in the build cache; not for `mkdocs serve` (its folder is new each time) nor verify.
        keep = state.caches is not None and state.caches.folder is not None
        keep = keep and config.site_dir != held.serve_dir and not state.verify
        name = "pages-" + hashlib.sha256(os.path.abspath(config.site_dir).encode()).hexdigest()[:12]
        held.sources[config.site_dir] = engine.Sources(state.caches.folder / "search" / name if keep else None)
    state.search_sources = held.sources[config.site_dir]
    state.search_sources.begin()
    # Until this build ends well, nothing is known to be in the site folder.
    written = held.written.pop(config.site_dir, None) if held.dirty else None
    dest = {file.src_uri: file.dest_uri for file in files.documentation_pages()}
    state.plan(engine.digest(state.context, nav_digest(nav.items)), dest, written)
    if held.dirty:
        for file in files.documentation_pages():
            # Untouched pages are skipped by MkDocs; every other page is rendered (hand-written
            # pages too: their macros read the knowledge base, which MkDocs' file times miss).
            skip = file.src_uri in state.skipped
            file.is_modified = lambda skip=skip: not skip
        for dest_uri in set(written or ()) - {file.dest_uri for file in files}:
            remove(Path(config.site_dir), dest_uri)
        tell_tags_plugin(state, config, files)
    start_content_workers(held, config, files)


def tell_tags_plugin(state, config, files) -> None:
    """Material's tags plugin lists the tags of the pages whose Markdown it reads; a dirty build
    does not read the pages it skips. Tell it the tags of the skipped pages that have some, as a
    clean build would, so the tags index stays whole."""
    plugin = config.plugins.get("material/tags")
    if plugin is None:
        return
    for file in files.documentation_pages():
        meta = state.skipped_meta(file.src_uri)
        if meta and meta.get("tags") and file.page is not None:
            file.page.meta = meta
            plugin.on_page_markdown("", page=file.page, config=config, files=files)


def remove(site_dir: Path, dest_uri: str) -> None:
    """Remove a page whose source is gone, and the folders it leaves empty."""
    path = site_dir / dest_uri
    path.unlink(missing_ok=True)
    for folder in path.parents:
        if folder == site_dir or any(folder.iterdir()):
            break
        folder.rmdir()


def post_page(held: Held, output: str, page) -> str:
    held.pages_written = True
    state = held.state
    src_uri, dest_uri = page.file.src_uri, page.file.dest_uri
    prepared = getattr(page, "newsroom_prepared", None)  # a worker's page (page_context)
    if prepared is None or prepared.html != output:  # (another plugin may have changed it)
        prepared = None
        output = state.final_page(src_uri, output)
    try:
        state.page_written(src_uri, dest_uri, output, frozenset(page.present_anchor_ids or ()), prepared)
    except engine.DataError as err:
        raise PluginError(str(err)) from None
    state.search_sources.page(dest_uri, output, prepared.part if prepared else ...)
    if src_uri in state.specs:  # written: MkDocs need not keep every page's HTML
        page.content = page.newsroom_html = page.newsroom_prepared = None
    return output


def post_build(held: Held, config) -> None:
    state, site_dir = held.state, Path(config.site_dir)
    state.write_report(site_dir)
    for problem in state.finish(site_dir):
        log.warning(problem)
    state.save()
    held.written[config.site_dir] = {**state.written(), **state.exported}
    background = config.site_dir == held.serve_dir
    try:
        held.indexer = state.index_search(site_dir, config.theme["language"] or "en", background, held.indexer, log)
    except Exception as err:  # Pagefind's own message: the binary missing, a page it cannot read
        raise PluginError(f"search index: {err}") from err
    close_workers(held)
    for file in held.files or ():  # so that reference counting frees them when the next build begins
        file.page = None
