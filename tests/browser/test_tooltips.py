"""Mention tooltips in a real browser: mouse, keyboard, touch, instant navigation, no JavaScript."""

from __future__ import annotations

import os

from tests.tools.helpers import SCREENSHOTS, hold_requests

ARTICLE = "articles/2023-04-28-unions-vow-coordinated-strikes/"
NAHT = "a.na-mention[data-entity=naht] >> nth=0"


def tooltip_text(page) -> str:
    return page.locator("#na-tooltip").inner_text()


def test_hover_shows_name_description_role_and_link(page, base_url):
    page.goto(base_url + ARTICLE)
    page.hover(NAHT)
    tip = page.locator("#na-tooltip")
    tip.wait_for(state="visible")
    text = tooltip_text(page)
    assert text.startswith("National Association of Head Teachers")
    assert "The school leaders' union" in text
    assert "On 28 April 2023: Led by Paul Whiteman (general secretary)" in text
    assert tip.locator("a.na-tooltip__link").evaluate("a => a.href") == base_url + "glossary/naht/"
    os.makedirs(SCREENSHOTS, exist_ok=True)
    page.screenshot(path=os.path.join(SCREENSHOTS, "tooltip-hover.png"))
    assert page.console_errors == []


def test_tooltip_is_hoverable_and_hides_when_the_pointer_leaves_both(page, base_url):
    page.goto(base_url + ARTICLE)
    page.hover(NAHT)
    tip = page.locator("#na-tooltip")
    tip.wait_for(state="visible")
    box = tip.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, steps=5)
    page.wait_for_timeout(500)
    assert tip.is_visible(), "the tooltip vanished while the pointer was on it"
    page.mouse.move(5, 890)
    tip.wait_for(state="hidden")


def test_moving_the_pointer_to_another_mention_leaves_one_expanded(page, base_url):
    """The pointer moves straight from one mention to another: the tooltip now belongs to the
    second, and only the second says it is expanded (the first kept aria-expanded="true")."""
    page.goto(base_url + ARTICLE)
    page.hover("#p-5 a.na-mention[data-entity=ascl]")
    page.locator("#na-tooltip").wait_for(state="visible")
    page.hover("#p-5 a.na-mention[data-entity=naht]")
    page.wait_for_function("() => document.getElementById('na-tooltip').innerText.startsWith('National Association')")
    page.wait_for_timeout(400)  # past the first mention's hide delay
    expanded = page.eval_on_selector_all("[aria-expanded=true]", "els => els.map(e => e.dataset.entity)")
    assert expanded == ["naht"], expanded
    assert page.locator("#na-tooltip").is_visible()


def test_keyboard_focus_shows_tooltip_and_escape_dismisses_it_without_moving_focus(page, base_url):
    page.goto(base_url + ARTICLE)
    page.focus("#p-5 a.na-mention[data-entity=ascl]")
    page.keyboard.press("Tab")  # to NAHT, the next mention: reached by Tab like any link
    focused = page.evaluate("document.activeElement.dataset.entity")
    assert focused == "naht"
    tip = page.locator("#na-tooltip")
    tip.wait_for(state="visible")
    assert tooltip_text(page).startswith("National Association of Head Teachers")
    page.keyboard.press("Escape")
    tip.wait_for(state="hidden")
    assert page.evaluate("document.activeElement.dataset.entity") == "naht"


def wait_until(page, condition, seconds: float = 5) -> None:
    """Let the page run (and Playwright deliver its events) until ``condition()`` holds."""
    for _ in range(int(seconds * 20)):
        if condition():
            return
        page.wait_for_timeout(50)


def hold_words(page):
    """Hold the request for entities.json, the tooltips' words (see hold_requests)."""
    return hold_requests(page, "**/entities.json")


def test_tab_on_while_the_words_load_shows_the_mention_focused_last(page, base_url):
    """Focus reaches ASCL, then NAHT, before the tooltips' words have come: the tooltip shows
    NAHT's words, where the focus is (it showed ASCL's, whose wait ended first)."""
    held, release = hold_words(page)
    page.goto(base_url + ARTICLE)
    page.focus("#p-5 a.na-mention[data-entity=ascl]")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.entity") == "naht"
    wait_until(page, lambda: held)
    assert held, "the words came before the test could hold them"
    release()
    page.wait_for_function("() => !document.getElementById('na-tooltip').hidden")
    page.wait_for_timeout(200)  # any later show would have run by now
    assert tooltip_text(page).startswith("National Association of Head Teachers")
    expanded = page.eval_on_selector_all("[aria-expanded=true]", "els => els.map(e => e.dataset.entity)")
    assert expanded == ["naht"], expanded


def test_a_mention_the_pointer_has_left_does_not_open_when_its_words_come(page, base_url):
    """The pointer rests on a mention and moves away before the words have come: when they
    come, no tooltip opens over a page the reader has moved on from."""
    held, release = hold_words(page)
    page.goto(base_url + ARTICLE)
    page.hover(NAHT)
    page.mouse.move(5, 890)
    page.wait_for_timeout(500)  # past the hide delay
    wait_until(page, lambda: held)
    assert held, "the words came before the test could hold them"
    release()
    page.wait_for_function(
        "() => performance.getEntriesByType('resource').some(e => e.name.endsWith('/entities.json'))"
    )
    page.wait_for_timeout(300)
    assert page.evaluate("!document.getElementById('na-tooltip') || document.getElementById('na-tooltip').hidden")
    assert page.locator("[aria-expanded=true]").count() == 0


def test_words_that_failed_to_come_are_asked_for_again(page, base_url):
    """The first request for the tooltips' words fails (a moment offline): the mention is still
    a link, nothing is logged as an error, and the next mention reached asks again and opens."""
    failed = []

    def handler(route):
        if not failed:
            failed.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    page.route("**/entities.json", handler)
    page.goto(base_url + ARTICLE)
    wait_until(page, lambda: failed)
    assert failed, "the page did not ask for the words"
    page.hover(NAHT)
    page.locator("#na-tooltip").wait_for(state="visible")
    assert tooltip_text(page).startswith("National Association of Head Teachers")
    # The browser logs the failed request itself; the page adds nothing (no unhandled rejection).
    assert [e for e in page.console_errors if not e.startswith("Failed to load resource")] == []


def test_mention_is_described_for_screen_readers_by_the_tooltip(page, base_url):
    page.goto(base_url + ARTICLE)
    page.focus(NAHT)
    page.locator("#na-tooltip").wait_for(state="visible")
    described = page.evaluate(
        """() => {
        const a = document.activeElement;
        return document.getElementById(a.getAttribute('aria-describedby')).innerText;
    }"""
    )
    assert "The school leaders' union" in described
    assert "On 28 April 2023: Led by Paul Whiteman (general secretary)" in described
    assert page.locator("a.na-mention[title]").count() == 0
    assert page.evaluate(
        "[...document.querySelectorAll('a.na-mention')].every(a => a.getAttribute('aria-describedby') === 'na-tooltip')"
    )


def test_first_tap_shows_tooltip_and_its_link_navigates(phone, base_url):
    phone.goto(base_url + ARTICLE)
    phone.tap("a.na-mention[data-entity=neu] >> nth=0")
    tip = phone.locator("#na-tooltip")
    tip.wait_for(state="visible")
    assert phone.url == base_url + ARTICLE
    phone.screenshot(path=os.path.join(SCREENSHOTS, "tooltip-tap-phone.png"))
    tip.locator("a.na-tooltip__link").tap()
    phone.wait_for_url(base_url + "glossary/neu/")
    # Material's instant navigation sets the URL before it swaps the content: wait for the page.
    phone.locator("h1", has_text="National Education Union").wait_for()


def test_tooltips_work_after_instant_navigation(page, base_url):
    page.goto(base_url + "articles/")
    page.evaluate("window.__sameDocument = true")
    page.click("a.na-article-item__title >> nth=0")
    page.wait_for_url(base_url + ARTICLE)
    page.wait_for_selector("a.na-mention[data-entity=naht]")
    assert page.evaluate("window.__sameDocument === true"), "expected Material's instant navigation, not a full load"
    page.hover(NAHT)
    page.locator("#na-tooltip").wait_for(state="visible")
    assert tooltip_text(page).startswith("National Association of Head Teachers")


def test_without_javascript_a_mention_is_a_plain_link(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + ARTICLE)
    page.click(NAHT)
    page.wait_for_url(base_url + "glossary/naht/")
    context.close()


def test_article_has_no_horizontal_scroll_on_a_phone(phone, base_url):
    phone.goto(base_url + ARTICLE)
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_date_is_described_for_screen_readers_by_the_tooltip(page, base_url):
    page.goto(base_url + ARTICLE)
    assert page.evaluate(
        "[...document.querySelectorAll('a.na-date')].every(a => a.getAttribute('aria-describedby') === 'na-tooltip')"
    )
    page.focus("#p-2 a.na-date")  # "today": Friday 28 April 2023
    page.locator("#na-tooltip").wait_for(state="visible")
    described = page.evaluate(
        "() => document.getElementById(document.activeElement.getAttribute('aria-describedby')).innerText"
    )
    assert "Friday 28 April 2023" in described
