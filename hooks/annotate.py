"""The MkDocs hook: one short function per event, each handing over to the MkDocs adapter
(``newsroom/adapters/mkdocs.py``, which says what of MkDocs it relies on). This module only
keeps what must outlive the engine between the rebuilds of ``mkdocs serve`` (:class:`Held`) and
imports the engine again when its code changes (MkDocs keeps hook modules, and what they import,
between rebuilds: without this a saved change to the engine would be ignored until a restart)."""

from __future__ import annotations

import hashlib
import importlib
import logging
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
_adapter = None  # newsroom.adapters.mkdocs, imported again when the engine's code changes
_held = None  # its Held: what lives between the builds of this process


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


def _fresh_adapter():
    for name in [n for n in sys.modules if n == "newsroom" or n.startswith("newsroom.")]:
        del sys.modules[name]
    sys.path.insert(0, HERE)
    try:
        return importlib.import_module("newsroom.adapters.mkdocs")
    finally:
        sys.path.remove(HERE)


def _adapter_now():
    """The adapter, imported again if the engine's code changed since it was imported."""
    global _adapter, _held
    code = _engine_digest()
    if _adapter is None or code != _held.code:
        _adapter = _fresh_adapter()
        kept = _held
        _held = _adapter.Held()
        if kept is None:
            logging.getLogger("mkdocs.commands.build").addFilter(_adapter.QuietDirtyWarning(lambda: _held))
        else:  # what the old engine's objects are not part of
            for name in ("written", "inclusions", "bytecode", "dirty", "startup_dirty", "command", "serve_dir"):
                setattr(_held, name, getattr(kept, name))
            _held.indexer = kept.indexer
        _held.code = code
    return _adapter


def wait_for_search_index(timeout: float | None = None) -> bool:
    """Under `mkdocs serve`: until the search index reflects the last build (for tests)."""
    return _held.indexer.wait(timeout) if _held is not None and _held.indexer is not None else True


def on_startup(command, dirty):
    _adapter_now()
    _held.startup_dirty = _held.dirty = dirty
    _held.command = command


def on_serve(server, config, builder):
    _adapter.install_serve_build(_held)
    return server


def on_config(config):
    adapter = _adapter_now()
    adapter.config(_held, config)
    return config


def on_files(files, config):
    return _adapter.files(_held, files, config)


def on_nav(nav, config, files):
    _adapter.nav(_held, nav, config, files)
    return nav


def on_env(env, config, files):
    _adapter.env(_held, env, config, files)
    return env


def on_page_context(context, page, config, nav):
    _adapter.page_context(_held, page)
    return context


def on_pre_page(page, config, files):
    _adapter.pre_page(_held, page)
    return page


def on_post_page(output, page, config):
    return _adapter.post_page(_held, output, page)


def on_post_build(config):
    _adapter.post_build(_held, config)
