"""The Markdown extension: exact HTML out for a known article, and verbatim text for any input."""

from __future__ import annotations

import re

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st
from newsroom.corpus import Corpus, annotate
from newsroom.loader import parse_article
from newsroom.mdext import NewsroomExtension, placeholder
from newsroom.pages import ArticlePage

from tests.tools.helpers import paragraph_texts

FRONT = "---\ntitle: T\npublished: 2023-04-28\npublisher: P\n---\n"


def convert(corpus: Corpus, slug: str, extensions=()) -> str:
    """The article's page as the extension puts it in the Markdown's HTML."""
    article = corpus.articles[slug].article
    spec = ArticlePage(article.src_uri, article.title, article.title, slug)
    md = markdown.Markdown(
        extensions=[*extensions, NewsroomExtension(corpus=lambda: corpus, specs=lambda: {spec.src_uri: spec})]
    )
    return md.convert(placeholder(spec))


def render(kb, matcher, body: str, slug: str = "2023-04-28-test") -> str:
    article = annotate(parse_article(FRONT + body, f"docs/articles/{slug}.txt", slug), matcher)
    return convert(Corpus(kb=kb, articles={slug: article}), slug, ["toc", "attr_list"])


def paragraph_html(html: str, number: int) -> str:
    match = re.search(rf'<p id="p-{number}">.*?</p>', html, re.S)
    assert match, f"no paragraph {number} in:\n{html}"
    return match.group()


def test_paragraph_links_first_mention_of_each_entity_and_marks_repeats(kb, matcher):
    html = render(kb, matcher, "The NEU met the NEU’s critics.\n")
    assert paragraph_html(html, 1) == (
        '<p id="p-1">The <a class="na-mention" data-endnote="1" data-entity="neu" '
        'href="../../glossary/neu/">NEU</a> met the <span class="na-mention na-mention--repeat" data-entity="neu">NEU</span>'
        '’s critics.<a aria-label="Link to paragraph 1" class="na-permalink" href="#p-1"></a></p>'
    )


def test_date_is_a_time_element_linking_to_its_day_on_the_timeline(kb, matcher):
    html = render(kb, matcher, "Another strike is planned for Tuesday.\n")
    assert paragraph_html(html, 1) == (
        '<p id="p-1">Another strike is planned for <a class="na-date" data-label="Tuesday 2 May 2023" data-precision="day" '
        'href="../../timeline/2023-05/#2023-05-02"><time datetime="2023-05-02">Tuesday</time></a>.'
        '<a aria-label="Link to paragraph 1" class="na-permalink" href="#p-1"></a></p>'
    )


def test_article_header_has_title_date_publisher_and_original(kb, matcher):
    article_text = (
        FRONT.replace("publisher: P\n", "publisher: P & Co\nurl: https://example.org/a?x=1&y=2\n") + "Text.\n"
    )
    article = annotate(parse_article(article_text, "docs/articles/2023-04-28-h.txt", "2023-04-28-h"), matcher)
    corpus = Corpus(kb=kb, articles={"2023-04-28-h": article})
    html = convert(corpus, "2023-04-28-h")
    assert '<h1 id="article-title">T</h1>' in html
    assert (
        '<p class="na-article__meta"><time datetime="2023-04-28">28 April 2023</time> · '
        '<span class="na-article__publisher">P &amp; Co</span> · '
        '<a class="na-article__original" href="https://example.org/a?x=1&amp;y=2">Read the original</a></p>'
    ) in html


def test_tooltip_words_come_from_one_file_for_the_site_with_roles_by_date(kb, matcher, settings):
    import json

    from newsroom.exports.entities import entities_json

    html = render(kb, matcher, "Gillian Keegan spoke.\n")
    assert '<article class="na-article" data-entities="../../entities.json" data-published="2023-04-28">' in html
    article = annotate(parse_article(FRONT + "x\n", "t.txt", "2023-04-28-t"), matcher)
    data = json.loads(entities_json(Corpus(kb=kb, articles={"t": article}, settings=settings)))
    assert data["entities"]["naht"]["kind"] == "Union" and data["entities"]["ballot"]["kind"] == "Term"
    keegan = data["entities"]["gillian-keegan"]
    assert keegan["standing"]["items"] == [
        ["2022-10-25", "2024-07-05", "Education Secretary, DfE, Oct 2022 – Jul 2024"]
    ]
    assert data["entities"]["naht"]["standing"] == {
        "prefix": "Led by ",
        "sep": " and ",
        "items": [["2017-09-01", None, "Paul Whiteman (general secretary)"]],
    }
    assert data["events"]["2023-05-02"] == ["NEU strike in England"]


def test_markdown_html_and_jinja_in_the_text_render_as_typed(kb, matcher):
    nasty = (
        "*stars* _under_ # hash 1. list <script>alert(1)</script> {{ jinja }} {% raw %} &amp; \\back\\ “curly” {: .cls}"
    )
    html = render(kb, matcher, "# heading?\n1. item\n" + nasty + "\n")
    assert paragraph_texts(html) == ["# heading?", "1. item", nasty]
    assert "<script>" not in html and "<h1>heading" not in html and "<ol>" not in html


line_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs")),
    min_size=1,
    max_size=80,
).filter(lambda s: s.strip())


@settings(max_examples=300, deadline=None)
@given(st.lists(line_text, min_size=1, max_size=4))
def test_rendered_paragraph_text_equals_source_for_any_printable_text(kb, matcher, lines):
    html = render(kb, matcher, "\n".join(lines) + "\n")
    assert paragraph_texts(html) == lines


def test_two_renders_of_the_same_article_are_identical(kb, matcher):
    body = "The NEU and ASCL met Ms Keegan.\n"
    assert render(kb, matcher, body) == render(kb, matcher, body)


# --- text that reaches the interesting paths -----------------------------------------------------
# Random Unicode almost never spells a name, a date word or an HTML entity; these strategies build
# lines from exactly those pieces (the knowledge base's own names and aliases, honorifics with
# surnames, the date words the resolver knows, quotation marks, '&' and '&name;', markup and Jinja),
# mixed with arbitrary Unicode.

DATE_WORDS = (
    "today",
    "yesterday",
    "tomorrow",
    "Tuesday",
    "on Monday",
    "next month",
    "last week",
    "April 27",
    "2 May",
    "in the autumn",
    "next year",
    "27 April 2023",
    "May 2",
    "this week",
    "Friday 5 May",
)
MARKS = ("“", "”", '"', "'", "‘", "’", "«", "»", ": “", "” she said.", ' said: "', '."')
RISKY = (
    "&",
    "&amp;",
    "&nbsp;",
    "&lt;b&gt;",
    "&copy",
    "&#39;",
    "&#x41;",
    "&bogus;",
    "<",
    ">",
    "<b>bold</b>",
    "<script>x</script>",
    "{{ page }}",
    "{% if x %}",
    "{#",
    "*",
    "_x_",
    "[a](b)",
    "`code`",
    "\\",
    "# ",
    "1. ",
    "{: .c}",
    "-->",
    "<!--",
)


def _names(kb) -> list[str]:
    names = []
    for org in kb.organisations:
        names += [org.name, org.short_name, *org.aliases]
    for term in kb.terms:
        names += [term.term, *term.aliases]
    for person in kb.people:
        surname = person.name.split()[-1]
        names += [person.name, *person.aliases, f"Ms {surname}", f"Dr {surname}", f"Mr {surname}"]
    return names


def interesting_line(kb):
    piece = st.one_of(
        st.sampled_from(_names(kb)),
        st.sampled_from(DATE_WORDS),
        st.sampled_from(MARKS),
        st.sampled_from(RISKY),
        st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=12),
    )
    glue = st.sampled_from(["", " ", " ", ", ", ". ", " and "])
    return (
        st.lists(st.tuples(piece, glue), min_size=1, max_size=12)
        .map(lambda parts: "".join(p + g for p, g in parts))
        .filter(lambda s: s.strip() and "\n" not in s and "\r" not in s and not any(c in s for c in "\x85\u2028\u2029"))
    )


ALLOWED_TAGS = {"p", "a", "span", "time", "sup", "mark", "blockquote", "q", "cite"}


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_text_built_from_names_dates_quotes_and_markup_renders_as_written(kb, matcher, data):
    """Names, honorifics, date words, quotation marks, entities and markup, mixed with Unicode: the
    paragraph's text is the source, and nothing in it becomes an element the engine did not make."""
    lines = data.draw(st.lists(interesting_line(kb), min_size=1, max_size=3))
    html = render(kb, matcher, "\n".join(lines) + "\n")
    assert paragraph_texts(html) == lines
    body = "".join(paragraph_html(html, n) for n in range(1, len(lines) + 1))
    assert set(re.findall(r"<([a-z0-9]+)", body)) <= ALLOWED_TAGS, body


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_titles_and_summaries_with_markup_render_as_text(kb, matcher, data):
    """A title or summary is shown as written (escaped once), whatever it holds."""
    import html as htmllib

    import yaml

    title = data.draw(interesting_line(kb))
    summary = data.draw(interesting_line(kb))
    front = (
        "---\n"
        + yaml.safe_dump(
            {"title": title, "published": "2023-04-28", "publisher": "P", "summary": summary}, allow_unicode=True
        )
        + "---\n"
    )
    article = annotate(parse_article(front + "Text.\n", "docs/articles/2023-04-28-t.txt", "2023-04-28-t"), matcher)
    corpus = Corpus(kb=kb, articles={"2023-04-28-t": article})
    html = convert(corpus, "2023-04-28-t")
    heading = re.search(r'<h1 id="article-title">(.*?)</h1>', html, re.S)
    assert heading and htmllib.unescape(heading.group(1)) == title.strip() and "<" not in heading.group(1)
    assert htmllib.escape(summary.strip(), quote=False) in html
