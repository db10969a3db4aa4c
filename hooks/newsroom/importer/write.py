"""An extracted article as a file of ``docs/articles/``: its name, its text in the README's
format (checked by the loader the build uses), and what is already there: an article with the
same address or the same name is never overwritten unless the editor asks, and then the
difference is shown first."""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import yaml

from ..errors import DataError
from ..loader import parse_article
from .extract import TRACKING, Extracted

SLUG_WORDS = 8
SLUG_CHARS = 60


def slug_words(text: str) -> str:
    """``text`` as a lower-case slug of its first words (ASCII letters and digits)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", ascii_text.lower().replace("'", "").replace("\u2019", ""))
    slug = ""
    for word in words[:SLUG_WORDS]:
        if len(slug) + len(word) + 1 > SLUG_CHARS:
            break
        slug = f"{slug}-{word}" if slug else word
    return slug


def slug_for(article: Extracted) -> str:
    """``<published>-<words of the title>``; a title with no Latin letters takes the words of
    the address's last part instead."""
    words = slug_words(article.title or "")
    if not words and article.url:
        words = slug_words(urlsplit(article.url).path.rstrip("/").rsplit("/", 1)[-1].replace("-", " "))
    return f"{article.published}-{words or 'article'}"


def canonical(url: str | None) -> str | None:
    """An address as two copies of one article compare: lower-case host without ``www.``, no
    fragment, no tracking parameters, no trailing slash, http and https the same."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not TRACKING.fullmatch(k)])
    return urlunsplit(("https", host, parts.path.rstrip("/") or "/", query, ""))


def _front_matter(fields: dict, tags: list[str] | None) -> str:
    head = yaml.safe_dump(fields, allow_unicode=True, sort_keys=False, width=10**6, default_flow_style=False)
    if tags:
        head += "tags: " + yaml.safe_dump(tags, allow_unicode=True, width=10**6, default_flow_style=True).strip() + "\n"
    return head


def article_text(article: Extracted, tags: list[str] | None = None) -> str:
    """The file's text: the front matter (only the fields the page gave, and the editor's
    ``tags`` kept from an earlier version), then one paragraph a line."""
    published = dt.date.fromisoformat(article.published) if article.published else None
    fields: dict = {"title": article.title, "published": published, "publisher": article.publisher}
    for name in ("url", "byline", "summary"):
        if getattr(article, name):
            fields[name] = getattr(article, name)
    return "---\n" + _front_matter(fields, tags) + "---\n" + "".join(line + "\n" for line in article.paragraphs)


@dataclass(frozen=True)
class Existing:
    path: Path
    url: str | None
    tags: list[str]


def existing(articles: Path) -> dict[str, Existing]:
    """The archive's articles by slug, with their canonical addresses and tags (an article whose
    front matter does not read is listed by its name alone)."""
    found = {}
    for path in sorted(articles.glob("*.txt")):
        url, tags = None, []
        text = path.read_text("utf-8", errors="replace")
        match = re.match(r"---\n(.*?)\n---\n", text, re.S)
        if match:
            try:
                meta = yaml.safe_load(match[1]) or {}
            except yaml.YAMLError:
                meta = {}
            if isinstance(meta, dict):
                url = canonical(meta["url"]) if isinstance(meta.get("url"), str) else None
                tags = (
                    [t for t in meta.get("tags") or [] if isinstance(t, str)]
                    if isinstance(meta.get("tags"), list)
                    else []
                )
        found[path.name.removesuffix(".txt")] = Existing(path, url, tags)
    return found


@dataclass(frozen=True)
class Plan:
    """What importing one article would do: ``action`` is "write", "update", "same" or "skip"."""

    action: str
    path: Path
    text: str
    why: str = ""
    diff: str = ""


def plan(article: Extracted, articles: Path, known: dict[str, Existing], update: bool, shown: Path) -> Plan:
    """Where ``article`` goes and whether it may: a new file, or the article already there with
    the same address or name (skipped, or replaced with ``update``, the difference shown)."""
    key = canonical(article.url)
    same_url = next((e for e in known.values() if key and e.url == key), None)
    slug = same_url.path.name.removesuffix(".txt") if same_url else slug_for(article)
    there = same_url or known.get(slug)
    text = article_text(article, there.tags if there else None)
    path = articles / f"{slug}.txt"
    try:
        parse_article(text, str(shown / path.name), slug)  # what the build will read
    except DataError as err:
        raise ValueError(f"the article would not build: {err.why} ({err.field})") from None
    if there is None:
        return Plan("write", path, text)
    why = "the same address" if same_url else "the same name"
    old = there.path.read_text("utf-8", errors="replace")
    if old == text:
        return Plan("same", there.path, text, why)
    diff = "".join(
        difflib.unified_diff(
            old.splitlines(keepends=True), text.splitlines(keepends=True), str(shown / there.path.name), "imported"
        )
    )
    return Plan("update" if update else "skip", there.path, text, why, diff)
