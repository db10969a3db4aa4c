"""Timeline pages, their links with articles and entities in both directions, and the exports."""

from __future__ import annotations

import json
import re
from pathlib import Path

ARTICLE_000 = "articles/2023-04-28-unions-vow-coordinated-strikes"
ARTICLE_004 = "articles/2023-04-04-ascl-members-reject-pay-offer"


def test_seed_dates_link_to_their_day_on_the_month_page(built_site):
    html = built_site.page(ARTICLE_004)
    links = re.findall(
        r'<a [^>]*class="na-date"[^>]*href="([^"]+)"[^>]*><time datetime="([^"]+)">([^<]+)</time></a>', html
    )
    assert ("../../timeline/2023-04/#2023-04-03", "2023-04-03", "yesterday") in links
    assert ("../../timeline/2023-04/#2023-04-27", "2023-04-27", "April 27") in links
    assert ("../../timeline/2023-05/#2023-05-02", "2023-05-02", "May 2") in links
    html = built_site.page(ARTICLE_000)
    assert '<time datetime="2023-05-02">Tuesday</time>' in html
    assert 'href="../../timeline/2023-09/#periods"><time datetime="2023-09">the autumn</time>' in html


def test_month_page_has_day_and_event_anchors_and_prev_next(built_site):
    html = built_site.page("timeline/2023-04")
    for anchor in ("2023-04-03", "2023-04-27", "2023-04-28", "unions-coordinate", "neu-strike-2023-04-27"):
        assert f'id="{anchor}"' in html, anchor
    assert 'rel="prev" href="../2023-03/"' in html or 'href="../2023-03/" rel="prev"' in html
    assert 'href="../2023-05/" rel="next"' in html or 'rel="next" href="../2023-05/"' in html


def test_event_reports_the_paragraphs_whose_dates_point_at_it(built_site):
    html = built_site.page("timeline/2023-05")
    event = html[html.index('id="neu-strike-2023-05-02"') :]
    event = event[: event.index("</article>")]
    assert f'href="../../{ARTICLE_000}/#p-4"' in event
    assert f'href="../../{ARTICLE_004}/#p-4"' in event


def test_article_lists_its_events_and_entity_pages_list_theirs(built_site):
    html = built_site.page(ARTICLE_004)
    aside = html[html.index('id="on-the-timeline"') :]
    aside = aside[: aside.index("</aside>")]
    assert 'href="../../timeline/2023-04/#neu-rejects-offer"' in aside
    assert 'href="../../timeline/2023-05/#neu-strike-2023-05-02"' in aside
    assert 'href="../../timeline/2023-07/#ascl-accepts"' in built_site.page("glossary/ascl")
    assert 'href="../../timeline/2023-03/#kebede-elected"' in built_site.page("people/daniel-kebede")


def test_publication_is_on_the_timeline_and_undated_events_days_are_listed(built_site):
    html = built_site.page("timeline/2023-04")
    day = html[html.index('id="2023-04-04"') :]
    assert f'href="../../{ARTICLE_004}/"' in day[: day.index("</section>")]


def test_timelinejs_export_has_the_required_keys(built_site):
    data = json.loads((built_site.root / "site" / "timeline.json").read_text(encoding="utf-8"))
    assert set(data) == {"title", "events"}
    assert len(data["events"]) == 33
    for event in data["events"]:
        assert set(event["start_date"]) == {"year", "month", "day"}
        assert event["text"]["headline"]
        assert event["unique_id"]
    strike = next(e for e in data["events"] if e["unique_id"] == "neu-regional-strikes")
    assert strike["end_date"] == {"year": "2023", "month": "3", "day": "2"}


def test_icalendar_export_parses_and_links_each_event_to_its_anchor(built_site, site_port):
    import icalendar

    calendar = icalendar.Calendar.from_ical((built_site.root / "site" / "timeline.ics").read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 33
    first = next(e for e in events if str(e["UID"]).startswith("unions-coordinate@"))
    assert str(first["URL"]) == f"http://127.0.0.1:{site_port}/timeline/2023-04/#unions-coordinate"
    assert first.decoded("DTSTART").isoformat() == "2023-04-28"
    assert str(first["SUMMARY"]) == "Four unions announce co-ordinated action"


ROOT = Path(__file__).resolve().parents[2]


def test_the_timeline_index_shows_the_dispute_as_a_chart(built_site):
    """Inline SVG, under 50 KB, a lane per configured organisation, a linked mark per event."""
    import yaml

    html = built_site.page("timeline")
    chart = re.search(r'<figure class="na-chart"[^>]*>.*?</figure>', html, re.S).group()
    assert len(chart.encode("utf-8")) < 50_000
    archive = yaml.safe_load(
        re.sub(r"!ENV \[SITE_URL, (\"[^\"]+\")\]", r"\1", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    )["extra"]["archive"]
    lanes = archive["timeline_lanes"]
    mark_of = {kind["id"]: kind["mark"] for kind in archive["event_kinds"]}  # each kind's mark, as the settings give it
    names = re.findall(r'<text class="na-chart__lane" text-anchor="end" x="\d+" y="[\d.]+">([^<]+)</text>', chart)
    assert len(names) >= len(lanes) and "NEU" in names and "Articles" in names
    events = yaml.safe_load((ROOT / "docs" / "_data" / "events.yml").read_text(encoding="utf-8"))
    marks = re.findall(
        r'<a aria-label="([^"]+)" class="na-chart__mark na-chart__mark--([a-z-]+)" xlink:href="([^"]+)">', chart
    )
    assert len(marks) == len(events)
    for event in events:
        day = event["date"]
        label, mark, href = next(m for m in marks if m[2] == f"{day:%Y-%m}/#{event['id']}")
        assert (
            mark == mark_of[event.get("kind", "other")]
            and html_unescape(label).startswith(f"{day.day} {day:%B %Y}")
            and event["title"] in html_unescape(label)
        )
    assert '<title id="na-chart-title">' in chart and '<desc id="na-chart-desc">' in chart


def html_unescape(text: str) -> str:
    import html

    return html.unescape(text)


def test_an_organisation_page_shows_its_own_events_as_a_chart(built_site):
    html = built_site.page("glossary/naht")
    chart = re.search(r'<figure class="na-chart"[^>]*>.*?</figure>', html, re.S).group()
    listed = html.split('id="on-the-timeline"')[1].split('class="na-event-list"')[1].split("</ul>")[0].count("<li>")
    assert chart.count('class="na-chart__mark ') == listed > 0
    assert 'xlink:href="../../timeline/2023-04/#naht-rejects-offer"' in chart


def test_timeline_lanes_must_be_organisations(site_copy):
    config = site_copy.root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("timeline_lanes: [neu,", "timeline_lanes: [paul-whiteman, neu,"),
        encoding="utf-8",
    )
    result = site_copy.build()
    assert result.returncode != 0
    assert (
        "mkdocs.yml: extra.archive.timeline_lanes: unknown organisation 'paul-whiteman'; use ids from docs/_data/organisations.yml"
        in result.stderr
    )


def test_articles_show_their_tags_linked_to_the_tags_index(built_site):
    html = built_site.page("articles/2023-04-28-unions-vow-coordinated-strikes")
    assert '<a href="../../tags/#tag:naht-conference" class="md-tag">NAHT conference</a>' in html
    index = built_site.page("tags")
    assert 'id="tag:pay-offer"' in index
    section = index.split('id="tag:pay-offer"')[1].split("<h2")[0]
    assert section.count("<li>") == 2  # both seed articles carry "pay offer"


def test_an_event_kind_the_settings_do_not_list_stops_the_build(site_copy):
    """The kinds are mkdocs.yml's (extra.archive.event_kinds): taking one out of the settings makes
    the events of that kind an error naming the knowledge base's file, line and field."""
    config = site_copy.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "      - {id: strike, label: Strike, mark: red-dot}\n" in text
    config.write_text(text.replace("      - {id: strike, label: Strike, mark: red-dot}\n", ""), encoding="utf-8")
    result = site_copy.build()
    assert result.returncode != 0
    assert (
        "docs/_data/events.yml:64: events[neu-strike-2023-02-01].kind: unknown kind 'strike'; use one of ballot-opened, "
        "ballot-result, offer, acceptance, report, other (or add it to mkdocs.yml's extra.archive.event_kinds)"
    ) in result.stderr, result.stderr[-2000:]
