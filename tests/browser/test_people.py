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
