"""Which files of the docs folder are the engine's sources: articles and their notes, and the
editors' temporary files beside them (ignored)."""

from __future__ import annotations

import os
import re

from .errors import DataError

SOURCE_SUFFIXES = (".txt", ".notes.yml")


def is_source(src_uri: str) -> bool:
    """Article sources are read by the engine, not published as files; nor are editors'
    temporary files beside them (see :func:`is_temporary`)."""
    if not src_uri.startswith("articles/"):
        return False
    return src_uri.endswith(SOURCE_SUFFIXES) or is_temporary(src_uri.rpartition("/")[2])


def is_temporary(name: str) -> bool:
    """An editor's temporary or backup file (``.x.txt.swp``, ``x.txt~``, ``#x.txt#``): ignored,
    as MkDocs ignores hidden files, so that saving under `mkdocs serve` never trips on one."""
    return name.startswith((".", "~$")) or name.endswith("~") or (name.startswith("#") and name.endswith("#"))


def _slug(stem: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", stem.lower())) or "article"


def check_article_files(names: list[str], folders: set[str], shown_dir: str) -> None:
    """Every entry of ``docs/articles/`` (``names``; ``folders``: those that are folders) is an
    article (``<slug>.txt``), a notes file (``<slug>.notes.yml``) or an editor's temporary file;
    anything else stops the build with what to do about it, rather than being skipped or
    published raw."""
    for name in names:
        if is_temporary(name) or (name.endswith(SOURCE_SUFFIXES) and name not in folders):
            continue
        shown = os.path.join(shown_dir, "articles", name)
        lower = name.lower()
        if name in folders:
            why = (
                "docs/articles/ holds articles and their notes, not folders: move it out (pictures go in docs/assets/)"
            )
        elif lower.endswith((".notes.yml", ".notes.yaml")):
            stem = _slug(name[: lower.rindex(".notes.")])
            why = f"a notes file's name ends in .notes.yml: rename it to {stem}.notes.yml"
        elif lower.endswith((".txt", ".text", ".md", ".markdown")):
            stem = _slug(name[: lower.rindex(".")])
            why = f"an article is a plain-text file whose name ends in .txt: rename it to {stem}.txt"
        elif lower.endswith((".yml", ".yaml")):
            why = "notes on an article go in <article>.notes.yml beside <article>.txt; rename it so"
        else:
            why = (
                "docs/articles/ holds only articles (.txt) and their notes (.notes.yml): "
                "move this file out (pictures go in docs/assets/)"
            )
        raise DataError(shown, None, "file name", why)
