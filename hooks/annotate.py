"""MkDocs hook: event functions only; the work is done by the ``newsroom`` package beside it.

Incremental builds (see ``newsroom/incremental.py``): a generated page whose key is in the cache
is not rendered again. In a clean build MkDocs still creates its Page, but ``render`` takes the
stored anchors and the template is one that writes the stored HTML. Under ``mkdocs serve``
every rebuild after the first is a dirty one (the site
folder is kept): a page whose file there already has its key is not touched at all, and the
pages of deleted sources are removed.

Search (``newsroom/search.py``): after every page is written, Pagefind indexes the site into
``pagefind/``; ``mkdocs build`` waits for it, ``mkdocs serve`` rebuilds it in the background.
"""

from __future__ import annotations

import gc
import hashlib
import importlib
import logging
import os
import sqlite3
import sys
from pathlib import Path

import jinja2
import jinja2.bccache
from mkdocs.exceptions import Abort, PluginError
from mkdocs.structure.files import File, Files, set_exclusions
from mkdocs.structure.toc import get_toc

HERE = os.path.dirname(os.path.abspath(__file__))
CACHED_TEMPLATE = "newsroom-cached.html"  # in overrides/: writes a cached page's HTML as it is
log = logging.getLogger("mkdocs.plugins.newsroom")
_engine = None  # the newsroom package, imported again when its code changes
_engine_code = ""  # digest of the engine's code at that import
_caches = None  # what the engine remembers between the rebuilds of `mkdocs serve`
_state = None  # the build in progress
_written: dict[
    str, dict[str, str]
] = {}  # site folder -> {dest_uri: key} of the generated pages in it ("" for other generated files)
_dirty = False  # this build keeps the site folder (mkdocs serve's rebuilds, or --dirty)
_startup_dirty = False
_command = None  # "build", "serve" or "gh-deploy" when MkDocs' command line runs the build
_indexer = None  # under `mkdocs serve`: the search index, rebuilt in the background
_sources: dict = {}  # site folder -> what Pagefind indexes of its pages (newsroom.search.Sources)
_serve_dir = None  # the site folder `mkdocs serve` builds into (its first build says which)
_pages_written = False  # whether the rebuild in progress has written a page yet


class _MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates kept in memory between rebuilds; Jinja checks each against its source."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


_bytecode = _MemoryBytecodeCache()
_inclusions: dict = {}  # (the configuration's patterns, src_uri) -> what MkDocs' set_exclusions makes of it


class _QuietDirtyWarning(logging.Filter):
    """MkDocs warns that a dirty build may leave stale links; ours re-renders every page whose
    inputs changed, so under `mkdocs serve` the warning would only mislead."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (
            _dirty and not _startup_dirty and record.getMessage().startswith("A 'dirty' build is being performed")
        )


logging.getLogger("mkdocs.commands.build").addFilter(_QuietDirtyWarning())


def on_startup(command, dirty):
    global _startup_dirty, _dirty, _command
    _startup_dirty = _dirty = dirty
    _command = command


def wait_for_search_index(timeout: float | None = None) -> bool:
    """Under `mkdocs serve`: until the search index reflects the last build (for tests)."""
    return _indexer.wait(timeout) if _indexer is not None else True


def on_serve(server, config, builder):
    """Every rebuild after the first keeps the site folder: see the module's docstring."""
    import mkdocs.commands.serve as serve

    build = serve.build
    if not getattr(build, "newsroom_dirty", False):

        def dirty_build(config, *, serve_url=None, dirty=False):
            global _dirty, _pages_written
            if serve_url is None:  # `mkdocs serve --clean` asked for clean rebuilds
                return build(config, serve_url=serve_url, dirty=dirty)
            _dirty, _pages_written = True, False
            try:
                return build(config, serve_url=serve_url, dirty=True)
            except Abort:
                if _pages_written:  # the site folder is no longer the last good site: MkDocs' own way
                    raise
                # Nothing was written: the site folder is the last good site. Keep serving it
                # (MkDocs would hold every request until a good build) and say so.
                log.error("the site shown is the last good one; fix the file named above and save it again")
                return None
            finally:
                _dirty = _startup_dirty

        dirty_build.newsroom_dirty = True
        serve.build = dirty_build
    return server


def _engine_digest() -> str:
    hasher = hashlib.sha256()
    for folder, dirs, names in sorted(os.walk(HERE)):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(n for n in names if n.endswith(".py")):
            path = os.path.join(folder, name)
            hasher.update(os.path.relpath(path, HERE).encode() + b"\0")
            with open(path, "rb") as stream:
                hasher.update(stream.read() + b"\0")
    return hasher.hexdigest()


def _fresh_engine():
    """Import the engine again. MkDocs keeps hook modules (and what they import) between the
    rebuilds of `mkdocs serve`, so without this a saved change to the engine would be ignored."""
    for name in [n for n in sys.modules if n == "newsroom" or n.startswith("newsroom.")]:
        del sys.modules[name]
    sys.path.insert(0, HERE)
    try:
        return importlib.import_module("newsroom.site")
    finally:
        sys.path.remove(HERE)


def on_config(config):
    global _engine, _engine_code, _caches, _state, _serve_dir
    if _state is not None:  # the last build's state refers to itself (through its Markdown extension)
        _state.__dict__.clear()
    code = _engine_digest()
    if _engine is None or code != _engine_code:  # objects the old engine made are not reused
        _engine, _engine_code = _fresh_engine(), code
        _caches = _engine.Caches()
        _sources.clear()
    mode = os.environ.get("NEWSROOM_CACHE", "on")
    if mode not in ("on", "off", "verify"):
        raise PluginError(f"NEWSROOM_CACHE={mode!r}: use on (the default), off or verify")
    project = Path(config.config_file_path or "mkdocs.yml").resolve().parent
    if mode != "off":
        try:
            _caches.load(project / ".cache" / "newsroom")
        except (OSError, sqlite3.Error) as err:  # a read-only checkout, say: build without the cache
            log.info(f"build cache not used: {project / '.cache' / 'newsroom'}: {err}")
            mode = "off"
    if _command == "serve" and _serve_dir is None:
        _serve_dir = config.site_dir
    _state = _engine.BuildState(_caches, mode, engine=code)
    _state.context = _engine.build_context(code, project, config)
    try:
        _state.load_knowledge_base(
            Path(config.docs_dir) / "_data", os.path.join(_shown(config), "_data"), config.extra.get("archive")
        )
    except _engine.DataError as err:
        raise PluginError(str(err)) from None
    config.markdown_extensions.append(_state.extension())
    config.extra["newsroom"] = _state  # read by macros/ when a hand-written page opts in
    return config


def _shown(config) -> str:
    """The docs folder as errors name it: relative to the project (``docs``)."""
    project = Path(config.config_file_path or "mkdocs.yml").resolve().parent
    return os.path.relpath(Path(config.docs_dir).resolve(), project)


def on_files(files: Files, config) -> Files:
    try:
        generated = _state.load_articles(Path(config.docs_dir), _shown(config), config.site_url or "/")
    except _engine.DataError as err:
        raise PluginError(str(err)) from None
    for line in _state.report(only_annotated_now=_dirty):
        log.info(line)
    for src_uri in [f.src_uri for f in files if _engine.is_source(f.src_uri)]:
        files.remove(files.get_file_from_path(src_uri))
    patterns = repr(
        [
            [p.pattern for p in spec.patterns] if spec else None
            for spec in (config.get(k) for k in ("exclude_docs", "draft_docs", "not_in_nav"))
        ]
    )
    # The corpus and the caches live on: keep the cycle collector from walking them again and again
    # (seconds at 10,000 articles). Frozen objects are still freed when nothing refers to them; the
    # large cycles MkDocs leaves (each File and its Page) are broken in on_post_build.
    gc.freeze()
    exports = _state.exports(config.site_url or "/", config.site_name, config.site_description or "")
    _state.exported = [
        src_uri for src_uri, _ in exports
    ]  # their files, gone from the site when they are no longer made
    for src_uri, content in generated + exports:
        file = File.generated(config, src_uri, content=content)
        if (patterns, src_uri) not in _inclusions:  # MkDocs matches every file against the patterns on every build
            set_exclusions([file], config)
            _inclusions[patterns, src_uri] = file.inclusion
        file.inclusion = _inclusions[patterns, src_uri]
        files.append(file)
    return files


def on_nav(nav, config, files):
    _state.files = files
    if _state.build_date is not None:  # every page's date (the sitemap's lastmod): the build's, not the clock's
        day = _state.build_date.strftime("%Y-%m-%d")
        for file in files.documentation_pages():
            if file.page is not None:
                file.page.update_date = day
    if config.site_dir not in _sources:
        # Kept between builds in the build cache; not for `mkdocs serve` (its folder is new each time) nor verify.
        keep = (
            _state.caches is not None
            and _state.caches.folder is not None
            and config.site_dir != _serve_dir
            and not _state.verify
        )
        name = "pages-" + hashlib.sha256(os.path.abspath(config.site_dir).encode()).hexdigest()[:12]
        _sources[config.site_dir] = _engine.Sources(_state.caches.folder / "search" / name if keep else None)
    _state.search_sources = _sources[config.site_dir]
    _state.search_sources.begin()
    # Until this build ends well, nothing is known to be in the site folder.
    written = _written.pop(config.site_dir, None) if _dirty else None
    _state.plan(_engine.digest(_state.context, _engine.nav_digest(nav.items)), files, written)
    if _dirty:
        for file in files.documentation_pages():
            # Untouched pages are skipped by MkDocs; every other page is rendered (hand-written
            # pages too: their macros read the knowledge base, which MkDocs' file times miss).
            skip = file.src_uri in _state.skipped
            file.is_modified = lambda skip=skip: not skip
        for dest_uri in set(written or ()) - {file.dest_uri for file in files}:
            _remove(Path(config.site_dir), dest_uri)
        _tell_tags_plugin(config, files)
    return nav


def _tell_tags_plugin(config, files) -> None:
    """Material's tags plugin lists the tags of the pages whose Markdown it reads; a dirty build
    does not read the pages it skips. Tell it the tags of the skipped pages that have some, as a
    clean build would, so the tags index stays whole."""
    plugin = config.plugins.get("material/tags")
    if plugin is None:
        return
    for file in files.documentation_pages():
        meta = _state.skipped_meta(file.src_uri)
        if meta and meta.get("tags") and file.page is not None:
            file.page.meta = meta
            plugin.on_page_markdown("", page=file.page, config=config, files=files)


def _remove(site_dir: Path, dest_uri: str) -> None:
    """Remove a page whose source is gone, and the folders it leaves empty."""
    path = site_dir / dest_uri
    path.unlink(missing_ok=True)
    for folder in path.parents:
        if folder == site_dir or any(folder.iterdir()):
            break
        folder.rmdir()


def on_env(env, config, files):
    """Templates compiled once, not on every rebuild of `mkdocs serve` (Jinja checks the source);
    and the engine's one way of writing a record's date for the search index, for main.html."""
    env.bytecode_cache = _bytecode
    env.filters["date_word"] = _engine.date_word
    return env


def on_pre_page(page, config, files):
    entry = _state.hits.get(page.file.src_uri)
    if entry is not None and not _state.verify:
        page.render = lambda config, files: _render_from_cache(page, entry)
    return page


def _render_from_cache(page, entry) -> None:
    """What ``Page.render`` leaves on a page, from the cache: MkDocs checks links to its anchors."""
    page.content = ""
    page.toc = get_toc([])
    page.present_anchor_ids = set(entry.anchors)
    page.links_to_anchors = {}
    page.meta["template"] = CACHED_TEMPLATE
    page.newsroom_html = _caches.read_html(entry.key)


def on_post_page(output: str, page, config) -> str:
    global _pages_written
    _pages_written = True
    output = _engine.structured_data_in_head(output)
    try:
        _state.page_written(page, output)
    except _engine.DataError as err:
        raise PluginError(str(err)) from None
    _state.search_sources.page(page.file.dest_uri, output)
    if page.file.src_uri in _state.specs:
        page.content = page.newsroom_html = None  # written: MkDocs need not keep every page's HTML
    return output


def on_post_build(config):
    _engine.write_report(_state, Path(config.site_dir))
    for problem in _state.finish(Path(config.site_dir)):
        log.warning(problem)
    _state.save()
    _written[config.site_dir] = {**_state.written(), **dict.fromkeys(_state.exported, "")}
    _index_search(Path(config.site_dir), config.theme["language"] or "en", background=config.site_dir == _serve_dir)
    for file in _state.files or ():  # so that reference counting frees them when the next build begins
        file.page = None


def _index_search(site_dir: Path, language: str, background: bool) -> None:
    """Pagefind's index of the pages (newsroom/search.py): kept when no page changed, else
    written again; under `mkdocs serve`, on a thread of its own after the page reloads."""
    global _indexer
    records = _state.search_records(language)
    sources = _state.search_sources
    sources.complete({_state.dest[src_uri] for src_uri in _state.skipped}, site_dir)
    store = _state.caches.folder / "search" if _state.caches and _state.caches.folder else None
    if background:
        if _indexer is None or not isinstance(_indexer, _engine.BackgroundIndex):  # the engine was re-imported
            if _indexer is not None:
                _indexer.wait()
            _indexer = _engine.BackgroundIndex()
        _indexer.request(site_dir, sources, records, language, store)
        return
    try:
        log.info(
            _engine.update_index(
                site_dir,
                sources.folder,
                sources.fingerprints(records, language),
                records,
                language,
                store,
                _state.verify,
            )
        )
    except Exception as err:  # Pagefind's own message: the binary missing, a page it cannot read
        raise PluginError(f"search index: {err}") from err
