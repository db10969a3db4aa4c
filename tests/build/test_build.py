"""Real `mkdocs build --strict` runs of the site, and of edited copies that must fail or change."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from newsroom.loader import load_article

from tests.tools.helpers import build_env, paragraph_texts

ROOT = Path(__file__).resolve().parents[2]
SEEDS = {
    "2023-04-28-unions-vow-coordinated-strikes": "000_a2016a2d2972ba84.txt",
    "2023-04-04-ascl-members-reject-pay-offer": "004_78cd93726f5528f5.txt",
}
SHARED_SEEDS = ROOT.parent / "shared" / "seeds"


def test_article_sources_hold_the_seed_text_byte_for_byte():
    for slug, seed in SEEDS.items():
        source = (ROOT / "docs" / "articles" / f"{slug}.txt").read_bytes()
        body = source.split(b"\n---\n", 1)[1]
        # The seeds live beside the project (../shared/seeds): without them this test cannot say
        # whether the sources are the seeds byte for byte, so it fails rather than checking less.
        assert (SHARED_SEEDS / seed).exists(), (
            f"{SHARED_SEEDS / seed} is missing: the seed-fidelity check needs ../shared/seeds/"
        )
        assert body == (SHARED_SEEDS / seed).read_bytes(), f"{slug} differs from shared/seeds/{seed}"
        assert body.startswith(b"Schools could be hit" if "unions" in slug else b"Members of the ASCL")


def test_article_pages_show_exact_text_with_paragraph_ids(built_site):
    for slug in SEEDS:
        article = load_article(ROOT / "docs" / "articles" / f"{slug}.txt")
        html = built_site.page(f"articles/{slug}")
        assert '<article class="na-article"' in html
        ids = re.findall(r'<p id="(p-\d+)">', html)
        assert ids == [f"p-{n}" for n in range(1, len(article.paragraphs) + 1)]
        assert paragraph_texts(html) == [p.text for p in article.paragraphs]
        assert f'<time datetime="{article.published.isoformat()}">' in html


def test_mentions_link_to_entity_pages_and_glossary_links_back_to_paragraphs(built_site):
    html = built_site.page("articles/2023-04-28-unions-vow-coordinated-strikes")
    assert ('<a class="na-mention" data-entity="naht" href="../../glossary/naht/">NAHT</a>') in html
    glossary = built_site.page("glossary/naht")
    back = re.findall(r'href="(\.\./\.\./articles/2023-04-28-unions-vow-coordinated-strikes/#p-\d+)"', glossary)
    assert back == [f"../../articles/2023-04-28-unions-vow-coordinated-strikes/#p-{n}" for n in (5, 6, 8)]
    assert (
        "<q>School leaders in ASCL and the NAHT unions are also being balloted for walkouts, along with the NASUWT teachers union.</q>"
        in glossary
    )
    assert "1 article, 3 paragraphs" in glossary


def test_navigation_does_not_list_every_article(built_site):
    html = built_site.page("glossary")
    start = html.index('<nav class="md-nav md-nav--primary')
    nav = html[start : html.index('<div class="md-content"', start)]
    assert "Glossary" in nav and "People" in nav
    assert "articles/2023-" not in nav


def test_articles_index_is_newest_first_with_dates_and_summaries(built_site):
    html = built_site.page("articles")
    titles = re.findall(r'class="na-article-item__title" href="([^"]+)"', html)
    assert titles == ["2023-04-28-unions-vow-coordinated-strikes/", "2023-04-04-ascl-members-reject-pay-offer/"]
    assert html.count('class="na-article-item__summary"') == 2


def test_home_page_figures_come_from_the_knowledge_base(built_site):
    html = built_site.page("")
    assert "The archive holds <strong>2 articles</strong>" in html
    assert "<strong>12 people</strong>" in html


def test_source_files_are_not_published(built_site):
    assert not list((built_site.root / "site").rglob("*.txt"))
    assert not (built_site.root / "site" / "_data").exists()


def test_two_builds_are_byte_identical(site_copy):
    assert site_copy.build("one").returncode == 0
    assert site_copy.build("two").returncode == 0
    one, two = site_copy.root / "one", site_copy.root / "two"
    files = sorted(p.relative_to(one) for p in one.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(two) for p in two.rglob("*") if p.is_file())
    differing = [str(f) for f in files if (one / f).read_bytes() != (two / f).read_bytes()]
    assert differing == []


FAKE_CLOCK = """
import datetime as _dt, os as _os, time as _time
_shift = float(_os.environ["NEWSROOM_TEST_CLOCK_SHIFT"])
_real_time = _time.time
_time.time = lambda: _real_time() + _shift
class _Shifted(_dt.datetime):
    @classmethod
    def now(cls, tz=None):
        return _dt.datetime.fromtimestamp(_time.time(), tz)
    @classmethod
    def utcnow(cls):
        return _dt.datetime.utcfromtimestamp(_time.time())
    @classmethod
    def today(cls):
        return cls.now()
class _ShiftedDate(_dt.date):
    @classmethod
    def today(cls):
        return _dt.date.fromtimestamp(_time.time())
_dt.datetime, _dt.date = _Shifted, _ShiftedDate
"""


def test_builds_on_different_days_with_different_hash_seeds_are_byte_identical(site_copy, tmp_path):
    """The build dates itself by its newest article, never by the clock, and nothing depends on
    Python's hash order: a build "today" and one 400 days later, with other PYTHONHASHSEEDs, and
    with no cache, give the same bytes."""
    clock = tmp_path / "clock"
    clock.mkdir()
    (clock / "sitecustomize.py").write_text(FAKE_CLOCK, encoding="utf-8")
    runs = []
    for name, shift, seed in (("today", 0, "1"), ("later", 400 * 86400 + 3 * 3600, "4242")):
        env = build_env() | {
            "PYTHONPATH": str(clock),
            "NEWSROOM_TEST_CLOCK_SHIFT": str(shift),
            "PYTHONHASHSEED": seed,
            "NEWSROOM_CACHE": "off",
        }
        result = site_copy.build(name, strict=False, env=env)
        assert result.returncode == 0, result.stderr[-2000:]
        check = subprocess.run(
            [sys.executable, "-c", "import datetime; print(datetime.date.today())"],
            capture_output=True,
            text=True,
            env=env,
        )
        runs.append(check.stdout.strip())
    assert runs[0] != runs[1], "the fake clock did not move"
    one, two = site_copy.root / "today", site_copy.root / "later"
    files = sorted(p.relative_to(one) for p in one.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(two) for p in two.rglob("*") if p.is_file())
    assert [str(f) for f in files if (one / f).read_bytes() != (two / f).read_bytes()] == []


def test_bad_article_fails_the_build_naming_file_line_and_field(site_copy):
    site_copy.write(
        "articles/2023-05-01-broken.txt", "---\ntitle: Broken\npublished: 2023-05-32\npublisher: P\n---\nText.\n"
    )
    result = site_copy.build()
    assert result.returncode != 0
    assert (
        "docs/articles/2023-05-01-broken.txt:3: front matter.published: '2023-05-32' is not a valid date; write it as YYYY-MM-DD"
        in result.stderr
    )


def test_bad_knowledge_base_fails_the_build(site_copy):
    people = site_copy.docs / "_data" / "people.yml"
    people.write_text(
        people.read_text(encoding="utf-8").replace("organisation: naht", "organisation: nahtt", 1), encoding="utf-8"
    )
    result = site_copy.build()
    assert result.returncode != 0
    assert (
        "people.yml:" in result.stderr
        and "people[paul-whiteman].roles[0].organisation: unknown organisation 'nahtt'" in result.stderr
    )


def test_a_stylesheet_outside_assets_fails_the_build_naming_the_field(site_copy):
    """The CSS bundle is written in assets/ (newsroom.assets): a stylesheet elsewhere would keep
    url()s that point nowhere from there."""
    site_copy.write("styles/extra.css", ".x { color: red; }\n")
    config = site_copy.root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "  - assets/search.css\n", "  - assets/search.css\n  - styles/extra.css\n", 1
        ),
        encoding="utf-8",
    )
    result = site_copy.build()
    assert result.returncode != 0
    assert (
        "mkdocs.yml: extra_css: 'styles/extra.css': only stylesheets in docs/assets/ are bundled (their url()s are"
        " read from there); move it into docs/assets/" in result.stderr
    )
    assert "Traceback" not in result.stderr


def test_new_article_links_known_people_and_reports_unknown_names(site_copy):
    site_copy.write(
        "articles/2024-09-02-new-term.txt",
        "---\ntitle: New term\npublished: 2024-09-02\npublisher: Example News\n---\n"
        "Daniel Kebede, of the NEU, wrote to the Education Secretary.\n"
        "Mr Kebede was joined by Professor Ada Lovelace of the Institute for Fiscal Studies.\n",
    )
    result = site_copy.build(quiet=False)
    assert result.returncode == 0, result.stderr
    html = site_copy.page("articles/2024-09-02-new-term")
    assert 'data-entity="daniel-kebede" href="../../people/daniel-kebede/">Daniel Kebede</a>' in html
    assert 'data-entity="bridget-phillipson" href="../../people/bridget-phillipson/">Education Secretary</a>' in html
    assert 'data-entity="daniel-kebede" href="../../people/daniel-kebede/">Mr Kebede</a>' in html
    report = json.loads((site_copy.root / "site" / "editor-report.json").read_text(encoding="utf-8"))
    assert report["2024-09-02-new-term"]["unknown_names"] == ["Institute for Fiscal Studies", "Professor Ada Lovelace"]
    assert (
        "2024-09-02-new-term: names the knowledge base does not know: Institute for Fiscal Studies, Professor Ada Lovelace"
        in result.stderr
    )


def test_person_added_to_the_data_is_linked_with_no_code_change(site_copy):
    people = site_copy.docs / "_data" / "people.yml"
    people.write_text(
        people.read_text(encoding="utf-8")
        + "\n- id: ada-lovelace\n  name: Ada Lovelace\n  description: A test person.\n  sources: [https://example.org/ada]\n",
        encoding="utf-8",
    )
    site_copy.write(
        "articles/2024-09-02-ada.txt",
        "---\ntitle: Ada\npublished: 2024-09-02\npublisher: Example News\n---\nProfessor Ada Lovelace spoke. Ms Lovelace added more.\n",
    )
    result = site_copy.build()
    assert result.returncode == 0, result.stderr
    html = site_copy.page("articles/2024-09-02-ada")
    assert 'data-entity="ada-lovelace" href="../../people/ada-lovelace/">Ada Lovelace</a>' in html
    assert 'data-entity="ada-lovelace">Ms Lovelace</span>' in html
    assert "../../articles/2024-09-02-ada/#p-1" in site_copy.page("people/ada-lovelace")


def test_article_title_and_summary_are_text_everywhere_they_appear(site_copy):
    """A title or summary with markup is shown as typed: in <title>, the header, the h1, the
    description and OpenGraph tags, the articles index and the feed."""
    site_copy.write(
        "articles/2023-05-01-markup.txt",
        "---\ntitle: 'The <b>row</b> & the {{ pay }}'\npublished: 2023-05-01\npublisher: P\n"
        "summary: 'A <i>summary</i> & more'\n---\nThe NEU met.\n",
    )
    assert site_copy.build().returncode == 0
    html = site_copy.page("articles/2023-05-01-markup")
    assert "<b>row</b>" not in html and "<i>summary</i>" not in html
    assert "<title>The &lt;b&gt;row&lt;/b&gt; &amp; the {{ pay }}" in html
    assert '<h1 id="article-title">The &lt;b&gt;row&lt;/b&gt; &amp; the {{ pay }}' in html
    assert 'content="The &lt;b&gt;row&lt;/b&gt; &amp; the {{ pay }}"' in html  # og:title
    assert 'content="A &lt;i&gt;summary&lt;/i&gt; &amp; more"' in html  # description
    assert "<b>row</b>" not in site_copy.page("articles")
