"""One saved page into an article: the body and the metadata by trafilatura (htmldate for the
date), the body as the page's own paragraphs, one a line; or ``SourceError`` with the one reason
the page is not an article (a 404, a list page, a paywall stub, no text). Nothing is invented:
a field the page does not give stays empty and is named in ``missing``."""

from __future__ import annotations

import datetime as dt
import html as html_lib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from .read import Page, SourceError, decode

MIN_WORDS = 40  # fewer words than this in the body: not an article
STUB_WORDS = 250  # a paywall notice with fewer words than this: a stub
TEASER_LINES = 3  # lines of the text that are headlines linking elsewhere: a list page (with no article metadata)
ARTICLE_TYPES = {
    "article",
    "newsarticle",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "blogposting",
    "opinionnewsarticle",
    "reviewnewsarticle",
    "backgroundnewsarticle",
    "report",
    "pressrelease",
}
LIST_TYPES = {"collectionpage": "CollectionPage", "itemlist": "ItemList", "searchresultspage": "SearchResultsPage"}

_NOT_FOUND = re.compile(
    r"^\s*(?:error\s*)?404\b|\bpage (?:not found|cannot be found|could not be found|does ?n[o']t exist)\b"
    r"|^\s*not found\s*$|\bcan(?:no|')t find (?:that|the|this) page\b",
    re.I,
)
_PAYWALL = re.compile(
    r"subscribe (?:now )?to (?:continue|keep|read)|to continue reading|already a (?:subscriber|member)"
    r"|(?:article|story|content) is (?:only )?(?:available )?(?:for|to) (?:subscribers|members)"
    r"|subscribers? only|log ?in to (?:continue|read)|sign in to (?:continue|read)",
    re.I,
)
_BOILERPLATE = re.compile(
    r"(?:share(?: this| on \w+)?(?: (?:article|story|page))?|tweet|e-?mail|print|copy link|advertisement|advert"
    r"|skip advertisement|sponsored(?: content)?|story continues below(?: advertisement)?|comments?)\W*"
    r"|(?:read more|read next|related(?: articles| stories| content)?|more on this story|see also|recommended"
    r"|most read|you may also like|more from [\w ]+)\b.{0,120}"
    r"|(?:sign up|subscribe|register|join)\b.{0,160}\b(?:newsletter|updates|our emails?|free)\b.{0,80}"
    r"|(?:follow (?:us|me) on|like us on)\b.{0,80}|[\w' ]{0,40}\bnewsletters?"
    r"|(?:photo(?:graph)?|image|picture|pic|credit|illustration|video)s?(?: credit)?\s*[:|].{0,160}"
    r"|(?:©|copyright\b).{0,160}|(?:getty images|shutterstock|pa media|alamy|reuters|ap photo)\W*",
    re.I,
)


@dataclass
class Extracted:
    source: str
    title: str | None
    published: str | None  # YYYY-MM-DD
    publisher: str | None
    url: str | None
    byline: str | None
    summary: str | None
    paragraphs: list[str]
    notes: list[str] = field(default_factory=list)  # where a field came from, when not the page's markup

    @property
    def missing(self) -> list[str]:
        return [name for name in ("title", "published", "publisher") if not getattr(self, name)]

    @property
    def words(self) -> int:
        return sum(word_count(p) for p in self.paragraphs)


def clean(text: str) -> str:
    """One line: runs of white space (line breaks, no-break spaces) as one space, control
    characters dropped; every other character, typographic quotes and dashes too, as written."""
    text = "".join(c for c in text if unicodedata.category(c) != "Cc" or c in "\t\n\r")
    return " ".join(text.split())


def _lines(element) -> list[str]:
    """The lines of one block of trafilatura's body: a paragraph (split at its line breaks), each
    item of a list, each row of a table (cells joined by " | ")."""
    tag = element.tag
    if tag == "list":
        return [line for item in element.findall("item") for line in _lines_of(item)]
    if tag == "table":
        rows = []
        for row in element.iter("row"):
            cells = [clean("".join(cell.itertext())) for cell in row.iter("cell")]
            rows.append(" | ".join(c for c in cells if c))
        return [r for r in rows if r]
    return _lines_of(element)


def _lines_of(element) -> list[str]:
    """The text of ``element`` and all inside it, split where trafilatura marks a line break."""
    parts = [""]

    def walk(node) -> None:
        parts[-1] += node.text or ""
        for child in node:
            if child.tag == "lb":
                parts.append("")
            else:
                walk(child)
            parts[-1] += child.tail or ""

    walk(element)
    return [line for line in map(clean, parts) if line]


def body_lines(body, title: str | None = None, byline: str | None = None) -> list[str]:
    """The article's paragraphs from trafilatura's body, without share, subscription, caption,
    credit and "read more" lines, nor the title or byline repeated in the text."""
    skip = {clean(t).casefold() for t in (title, byline, f"By {byline}" if byline else None) if t}
    lines = []
    for block in body:
        for line in _lines(block):
            if line.casefold() in skip or (_BOILERPLATE.fullmatch(line) and len(line.split()) <= 30):
                continue
            lines.append(line)
    return lines


def _json_ld(html: str) -> tuple[set[str], bool, str | None]:
    """The schema.org types the page's JSON-LD declares, whether it says the page is not free,
    and the headline of its article (the first item of an article type that has one)."""
    types, paywalled, headline = set(), False, None
    for block in re.findall(r"<script[^>]+application/ld\+json[^>]*>(.*?)</script>", html, re.S | re.I):
        block = re.sub(r"^\s*(?:<!\[CDATA\[|<!--)|(?:\]\]>|-->)\s*$", "", block.strip())
        try:
            data = json.loads(block, strict=False)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                kind = item.get("@type")
                kinds = {k.lower() for k in ([kind] if isinstance(kind, str) else kind or []) if isinstance(k, str)}
                types |= kinds
                if headline is None and kinds & ARTICLE_TYPES and isinstance(item.get("headline"), str):
                    headline = clean(html_lib.unescape(item["headline"])) or None
                if str(item.get("isAccessibleForFree", "")).lower() == "false":
                    paywalled = True
                stack.extend(v for k, v in item.items() if k in ("@graph", "mainEntity", "hasPart"))
    return types, paywalled, headline


_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|_|::|·|•|»)\s+")
_SITE_NAME = re.compile(r"<meta[^>]+property=[\"']og:site_name[\"'][^>]+content=[\"']([^\"']+)", re.I)
_SOCIAL_TITLE = re.compile(r"<meta[^>]+(?:property|name)=[\"'](?:og:title|twitter:title)[\"']", re.I)


def _title_tag(html: str, publisher: str | None) -> str | None:
    """The page's ``<title>``, without the site's name set off before or after it."""
    match = re.search(r"<title[^>]*>(.*?)</title>", html, re.S | re.I)
    title = clean(html_lib.unescape(re.sub(r"<[^>]+>", "", match[1]))) if match else ""
    parts = _SEPARATOR.split(title)
    if len(parts) > 1 and publisher:
        site = publisher.casefold()
        if parts[-1].casefold() in site or site in parts[-1].casefold():
            parts = parts[:-1]
        elif parts[0].casefold() in site or site in parts[0].casefold():
            parts = parts[1:]
        title = _SEPARATOR.search(title)[0].join(parts) if len(parts) > 1 else parts[0]
    return title or None


def _shares_words(headline: str, *others: str) -> bool:
    """Half the headline's words are in one of ``others`` (Wikipedia's JSON-LD "headline" is a
    description, which shares no words with the page's title)."""
    words = set(re.findall(r"\w+", headline.casefold()))
    return any(len(words & set(re.findall(r"\w+", o.casefold()))) * 2 >= len(words) for o in others if o)


def headline(html: str, from_json_ld: str | None, extracted: str | None, publisher: str | None) -> str | None:
    """The article's headline: its JSON-LD headline (if the page's titles share its words),
    else the social-card title trafilatura read, else the ``<title>`` (a page with neither often
    has a section's name as its ``<h1>``)."""
    if from_json_ld and _shares_words(from_json_ld, _title_tag(html, None) or "", extracted or ""):
        return from_json_ld
    if _SOCIAL_TITLE.search(html) and extracted:
        return extracted
    return _title_tag(html, publisher) or extracted


def _page_title(html: str) -> str:
    match = re.search(r"<title[^>]*>(.*?)</title>", html, re.S | re.I)
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S | re.I)
    return " / ".join(clean(re.sub(r"<[^>]+>", "", m[1])) for m in (match, heading) if m)


def _teasers(html: str) -> set[str]:
    """The texts of the page's headings that link elsewhere (a list page's headlines)."""
    found = re.findall(r"<h[1-4][^>]*>\s*<a\s[^>]*href[^>]*>(.*?)</a>", html, re.S | re.I)
    return {text for text in (clean(re.sub(r"<[^>]+>", "", f)) for f in found) if len(text.split()) >= 3}


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def word_count(text: str) -> int:
    """Words, where Chinese, Japanese and Korean text (written without spaces) counts a word
    for every two characters."""
    cjk = len(_CJK.findall(text))
    return len(re.findall(r"\w+", _CJK.sub(" ", text))) + cjk // 2


def _date(value: str | None) -> str | None:
    try:
        day = dt.date.fromisoformat((value or "")[:10])
    except ValueError:
        return None
    return day.isoformat() if dt.date(1990, 1, 1) <= day <= dt.date.today() else None


TRACKING = re.compile(r"utm_\w+|fbclid|gclid|mc_[ce]id|ocid|cmpid|ns_\w+|at_\w+|ito|ref_?src", re.I)


def _http(url: str | None) -> str | None:
    """An http(s) address as the page gives it, less its fragment and tracking parameters."""
    if not url or not re.match(r"https?://[^\s/]+", url, re.I) or re.search(r"\s", url):
        return None
    parts = urlsplit(url)
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not TRACKING.fullmatch(k)])
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))


def extract(page: Page, today: dt.date | None = None) -> Extracted:
    """The article in ``page``, or ``SourceError`` naming why there is none."""
    import trafilatura

    html = decode(page)

    def run(precision: bool):
        doc = trafilatura.bare_extraction(
            html,
            url=page.url,
            with_metadata=True,
            favor_precision=precision,
            favor_recall=not precision,
            include_comments=False,
            include_tables=True,
            date_extraction_params={
                "extensive_search": False,
                "original_date": True,
                "max_date": str(today or dt.date.today()),
            },
        )
        title = clean(doc.title) if doc is not None and doc.title else None
        byline = clean(doc.author).replace("; ", ", ") if doc is not None and doc.author else None
        lines = body_lines(doc.body, title, byline) if doc is not None and doc.body is not None else []
        return doc, title, byline, lines, sum(word_count(line) for line in lines)

    # Precision first (the fewest stray lines); a short result is tried again for recall, since
    # a page's own markup can hide most of its text from the first pass.
    doc, title, byline, lines, words = run(True)
    if words < STUB_WORDS:
        second = run(False)
        if second[4] > words:
            doc, title, byline, lines, words = second
    types, paywalled, ld_headline = _json_ld(html)
    shown_title = _page_title(html)
    is_article = bool(types & ARTICLE_TYPES) or (doc is not None and (doc.pagetype or "").lower() == "article")
    if _NOT_FOUND.search(shown_title) and words < STUB_WORDS:
        raise SourceError(page.source, f"not an article: a 'page not found' page ({shown_title[:80]!r})")
    if (paywalled or _PAYWALL.search(html)) and words < STUB_WORDS:
        raise SourceError(page.source, f"not an article: a paywall stub (only {words} words of text in the saved page)")
    headlines = _teasers(html)  # once: it reads the whole page
    teasers = sum(1 for line in lines if line in headlines)
    if not is_article and (types & LIST_TYPES.keys() or teasers >= TEASER_LINES):
        why = (
            f"{teasers} of its lines are headlines linking elsewhere"
            if teasers >= TEASER_LINES
            else (f"its structured data calls it a {LIST_TYPES[min(types & LIST_TYPES.keys())]}")
        )
        raise SourceError(page.source, f"not an article: a list page ({why})")
    if words < MIN_WORDS:
        raise SourceError(page.source, f"not an article: no article text found ({words} words)")
    assert doc is not None
    notes = []
    published = _date(doc.date)
    if not published and page.published:
        published = page.published
        notes.append("the date is the feed's")
    url = _http(doc.url) or _http(page.url)
    site_name = _SITE_NAME.search(html)  # as the page writes it (trafilatura capitalises a lower-case one)
    publisher = clean(html_lib.unescape(site_name[1])) if site_name else clean(doc.sitename) if doc.sitename else None
    host = urlsplit(url).hostname if url else None
    if publisher and host and publisher in (host, host.removeprefix("www.")):  # trafilatura's fallback
        notes.append("the publisher is the site's address: the page names none")
    summary = clean(doc.description) if doc.description else None
    title = headline(html, ld_headline, title, publisher)
    lines = [line for line in lines if line.casefold() != (title or "").casefold()]
    return Extracted(page.source, title, published, publisher, url, byline, summary or None, lines, notes)
