"""The timeline index's filter and order toggle, in a real browser."""

from __future__ import annotations

from tests.tools.helpers import contents_offered


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
    assert (
        page.locator(".na-filter-status").inner_text().endswith("involving Association of School and College Leaders")
    )
    page.select_option("#na-timeline-filter", "daniel-kebede")
    assert visible_titles(page) == ["Daniel Kebede elected NEU general secretary", "Daniel Kebede takes office"]
    page.select_option("#na-timeline-filter", "")
    assert visible_titles(page) == everything
    assert page.evaluate("window.__sameDocument === true")
    assert page.console_errors == []


def test_the_table_of_contents_lists_only_the_months_the_filter_shows(page, base_url):
    """Filtered, the contents beside the timeline list only the years and months still shown:
    a month the filter hid is no longer offered as a place to go (its link led nowhere)."""
    page.goto(base_url + "timeline/")
    everything = contents_offered(page)
    page.select_option("#na-timeline-filter", "daniel-kebede")
    shown = page.eval_on_selector_all(
        ".na-timeline__list [id]:not([hidden])", "els => els.filter(e => e.offsetParent).map(e => e.id)"
    )
    kept = contents_offered(page)
    assert kept == [anchor for anchor in everything if anchor in shown], (kept, shown)
    assert 0 < len(kept) < len(everything)
    page.select_option("#na-timeline-filter", "")
    assert contents_offered(page) == everything


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


def test_a_chart_mark_leads_to_its_day_by_mouse_and_by_keyboard(page, base_url):
    page.goto(base_url + "timeline/")
    mark = page.locator('a.na-chart__mark[*|href$="#naht-rejects-offer"]')
    assert mark.get_attribute("aria-label") == "5 April 2023: NAHT members reject the offer (ballot result)"
    mark.click()
    page.wait_for_url("**/timeline/2023-04/#naht-rejects-offer")
    assert page.locator("#naht-rejects-offer").is_visible()
    page.goto(base_url + "timeline/")
    page.focus(".na-chart__scroll")
    page.keyboard.press("Tab")  # the first mark, in time order
    focused = page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert focused.startswith("25 October 2022: Gillian Keegan becomes Education Secretary")
    page.keyboard.press("Enter")
    page.wait_for_url("**/timeline/2022-10/#keegan-appointed")


def test_the_chart_scrolls_in_its_box_on_a_phone(phone, base_url):
    phone.goto(base_url + "timeline/")
    box = phone.locator(".na-chart__scroll")
    assert box.evaluate("e => e.scrollWidth > e.clientWidth"), "the chart fits without scrolling: nothing to test"
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways"
    box.evaluate("e => e.scrollLeft = e.scrollWidth")
    assert box.evaluate("e => e.scrollLeft > 0")
