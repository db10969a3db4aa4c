"""Every page type in a real browser: no console errors, no sideways scrolling on a phone,
reachable by keyboard, and screenshots (desktop, phone, dark) for a person to look at."""

from __future__ import annotations

import os

import pytest

from tests.browser.conftest import SCREENSHOTS
from tests.browser.test_accessibility import PAGES


@pytest.mark.parametrize("name", list(PAGES))
def test_page_type_loads_cleanly_and_fits_a_phone(browser, base_url, name):
    os.makedirs(SCREENSHOTS, exist_ok=True)
    slug = name.replace(" ", "-")
    for label, options in (
        ("desktop", {"viewport": {"width": 1280, "height": 900}}),
        ("phone", {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}),
        ("dark", {"viewport": {"width": 1280, "height": 900}, "color_scheme": "dark"}),
    ):
        context = browser.new_context(**options)
        page = context.new_page()
        errors: list[str] = []
        page.on("console", lambda m, errors=errors: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e, errors=errors: errors.append(str(e)))
        page.goto(base_url + PAGES[name])
        page.wait_for_load_state("networkidle")
        assert errors == [], f"{name} ({label}): {errors}"
        if label == "phone":
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"{name} scrolls sideways by {overflow}px at 390px wide"
        if label == "dark":
            assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
        page.screenshot(path=os.path.join(SCREENSHOTS, f"{slug}-{label}.png"), full_page=True)
        context.close()


@pytest.mark.parametrize("name", list(PAGES))
def test_keyboard_reaches_the_content(page, base_url, name):
    page.goto(base_url + PAGES[name])
    page.keyboard.press("Tab")
    if page.locator("a.md-skip").count():  # Material writes a skip link on pages with headings
        assert page.evaluate("document.activeElement.classList.contains('md-skip')"), "first Tab reaches the skip link"
        page.keyboard.press("Enter")
    for _ in range(60):  # then Tab on into the page's own content
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('.md-content')"):
            break
    else:
        pytest.fail(f"{name}: no focusable content reached by Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle + getComputedStyle(document.activeElement).boxShadow")
    assert outline not in ("nonenone", "none", ""), f"{name}: the focused element shows no focus ring"
