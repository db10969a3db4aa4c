"""The timeline index's filter and order toggle, in a real browser."""

from __future__ import annotations

from playwright.sync_api import TimeoutError as PlaywrightTimeout

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


def test_the_chart_fades_what_the_filter_hides_and_takes_it_out_of_reach(page, base_url):
    """Filtered to Daniel Kebede, the chart keeps every mark in place but fades the others: only
    his two events stay reachable by Tab and named to assistive technology, and a faded mark
    takes no pointer. The whole chart comes back when the filter is cleared."""
    page.goto(base_url + "timeline/")
    names = "els => els.filter(e => !e.closest('.na-chart__event--out')).map(e => e.getAttribute('aria-label'))"
    everything = page.eval_on_selector_all("a.na-chart__mark", names)
    page.select_option("#na-timeline-filter", "daniel-kebede")
    kept = page.eval_on_selector_all("a.na-chart__mark", names)
    assert [name.split(": ", 1)[1].rsplit(" (", 1)[0] for name in kept] == [
        "Daniel Kebede elected NEU general secretary",
        "Daniel Kebede takes office",
    ], kept
    assert page.locator("a.na-chart__mark").count() == len(everything)  # in place, faded
    reachable = page.eval_on_selector_all(
        "a.na-chart__mark", "els => els.filter(e => e.tabIndex >= 0 && !e.hasAttribute('aria-hidden')).length"
    )
    assert reachable == 2
    faded = page.locator(".na-chart__event--out a.na-chart__mark").first
    assert faded.evaluate("a => getComputedStyle(a.closest('g')).opacity") == "0.15"
    assert faded.evaluate("a => getComputedStyle(a).pointerEvents") == "none"
    page.focus(".na-chart__scroll")
    page.keyboard.press("Tab")
    first = page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert first == kept[0]
    page.select_option("#na-timeline-filter", "")
    assert page.eval_on_selector_all("a.na-chart__mark", names) == everything
    assert page.locator("a.na-chart__mark[tabindex], a.na-chart__mark[aria-hidden]").count() == 0


def test_order_toggle_puts_newest_first_and_back(page, base_url):
    page.goto(base_url + "timeline/")
    oldest_first = visible_titles(page)
    page.click(".na-timeline-order")
    assert page.get_attribute(".na-timeline-order", "aria-pressed") == "true"
    assert visible_titles(page) == list(reversed(oldest_first))
    page.keyboard.press("Enter")  # the button keeps focus: Enter toggles back
    assert visible_titles(page) == oldest_first


def test_newest_first_puts_the_contents_in_that_order_and_they_mark_the_month_in_view(page, base_url):
    """The "Newest first" button lists the years and months beside the page newest first too, and
    Material's scroll-spy marks the month the reader has scrolled to (it kept the old
    positions: at April 2023 it marked March); "Oldest first" again puts both back."""
    page.goto(base_url + "timeline/")
    oldest_first = contents_offered(page)
    headings = "els => els.map(e => e.id)"

    active = (
        "() => [...document.querySelectorAll('.md-sidebar--secondary .md-nav__link--active')].map(e => e.hash.slice(1))"
    )

    def marked_at(anchor: str) -> list[str]:
        page.evaluate(f"document.getElementById('{anchor}').scrollIntoView(); window.scrollBy(0, 30)")
        try:  # the scroll-spy answers in a frame or two; a slow machine gets five seconds
            page.wait_for_function(f"a => ({active})().join() === a", arg=anchor, timeout=5000)
        except PlaywrightTimeout:
            pass  # the assertion below says what it marked instead
        return page.evaluate(active)

    page.click(".na-timeline-order")
    order = page.eval_on_selector_all(".na-timeline__list h2[id], .na-timeline__list h3[id]", headings)
    assert order[:2] == ["year-2024", "month-2024-07"], order
    assert contents_offered(page) == order
    assert sorted(order) == sorted(oldest_first)
    for anchor in ("month-2023-04", "month-2023-07"):
        assert marked_at(anchor) == [anchor]
    page.evaluate("window.scrollTo(0, 0)")
    page.click(".na-timeline-order")
    assert contents_offered(page) == oldest_first
    assert marked_at("month-2023-04") == ["month-2023-04"]


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


def test_filtered_on_a_phone_the_chart_scrolls_to_what_it_keeps(phone, base_url):
    """On a phone the chart opens on its first months; filtered to someone whose events are all
    later, it scrolls its box to the first of them (the reader saw only faded marks). A filter
    whose marks are already in view leaves the scroll where it is."""
    phone.goto(base_url + "timeline/")
    box = phone.locator(".na-chart__scroll")
    # In view: inside the box, and right of the lanes' names, which stay over its left edge.
    in_view = """box => [...box.querySelectorAll('.na-chart__event:not(.na-chart__event--out) .na-chart__mark')]
        .filter(m => { const r = m.getBoundingClientRect(), b = box.getBoundingClientRect(),
                             names = box.querySelector('.na-chart__names rect').getBoundingClientRect();
                       return r.left >= names.right && r.right <= b.right; }).length"""
    assert box.evaluate("e => e.scrollLeft") == 0
    phone.select_option("#na-timeline-filter", "daniel-kebede")
    assert box.evaluate("e => e.scrollLeft") > 0
    assert box.evaluate(in_view) >= 1
    moved = box.evaluate("e => e.scrollLeft")
    phone.select_option("#na-timeline-filter", "")
    assert box.evaluate("e => e.scrollLeft") == moved  # every mark is kept: some are in view


FRAMES = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


def test_on_a_phone_the_lanes_names_stay_in_view_as_the_chart_scrolls(phone, base_url):
    """Scrolled sideways, the chart keeps its lanes' names at its left edge, over the marks, so
    a reader months into the chart still sees whose lane is whose (they scrolled away)."""
    phone.goto(base_url + "timeline/")
    box = phone.locator(".na-chart__scroll")
    names = phone.locator(".na-chart__names text", has_text="NEU")
    start = names.bounding_box()["x"]
    box.evaluate("e => e.scrollLeft = 400")
    phone.evaluate(FRAMES)  # the scroll event is dispatched in the next frame
    assert box.evaluate("e => e.scrollLeft") == 400
    assert abs(names.bounding_box()["x"] - start) < 1
    strip = phone.locator(".na-chart__names rect").bounding_box()
    assert strip["x"] >= box.bounding_box()["x"] - 1  # the strip behind them moved with them
    box.evaluate("e => e.scrollLeft = 0")
    phone.evaluate(FRAMES)
    assert abs(names.bounding_box()["x"] - start) < 1


def test_a_mark_reached_backwards_by_tab_is_not_hidden_under_the_lanes_names(page, base_url):
    """Shift+Tab from the chart's last mark, scrolled to its end, back to earlier ones: the
    browser scrolls each into view at the box's left edge, where the lanes' names stay; the
    chart's scroll padding keeps the mark right of them."""
    page.goto(base_url + "timeline/")
    box = page.locator(".na-chart__scroll")
    assert box.evaluate("e => e.scrollWidth > e.clientWidth"), "the chart fits: nothing to test"
    marks = page.locator("a.na-chart__mark")
    marks.last.focus()
    box.evaluate("e => e.scrollLeft = e.scrollWidth")
    page.evaluate(FRAMES)
    hidden = []
    for _ in range(12):
        page.keyboard.press("Shift+Tab")
        page.evaluate(FRAMES)
        where = page.evaluate(
            """() => { const m = document.activeElement.getBoundingClientRect();
                       const names = document.querySelector('.na-chart__names rect').getBoundingClientRect();
                       return [document.activeElement.getAttribute('aria-label'), m.left, names.right]; }"""
        )
        if where[1] < where[2]:
            hidden.append(where)
    assert hidden == []
    assert box.evaluate("e => e.scrollLeft") < box.evaluate("e => e.scrollWidth - e.clientWidth")  # it scrolled back
