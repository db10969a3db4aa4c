"""The people index filter, in a real browser."""

from __future__ import annotations


def visible(page) -> list[str]:
    return page.eval_on_selector_all(".na-person:not([hidden]) .na-person__name", "els => els.map(e => e.textContent)")


def test_filter_people_by_name_or_organisation(page, base_url):
    page.goto(base_url + "people/")
    assert len(visible(page)) == 12
    page.fill("#na-people-filter", "barton")
    assert visible(page) == ["Geoff Barton"]
    page.fill("#na-people-filter", "neu")
    assert visible(page) == ["Mary Bousted", "Kevin Courtney", "Daniel Kebede", "Niamh Sweeney"]
    page.fill("#na-people-filter", "national education")
    assert len(visible(page)) == 4
    assert page.locator(".na-filter-status").inner_text() == "4 people"
    page.fill("#na-people-filter", "")
    assert len(visible(page)) == 12
    assert page.console_errors == []


def test_a_person_reached_by_instant_navigation_runs_no_structured_data_as_script(page, base_url):
    """Material's instant navigation runs again every <script> in the new page's content, as a
    plain script: a person's JSON-LD there threw "Unexpected token ':'" on each visit. It is in
    the page's head, where Material does not run it, and the page reached has no error."""
    page.goto(base_url + "people/")
    page.evaluate("window.__sameDocument = true")
    page.click("a.na-person__name >> text=Mary Bousted")
    page.wait_for_url("**/people/mary-bousted/")
    page.locator("h1", has_text="Mary Bousted").wait_for()
    page.wait_for_timeout(300)
    assert page.evaluate("window.__sameDocument === true"), "expected Material's instant navigation"
    assert page.console_errors == []
    data = page.evaluate(
        "[...document.querySelectorAll('script[type=\"application/ld+json\"]')].map(s => JSON.parse(s.textContent).name)"
    )
    assert data == ["Mary Bousted"]
