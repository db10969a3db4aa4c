"""Exact HTML of what an article page adds for its readers who cite, check and print it: the
corrections notice and "Updated" line, the names' endnotes for print, the Cite box, and the head's
citation meta tags."""

from __future__ import annotations

import re

from newsroom.corpus import Corpus, annotate
from newsroom.loader import parse_article
from newsroom.pages import ArticlePage

from tests.render.test_article_html import convert

CORRECTED = (
    "---\ntitle: T & <b>u</b>\npublished: 2023-04-28\npublisher: P\nbyline: Jane Reporter\n"
    "corrections:\n"
    "  - date: 2023-05-02\n    text: An earlier version said <i>five</i> walkouts.\n"
    "    sources: [https://example.org/neu?a=1&b=2]\n"
    "  - date: 2023-04-29\n    text: The NEU's name was misspelt.\n    sources: [https://example.org/b]\n"
    "---\n"
)


def page(kb, matcher, front: str, body: str, slug: str = "2023-04-28-test"):
    article = annotate(parse_article(front + body, f"docs/articles/{slug}.txt", slug), matcher)
    corpus = Corpus(kb=kb, articles={slug: article}, site_url="https://archive.example/", site_name="The Archive")
    return corpus, convert(corpus, slug)


def part(kb, matcher, pattern: str) -> str:
    """The first match of ``pattern`` in the corrected article's page."""
    return re.search(pattern, page(kb, matcher, CORRECTED, "The NEU met.\n")[1], re.S).group()


def test_the_corrections_notice_newest_first_escaped_and_named(kb, matcher):
    assert part(kb, matcher, r'<aside aria-labelledby="corrections-title".*?</aside>') == (
        '<aside aria-labelledby="corrections-title" class="na-corrections" id="corrections" role="note">'
        '<p class="na-corrections__title" id="corrections-title">Corrections to this article</p>'
        '<ul class="na-corrections__list">'
        '<li><time datetime="2023-05-02">2 May 2023</time>: An earlier version said &lt;i&gt;five&lt;/i&gt; '
        'walkouts. <p class="na-corrections__sources">Sources: <a href="https://example.org/neu?a=1&amp;b=2">[1]</a> '
        "</p></li>"
        '<li><time datetime="2023-04-29">29 April 2023</time>: The NEU\'s name was misspelt. '
        '<p class="na-corrections__sources">Sources: <a href="https://example.org/b">[1]</a> </p></li>'
        '</ul><p class="na-corrections__all"><a href="../../corrections/">All corrections</a></p></aside>'
    )


def test_the_meta_line_says_when_it_was_updated(kb, matcher):
    assert part(kb, matcher, r'<p class="na-article__meta">.*?</p>') == (
        '<p class="na-article__meta"><time datetime="2023-04-28">28 April 2023</time> · '
        '<span class="na-article__publisher">P</span> · Updated '
        '<time class="na-article__updated" datetime="2023-05-02">2 May 2023</time></p>'
    )


def test_an_uncorrected_article_has_no_notice_and_no_updated_line(kb, matcher):
    _, html = page(kb, matcher, "---\ntitle: T\npublished: 2023-04-28\npublisher: P\n---\n", "The NEU met.\n")
    assert "na-corrections" not in html and "Updated" not in html


def test_names_are_numbered_once_per_article_and_defined_for_print(kb, matcher):
    _, html = page(kb, matcher, CORRECTED, "The NEU met the DfE.\nThe NEU again, and the NAHT.\n")
    assert re.findall(r'data-endnote="(\d+)" data-entity="([a-z-]+)"', html) == [
        ("1", "neu"),
        ("2", "dfe"),
        ("3", "naht"),
    ]
    names = re.search(r'<section aria-labelledby="names-in-this-article".*?</section>', html, re.S).group()
    assert names.startswith(
        '<section aria-labelledby="names-in-this-article" class="na-print-names" data-pagefind-ignore="all">'
        '<h2 id="names-in-this-article">Names in this article</h2><ol class="na-print-names__list">'
        "<li><strong>National Education Union</strong>: "
    )
    assert names.count("<li>") == 3


def test_the_cite_box(kb, matcher):
    box = part(kb, matcher, r'<details class="na-cite".*?</details>')
    assert box.startswith(
        '<details class="na-cite" data-pagefind-ignore="all"><summary class="na-cite__summary">Cite this article'
        '</summary><div class="na-cite__body"><p class="na-cite__style">APA (7th edition)</p>'
        '<p class="na-cite__text" id="cite-2023-04-28-test-apa">Reporter, J. (2023, April 28). T &amp; &lt;b&gt;u'
        "&lt;/b&gt;. <i>P</i>. The Archive. https://archive.example/articles/2023-04-28-test/</p>"
    )
    assert '<button class="na-cite__copy" data-copy-from="cite-2023-04-28-test-bibtex" hidden="hidden"' in box
    assert (
        '<button class="na-cite__download" data-download-from="cite-2023-04-28-test-ris" '
        'data-filename="2023-04-28-test.ris" data-type="application/x-research-info-systems" hidden="hidden" '
        'type="button">Download RIS (.ris)</button>'
    ) in box
    assert "data:" not in box  # made in the browser: no copy of each file in every page
    assert (
        "@article{2023-04-28-test,\n  author = {Reporter, Jane},\n  title = {{T \\&amp; &lt;b&gt;u&lt;/b&gt;}}," in box
    )


def test_the_head_carries_the_citation_meta_tags_escaped(kb, matcher):
    corpus, _ = page(kb, matcher, CORRECTED, "The NEU met.\n")
    article = corpus.articles["2023-04-28-test"].article
    head = ArticlePage(article.src_uri, article.title, article.title, article.slug).head(corpus)
    assert head.startswith(
        '<meta name="citation_title" content="T &amp; &lt;b&gt;u&lt;/b&gt;">\n'
        '<meta name="citation_author" content="Jane Reporter">\n'
        '<meta name="citation_publication_date" content="2023/04/28">\n'
    )
    assert '<meta name="DC.type" content="newsitem">\n' in head
    assert '"dateModified": "2023-05-02"' in head and '"@type": "CorrectionComment"' in head
    # In the JSON-LD, "</" is written "<\/": the title cannot end the script early.
    assert head.count("</") == head.count("</script>") == 1 and "u<\\/b>" in head
