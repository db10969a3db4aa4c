"""Citing, correcting and printing, in real builds, read by real clients: extruct reads the
JSON-LD and Dublin Core as a crawler does, a Highwire reader maps the citation_* tags as Zotero's
Embedded Metadata translator does, feedparser reads the corrected entry, and a correction that
is wrong stops the build naming its file, line and field. (The corrections here are made up for
the test: the real articles have none.)"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import extruct
import feedparser
import pytest

from tests.tools.helpers import SiteCopy

SLUG = "2023-04-28-unions-vow-coordinated-strikes"
ARTICLE = f"articles/{SLUG}.txt"
NOTES = f"articles/{SLUG}.notes.yml"
BASE = "https://archive.example/"
CORRECTIONS = (
    "corrections:\n"
    "  - date: 2023-05-02\n"
    "    text: An earlier version gave the wrong conference town.\n"
    "    sources: [https://example.org/conference]\n"
    "tags:"
)
ARCHIVED = "https://web.archive.org/web/20230405000000/https://ascl.org.uk/About-us/Who-we-are/History-of-ASCL"
# Zotero's Embedded Metadata translator (zotero/translators): the Highwire tags it maps, and
# DC.type "newsitem", which makes the item a newspaper article.
HIGHWIRE = {
    "citation_title": "title",
    "citation_publication_date": "date",
    "citation_date": "date",
    "citation_journal_title": "publicationTitle",
    "citation_public_url": "url",
    "citation_publisher": "publisher",
    "citation_language": "language",
}


class Meta(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and attrs.get("name"):
            self.tags.append((attrs["name"], attrs.get("content", "")))


def zotero_item(html: str) -> dict:
    """What Zotero's Embedded Metadata translator makes of the page's head (its mapping, in brief)."""
    reader = Meta()
    reader.feed(html[: html.index("</head>")])
    item: dict = {"itemType": "journalArticle", "creators": []}
    for name, content in reader.tags:
        if name in HIGHWIRE:
            item.setdefault(HIGHWIRE[name], content)
        elif name == "citation_author":
            item["creators"].append(content)
        elif name == "DC.type" and content == "newsitem":
            item["itemType"] = "newspaperArticle"
    return item


@pytest.fixture(scope="module")
def corrected(tmp_path_factory) -> SiteCopy:
    site = SiteCopy(tmp_path_factory.mktemp("citations") / "project")
    text = (site.docs / ARTICLE).read_text("utf-8").replace("tags:", "byline: Jane Reporter\n" + CORRECTIONS, 1)
    site.write(ARTICLE, text)
    notes = (site.docs / NOTES).read_text("utf-8")
    notes = notes.replace(
        "    created: 2026-11-23\n",
        "    created: 2026-11-23\n    corrections:\n      - date: 2026-11-30\n"
        "        text: The note first gave the award as 6 per cent.\n"
        "        sources: [https://example.org/award]\n",
        1,
    )
    site.write(NOTES, notes)
    kb = (site.docs / "_data" / "organisations.yml").read_text("utf-8")
    kb = kb.replace("  short_name: NEU\n", "  short_name: NEU\n  wikidata: Q7\n", 1)
    kb = kb.replace(
        "    - https://ascl.org.uk/About-us/Who-we-are/History-of-ASCL\n",
        f"    - url: https://ascl.org.uk/About-us/Who-we-are/History-of-ASCL\n      archived: {ARCHIVED}\n"
        "      archived_on: 2023-04-05\n",
        1,
    )
    site.write("_data/organisations.yml", kb)
    result = site.build(site_url=BASE)
    assert result.returncode == 0, result.stderr
    return site


def test_a_reference_manager_reads_a_newspaper_article(corrected):
    item = zotero_item(corrected.page(f"articles/{SLUG}"))
    assert item == {
        "itemType": "newspaperArticle",
        "creators": ["Jane Reporter"],
        "title": "Teaching unions vow to co-ordinate strikes as NAHT leader accuses Keegan of 'contempt'",
        "date": "2023/04/28",
        "publicationTitle": "inkl (syndicated report)",
        "publisher": "inkl (syndicated report)",
        "url": f"{BASE}articles/{SLUG}/",
        "language": "en",
    }


def test_a_crawler_reads_the_news_article_with_its_correction(corrected):
    html = corrected.page(f"articles/{SLUG}")
    data = extruct.extract(html, base_url=f"{BASE}articles/{SLUG}/", syntaxes=["json-ld", "dublincore"])
    (news,) = [d for d in data["json-ld"] if d["@type"] == "NewsArticle"]
    assert news["datePublished"] == "2023-04-28" and news["dateModified"] == "2023-05-02"
    assert news["author"] == [{"@type": "Person", "name": "Jane Reporter"}]
    assert news["publisher"] == {"@type": "Organization", "name": "inkl (syndicated report)"}
    assert news["isBasedOn"].startswith("https://inkl.com/news/schools-could-be-hit")
    assert news["correction"] == [
        {
            "@type": "CorrectionComment",
            "text": "An earlier version gave the wrong conference town.",
            "datePublished": "2023-05-02",
        }
    ]
    about = {a["name"]: a for a in news["about"]}
    assert about["National Education Union"]["sameAs"] == ["https://www.wikidata.org/wiki/Q7", "https://neu.org.uk"]
    assert about["Paul Whiteman"]["@type"] == "Person"
    dc = {e["URI"].rsplit("/", 1)[1]: e["content"] for e in data["dublincore"][0]["elements"]}
    assert dc["type"] == "newsitem" and dc["date"] == "2023-04-28" and dc["creator"] == "Jane Reporter"
    # The page shows it: the notice, and the date in the meta line.
    assert 'role="note"' in html and "An earlier version gave the wrong conference town." in html
    assert '· Updated <time class="na-article__updated" datetime="2023-05-02">2 May 2023</time>' in html


def test_the_organisation_page_has_its_same_as(corrected):
    html = corrected.page("glossary/neu")
    data = extruct.extract(html, syntaxes=["json-ld"])["json-ld"]
    (org,) = [d for d in data if d["@type"] == "Organization"]
    assert org["sameAs"] == ["https://www.wikidata.org/wiki/Q7", "https://neu.org.uk"]
    assert '<a href="https://www.wikidata.org/wiki/Q7">Q7</a>' in html


def test_the_feed_republishes_the_corrected_entry(corrected):
    parsed = feedparser.parse((corrected.root / "site" / "feed.xml").read_bytes())
    assert not parsed.bozo
    (entry,) = [e for e in parsed.entries if e.link.endswith(f"/{SLUG}/")]
    assert entry.published.startswith("2023-04-28") and entry.updated.startswith("2023-05-02")
    assert entry.summary.startswith("Corrected 2 May 2023: An earlier version gave the wrong conference town.")
    assert parsed.feed.updated.startswith("2023-05-02")


def test_the_corrections_page_lists_every_correction_newest_first(corrected):
    html = corrected.page("corrections")
    listed = re.findall(r'<li><time datetime="([\d-]+)">', html)
    assert listed == ["2026-11-30", "2023-05-02"]
    assert f'href="../articles/{SLUG}/#note-pay-review-body"' in html
    assert f'href="../articles/{SLUG}/#corrections"' in html


def test_a_notes_share_page_is_citable_and_shows_its_correction(corrected):
    html = corrected.page(f"notes/{SLUG}/pay-review-body")
    item = zotero_item(html)
    assert item["title"] == (
        "Note on “the pay review body”, in “Teaching unions vow to co-ordinate strikes as NAHT leader accuses "
        "Keegan of 'contempt'”"
    )
    assert item["creators"] == ["The Pay Dispute Archive"] and item["date"] == "2026/11/23"
    (comment,) = [d for d in extruct.extract(html, syntaxes=["json-ld"])["json-ld"] if d["@type"] == "Comment"]
    assert comment["dateModified"] == "2026-11-30"
    assert comment["about"]["url"] == f"{BASE}articles/{SLUG}/"
    assert "The note first gave the award as 6 per cent." in html
    assert "Cite this note" in html


def test_the_cite_box_offers_what_the_head_says(corrected):
    html = corrected.page(f"articles/{SLUG}")
    code = re.search(r'<code data-format="csl" id="cite-[^"]+-csl">(.*?)</code>', html, re.S).group(1)
    (item,) = json.loads(code.replace("&quot;", '"').replace("&amp;", "&").replace("&#x27;", "'"))
    assert item["type"] == "article-newspaper" and item["URL"] == f"{BASE}articles/{SLUG}/"
    assert item["author"] == [{"family": "Reporter", "given": "Jane"}]


@pytest.mark.parametrize(
    ("corrections", "line", "field", "why"),
    [
        ("  - date: 2023-04-01\n    text: x\n    sources: [https://example.org/a]\n", 11, "corrections[0].date",
         "2023-04-01 is before the article was published (2023-04-28)"),
        ("  - date: 2023-05-01\n    text: x\n", 11, "corrections[0].sources",
         "every fact needs a source: add at least one URL"),
        ("  - date: 2023-05-41\n    text: x\n    sources: [https://example.org/a]\n", 11, "corrections[0].date",
         "'2023-05-41' is not a valid date; write it as YYYY-MM-DD"),
    ],
)  # fmt: skip
def test_a_wrong_correction_stops_the_build(tmp_path, corrections, line, field, why):
    site = SiteCopy(tmp_path / "project")
    text = (site.docs / ARTICLE).read_text("utf-8").replace("tags:", "corrections:\n" + corrections + "tags:", 1)
    site.write(ARTICLE, text)
    result = site.build()
    assert result.returncode != 0
    assert f"docs/{ARTICLE}:{line}: front matter.{field}: {why}" in result.stderr


def test_a_source_with_an_archived_copy_is_a_robust_link(corrected):
    html = corrected.page("glossary/ascl")
    assert (
        '<a data-versiondate="2023-04-05" data-versionurl="' + ARCHIVED + '" '
        'href="https://ascl.org.uk/About-us/Who-we-are/History-of-ASCL">'
        "https://ascl.org.uk/About-us/Who-we-are/History-of-ASCL</a> "
        '(<a class="na-archived" href="' + ARCHIVED + '">archived 5 April 2023</a>)'
    ) in html


def test_a_note_embeds_where_links_unfurl(corrected):
    html = corrected.page(f"notes/{SLUG}/pay-review-body")
    (href,) = re.findall(
        r'<link href="([^"]+)" rel="alternate" title="[^"]*" type="application/json\+oembed">', html
    ) or re.findall(r'<link rel="alternate" type="application/json\+oembed" href="([^"]+)"', html)
    assert href == f"{BASE}oembed/{SLUG}--pay-review-body.json"
    data = json.loads((corrected.root / "site" / href.removeprefix(BASE)).read_text("utf-8"))
    assert data["version"] == "1.0" and data["type"] == "rich" and data["width"] and data["height"]
    assert data["title"] == "“the pay review body”"
    assert data["url"] == f"{BASE}notes/{SLUG}/pay-review-body/"
    assert (corrected.root / "site" / data["thumbnail_url"].removeprefix(BASE)).is_file()
    assert data["html"].startswith(
        '<blockquote class="newsroom-note" cite="' + data["url"] + '"><p>“the pay review body”</p>'
    )
    # Material fetches a sitemap beside every link[rel=alternate]: there is one, so no 404.
    assert (corrected.root / "site" / "oembed" / "sitemap.xml").is_file()


def test_each_notice_links_to_every_correction(corrected):
    assert '<p class="na-corrections__all"><a href="../../corrections/">All corrections</a></p>' in corrected.page(
        f"articles/{SLUG}"
    )
    assert '<a href="../../../corrections/">All corrections</a>' in corrected.page(f"notes/{SLUG}/pay-review-body")
