"""The engine with another corpus (tests/fixtures/second_corpus: a made-up town's library
consultation): it builds strictly, and no word of the teachers' pay dispute reaches its output,
because the engine's code names no subject and mkdocs.yml's extra.archive does."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.tools.helpers import ROOT, build_env

FIXTURE = ROOT / "tests" / "fixtures" / "second_corpus"
# Words of the first corpus, as whole words, any case.
FIRST_CORPUS = re.compile(
    r"\b(dispute|disputes|teachers?|teaching|unions?|strikes?|ballots?|pay|NEU|NAHT|ASCL|NASUWT|Kebede|Whiteman|Keegan|Barton|"
    r"Education Secretary|England|STRB|DfE|walkouts?)\b",
    re.IGNORECASE,
)
TEXT = (".html", ".xml", ".json", ".jsonld", ".ics", ".txt", ".js", ".css")
SETTINGS = """extra:
  archive:
    glossary_description: The council, the readers' group and the words of the consultation.
    timeline_description: "The consultation day by day: events, articles and the dates they mention."
    month_description: "The library consultation in {month}: events, articles and dates mentioned."
    chart_title: The consultation over time
    timeline_summary: Events of the library consultation, each with its sources.
    people_filter_example: e.g. Quill
    organisation_kinds:
      - {id: council, label: Town council}
      - {id: readers-group, label: Readers' group}
    event_kinds:
      - {id: consultation, label: Consultation, mark: purple-ring}
      - {id: findings, label: Findings, mark: orange-square}
    glossary_groups:
      - {id: council, title: The council, kinds: [council]}
      - {id: groups, title: Groups, kinds: [readers-group, other]}
      - {id: words, title: Words, kinds: [term]}

"""


def project(root: Path) -> Path:
    for name in ("hooks", "macros", "overrides"):
        shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(FIXTURE / "docs", root / "docs")
    shutil.copytree(ROOT / "docs" / "assets", root / "docs" / "assets")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(
        r"(?ms)^site_name:.*?^site_url:.*?$",
        "site_name: Harbour Library Archive\nsite_description: A made-up town's library consultation.\n"
        'site_url: !ENV [SITE_URL, "https://example.org/harbour-library/"]',
        config,
    )
    config = re.sub(r"(?m)^copyright:.*$", "copyright: Made up for the tests.", config)
    config = re.sub(r"(?ms)^extra:\n.*?(?=^markdown_extensions:)", SETTINGS, config)
    assert "archive:" in config and "timeline_lanes" not in config
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def second(tmp_path_factory) -> Path:
    root = project(tmp_path_factory.mktemp("second") / "project")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(root / "mkdocs.yml")],
        capture_output=True,
        text=True,
        cwd=root,
        env=build_env() | {"NEWSROOM_CACHE": "off"},
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return root / "site"


def test_the_second_corpus_builds_strictly_with_its_own_words(second):
    glossary = html.unescape((second / "glossary" / "index.html").read_text(encoding="utf-8"))
    assert re.findall(r'<h2 id="([a-z]+)">([^<]+)<a class="headerlink"', glossary) == [
        ("council", "The council"),
        ("groups", "Groups"),
        ("words", "Words"),
    ]
    assert "The council, the readers' group and the words of the consultation." in glossary
    assert "The consultation over time" in (second / "timeline" / "index.html").read_text(encoding="utf-8")
    assert "The library consultation in March 2024" in (second / "timeline" / "2024-03" / "index.html").read_text(
        encoding="utf-8"
    )
    assert 'placeholder="e.g. Quill"' in (second / "people" / "index.html").read_text(encoding="utf-8")
    council = html.unescape((second / "glossary" / "harbour-council" / "index.html").read_text(encoding="utf-8"))
    assert re.search(r"<dt>Kind</dt>\s*<dd>Town council</dd>", council)
    timeline = html.unescape((second / "timeline" / "index.html").read_text(encoding="utf-8"))
    keys = re.findall(r'class="na-chart__key na-chart__mark--([a-z-]+)".*?</svg>([^<]+)</li>', timeline)
    assert keys == [("purple-ring", "Consultation"), ("orange-square", "Findings")]
    assert "Events of the library consultation, each with its sources." in (second / "timeline.json").read_text(
        encoding="utf-8"
    )
    assert "PRODID:-//Harbour Library Archive//newsroom//EN" in (second / "timeline.ics").read_text(encoding="utf-8")
    article = (second / "articles" / "2024-03-19-library-consultation-findings" / "index.html").read_text(
        encoding="utf-8"
    )
    assert 'href="../../people/ben-marlow/"' in article and 'id="note-sunday-mornings"' in article


def test_no_word_of_the_first_corpus_reaches_the_output(second):
    """Every text file of the site, our scripts and styles in assets/ too (the kinds of
    organisation and event, and their labels and marks, are the settings'). Material's own
    bundles (assets/javascripts, assets/stylesheets) are not ours: "union" is a set operation there."""
    checked, found = 0, []
    for path in sorted(second.rglob("*")):
        relative = path.relative_to(second)
        material = relative.parts[:2] in (("assets", "javascripts"), ("assets", "stylesheets"))
        if not path.is_file() or relative.parts[0] == "pagefind" or material or path.suffix not in TEXT:
            continue
        checked += 1
        for match in FIRST_CORPUS.finditer(path.read_text(encoding="utf-8")):
            found.append(f"{relative}: {match.group()!r}")
    assert checked > 20 and found == [], found[:20]


def test_the_check_finds_the_first_corpus_in_its_own_site(built_site):
    """The word list is not blind: the real site is full of it."""
    text = (built_site.root / "site" / "glossary" / "index.html").read_text(encoding="utf-8")
    assert {m.lower() for m in FIRST_CORPUS.findall(text)} >= {"unions", "neu", "dispute"}
