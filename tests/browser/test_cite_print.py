"""Citing, corrections and print in a real browser, on a copy of the site whose article has a
(made-up) correction: the Cite box by keyboard, with the reader's access date in the files and
the citation copied; axe on the open box and the notice; the page printed to PDF by Chromium,
read back as text."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from pypdf import PdfReader

from tests.browser.conftest import serve
from tests.build.test_citations import ARTICLE, CORRECTIONS, SLUG
from tests.tools import lighthouse
from tests.tools.helpers import SiteCopy, free_port


@pytest.fixture(scope="module")
def corrected_url(tmp_path_factory):
    port = free_port()
    site = SiteCopy(tmp_path_factory.mktemp("cite") / "project")
    text = (site.docs / ARTICLE).read_text("utf-8").replace("tags:", "byline: Jane Reporter\n" + CORRECTIONS, 1)
    site.write(ARTICLE, text)
    result = site.build(site_url=f"http://127.0.0.1:{port}/")
    assert result.returncode == 0, result.stderr
    with serve(site.root / "site", port) as url:
        yield url + f"articles/{SLUG}/"


def test_the_cite_box_by_keyboard_copies_the_citation_and_dates_the_files(browser, corrected_url):
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, permissions=["clipboard-read", "clipboard-write"]
    )
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(corrected_url)
    summary = page.locator("summary.na-cite__summary")
    summary.focus()
    page.keyboard.press("Enter")
    assert page.locator("details.na-cite").get_attribute("open") is not None
    citation = page.locator(".na-cite__text")
    assert citation.is_visible()
    assert citation.inner_text().startswith("Reporter, J. (2023, April 28). Teaching unions vow to co-ordinate")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Copy citation"
    page.keyboard.press("Enter")
    page.locator(".na-cite__status", has_text="Copied citation.").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == citation.inner_text()
    today = dt.date.today()
    bibtex = page.locator("code[data-format=bibtex]").inner_text()
    assert f"  urldate = {{{today.isoformat()}}},\n}}" in bibtex
    assert f"\nY2  - {today:%Y/%m/%d}\nER  - " in page.locator("code[data-format=ris]").inner_text()
    assert (
        f'"accessed": {{\n      "date-parts": [\n        [\n          {today.year},'
        in page.locator("code[data-format=csl]").inner_text()
    )
    with page.expect_download() as saved:
        page.click("button.na-cite__download[data-filename$='.bib']")
    assert saved.value.suggested_filename == f"{SLUG}.bib"
    assert open(saved.value.path(), encoding="utf-8").read() == bibtex
    assert errors == []
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_open_cite_box_and_the_notice_pass_axe(browser, corrected_url, scheme):
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    page.goto(corrected_url)
    page.click("summary.na-cite__summary")
    page.locator(".na-cite__text").wait_for(state="visible")
    page.wait_for_timeout(500)
    violations = Axe.from_file(lighthouse.AXE).run(page).response["violations"]
    context.close()
    assert [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in violations] == []


def test_printing_gives_the_article_with_its_notes_and_names_as_endnotes(browser, corrected_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(corrected_url)
    page.emulate_media(media="print")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in pdf.pages)
    context.close()
    assert "Teaching unions vow to co-ordinate strikes" in text
    assert "28 April 2023" in text and "inkl (syndicated report)" in text
    assert "https://inkl.com/news/schools-could-be-hit-by-coordinated-strikes" in text.replace(" ", "")
    assert "Correction to this article" in text and "An earlier version gave the wrong conference town." in text
    assert "Schools could be hit by coordinated strikes by heads and teaching staff" in text
    # The notes, numbered in the text and at the end; the names, numbered and defined.
    assert re.search(r"Note\s*1", text) and "Editors' notes" in text
    assert "The School Teachers' Review Body (STRB)" in text
    assert "Names in this article" in text
    assert re.search(r"National Education Union\s*:", text)
    # No navigation, search, buttons or the screen's extras.
    for word in ("Cite this article", "Search", "Copy link", "Skip to content", "On the timeline", "Glossary"):
        assert word not in text, word
