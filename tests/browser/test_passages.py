"""Passages outside our own pages: what a reader copies is the article's words, and a real W3C
annotation client (Apache Annotator) anchors every note of annotations.jsonld to its passage."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from newsroom.loader import load_article

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = sorted((ROOT / "docs" / "articles").glob("*.txt"))


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_copying_a_paragraph_gives_its_source_text(browser, base_url, path):
    article = load_article(path)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"{base_url}articles/{article.slug}/")
    for paragraph in article.paragraphs:
        anchor = f"#p-{paragraph.number}"
        assert page.eval_on_selector(anchor, "p => p.textContent") == paragraph.text
        page.eval_on_selector(
            anchor,
            "p => { const s = getSelection(); s.removeAllRanges(); const r = document.createRange(); r.selectNodeContents(p); s.addRange(r); }",
        )
        page.keyboard.press("Control+C")
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied.strip() == paragraph.text, (paragraph.number, copied)
    # The chips, numbers and permalinks are still there to see, with their names.
    assert page.locator(".na-note-marker").first.get_attribute("aria-label").startswith("Note 1:")
    assert page.eval_on_selector(".na-note-marker sup", "e => getComputedStyle(e, '::before').content") == '"1"'
    assert page.eval_on_selector(".na-permalink", "e => getComputedStyle(e, '::before').content") == '"¶"'
    context.close()


def test_apache_annotator_anchors_every_annotation_to_its_mark(browser, base_url, built_site, annotator_bundle):
    data = json.loads((built_site.root / "site" / "annotations.jsonld").read_text(encoding="utf-8"))
    items = data["first"]["items"]
    assert len(items) == data["total"] > 0
    page = browser.new_page()
    anchored = 0
    for item in items:
        url = item["target"]["source"]
        assert url.startswith(base_url)
        if page.url != url:
            page.goto(url)
            page.add_script_tag(path=annotator_bundle)
        note_id = item["id"].rsplit("#note-", 1)[1]
        mark = page.eval_on_selector(f"#note-{note_id}", "m => m.textContent")
        for selector in item["target"]["selector"]:
            found = page.evaluate("s => Annotator.anchor(s)", selector)
            assert found == [mark], (note_id, selector["refinedBy"]["type"], found)
        anchored += 1
    assert anchored == len(items)


ARTICLE = "articles/2023-04-28-unions-vow-coordinated-strikes/"


def select_words(page, paragraph: str, words: str) -> None:
    """Select ``words`` (a run of whole words, once in the paragraph) as a reader would, by range."""
    page.eval_on_selector(
        paragraph,
        """(p, words) => {
            const text = p.textContent, start = text.indexOf(words), end = start + words.length;
            const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT), range = document.createRange();
            let seen = 0, node;
            while ((node = walker.nextNode())) {
              const n = node.data.length;
              if (start >= seen && start <= seen + n && !range.__s) { range.setStart(node, start - seen); range.__s = 1; }
              if (end >= seen && end <= seen + n) { range.setEnd(node, end - seen); break; }
              seen += n;
            }
            const s = getSelection(); s.removeAllRanges(); s.addRange(range);
        }""",
        words,
    )


@pytest.mark.parametrize(
    ("paragraph", "words"),
    [
        ("#p-13", "derisory first offer"),  # in one text node
        ("#p-6", "Paul Whiteman accused Ms Keegan"),  # across two links
        ("#p-4", "four national walkouts"),  # a note's passage: repeated in the notes list, so context is added
    ],
)
def test_a_selected_passage_gets_a_link_that_highlights_it_in_a_fresh_page(browser, base_url, paragraph, words):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(base_url + ARTICLE)
    select_words(page, paragraph, words)
    button = page.locator(".na-passage-link")
    button.wait_for(state="visible")
    assert button.inner_text() == "Link to this passage"
    button.click()
    page.wait_for_function("() => document.querySelector('.na-passage-link').textContent === 'Link copied'")
    url = page.evaluate("navigator.clipboard.readText()")
    assert url.startswith(f"{base_url}{ARTICLE}{paragraph}:~:text="), url
    assert page.evaluate("window.getSelection().toString()") == words, "copying the link lost the selection"

    fresh = context.new_page()
    fresh.goto(url)
    fresh.wait_for_function("() => CSS.highlights.has('na-passage')")
    highlighted = fresh.evaluate("() => [...CSS.highlights.get('na-passage')].map(r => r.toString())")
    assert highlighted == [words]
    assert fresh.evaluate(
        f"() => {{ const r = document.querySelector('{paragraph}').getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }}"
    )
    context.close()


def test_a_selection_outside_one_paragraph_gets_no_passage_link(page, base_url):
    page.goto(base_url + ARTICLE)
    page.evaluate(
        """() => { const r = document.createRange(); r.setStart(document.querySelector('#p-2').firstChild, 0);
                 r.setEnd(document.querySelector('#p-3').firstChild, 3); const s = getSelection(); s.removeAllRanges(); s.addRange(r); }"""
    )
    page.wait_for_timeout(400)
    assert page.locator(".na-passage-link:visible").count() == 0
