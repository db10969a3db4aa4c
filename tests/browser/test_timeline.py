"""The timeline index's filter and order toggle, in a real browser."""

from __future__ import annotations


def visible_titles(page) -> list[str]:
    return page.eval_on_selector_all(".na-timeline__event:not([hidden]) a", "els => els.map(e => e.textContent)")


def test_filter_by_organisation_or_person_without_reloading(page, base_url):
    page.goto(base_url + "timeline/")
    page.evaluate("window.__sameDocument = true")
    everything = visible_titles(page)
    page.select_option("#na-timeline-filter", "ascl")
    ascl = visible_titles(page)
    assert 0 < len(ascl) < len(everything)
    assert "ASCL accepts and halts its strike ballot" in ascl and "NEU national strike" not in ascl
    assert page.locator(".na-timeline-count").inner_text().endswith("involving Association of School and College Leaders")
    page.select_option("#na-timeline-filter", "daniel-kebede")
    assert visible_titles(page) == ["Daniel Kebede elected NEU general secretary", "Daniel Kebede takes office"]
    page.select_option("#na-timeline-filter", "")
    assert visible_titles(page) == everything
    assert page.evaluate("window.__sameDocument === true")
    assert page.console_errors == []


def test_order_toggle_puts_newest_first_and_back(page, base_url):
    page.goto(base_url + "timeline/")
    oldest_first = visible_titles(page)
    page.click(".na-timeline-order")
    assert page.get_attribute(".na-timeline-order", "aria-pressed") == "true"
    assert visible_titles(page) == list(reversed(oldest_first))
    page.keyboard.press("Enter")  # the button keeps focus: Enter toggles back
    assert visible_titles(page) == oldest_first


def test_date_tooltip_says_which_day_it_is(page, base_url):
    page.goto(base_url + "articles/2023-04-28-unions-vow-coordinated-strikes/")
    page.hover("a.na-date >> text=Tuesday")
    tip = page.locator("#na-tooltip")
    tip.wait_for(state="visible")
    assert tip.inner_text().startswith("Tuesday 2 May 2023")
