"""The header search (Pagefind), as a reader uses it: keyboard, results, deep links, filters."""

from __future__ import annotations

import pytest

from tests.tools import lighthouse
from tests.tools.helpers import hold_requests

ARTICLE = "articles/2023-04-28-unions-vow-coordinated-strikes/"


def search(page, query: str) -> None:
    """Type ``query`` into the open search box and wait for its results."""
    page.keyboard.type(query)
    page.wait_for_function(
        "q => document.querySelector('[data-na-search]').getAttribute('data-na-search-done') === q",
        arg=query,
        timeout=15000,
    )


def hold_fragments(page):
    """Hold the requests for result fragments (see hold_requests): a search waits on them."""
    return hold_requests(page, "**/pagefind/**/fragment/*")


def outside_requests(page, base_url: str) -> list[str]:
    found: list[str] = []
    page.on(
        "request",
        lambda r: found.append(r.url) if not r.url.startswith(base_url) and not r.url.startswith("data:") else None,
    )
    return found


def test_slash_opens_search_and_a_phrase_from_one_paragraph_lands_on_it(page, base_url):
    outside = outside_requests(page, base_url)
    page.goto(base_url)
    page.keyboard.press("/")
    box = page.locator("[data-na-search-query]")
    assert box.evaluate("el => el === document.activeElement")
    assert page.evaluate("document.getElementById('__search').checked")
    search(page, "bat and ball home")
    links = page.locator(".md-search-result__link")
    assert page.locator(".md-search-result__item").count() == 1, page.inner_text("#na-search-results")
    assert links.first.get_attribute("href").endswith(f"/{ARTICLE}#p-8")
    first = page.inner_text(".md-search-result__item")
    assert "Teaching unions vow to co-ordinate strikes" in first and "Article · 28 April 2023 · inkl" in first
    assert page.locator(".md-search-result__item mark").first.inner_text() in ("bat", "ball", "home")
    assert page.inner_text("#na-search-status") == "1 result"
    page.keyboard.press("Enter")  # the first result
    page.wait_for_url(f"**/{ARTICLE}#p-8")
    target = page.locator("#p-8")
    target.wait_for()
    assert target.evaluate("el => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }")
    assert not page.evaluate("document.getElementById('__search').checked"), "search stays open after choosing a result"
    assert outside == [], outside
    assert page.console_errors == []


def test_a_person_is_found_by_an_alias(page, base_url):
    page.goto(base_url + "about/")
    page.keyboard.press("s")
    search(page, "Dr Bousted")  # "Dr" is only in her alias, "Dr Mary Bousted"
    first = page.locator(".md-search-result__link").first
    assert first.get_attribute("href").endswith("/people/mary-bousted/")
    assert "Mary Bousted" in first.inner_text() and "Person" in first.inner_text()


def test_type_and_year_filters_narrow_the_results(page, base_url):
    page.goto(base_url)
    page.keyboard.press("/")
    search(page, "NEU")
    people = page.locator(".na-search__type[data-type=person]")
    assert people.locator(".na-search__count").inner_text() == "", (
        "the filters' lists were loaded before the reader reached for them"
    )
    page.hover(".na-search__filters")  # reaching for the filters loads their lists: then the counts show
    page.wait_for_function(
        "() => document.querySelector('.na-search__type[data-type=person] .na-search__count').textContent !== ''"
    )
    total = int(page.inner_text("#na-search-status").split()[0])
    count = int(people.locator(".na-search__count").inner_text())
    assert 0 < count < total
    people.click()
    page.wait_for_function(
        "n => document.querySelector('#na-search-status').textContent.startsWith(n + ' result')", arg=str(count)
    )
    assert people.get_attribute("aria-pressed") == "true"
    types = page.eval_on_selector_all(".na-search__item", "els => els.map(e => e.dataset.type)")
    assert types and set(types) == {"person"}, types
    page.click(".na-search__type[data-type='']")
    page.wait_for_function(
        "() => [...document.querySelectorAll('.na-search__item')].some(e => e.dataset.type !== 'person')"
    )
    page.select_option("[data-na-search-year]", "2023")  # only articles and notes have a year
    page.wait_for_function(
        "() => [...document.querySelectorAll('.na-search__item')].every(e => ['article', 'note'].includes(e.dataset.type))"
    )
    assert page.locator(".na-search__item").count() > 0
    page.select_option("[data-na-search-order]", "desc")
    page.wait_for_function("() => document.querySelector('#na-search-status').textContent.includes('newest first')")


def test_notes_are_found_and_open_in_place(page, base_url):
    page.goto(base_url)
    page.keyboard.press("/")
    search(page, "struck nationally")
    link = page.locator(".na-search__item[data-type=note] .md-search-result__link").first
    assert link.get_attribute("href").endswith(f"/{ARTICLE}#note-four-national-walkouts")
    assert "Editors' note · 28 April 2023" in link.inner_text()
    link.click()
    page.wait_for_url("**#note-four-national-walkouts")
    page.locator(".na-note-popover").wait_for(state="visible")


def test_a_note_is_not_found_by_the_words_of_its_articles_address(page, base_url):
    """ "coordinated" is in the article's address (…-unions-vow-coordinated-strikes), not in its
    text ("co-ordinate") nor in any of its notes: it found all six notes, through a URL kept in
    their metadata, which Pagefind searches."""
    page.goto(base_url)
    page.keyboard.press("/")
    search(page, "coordinated")
    types = page.eval_on_selector_all(".na-search__item", "els => els.map(e => e.dataset.type)")
    assert "note" not in types, types


def test_a_record_is_not_found_by_the_words_of_its_date(page, base_url):
    """No article or note says "04", but every one is dated April 2023: written as 2023-04-28 in
    their metadata, which Pagefind searches, the date made all thirteen match "04". The dates
    still show on the results (the metadata is one opaque word that search.js reads back)."""
    page.goto(base_url)
    page.keyboard.press("/")
    search(page, "04")
    types = page.eval_on_selector_all(".na-search__item", "els => els.map(e => e.dataset.type)")
    assert not {"article", "note"} & set(types), types
    page.fill(".md-search__input", "")
    search(page, "walkouts")
    lines = page.eval_on_selector_all(".na-search__item .md-search-result__link", "els => els.map(e => e.innerText)")
    assert any("Article · 28 April 2023 · inkl" in line for line in lines), lines


def test_arrows_move_through_results_and_escape_closes(page, base_url):
    page.goto(base_url)
    page.keyboard.press("/")
    search(page, "ballot")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.classList.contains('md-search-result__link')")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.matches('[data-na-search-query]')")
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")
    page.keyboard.press("n")  # with search closed, Material's own keys work again
    page.wait_for_url("**/articles/")


def test_a_query_in_the_address_opens_search(page, base_url):
    page.goto(base_url + "?q=derisory")
    page.wait_for_function(
        "document.querySelector('[data-na-search]').getAttribute('data-na-search-done') === 'derisory'"
    )
    assert page.locator(".md-search-result__link").count() >= 1


def test_search_on_a_phone(phone, base_url):
    phone.goto(base_url + ARTICLE)
    phone.click("label.md-header__button[for=__search]")
    assert phone.evaluate("document.activeElement.matches('[data-na-search-query]')")
    search(phone, "contempt")
    first = phone.locator(".md-search-result__link").first
    assert first.is_visible()
    # The results fit the screen once the dialog's opening transition is over.
    phone.wait_for_function(
        "() => { const r = document.querySelector('.md-search-result__link').getBoundingClientRect(); return r.left >= 0 && r.right <= innerWidth; }",
        timeout=5000,
    )
    # Tapping Clear leaves no "Clear" tooltip over the filters (a tapped button stays hovered).
    phone.tap("button.md-search__icon[type=reset]")
    phone.wait_for_timeout(600)  # Material shows its tooltips after a short delay
    search(phone, "Keegan")
    tips = phone.locator(".md-search__options > .md-tooltip")
    assert all(not tips.nth(i).is_visible() for i in range(tips.count())), phone.inner_html(".md-search__options")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_open_search_has_no_accessibility_violations(browser, base_url, scheme):
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    page.goto(base_url)
    page.keyboard.press("/")
    search(page, "NEU")
    page.hover(".na-search__filters")
    page.wait_for_function(
        "() => document.querySelector('.na-search__type[data-type=person] .na-search__count').textContent !== ''"
    )
    violations = Axe.from_file(lighthouse.AXE).run(page).response["violations"]
    context.close()
    assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations] == []


# --- an index in parts: the real site with two made-up articles from 2021 and 2022 ---------


def results(page) -> list[tuple[str, str]]:
    """(title, meta line) of each result shown."""
    return [
        (item.locator("h1").inner_text(), item.locator(".na-search__meta").first.inner_text())
        for item in page.locator(".md-search-result__item").all()
    ]


def test_parts_answer_together_ranked_as_one_index(page, years_url):
    page.goto(years_url)
    assert page.evaluate("fetch('pagefind/parts.json').then(r => r.json())") == {
        "parts": ["reference", "2023", "2022", "2021"]
    }
    page.keyboard.press("/")
    search(page, "zephyr")
    found = results(page)
    assert sorted(title for title, _ in found) == ["Fixture report from 2021", "Fixture report from 2022"], found
    assert page.inner_text("#na-search-status") == "2 results"
    assert page.console_errors == []


def test_a_part_without_one_of_the_words_does_not_answer_with_the_others(page, years_url):
    """ "quokka" is only in 2021's part; "ballot" is in every part. Pagefind ignores a word an index
    does not have, so without search.js's partsFor every page about ballots would be a result."""
    page.goto(years_url)
    page.keyboard.press("/")
    search(page, "quokka ballot")
    assert results(page) == [("Fixture report from 2021", "Article · 1 March 2021 · Test Fixture")]
    assert page.inner_text("#na-search-status") == "1 result"
    page.fill("[data-na-search-query]", "")
    search(page, "ballot zzzzqx")  # a word in no part is left out, as in one index
    assert len(results(page)) > 3
    page.fill("[data-na-search-query]", "")
    search(page, "quokka zephyr ballot")
    assert [title for title, _ in results(page)] == ["Fixture report from 2021"]
    # The type counts are of the parts searched: one article, no person, organisation or term.
    page.locator("[data-na-search-filters]").hover()
    page.wait_for_function(
        "document.querySelector('.na-search__type[data-type=article] .na-search__count').textContent === '1'"
    )
    assert page.locator(".na-search__type[data-type=organisation]").is_hidden()
    assert page.console_errors == []


def test_newest_and_oldest_first_run_across_the_parts(page, years_url):
    page.goto(years_url)
    page.keyboard.press("/")
    search(page, "ballot")
    page.locator("[data-na-search-filters]").hover()
    for order in ("desc", "asc"):
        page.evaluate("document.querySelector('[data-na-search]').removeAttribute('data-na-search-done')")
        page.select_option("[data-na-search-order]", order)
        page.wait_for_function(
            "document.querySelector('[data-na-search]').getAttribute('data-na-search-done') === 'ballot'"
        )
        while page.locator(".na-search__more button").count():
            shown = page.locator(".md-search-result__item").count()
            page.click(".na-search__more button")
            page.wait_for_function(f"document.querySelectorAll('.md-search-result__item').length > {shown}")
        days = [
            meta.split(" · ")[1]
            for _, meta in results(page)
            if meta.startswith("Article") or meta.startswith("Editors")
        ]
        import datetime as dt

        dates = [dt.datetime.strptime(day, "%d %B %Y").date() for day in days]
        assert dates == sorted(dates, reverse=order == "desc") and len({d.year for d in dates}) == 3, (order, days)
    page.select_option("[data-na-search-year]", "2022")
    page.wait_for_function("document.querySelectorAll('.md-search-result__item').length === 1")
    assert results(page) == [("Fixture report from 2022", "Article · 1 June 2022 · Test Fixture")]
    assert page.console_errors == []


def test_a_last_word_of_one_or_two_letters_is_searched_once_the_keys_pause(page, base_url):
    """ "turnout th" is most often "threshold" still being typed, and "th" begins the index's
    commonest words, whose lists are the largest: a query ending in a word of one or two letters
    is searched only once the keys pause, so while a reader types (here a key every 100 ms) the
    results go from "turnout" straight to "turnout thr"."""
    page.goto(base_url)
    page.keyboard.press("/")
    search(page, "turnout")
    page.evaluate(
        "() => { window.__shown = []; const root = document.querySelector('[data-na-search]');"
        " new MutationObserver(() => window.__shown.push(root.getAttribute('data-na-search-done')))"
        ".observe(root, {attributeFilter: ['data-na-search-done']}); }"
    )
    page.keyboard.type(" thr", delay=100)
    page.wait_for_function(
        "() => document.querySelector('[data-na-search]').getAttribute('data-na-search-done') === 'turnout thr'",
        timeout=15000,
    )
    assert page.evaluate("window.__shown") == ["turnout thr"]
    page.keyboard.press("Backspace")  # a pause after "turnout th": then it is searched like any other query
    page.wait_for_function(
        "() => document.querySelector('[data-na-search]').getAttribute('data-na-search-done') === 'turnout th'",
        timeout=15000,
    )


def test_a_search_that_takes_a_while_says_so_until_its_results_come(page, base_url):
    """A search that has not answered after 300 ms says "Searching…", with the results list
    marked busy, until its results replace it. Here the search waits on its results' fragments,
    held back by the test until it has seen the state."""
    page.goto(base_url)
    page.keyboard.press("/")
    page.wait_for_load_state("networkidle")  # the search code and the parts' metadata are loaded
    held, release = hold_fragments(page)
    page.keyboard.type("Bousted")
    page.wait_for_function(
        "() => document.querySelector('[data-na-search]').hasAttribute('data-na-search-busy')", timeout=15000
    )
    assert page.inner_text("#na-search-status") == "Searching…"
    assert page.get_attribute(".md-search-result__list", "aria-busy") == "true"
    assert held, "the search answered without its fragments"
    release()
    page.wait_for_function(
        "() => document.querySelector('[data-na-search]').getAttribute('data-na-search-done') === 'Bousted'",
        timeout=15000,
    )
    assert not page.evaluate("document.querySelector('[data-na-search]').hasAttribute('data-na-search-busy')")
    assert page.get_attribute(".md-search-result__list", "aria-busy") is None
    assert page.inner_text("#na-search-status").endswith("results")
    assert page.locator(".md-search-result__item").count() > 0
    assert page.console_errors == []


def test_show_more_adds_the_next_results_once_and_moves_the_focus_to_them(page, base_url):
    """ "Show N more results", pressed again while the first press is still loading, adds the
    next results once (it added them twice); once they are in, the focus is on the first of
    them, since the button it was on is gone."""
    page.goto(base_url)
    page.keyboard.press("/")
    search(page, "strike")
    total = int(page.inner_text("#na-search-status").split()[0])
    assert total > 10, "the query needs more than one page of results"
    _, release = hold_fragments(page)
    page.focus(".na-search__more button")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")  # again, while the first is loading
    assert page.inner_text(".na-search__more button") == "Loading…"
    release()
    page.wait_for_function("n => document.querySelectorAll('.md-search-result__item').length >= n", arg=total)
    page.wait_for_timeout(300)  # a second batch, if there were one, would be in by now
    links = page.eval_on_selector_all(
        ".md-search-result__item", "items => items.map(li => li.querySelector('a').getAttribute('href'))"
    )
    assert len(links) == total and len(set(links)) == total, links
    assert page.evaluate(
        "document.activeElement === document.querySelectorAll('.md-search-result__item')[10].querySelector('a')"
    )
    assert page.locator(".na-search__more").count() == 0
    assert page.console_errors == []


def test_enter_opens_the_first_result_of_the_query_typed_not_of_the_one_before(page, base_url):
    """Enter pressed while the results on screen are still those of the query before (the new
    search has not answered) waits for the new results and opens the first of them, not the
    first of the old ones."""
    page.goto(base_url)
    page.keyboard.press("/")
    search(page, "strike")
    _, release = hold_fragments(page)
    page.keyboard.press("Control+A")
    page.keyboard.type("Bousted")
    page.keyboard.press("Enter")
    page.wait_for_timeout(300)
    assert page.url == base_url, "Enter opened a result of the query before"
    assert page.evaluate("document.getElementById('__search').checked")
    release()
    page.wait_for_url("**/people/mary-bousted/")
    assert not page.evaluate("document.getElementById('__search').checked")
    assert page.console_errors == []
