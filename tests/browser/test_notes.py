"""Editors' notes in a real browser: open by mouse, keyboard and touch; Esc; copy link; deep links."""

from __future__ import annotations

import os

from tests.tools.helpers import SCREENSHOTS, contents_offered

ARTICLE = "articles/2023-04-28-unions-vow-coordinated-strikes/"
MARKER = '.na-note-marker[data-note="four-national-walkouts"]'


def test_clicking_a_marker_opens_the_note_beside_the_text(page, base_url):
    page.goto(base_url + ARTICLE)
    page.click(MARKER)
    popover = page.locator(".na-note-popover")
    popover.wait_for(state="visible")
    text = popover.inner_text()
    assert "FACT-CHECK" in text.upper() and "fifth national day" in text
    assert popover.get_attribute("role") == "dialog"
    assert page.evaluate("document.activeElement.classList.contains('na-note-popover')")
    assert page.url.endswith("#note-four-national-walkouts")
    mark_box = page.locator("#note-four-national-walkouts").bounding_box()
    pop_box = popover.bounding_box()
    assert pop_box["x"] > mark_box["x"], "on a wide screen the note opens beside the text"
    os.makedirs(SCREENSHOTS, exist_ok=True)
    page.screenshot(path=os.path.join(SCREENSHOTS, "note-open-desktop.png"))
    assert page.console_errors == []


def test_keyboard_enter_opens_and_escape_closes_returning_focus(page, base_url):
    page.goto(base_url + ARTICLE)
    page.focus(MARKER)
    page.keyboard.press("Enter")
    page.locator(".na-note-popover").wait_for(state="visible")
    page.keyboard.press("Escape")
    page.locator(".na-note-popover").wait_for(state="hidden")
    assert page.evaluate("document.activeElement.dataset.note") == "four-national-walkouts"


def test_opening_another_note_leaves_one_marker_expanded(page, base_url):
    """A second marker opens its note in place of the first: only the second says it is
    expanded (the first kept aria-expanded="true")."""
    page.goto(base_url + ARTICLE)
    other = '.na-note-marker[data-note="two-billion"]'
    page.click(MARKER)
    page.locator(".na-note-popover").wait_for(state="visible")
    page.click(other)
    page.wait_for_function("() => document.querySelector('.na-note-popover').dataset.note === 'two-billion'")
    assert page.get_attribute(MARKER, "aria-expanded") == "false"
    assert page.get_attribute(other, "aria-expanded") == "true"
    assert page.locator("mark.na-note.is-active").count() == 1
    page.keyboard.press("Escape")
    assert page.get_attribute(other, "aria-expanded") == "false"
    assert page.evaluate("document.activeElement.dataset.note") == "two-billion"


def test_tap_opens_the_note_on_a_phone(phone, base_url):
    phone.goto(base_url + ARTICLE)
    phone.tap(MARKER)
    popover = phone.locator(".na-note-popover")
    popover.wait_for(state="visible")
    box = popover.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    phone.screenshot(path=os.path.join(SCREENSHOTS, "note-open-phone.png"))


def test_copy_link_copies_the_notes_own_page_which_leads_back_to_the_passage(browser, base_url):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(base_url + ARTICLE)
    page.click(MARKER)
    page.click(".na-note-popover .na-copy")
    page.locator(".na-note-popover .na-copy", has_text="Link copied").wait_for()
    shared = page.evaluate("navigator.clipboard.readText()")
    assert shared == base_url + "notes/2023-04-28-unions-vow-coordinated-strikes/four-national-walkouts/"
    page.goto(shared)
    assert page.inner_text(".na-share__passage mark") == "four national walkouts"
    page.click("text=Read it in the article")
    page.wait_for_url("**/" + ARTICLE + "#note-four-national-walkouts")
    page.locator(".na-note-popover").wait_for(state="visible")
    context.close()


def test_permanent_link_opens_the_note_and_highlights_the_passage(page, base_url):
    page.goto(base_url + ARTICLE + "#note-only-active-mandate")
    page.locator(".na-note-popover").wait_for(state="visible")
    assert "90.44%" in page.locator(".na-note-popover").inner_text()
    assert page.locator("#note-only-active-mandate.is-active").count() == 1
    assert page.locator("#note-only-active-mandate").is_visible()
    in_view = page.evaluate(
        "(() => { const r = document.getElementById('note-only-active-mandate').getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })()"
    )
    assert in_view


def test_permanent_link_works_after_instant_navigation(page, base_url):
    page.goto(base_url + "notes/")
    page.evaluate("window.__sameDocument = true")
    page.click('a[href$="#note-pay-review-body"]')
    page.locator(".na-note-popover").wait_for(state="visible")
    assert page.evaluate("window.__sameDocument === true"), "expected Material's instant navigation"
    assert "STRB" in page.locator(".na-note-popover").inner_text()


def test_without_javascript_the_marker_leads_to_the_note_and_back(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + ARTICLE)
    page.click(MARKER)
    assert page.url.endswith("#note-body-four-national-walkouts")
    assert page.locator("#note-body-four-national-walkouts").is_visible()
    page.click("#note-body-four-national-walkouts .na-note-body__back a")
    assert page.url.endswith("#note-four-national-walkouts")
    context.close()


def test_notes_index_filters_by_kind(page, base_url):
    page.goto(base_url + "notes/")
    total = page.locator(".na-notes-index__item:visible").count()
    page.select_option("#na-notes-filter", "fact-check")
    kinds = page.eval_on_selector_all(".na-notes-index__item:not([hidden])", "els => els.map(e => e.dataset.kind)")
    assert kinds and set(kinds) == {"fact-check"} and len(kinds) < total
    page.select_option("#na-notes-filter", "")
    assert page.locator(".na-notes-index__item:visible").count() == total


def test_the_notes_index_contents_list_only_the_articles_the_filter_shows(page, years_url):
    """Filtered by kind, the contents beside the notes index list only the articles whose notes
    are still shown (the fixture article has a context note only)."""
    page.goto(years_url + "notes/")
    fixture = "2022-07-01-fixture-noted"
    everything = contents_offered(page)
    assert fixture in everything
    page.select_option("#na-notes-filter", "fact-check")
    assert page.locator(f"[id='{fixture}']").is_hidden()
    assert contents_offered(page) == [anchor for anchor in everything if anchor != fixture]
    page.select_option("#na-notes-filter", "")
    assert contents_offered(page) == everything
