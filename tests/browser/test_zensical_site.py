"""The site Zensical builds (newsroom/adapters/zensical.py), in a real browser: a tooltip opens by
mouse and keyboard, a date link lands on its day, a note's permanent link opens it, and search
finds a paragraph and lands on it."""

from __future__ import annotations

import os

import pytest

from tests.browser.conftest import serve
from tests.tools.helpers import SCREENSHOTS

ARTICLE = "articles/2023-04-28-unions-vow-coordinated-strikes/"


@pytest.fixture(scope="module")
def zensical_url(zensical_site, zensical_port):
    with serve(zensical_site.root / "site-zensical", zensical_port) as url:
        yield url


def test_the_page_is_zensicals(page, zensical_url):
    page.goto(zensical_url + ARTICLE)
    assert "zensical" in page.locator('meta[name="generator"]').get_attribute("content").lower()


def test_a_tooltip_opens_by_mouse_and_by_keyboard(page, zensical_url):
    page.goto(zensical_url + ARTICLE)
    page.hover("a.na-mention[data-entity=naht] >> nth=0")
    tip = page.locator("#na-tooltip")
    tip.wait_for(state="visible")
    assert tip.inner_text().startswith("National Association of Head Teachers")
    assert "On 28 April 2023: Led by Paul Whiteman (general secretary)" in tip.inner_text()
    assert tip.locator("a.na-tooltip__link").evaluate("a => a.href") == zensical_url + "glossary/naht/"
    os.makedirs(SCREENSHOTS, exist_ok=True)
    page.screenshot(path=os.path.join(SCREENSHOTS, "zensical-tooltip.png"))
    page.mouse.move(0, 0)
    page.keyboard.press("Escape")
    page.locator("a.na-mention[data-entity=neu] >> nth=0").focus()
    tip.wait_for(state="visible")
    assert tip.inner_text().startswith("National Education Union")
    assert page.console_errors == []


def test_a_date_link_lands_on_its_day(page, zensical_url):
    page.goto(zensical_url + ARTICLE)
    link = page.locator('a.na-date[href$="#2023-04-28"] >> nth=0')
    assert link.inner_text() == "today"
    link.click()
    page.wait_for_url("**/timeline/2023-04/#2023-04-28")
    day = page.locator("[id='2023-04-28']")
    day.wait_for()
    assert day.evaluate("el => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }")
    assert "Teaching unions vow to co-ordinate strikes" in day.evaluate(
        "el => el.closest('section, li, div').innerText"
    )


def test_a_notes_permanent_link_opens_it(page, zensical_url):
    page.goto(zensical_url + ARTICLE + "#note-only-active-mandate")
    page.locator(".na-note-popover").wait_for(state="visible")
    assert "90.44%" in page.locator(".na-note-popover").inner_text()
    assert page.locator("#note-only-active-mandate.is-active").count() == 1
    # and the note's own page, the link to share, leads back to the passage
    page.goto(zensical_url + "notes/2023-04-28-unions-vow-coordinated-strikes/only-active-mandate/")
    back = page.locator(f'a[href$="{ARTICLE}#note-only-active-mandate"] >> nth=0')
    back.click()
    page.wait_for_url(f"**/{ARTICLE}#note-only-active-mandate")
    page.locator(".na-note-popover").wait_for(state="visible")


def test_search_finds_a_paragraph_and_lands_on_it(page, zensical_url):
    page.goto(zensical_url)
    page.keyboard.press("/")
    page.keyboard.type("bat and ball home")
    page.wait_for_function(
        "q => document.querySelector('[data-na-search]').getAttribute('data-na-search-done') === q",
        arg="bat and ball home",
        timeout=15000,
    )
    assert page.locator(".md-search-result__item").count() == 1, page.inner_text("#na-search-results")
    assert page.locator(".md-search-result__link").first.get_attribute("href").endswith(f"/{ARTICLE}#p-8")
    page.screenshot(path=os.path.join(SCREENSHOTS, "zensical-search.png"))
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{ARTICLE}#p-8")
    target = page.locator("#p-8")
    target.wait_for()
    assert target.evaluate("el => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }")
    assert page.console_errors == []


def test_on_a_phone_a_tap_opens_the_tooltip(phone, zensical_url):
    phone.goto(zensical_url + ARTICLE)
    phone.locator("a.na-mention[data-entity=naht] >> nth=0").tap()
    phone.locator("#na-tooltip").wait_for(state="visible")
    phone.screenshot(path=os.path.join(SCREENSHOTS, "zensical-phone-tooltip.png"))
