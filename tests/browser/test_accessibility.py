"""axe-core on each page type, light and dark: no violation of any impact (minor and moderate too)."""

from __future__ import annotations

import pytest

from tests.tools.helpers import PAGES


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", list(PAGES))
def test_page_has_no_accessibility_violations(browser, base_url, name, scheme):
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    page.goto(base_url + PAGES[name])
    if name == "article":
        page.hover("a.na-mention[data-entity=naht] >> nth=0")  # check the open tooltip too
        page.locator("#na-tooltip").wait_for(state="visible")
        page.click(".na-note-marker >> nth=0")  # and an open note
        page.locator(".na-note-popover").wait_for(state="visible")
        # The click scrolls, and Material fades its tabs out as the page scrolls: measure the
        # colours once that transition (0.4 s) is over, not half-way through it.
        page.wait_for_timeout(800)
    violations = Axe().run(page).response["violations"]
    context.close()
    summary = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in violations]
    assert summary == [], f"{name} ({scheme}): {summary}"
