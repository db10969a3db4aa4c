"""The Zensical adapter: the engine's pipeline around Zensical, which runs no hooks or plugins.

Zensical (checked against 0.0.73, the newest this project's registry serves whole) reads
``mkdocs.yml``, renders the theme's ``custom_dir`` overrides with MiniJinja, runs the
Python-Markdown extensions the configuration names, and runs ``macros/`` as mkdocs-macros does.
It does not run ``hooks/annotate.py``. So this adapter does, around one ``zensical build``, what
the MkDocs adapter does inside MkDocs' events (:func:`build`):

1. **Stage** (before): the knowledge base and the articles are read and annotated; a staged
   project is written in ``.cache/zensical/``: the hand-written pages and assets as they are,
   each generated page as its Markdown (front matter and the placeholder that names its spec),
   and a configuration without ``hooks:`` that adds this module as a Markdown extension. Each
   generated page's Markdown carries its key (the digest of everything it is made from,
   ``BuildState.plan``), so Zensical's own differential build renders again exactly the pages
   whose inputs changed, and no other; a staged file is rewritten only when its bytes change.
2. **Render** (Zensical's process): Python-Markdown calls :func:`makeExtension` for each page;
   the first call reads the sources once (:func:`build_state`, from the build cache) and hands
   over the engine's extension, which puts each generated page's tree in place of its
   placeholder. ``macros/`` reads the same state through :func:`build_state`.
3. **Finish** (after): each page's JSON-LD is moved into its head, every link of every page is
   checked, the exports and the notes' preview images are written, then the editor report and
   the Pagefind index, exactly as the MkDocs adapter does.

What Zensical cannot carry today: a regeneration inside ``zensical serve`` (it calls back into
no code of ours when a source changes) -- :func:`watch` is the workaround: it builds again
whenever a source changes and serves the site folder; and Material's tags index of the articles
(Zensical writes its own). The README's table says so.

What it relies on of Zensical 0.0.73 (its command line only; it imports nothing of Zensical),
each checked by ``tests/build/test_zensical.py``:

- ``zensical build -f <mkdocs.yml>`` reads MkDocs' configuration, loads a Markdown extension
  named by its module (this one, found through ``PYTHONPATH``) and calls ``makeExtension`` for
  each page, in one Python process; ``site_dir`` must be inside the configuration's folder;
- it renders a page again only when its Markdown (front matter included) or the configuration
  changes: hence each page's key in its front matter;
- it rewrites every relative ``href``/``src`` in a page's HTML as if it were relative to the page's
  source file (``timeline/2023-07.md``), not to its URL: the engine writes links that way
  (``newsroom.html.links_relative_to("source")``); SVG ``xlink:href`` and ``data-`` attributes
  are left alone, and are written relative to the URL;
- it drops ``<script>`` elements from page content (the JSON-LD is put back: see
  :func:`_with_structured_data`) and Material's ``data-search-exclude`` attributes (the engine
  marks its own sections ``data-na-search-exclude``);
- its theme's ``base.html`` links "Skip to content" to ``#__skip``, which ``overrides/main.html``
  writes when ``extra.newsroom_generator`` is ``zensical``; its ``classic`` variant is Material
  9's look, without Material's search-dialog styles (``material-search.css`` adds them).

Run as ``python hooks/newsroom zensical build|watch`` (``newsroom/__main__.py``).
"""

from __future__ import annotations

import functools
import hashlib
import http.server
import logging
import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

import yaml
from markdown.serializers import to_html_string

from .. import site as engine
from ..assets import Assets
from ..assets import bundle as bundle_assets
from ..html import links_relative_to
from ..incremental import files_digest, tree_files
from ..model import Organisation, Person
from ..pages.entities import organisation_jsonld, person_jsonld

CHECKED = "0.0.73"
MODULE = "newsroom.adapters.zensical"  # how the staged configuration names this extension
SEARCH_CSS = "assets/newsroom-search-dialog.css"
log = logging.getLogger("newsroom.zensical")
_STATE: engine.BuildState | None = None
_LOCK = threading.Lock()


class _EnvLoader(yaml.SafeLoader):
    """YAML as MkDocs reads it: ``!ENV [NAME, default]`` is the environment's NAME or the default."""


def _env(loader: _EnvLoader, node: yaml.Node):
    names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
    *keys, default = names if len(names) > 1 else (*names, None)
    return next((os.environ[k] for k in keys if k in os.environ), default)


_EnvLoader.add_constructor("!ENV", _env)


def read_config(path: Path) -> dict:
    with path.open(encoding="utf-8") as stream:
        return yaml.load(stream, Loader=_EnvLoader)  # noqa: S506 - a SafeLoader with one more tag


def dest_of(src_uri: str) -> str:
    """Where a page is written (directory URLs, as MkDocs and Zensical write them)."""
    stem = src_uri[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return f"{stem}.html"
    return f"{stem}/index.html"


def _project_state(project: Path, config: dict, save_cache: bool) -> engine.BuildState:
    """The knowledge base and the annotated articles of ``project``, read with its build cache."""
    caches = engine.Caches()
    mode = os.environ.get("NEWSROOM_CACHE", "on")
    if mode != "off":
        try:
            caches.load(project / ".cache" / "newsroom")
        except Exception as err:  # noqa: BLE001 - a read-only checkout: build without the cache
            log.info(f"build cache not used: {err}")
            mode = "off"
    code = files_digest(tree_files(Path(__file__).parents[1], (".py",)), Path(__file__).parents[1])
    state = engine.BuildState(caches, mode if save_cache else "on", engine=code)
    docs = project / config.get("docs_dir", "docs")
    shown = os.path.relpath(docs, project)
    state.context = engine.build_context(
        code,
        project,
        (project / "mkdocs.yml").read_bytes(),
        config.get("site_url") or "",
        [f"zensical {CHECKED}"],
        [],
        _assets(project, config).names(),
    )
    state.load_knowledge_base(docs / "_data", os.path.join(shown, "_data"), config.get("extra", {}).get("archive"))
    state.generated = state.load_articles(
        docs, shown, config.get("site_url") or "/", config.get("site_name") or "The archive"
    )
    return state


def _assets(project: Path, config: dict) -> Assets:
    """The project's CSS and JavaScript bundles (``newsroom.assets``), as under MkDocs."""
    docs = project / config.get("docs_dir", "docs")
    return bundle_assets(docs, config.get("extra_css") or [], config.get("extra_javascript") or [])


def build_state() -> engine.BuildState:
    """The state of the build Zensical is rendering (made on the first call, in Zensical's process)."""
    global _STATE
    with _LOCK:
        if _STATE is None:
            links_relative_to("source")  # how Zensical reads the links in a page's HTML
            project = Path(os.environ["NEWSROOM_PROJECT"])
            _STATE = _project_state(project, read_config(project / "mkdocs.yml"), save_cache=False)
        return _STATE


def makeExtension(**kwargs):  # noqa: N802 - Python-Markdown's name
    """Python-Markdown's entry point, called by Zensical for each page it renders."""
    return build_state().extension()


def _write(path: Path, data: bytes) -> bool:
    """Write ``data`` unless the file already holds it (Zensical then sees no change)."""
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def _with_key(markdown: str, key: str) -> str:
    """A page's Markdown with its key in its front matter (see the module's docstring)."""
    return markdown.replace("---\n", f"---\nnewsroom_key: {key}\n", 1)


def stage(project: Path, config: dict, state: engine.BuildState, work: Path) -> Path:
    """Write the staged project in ``work``; return its configuration file."""
    docs = project / config.get("docs_dir", "docs")
    staged = work / "docs"
    generated = dict(state.generated)
    hand_written = {}
    for path in tree_files(docs):
        src_uri = path.relative_to(docs).as_posix()
        if src_uri.startswith("_data/") or engine.is_source(src_uri) or src_uri in generated:
            continue
        hand_written[src_uri] = path.read_bytes()
    pages = [uri for uri in (*generated, *hand_written) if uri.endswith(".md")]
    state.plan(engine.digest(state.context, _nav_digest(config)), {uri: dest_of(uri) for uri in pages})
    wanted: dict[str, bytes] = {}
    for src_uri, markdown in generated.items():
        wanted[src_uri] = _with_key(markdown, state.keys[src_uri]).encode("utf-8")
    for src_uri, data in hand_written.items():
        if src_uri.endswith(".md") and re.match(rb"---\r?\n(.*\r?\n)*?render_macros: *true", data):
            # its macros read the knowledge base and the corpus: Zensical renders it again when they change
            data = _with_key(data.decode("utf-8"), state.current().digest).encode("utf-8")
        wanted[src_uri] = data
    # Material's styles of the search dialog, which Zensical's theme does not have (see the file)
    wanted[SEARCH_CSS] = (Path(__file__).parent / "material-search.css").read_bytes()
    assets = _assets(project, config)
    wanted.update((b.uri, b.content) for b in assets.bundles)
    for src_uri, data in wanted.items():
        _write(staged / src_uri, data)
    for path in tree_files(staged) if staged.is_dir() else []:
        if path.relative_to(staged).as_posix() not in wanted:
            path.unlink()
    for name in ("macros",):  # what the configuration names relative to itself
        if (project / name).is_dir() and not (work / name).exists():
            (work / name).symlink_to(project / name, target_is_directory=True)
    out = {k: v for k, v in config.items() if k not in ("hooks", "watch")}
    out["docs_dir"] = "docs"
    out["site_dir"] = "site"  # Zensical writes only inside the folder of its configuration
    theme = dict(out.get("theme", {}))
    if theme.get("custom_dir"):
        theme["custom_dir"] = str(project / theme["custom_dir"])
    # Zensical's "classic" look is Material 9's, which the overrides are written for (its default,
    # "modern", lays out the header and search otherwise).
    theme.setdefault("variant", "classic")
    out["theme"] = theme
    out["markdown_extensions"] = [*out.get("markdown_extensions", []), MODULE]
    out["extra"] = {**out.get("extra", {}), "newsroom_generator": "zensical"}  # read by overrides/main.html
    out["extra_css"] = [SEARCH_CSS, *assets.css]
    out["extra_javascript"] = assets.javascript
    path = work / "mkdocs.yml"
    _write(path, yaml.safe_dump(out, sort_keys=False, allow_unicode=True).encode("utf-8"))
    return path


def _nav_digest(config: dict) -> str:
    return engine.digest(config.get("nav"), config.get("not_in_nav"), config.get("theme"))


def _with_structured_data(state: engine.BuildState, src_uri: str, output: str) -> str:
    """A person's or an organisation's page with its JSON-LD, which Zensical takes out of the
    content it writes (it drops the ``<script>`` the page's tree has): put back where the tree had
    it, at the end of the content, for :func:`engine.structured_data_in_head` to move as under
    MkDocs."""
    spec = state.specs.get(src_uri)
    entity = state.kb.entities.get(getattr(spec, "entity_id", "")) if spec is not None else None
    if not isinstance(entity, (Person, Organisation)) or "application/ld+json" in output:
        return output
    make = person_jsonld if isinstance(entity, Person) else organisation_jsonld
    script = to_html_string(make(state.current(), entity))
    end = output.rindex("</article>")
    return output[:end] + script + output[end:]


def finish(state: engine.BuildState, config: dict, site_dir: Path) -> list[str]:
    """After Zensical: JSON-LD into each head, the link check, the exports, the report, the index.
    Returns the broken links."""
    site_url = config.get("site_url") or "/"
    state.search_sources = engine.Sources()
    state.search_sources.begin()
    pages = {dest_of(uri): uri for uri in state.dest}
    for dest_uri, src_uri in sorted(pages.items()):
        path = site_dir / dest_uri
        if not path.is_file():
            raise engine.DataError(src_uri, None, "zensical", f"Zensical wrote no {dest_uri}")
        output = path.read_text(encoding="utf-8")
        final = state.final_page(src_uri, _with_structured_data(state, src_uri, output))
        if final != output:
            path.write_text(final, encoding="utf-8")
        state.page_written(src_uri, dest_uri, final)
        state.search_sources.page(dest_uri, final)
    exports = state.exports(site_url, config.get("site_name", ""), config.get("site_description") or "")
    for uri, content in exports:
        _write(site_dir / uri, content if isinstance(content, bytes) else content.encode("utf-8"))
    problems = state.finish(site_dir)
    state.write_report(site_dir)
    state.save()
    language = (config.get("theme") or {}).get("language") or "en"
    state.index_search(site_dir, language, background=False, log=log)
    return problems


def build(project: Path, site_dir: Path | None = None, strict: bool = False, python: str | None = None) -> int:
    """Stage, run ``zensical build``, finish. Returns the exit status (non-zero: a message was printed)."""
    started = time.perf_counter()
    config = read_config(project / "mkdocs.yml")
    site_dir = (site_dir or project / "site-zensical").resolve()
    work = project / ".cache" / "zensical"
    try:
        state = _project_state(project, config, save_cache=True)
        staged = stage(project, config, state, work)
    except engine.DataError as err:
        print(f"Error: {err}", file=sys.stderr)
        return 1
    for line in state.report():
        log.info(line)
    path = os.pathsep.join([str(project / "hooks"), str(project)])  # the engine, and macros/
    env = os.environ | {"NEWSROOM_PROJECT": str(project), "PYTHONPATH": path}
    command = [python or sys.executable, "-m", "zensical", "build", "-f", str(staged)]
    command += ["--strict"] if strict else []
    done = subprocess.run(command, cwd=work, env=env, check=False)
    if done.returncode != 0:
        print(f"Error: zensical build stopped with status {done.returncode}", file=sys.stderr)
        return done.returncode
    try:
        problems = finish(state, config, work / "site")
    except (engine.DataError, ValueError, RuntimeError) as err:
        print(f"Error: {err}", file=sys.stderr)
        return 1
    publish(work / "site", site_dir)
    for problem in problems:
        print(f"WARNING: {problem}", file=sys.stderr)
    log.info(f"built {site_dir} with Zensical in {time.perf_counter() - started:.1f} s")
    return 1 if problems and strict else 0


def publish(built: Path, site_dir: Path) -> None:
    """Make ``site_dir`` the site Zensical built: files whose bytes changed are replaced (each by
    a rename), files no longer built are removed."""
    made = {p.relative_to(built).as_posix(): p for p in tree_files(built)}
    for uri, path in made.items():
        target = site_dir / uri
        data = path.read_bytes()
        if not target.is_file() or target.read_bytes() != data:
            target.parent.mkdir(parents=True, exist_ok=True)
            fresh = target.with_name(f".{target.name}.new")
            fresh.write_bytes(data)
            os.replace(fresh, target)
    if site_dir.is_dir():
        for path in sorted(site_dir.rglob("*"), reverse=True):
            uri = path.relative_to(site_dir).as_posix()
            if path.is_file() and uri not in made:
                path.unlink()
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()


def _sources_digest(project: Path) -> str:
    """Every file a build reads but the theme's own: the docs, the configuration, overrides, macros."""
    hasher = hashlib.sha256()
    for folder in ("docs", "overrides", "macros", "hooks"):
        for path in tree_files(project / folder):
            if "__pycache__" not in path.parts:
                stat = path.stat()
                hasher.update(f"{path}\0{stat.st_mtime_ns}\0{stat.st_size}\0".encode())
    hasher.update(str((project / "mkdocs.yml").stat().st_mtime_ns).encode())
    return hasher.hexdigest()


def watch(project: Path, site_dir: Path | None = None, port: int = 8000, interval: float = 0.5) -> None:
    """Zensical's ``serve`` cannot run the engine when a source changes: build, serve the site
    folder on ``port``, and build again whenever a source changes (a failed build says why)."""
    site_dir = (site_dir or project / "site-zensical").resolve()
    build(project, site_dir)
    site_dir.mkdir(parents=True, exist_ok=True)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"Serving {site_dir} on http://127.0.0.1:{port}/ (built again when a source changes; Ctrl+C stops)")
    seen = _sources_digest(project)
    try:
        while True:
            time.sleep(interval)
            now = _sources_digest(project)
            if now != seen:
                seen = now
                if build(project, site_dir) != 0:
                    print("fix the file named above and save it again")
    except KeyboardInterrupt:
        server.shutdown()
