"""Ready to host: the Atom feed, OpenGraph metadata, sitemap, 404 page and the deploy workflow."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def test_feed_parses_and_its_links_resolve_in_the_built_site(built_site, site_port):
    import feedparser

    feed = feedparser.parse((built_site.root / "site" / "feed.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.title == "The Pay Dispute Archive"
    base = f"http://127.0.0.1:{site_port}/"
    assert [e.link for e in feed.entries] == [
        base + "articles/2023-04-28-unions-vow-coordinated-strikes/",
        base + "articles/2023-04-04-ascl-members-reject-pay-offer/",
    ]
    for entry in feed.entries:
        assert (built_site.root / "site" / entry.link.removeprefix(base) / "index.html").exists()
        assert entry.published_parsed and entry.summary
    html = built_site.page("")
    assert '<link rel="alternate" type="application/atom+xml" title="The Pay Dispute Archive" href="feed.xml">' in html


def test_article_and_entity_pages_have_description_and_opengraph(built_site, site_port):
    for path, kind in (
        ("articles/2023-04-04-ascl-members-reject-pay-offer", "article"),
        ("glossary/naht", "website"),
        ("people/geoff-barton", "website"),
    ):
        html = built_site.page(path)
        assert re.search(r'<meta name="description" content="[^"]{20,}">', html), path
        assert f'<meta property="og:url" content="http://127.0.0.1:{site_port}/{path}/">' in html
        assert f'<meta property="og:type" content="{kind}">' in html
        assert re.search(r'<meta property="og:title" content="[^"]+">', html)


def test_sitemap_lists_every_page_with_absolute_urls(built_site, site_port):
    sitemap = (built_site.root / "site" / "sitemap.xml").read_text(encoding="utf-8")
    urls = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert f"http://127.0.0.1:{site_port}/articles/2023-04-28-unions-vow-coordinated-strikes/" in urls
    assert f"http://127.0.0.1:{site_port}/notes/" in urls
    assert (built_site.root / "site" / "404.html").exists()


def test_deploy_workflow_builds_strict_and_publishes_to_pages():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "deploy.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["build"]["steps"]
    build = next(s for s in steps if s.get("name") == "Build with --strict")
    assert build["run"] == "mkdocs build --strict"
    assert "SITE_URL" in build["env"]
    assert any(s.get("uses", "").startswith("actions/upload-pages-artifact") for s in steps)
    assert workflow["jobs"]["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages")
    assert any("pip install -r requirements.txt" in s.get("run", "") for s in steps)


def test_archive_pages_paginate_and_the_nav_stays_small(site_copy):
    for day in range(1, 29):
        for n in range(2):
            site_copy.write(
                f"articles/2022-02-{day:02d}-story-{n}.txt",
                f"---\ntitle: Story {day}-{n}\npublished: 2022-02-{day:02d}\npublisher: P\n---\nThe NEU met.\n",
            )
    result = site_copy.build()
    assert result.returncode == 0, result.stderr
    first = site_copy.page("archive/2022/02")
    assert "56 articles · page 1 of 2" in first
    assert first.count('class="na-article-item"') == 50
    assert site_copy.page("archive/2022/02-2").count('class="na-article-item"') == 6
    index = site_copy.page("articles")
    assert index.count('class="na-article-item"') == 30
    assert 'href="../archive/2022/02/">February 2022 (56)</a>' in index
