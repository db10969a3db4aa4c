"""Notes anchor to exactly one passage, or the build stops with a message an editor can act on."""

from __future__ import annotations

from pathlib import Path

import pytest
from newsroom.errors import DataError
from newsroom.loader import parse_article
from newsroom.notes import load_notes

ARTICLE = parse_article(
    "---\ntitle: T\npublished: 2023-04-04\npublisher: P\n---\n"
    "The union achieved 56 per cent turnout in its ballot.\n\n"
    "The NEU called strikes; the union said the offer was poor.\n",
    "docs/articles/2023-04-04-t.txt",
    "2023-04-04-t",
)


def notes_from(tmp_path: Path, text: str):
    path = tmp_path / "2023-04-04-t.notes.yml"
    path.write_text(text, encoding="utf-8")
    return load_notes(path, "docs/articles/2023-04-04-t.notes.yml", ARTICLE)


def error(tmp_path: Path, text: str) -> str:
    with pytest.raises(DataError) as caught:
        notes_from(tmp_path, text)
    return str(caught.value)


def test_note_anchors_to_paragraph_and_article_offsets(tmp_path):
    (note,), overrides = notes_from(
        tmp_path, "- id: turnout\n  quote: 56 per cent turnout\n  kind: fact-check\n  body: Yes.\n"
    )
    assert (note.anchor.paragraph, note.anchor.start, note.anchor.end) == (1, 19, 38)
    assert (note.anchor.text_start, note.anchor.text_end) == (19, 38)
    assert note.number == 1 and overrides == ()


def test_quote_not_found_names_file_line_note_and_closest_passage(tmp_path):
    message = error(tmp_path, "- id: turnout\n  quote: 65 per cent turnout\n  body: x\n")
    assert message == (
        "docs/articles/2023-04-04-t.notes.yml:2: notes[turnout].quote: note 'turnout': '65 per cent turnout' "
        "is not in the article text (docs/articles/2023-04-04-t.txt); the closest passage is '56 per cent turnout'"
    )


def test_ambiguous_quote_lists_every_occurrence(tmp_path):
    message = error(tmp_path, "- id: union\n  quote: union\n  body: x\n")
    assert message == (
        "docs/articles/2023-04-04-t.notes.yml:2: notes[union].quote: note 'union': 'union' occurs 2 times "
        "(paragraph 1: …The [union] achieved 56 per cen…; paragraph 2: …called strikes; the [union] said the offer was …); "
        "add a prefix or suffix (the words just before or after) to pick one"
    )


def test_prefix_or_suffix_picks_one_occurrence(tmp_path):
    (note,), _ = notes_from(tmp_path, "- id: union\n  quote: union\n  suffix: ' said'\n  body: x\n")
    assert note.anchor.paragraph == 2
    (note,), _ = notes_from(tmp_path, "- id: union\n  quote: union\n  prefix: 'The '\n  body: x\n")
    assert note.anchor.paragraph == 1


def test_quote_across_paragraphs_is_refused(tmp_path):
    message = error(tmp_path, '- id: across\n  quote: "ballot.\\nThe NEU"\n  body: x\n')
    assert (
        message
        == "docs/articles/2023-04-04-t.notes.yml:2: notes[across].quote: a quote lies within one paragraph; split it into two notes"
    )


def test_note_without_body(tmp_path):
    assert (
        error(tmp_path, "- id: a\n  quote: NEU\n")
        == "docs/articles/2023-04-04-t.notes.yml:1: notes[a].body: missing required field `body`"
    )


def test_unknown_key_kind_and_duplicate_id(tmp_path):
    assert error(tmp_path, "- id: a\n  quote: NEU\n  colour: red\n") == (
        "docs/articles/2023-04-04-t.notes.yml:3: notes[a].colour: unknown key 'colour'; allowed keys are id, quote, prefix, suffix, kind, body, sources, created, corrections"
    )
    assert error(tmp_path, "- id: a\n  quote: NEU\n  kind: rumour\n  body: x\n") == (
        "docs/articles/2023-04-04-t.notes.yml:3: notes[a].kind: unknown kind 'rumour'; use one of context, fact-check, correction, definition"
    )
    assert error(tmp_path, "- id: a\n  quote: NEU\n  body: x\n- id: a\n  quote: ballot\n  body: y\n") == (
        "docs/articles/2023-04-04-t.notes.yml:4: notes[a].id: note id 'a' is already used at line 1; ids must be unique in the article"
    )


def test_overlapping_notes_are_refused(tmp_path):
    message = error(
        tmp_path, "- id: a\n  quote: 56 per cent\n  body: x\n- id: b\n  quote: per cent turnout\n  body: y\n"
    )
    assert (
        message
        == "docs/articles/2023-04-04-t.notes.yml:5: notes[b].quote: overlaps note 'a' (line 1); notes may not overlap"
    )


def test_date_override_with_bad_date(tmp_path):
    message = error(tmp_path, "dates:\n  - quote: NEU\n    date: 2023-13\n")
    assert (
        message
        == "docs/articles/2023-04-04-t.notes.yml:3: dates[0].date: '2023-13' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD"
    )


def test_date_override_period(tmp_path):
    _, (override,) = notes_from(
        tmp_path,
        "dates:\n  - quote: the offer\n    date: 2023-09\n    until: 2024-08\n    label: the 2023/24 school year\n",
    )
    assert (override.value.datetime, override.value.precision, override.value.label) == (
        "2023-09",
        "season",
        "the 2023/24 school year",
    )
    assert str(override.value.end) == "2024-08-31"


@pytest.mark.parametrize(
    "link",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "data:text/html,<b>x</b>",
        "vbscript:msgbox(1)",
    ],
)
def test_a_note_body_may_not_link_to_anything_a_click_would_run(tmp_path, link):
    message = error(tmp_path, f"- id: turnout\n  quote: 56 per cent turnout\n  body: 'See [this]({link}).'\n")
    assert message.startswith("docs/articles/2023-04-04-t.notes.yml:3: notes[turnout].body: the link ")
    assert message.endswith("is not allowed: use an http, https or mailto address, or a link inside the site")


def test_an_image_in_a_note_body_may_not_be_a_data_url(tmp_path):
    message = error(
        tmp_path,
        "- id: turnout\n  quote: 56 per cent turnout\n  body: '![x](data:image/svg+xml,<svg onload=alert(1)>)'\n",
    )
    assert "notes[turnout].body: the link 'data:image/svg+xml" in message


@pytest.mark.parametrize(
    "link",
    [
        "https://example.org/a?b=1&c=2",
        "http://example.org",
        "mailto:desk@example.org",
        "../glossary/neu.md",
        "#p-2",
        "/about/",
    ],
)
def test_a_note_body_may_link_to_the_web_mail_and_the_site(tmp_path, link):
    (note,), _ = notes_from(tmp_path, f"- id: turnout\n  quote: 56 per cent turnout\n  body: 'See [this]({link}).'\n")
    assert link in note.body


def test_raw_html_in_a_note_body_stays_text(tmp_path):
    from newsroom.bodytext import markdown_elements

    (note,), _ = notes_from(
        tmp_path,
        "- id: turnout\n  quote: 56 per cent turnout\n  body: '<a href=\"javascript:alert(1)\">x</a> <script>alert(1)</script>'\n",
    )
    (paragraph,) = markdown_elements(note.body)
    assert [e.tag for e in paragraph.iter()] == ["p"], "raw HTML in a note body became elements"


def test_link_schemes_are_read_as_a_browser_reads_them():
    from newsroom.loader import safe_link

    for bad in (
        "java\tscript:x",
        "java\nscript:x",
        "\x01javascript:x",
        "  JAVASCRIPT:x",
        "vbscript:x",
        "data:,x",
        "file:///etc/passwd",
    ):
        assert not safe_link(bad), bad
    for good in ("https://a.org", "HTTP://a.org", "mailto:a@b.org", "page/", "#p-1", "/x/y", "?q=1", "../a.md"):
        assert safe_link(good), good


def test_entity_references_in_a_note_link_stay_text(tmp_path):
    """``javascript&#58;…`` is not decoded into a scheme: the ``&`` is escaped before Markdown."""
    from newsroom.bodytext import markdown_elements

    (note,), _ = notes_from(
        tmp_path, "- id: turnout\n  quote: 56 per cent turnout\n  body: 'See [this](javascript&#58;alert(1)).'\n"
    )
    (link,) = [n for e in markdown_elements(note.body) for n in e.iter("a")]
    assert (
        link.get("href") == "javascript&amp;#58;alert(1)"
    )  # the browser reads the text "javascript&#58;…": a relative link


@pytest.mark.parametrize(("key", "value"), [("prefix", "5"), ("suffix", "[a]")])
def test_prefix_and_suffix_must_be_text(tmp_path, key, value):
    assert (
        error(tmp_path, f"- id: t\n  quote: turnout\n  {key}: {value}\n  body: x\n")
        == f"docs/articles/2023-04-04-t.notes.yml:3: notes[t].{key}: expected text"
    )


def test_a_date_override_that_ends_before_it_starts(tmp_path):
    text = "dates:\n  - quote: 56 per cent\n    date: 2023-05\n    until: 2023-04\n"
    assert (
        error(tmp_path, text)
        == "docs/articles/2023-04-04-t.notes.yml:4: dates[0].until: ends (2023-04-30) before it starts (2023-05-01)"
    )


@pytest.mark.parametrize(
    ("body", "html"),
    [
        # Code shows what was typed: "<" and "&" in a code span or block (the HTML-string route showed "&lt;" and "&amp;").
        ("Use `a < b & c` here.", "<p>Use <code>a &lt; b &amp; c</code> here.</p>"),
        ("    x <y> & z\n\nThen.", "<pre><code>x &lt;y&gt; &amp; z\n</code></pre>\n<p>Then.</p>"),
        # Raw HTML, character references and <autolinks> are text; Markdown's own markup is read.
        (
            "<b>bold</b> &amp; &#169; <https://e.org> **strong**",
            "<p>&lt;b&gt;bold&lt;/b&gt; &amp;amp; &amp;#169; &lt;https://e.org&gt; <strong>strong</strong></p>",
        ),
        (
            '[a & b](https://e.org/?x=1&y=2 "T & U")',
            '<p><a href="https://e.org/?x=1&amp;y=2" title="T &amp; U">a &amp; b</a></p>',
        ),
        ("One.\n\n- two\n- three", "<p>One.</p>\n<ul>\n<li>two</li>\n<li>three</li>\n</ul>"),
        ("A \\*star\\* \\< here", "<p>A *star* \\&lt; here</p>"),
        ("  \n\n", ""),  # nothing: not the tree of the body converted before it
    ],
)
def test_a_note_body_becomes_elements_holding_what_was_typed(body, html):
    from markdown.serializers import to_html_string
    from newsroom.bodytext import markdown_elements

    markdown_elements("Before.")  # one converter serves every body: nothing of one is left in the next
    assert "".join(to_html_string(e) for e in markdown_elements(body)) == html
