"""What an import reads: each SOURCE as pages (bytes and the address they came from), and the
page's bytes as text. A source that cannot be read raises ``SourceError`` with one line."""

from __future__ import annotations

import codecs
import re
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

USER_AGENT = "newsroom-import/1 (an annotated news archive)"
PAGE_SUFFIXES = (".html", ".htm", ".xhtml")
# What the HTML standard reads these labels as: pages that say ISO-8859-1 are windows-1252.
ENCODING_ALIASES = {
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.I)
_HTML = re.compile(r"<(?:!doctype\s+html|html|head|body|article|main|p|div)\b", re.I)


class SourceError(Exception):
    """A source that gives no article. ``str()`` is one line: the source, then why."""

    def __init__(self, source: str, why: str) -> None:
        self.source, self.why = source, why
        super().__init__(f"{source}: {why}")


@dataclass(frozen=True)
class Page:
    source: str  # what the editor gave (a path or an address), for messages
    data: bytes
    url: str | None = None  # the address it was fetched from, if any
    charset: str | None = None  # what the server declared
    published: str | None = None  # a feed entry's date (YYYY-MM-DD), if the page came from a feed


Fetch = Callable[[str], tuple[bytes, str | None, str]]  # url -> (bytes, content type, final url)


def fetch(url: str) -> tuple[bytes, str | None, str]:
    """The bytes at ``url``, its content type and the address it ended at (after redirects)."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.read(), response.headers.get("Content-Type"), response.geturl()
    except urllib.error.HTTPError as err:
        raise SourceError(url, f"not an article: the address answers {err.code} {err.reason}") from None
    except (urllib.error.URLError, TimeoutError, OSError) as err:
        reason = getattr(err, "reason", err)
        raise SourceError(url, f"could not be fetched ({reason})") from None


def _charset(content_type: str | None) -> str | None:
    match = re.search(r"charset\s*=\s*\"?([A-Za-z0-9_:.-]+)", content_type or "", re.I)
    return match[1] if match else None


def is_feed(data: bytes, content_type: str | None = None) -> bool:
    """An RSS or Atom feed, by its content type or by its first element."""
    kind = (content_type or "").split(";")[0].strip().lower()
    if kind in ("application/rss+xml", "application/atom+xml", "application/rdf+xml"):
        return True
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    return bool(re.match(rb"(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b", head, re.S))


@dataclass(frozen=True)
class Item:
    """One page to import, read when ``load()`` is called (a feed's entries are fetched one by
    one, so the progress bar moves as they come)."""

    source: str
    load: Callable[[], Page]


def items(source: str, fetcher: Fetch = fetch) -> list[Item]:
    """The pages of one SOURCE: a saved page, each page of a folder (sorted), a fetched page, or
    each entry of a feed (a feed file or a feed's address). Raises ``SourceError`` when the
    source itself cannot be read."""
    if re.match(r"https?://", source, re.I):
        data, content_type, final = fetcher(source)
        if is_feed(data, content_type):
            return _feed_items(source, data, fetcher)
        page = Page(source, data, final, _charset(content_type))
        return [Item(source, lambda: page)]
    path = Path(source)
    if path.is_dir():
        found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in PAGE_SUFFIXES)
        if not found:
            raise SourceError(source, f"the folder holds no saved pages ({', '.join(PAGE_SUFFIXES)})")
        return [Item(str(file), lambda file=file: Page(str(file), file.read_bytes())) for file in found]
    if not path.is_file():
        raise SourceError(source, "no such file or folder, and not an http(s) address")
    data = path.read_bytes()
    if is_feed(data):
        return _feed_items(source, data, fetcher)
    return [Item(source, lambda: Page(source, data))]


def _feed_items(source: str, data: bytes, fetcher: Fetch) -> list[Item]:
    import feedparser

    feed = feedparser.parse(data)
    if not feed.entries:
        raise SourceError(source, "a feed with no entries")
    found = []
    for number, entry in enumerate(feed.entries, start=1):
        link = entry.get("link")
        if not link:
            raise SourceError(f"{source} (entry {number})", "the feed entry has no link to its article")
        parsed = entry.get("published_parsed") or entry.get("updated_parsed")
        published = f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d}" if parsed else None

        def load(link: str = link, published: str | None = published) -> Page:
            page_data, content_type, final = fetcher(link)
            return Page(link, page_data, final, _charset(content_type), published)

        found.append(Item(link, load))
    return found


def decode(page: Page) -> str:
    """The page's text: from its byte-order mark, the server's charset or the page's own
    ``<meta charset>``, else UTF-8. Empty, binary, PDF or undeclared non-UTF-8 bytes raise
    ``SourceError`` naming what to do."""
    data, source = page.data, page.source
    if not data.strip():
        raise SourceError(source, "the file is empty")
    if data.startswith(b"%PDF"):
        raise SourceError(source, "a PDF, not a web page: open it and save the article's page as HTML")
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return _text(data[len(bom) :] if encoding == "utf-8" else data, encoding, source)
    if b"\x00" in data[:4096]:
        raise SourceError(source, "a binary file, not a web page")
    declared = page.charset or next(iter(_META_CHARSET.findall(data[:8192])), b"").decode("ascii") or None
    if declared:
        try:
            encoding = codecs.lookup(ENCODING_ALIASES.get(declared.lower(), declared)).name
        except LookupError:
            raise SourceError(source, f"declares an unknown encoding {declared!r}") from None
        return _text(data, encoding, source, declared)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        why = (
            f"not UTF-8 (byte 0x{data[err.start]:02X} at offset {err.start}) and the page declares no encoding; "
            "save it as UTF-8 or add <meta charset=...>"
        )
        raise SourceError(source, why) from None
    return _checked(text, source)


def _text(data: bytes, encoding: str, source: str, declared: str | None = None) -> str:
    try:
        return _checked(data.decode(encoding), source)
    except UnicodeDecodeError as err:
        try:  # a page saved as UTF-8 that still declares the encoding it was served in
            return _checked(data.decode("utf-8"), source)
        except UnicodeDecodeError:
            pass
        why = (
            f"declares {declared or encoding} but byte 0x{data[err.start]:02X} at offset {err.start} is not {encoding}"
        )
        raise SourceError(source, why) from None


def _checked(text: str, source: str) -> str:
    if not _HTML.search(text[:65536]):
        raise SourceError(source, "not a web page (no HTML in it)")
    return text
