"""What a generator is given of the generated pages: each page's Markdown (front matter and
the placeholder that names its spec), the build's date, and the build context every page's key
starts from."""

from __future__ import annotations

import datetime as dt
import html
import json
import os
from pathlib import Path

from .corpus import Corpus
from .incremental import digest, files_digest, tree_files
from .mdext import placeholder
from .pages import ArticlePage, EntityPage, NotePage, PageSpec
from .urls import card_uri


def page_markdown(spec: PageSpec, search: dict | None = None, tags: tuple[str, ...] = ()) -> str:
    # Material writes the title and description into the page unescaped: escape them here.
    meta = {"title": html.escape(spec.title, quote=False), "description": html.escape(spec.description)}
    if search:
        meta["search"] = search  # read by overrides/main.html: see newsroom.search
    if tags:
        meta["tags"] = list(tags)  # Material's tags plugin: shown on the page, listed on tags/
    if isinstance(spec, NotePage):
        meta["image"] = card_uri(spec.slug, spec.note_id)  # og:image, in overrides/main.html
    if isinstance(spec, EntityPage):
        meta["feed"] = (
            f"feeds/{spec.src_uri.removesuffix('.md')}.xml"  # urls.feed_uri; <link rel=alternate> in main.html
        )
    if isinstance(spec, (ArticlePage, NotePage)):
        meta["hide"] = ["toc"]
    front = "\n".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in meta.items())
    return f"---\n{front}\n---\n\n{placeholder(spec)}"


def build_date(corpus: Corpus) -> dt.datetime | None:
    """Reproducible builds: the caller's ``SOURCE_DATE_EPOCH`` if set, else the newest article's
    day (none without articles: MkDocs then dates its pages by the clock)."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return dt.datetime.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]), tz=dt.UTC)
    if not corpus.articles:
        return None
    return dt.datetime.combine(corpus.latest, dt.time(), tzinfo=dt.UTC)


def build_context(
    engine: str, project: Path, config_bytes: bytes, site_url: str, versions, theme_dirs, assets=()
) -> str:
    """What every generated page depends on besides its inputs: the engine's code, the theme's
    overrides (``project/overrides``), the configuration file's bytes, the site URL, the versions
    of what renders the pages, the theme's folders (the adapter names them) and the names of the
    CSS and JavaScript bundles every page links to (``newsroom.assets``: a digest of their bytes)."""
    overrides = project / "overrides"
    return digest(
        engine,
        files_digest(tree_files(overrides), overrides),
        config_bytes,
        site_url,
        list(versions),
        list(theme_dirs),
        list(assets),
    )
