"""axe-core on each page type, light and dark, desktop and phone: no violation of any impact
(minor and moderate too).

The axe-core is the one Lighthouse runs (tests/lighthouse/node_modules/axe-core, 4.14.1, pinned by
that folder's lock file; ``test_axe_is_lighthouses``), injected by axe-playwright-python."""

from __future__ import annotations

import pytest

from tests.tools import lighthouse
from tests.tools.helpers import PAGES

SCREENS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe.from_file(lighthouse.AXE)


def test_axe_is_lighthouses(page, base_url):
    page.goto(base_url)
    axe().run(page)
    assert page.evaluate("axe.version") == lighthouse.axe_version() == "4.14.1"


@pytest.mark.parametrize("screen", list(SCREENS))
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", list(PAGES))
def test_page_has_no_accessibility_violations(browser, base_url, name, scheme, screen):
    phone = screen == "phone"
    context = browser.new_context(viewport=SCREENS[screen], color_scheme=scheme, is_mobile=phone, has_touch=phone)
    page = context.new_page()
    page.goto(base_url + PAGES[name])
    if name == "article" and phone:
        page.tap("a.na-mention[data-entity=naht] >> nth=0")  # the tooltip a tap opens
        page.locator("#na-tooltip").wait_for(state="visible")
    elif name == "article":
        page.hover("a.na-mention[data-entity=naht] >> nth=0")  # check the open tooltip too
        page.locator("#na-tooltip").wait_for(state="visible")
        page.click(".na-note-marker >> nth=0")  # and an open note
        page.locator(".na-note-popover").wait_for(state="visible")
        # The click scrolls, and Material fades its tabs out as the page scrolls: measure the
        # colours once that transition (0.4 s) is over, not half-way through it.
        page.wait_for_timeout(800)
    if name == "timeline index":
        page.select_option("#na-timeline-filter", "daniel-kebede")  # the chart's faded marks too
        page.click(".na-timeline-order")  # and the contents in the other order
    violations = axe().run(page).response["violations"]
    context.close()
    summary = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in violations]
    assert summary == [], f"{name} ({scheme}, {screen}): {summary}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_buttons_keep_their_contrast_when_focused_hovered_and_pressed(browser, base_url, scheme):
    """Material fills a hovered or focused button with the accent colour and writes white on it
    (2.8:1 on deep orange); pressed, "Newest first" was white on a pale tint. axe checks the
    button in each state it can be in, and a note's "Read it in the article" hovered."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    page.goto(base_url + "timeline/")
    button = page.locator(".na-timeline-order")
    found = []

    def check(state: str, selector: str = ".na-timeline-order") -> None:
        page.wait_for_timeout(300)  # past Material's colour transition
        result = axe().run(page, context=selector, options={"runOnly": ["color-contrast"]}).response
        found.extend((state, n["any"][0]["message"]) for v in result["violations"] for n in v["nodes"])

    button.focus()
    check("focused")
    button.press("Enter")
    check("pressed and focused")
    button.hover()
    check("pressed, focused and hovered")
    page.mouse.move(5, 890)
    page.focus("#na-timeline-filter")
    check("pressed")
    page.goto(base_url + PAGES["note's own page"])
    page.hover(".md-button--primary >> nth=0")
    check("hovered", ".md-button--primary")
    context.close()
    assert found == [], found
