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
        page.eval_on_selector(anchor, "p => { const s = getSelection(); s.removeAllRanges(); const r = document.createRange(); r.selectNodeContents(p); s.addRange(r); }")
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
