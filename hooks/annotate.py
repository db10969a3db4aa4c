"""MkDocs hook: event functions only; the work is done by the ``newsroom`` package beside it."""

from __future__ import annotations

import importlib
import logging
import os
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

HERE = os.path.dirname(os.path.abspath(__file__))
log = logging.getLogger("mkdocs.plugins.newsroom")
_engine = None  # newsroom.site, imported afresh by every build
_state = None  # the build in progress


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
    global _engine, _state
    _engine = _fresh_engine()
    _state = _engine.BuildState()
    try:
        _state.load_knowledge_base(Path(config.docs_dir) / "_data")
    except _engine.DataError as err:
        raise PluginError(str(err)) from None
    config.markdown_extensions.append(_state.extension())
    config.extra["newsroom"] = _state  # read by macros/ when a hand-written page opts in
    return config


def on_files(files: Files, config) -> Files:
    try:
        generated = _state.load_articles(Path(config.docs_dir), os.path.relpath(config.docs_dir), config.site_url or "/")
    except _engine.DataError as err:
        raise PluginError(str(err)) from None
    for line in _state.report():
        log.info(line)
    _engine.set_build_date(_state)
    for src_uri in [f.src_uri for f in files if _engine.is_source(f.src_uri)]:
        files.remove(files.get_file_from_path(src_uri))
    for src_uri, content in generated + _state.exports(config.site_url or "/", config.site_name, config.site_description or ""):
        files.append(File.generated(config, src_uri, content=content))
    return files


def on_post_build(config):
    _engine.write_report(_state, Path(config.site_dir))
