"""MkDocs hook: event functions only; the work is done by the ``newsroom`` package beside it."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

# `mkdocs serve` re-runs this file on every rebuild but keeps imported modules: drop the
# engine's so that a saved change to it takes effect without restarting the server.
for _name in [n for n in sys.modules if n == "newsroom" or n.startswith("newsroom.")]:
    del sys.modules[_name]

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.structure.files import File, Files  # noqa: E402
from newsroom import site  # noqa: E402
from newsroom.errors import DataError  # noqa: E402

log = logging.getLogger("mkdocs.plugins.newsroom")
_state = site.BuildState()


def on_config(config):
    try:
        _state.load_knowledge_base(Path(config.docs_dir) / "_data")
    except DataError as err:
        raise PluginError(str(err)) from None
    config.markdown_extensions.append(_state.extension())
    config.extra["newsroom"] = _state  # read by macros/ when a hand-written page opts in
    return config


def on_files(files: Files, config) -> Files:
    try:
        generated = _state.load_articles(Path(config.docs_dir), os.path.relpath(config.docs_dir), config.site_url or "/")
    except DataError as err:
        raise PluginError(str(err)) from None
    for line in _state.report():
        log.info(line)
    site.set_build_date(_state)
    for src_uri in [f.src_uri for f in files if site.is_source(f.src_uri)]:
        files.remove(files.get_file_from_path(src_uri))
    for src_uri, content in generated + _state.exports(config.site_url or "/", config.site_name, config.site_description or ""):
        files.append(File.generated(config, src_uri, content=content))
    return files


def on_post_build(config):
    site.write_report(_state, Path(config.site_dir))
