"""The importer's parts on real saved pages (benchmarks/data/import/, see SOURCES.md) and on
made-up ones: decoding, extraction, what is not an article, the file it writes, drafts."""

from __future__ import annotations

import datetime as dt
import json
import sys

import pytest

from tests.tools.helpers import ROOT
from tests.tools.pages import dated_page, extraction_page, news_page

sys.path.insert(0, str(ROOT / "hooks"))

from newsroom.importer import drafts, write  # noqa: E402
from newsroom.importer.extract import clean, extract, word_count  # noqa: E402
from newsroom.importer.read import Page, SourceError, decode, is_feed  # noqa: E402
from newsroom.loader import parse_article  # noqa: E402

TEXT = [
    "The council’s library consultation closed on Friday with more than 2,000 replies — the most it has had.",
    "“We read every one,” the council’s leader said, adding that the findings would be published in the spring.",
    "Readers’ groups had asked for longer opening hours on Saturdays and for the mobile library to return.",
]


def page(html: str | bytes, source: str = "saved.html", url: str | None = None) -> Page:
    return Page(source, html.encode("utf-8") if isinstance(html, str) else html, url)


# Decoding: each bad source a clear message naming it.


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (b"", "the file is empty"),
        (b"  \n\t ", "the file is empty"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF, not a web page"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a binary file, not a web page"),
        (b"Just some words, no markup at all.", "not a web page (no HTML in it)"),
        (
            b"<html><body><p>Caf\xe9 society</p></body></html>",
            "not UTF-8 (byte 0xE9 at offset 18) and the page declares no encoding",
        ),
        (b'<html><head><meta charset="klingon-8"></head></html>', "declares an unknown encoding 'klingon-8'"),
    ],
)
def test_a_source_that_is_not_a_readable_page_is_named_with_why(data, why):
    with pytest.raises(SourceError) as caught:
        decode(page(data, "x/story.html"))
    assert str(caught.value).startswith(f"x/story.html: {why}")
    assert "\n" not in str(caught.value)


def test_declared_encodings_are_read_as_a_browser_reads_them():
    # ISO-8859-1 is read as windows-1252 (the HTML standard), so its curly quotes survive.
    latin = b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"></head><body><p>\x93Caf\xe9\x94 \x96 na\xefve</p></body></html>'
    assert "<p>“Café” – naïve</p>" in decode(page(latin))
    shift_jis = '<html><head><meta charset="shift_jis"></head><body><p>教員の給与</p></body></html>'.encode("shift_jis")
    assert "<p>教員の給与</p>" in decode(page(shift_jis))
    utf16 = "\ufeff<html><body><p>Grüße</p></body></html>".encode("utf-16-le")
    assert "<p>Grüße</p>" in decode(page(utf16))
    # The server's charset comes before the page's own.
    served = Page("u", '<html><meta charset="iso-8859-1"><p>Straße</p></html>'.encode(), charset="utf-8")
    assert "Straße" in decode(served)
    # A page saved as UTF-8 that still declares what it was served in.
    resaved = '<html><head><meta charset="euc-kr"></head><body><p>교사 — “파업”</p></body></html>'.encode()
    assert "교사 — “파업”" in decode(page(resaved))


def test_feeds_are_told_from_pages():
    assert is_feed(b'<?xml version="1.0"?>\n<rss version="2.0"><channel></channel></rss>')
    assert is_feed(b'<feed xmlns="http://www.w3.org/2005/Atom">')
    assert is_feed(b"<html></html>", "application/atom+xml; charset=utf-8")
    assert not is_feed(b"<!DOCTYPE html><html><body><p>rss</p></body></html>", "text/html")


# Extraction on real saved pages.


def test_a_real_news_page_gives_its_metadata_and_its_paragraphs_as_written():
    html, url = extraction_page("0d46122928b6f468cc4bbc694051d0dbae5702bc75a16dab82a99b58daf150a0")
    article = extract(Page("sportsnet.html", html, url))
    assert (article.title, article.published, article.publisher, article.byline) == (
        "Nadal keeps Spain alive against Russia in Davis Cup Finals",
        "2019-11-19",
        "Sportsnet.ca",
        "Associated Press",
    )
    assert article.paragraphs[0].startswith("MADRID — Rafael Nadal kept Spain’s hopes alive, then Marcel Granollers")
    assert "US FALLS" in article.paragraphs  # the page's subheadings are lines of their own
    assert article.paragraphs[-1] == "Colombia had lost to Belgium on Monday."
    assert len(article.paragraphs) == 32 and article.missing == []


def test_a_wire_story_keeps_its_credit_line_and_gives_its_summary():
    html, url = extraction_page("06e5123e4ef7cfb4533250dc45d1e03d0838fc66223f45c583c4d12f48b4da85")
    article = extract(Page("venturebeat.html", html, url))
    assert article.url == url and article.byline == "Reuters" and article.publisher == "VentureBeat"
    assert article.summary.startswith("The New York State Attorney General is investigating WeWork")
    assert article.paragraphs[0].startswith("(Reuters) — The New York State Attorney General (NYAG)")
    assert article.paragraphs[-1].startswith("(Reporting by Greg Roumeliotis")


def test_the_date_is_the_pages_own_and_none_is_never_guessed():
    html, url, date = dated_page("1685640081.html")  # the Baltimore Sun: the first pass finds 78 words
    article = extract(Page("sun.html", html, url), dt.date(2021, 1, 1))
    assert article.published == date == "2020-08-17" and article.words > 600
    bare = news_page("Library hours to change", TEXT * 5, published=None, json_ld_type=None)
    assert extract(page(bare)).published is None
    assert extract(page(bare)).missing == ["published"]


@pytest.mark.parametrize(
    ("file", "why"),
    [
        ("1630687900.html", "not an article: no article text found (31 words)"),  # a radio station's home page
        ("1579141678.html", "not an article: a list page (its structured data calls it a CollectionPage)"),
    ],
)
def test_real_pages_that_are_not_articles_are_named(file, why):
    html, url, _ = dated_page(file)
    with pytest.raises(SourceError) as caught:
        extract(Page(file, html, url), dt.date(2021, 1, 1))
    assert str(caught.value) == f"{file}: {why}"


# Extraction on made-up pages: the chrome is dropped, non-articles are named.


def test_a_pages_chrome_is_not_part_of_the_text():
    html = news_page(
        "Library consultation closes", TEXT * 3, "2023-03-03", byline="Ann Other", url="https://example.org/a"
    )
    article = extract(page(html))
    assert article.paragraphs == TEXT * 3
    assert (article.title, article.published, article.publisher, article.byline, article.url) == (
        "Library consultation closes",
        "2023-03-03",
        "The Example Gazette",
        "Ann Other",
        "https://example.org/a",
    )


def test_a_not_found_page_a_list_page_and_a_paywall_stub_are_not_articles():
    missing = news_page(
        "Page not found", ["Sorry, we can’t find that page. Try the search or go to the home page."] * 3
    )
    with pytest.raises(SourceError, match=r"^saved.html: not an article: a 'page not found' page \('Page not found"):
        extract(page(missing))
    headlines = [
        f'<h3><a href="/story-{n}">Council story number {n} about the library</a></h3><p>{TEXT[n % 3]}</p>'
        for n in range(8)
    ]
    listing = f"<html><head><title>News | The Example Gazette</title></head><body><main>{''.join(headlines)}</main></body></html>"
    with pytest.raises(
        SourceError, match=r"not an article: a list page \(\d+ of its lines are headlines linking elsewhere\)"
    ):
        extract(page(listing))
    stub = news_page(
        "Library consultation closes",
        [TEXT[0], "Subscribe to continue reading. Already a subscriber? Log in."],
        "2023-03-03",
        extra_head='<script type="application/ld+json">{"@type": "NewsArticle", "isAccessibleForFree": false}</script>',
    )
    with pytest.raises(
        SourceError, match=r"not an article: a paywall stub \(only \d+ words of text in the saved page\)"
    ):
        extract(page(stub))


def test_text_is_cleaned_only_of_white_space_and_control_characters():
    assert clean("  “Quoted”\u00a0— and\n\tdashed\u0007 ") == "“Quoted” — and dashed"
    assert word_count("教員の給与について") == 4 and word_count("two words") == 2


# The file it writes.


def test_the_file_is_the_readme_format_and_the_loader_reads_it_back():
    article = extract(
        page(
            news_page(
                "Library: the “big” consultation's end",
                TEXT * 2,
                "2023-03-03",
                url="https://example.org/a?utm_source=x",
                summary="A summary: with a colon.",
            )
        )
    )
    text = write.article_text(article, tags=["library", "consultation"])
    assert text.startswith("---\ntitle: 'Library: the “big” consultation''s end'\npublished: 2023-03-03\n")
    assert "\ntags: [library, consultation]\n---\n" + "\n".join(TEXT * 2) + "\n" in text
    parsed = parse_article(text, "docs/articles/x.txt", "2023-03-03-library-the-big-consultations-end")
    assert parsed.title == article.title and parsed.summary == "A summary: with a colon."
    assert [p.text for p in parsed.paragraphs] == TEXT * 2
    assert write.slug_for(article) == "2023-03-03-library-the-big-consultations-end"


def test_slugs_and_addresses():
    assert (
        write.slug_words("Schüler & Lehrer: Streik über “Löhne” heute in 12 Städten ab Montag früh")
        == "schuler-lehrer-streik-uber-lohne-heute-in-12"
    )
    assert write.slug_words("教員の給与") == ""
    assert (
        write.canonical("http://www.Example.org/news/a/?utm_source=feed&id=3#top") == "https://example.org/news/a?id=3"
    )
    assert write.canonical("https://example.org/news/a") == write.canonical("http://example.org/news/a/")


# Drafts of knowledge-base entries.


def test_a_drafts_kind_is_guessed_and_says_from_what():
    assert drafts.guess_kind("Dr Mary Bousted") == ("person", "starts with the honorific 'Dr'")
    assert drafts.guess_kind("Education Select Committee")[0] == "organisation"
    assert drafts.guess_kind("Jane Reporter")[0] == "person"
    assert drafts.guess_kind("Teacher Development Trust Review Panel 2023") == ("organisation", "has the word 'Trust'")
    assert drafts.guess_kind("Operation London Bridge Day")[0] == "unknown"


def test_drafts_hold_the_sentences_and_no_invented_fact(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "2023-03-03-x.txt").write_text(
        "---\ntitle: X\npublished: 2023-03-03\npublisher: P\n---\n"
        "The panel met. Ms Jane Quill said “It went well.” Then it rained.\nNo one else spoke.\n",
        encoding="utf-8",
    )
    report = {"2023-03-03-x": {"unknown_names": ["Ms Jane Quill"], "not_linked": []}, "other": {"unknown_names": []}}
    [draft] = drafts.drafts_for(report, articles)
    assert draft == {
        "name": "Ms Jane Quill",
        "id": "jane-quill",
        "kind": "person",
        "kind_guessed_from": "starts with the honorific 'Ms'",
        "appears_in": [{"article": "2023-03-03-x", "paragraph": 1, "sentence": "Ms Jane Quill said “It went well.”"}],
    }
    assert not {"description", "role", "sources"} & draft.keys()
    assert json.dumps(draft)
