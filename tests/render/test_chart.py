"""The timeline chart (newsroom/chart.py): exact SVG for a small fixture, and its rules."""

from __future__ import annotations

import datetime as dt

from markdown.serializers import to_html_string
from newsroom.chart import TICK_LIMIT, chart
from newsroom.model import Event
from newsroom.settings import Kind

EVENTS = [
    Event("a", dt.date(2023, 1, 10), "Ballot opens", "d", ("neu",), kind="ballot-opened"),
    Event("b", dt.date(2023, 1, 20), "Strike", "d", ("neu", "dfe"), end=dt.date(2023, 1, 21), kind="strike"),
]
LANES = [("neu", "NEU"), ("dfe", "DfE")]
# The events' kinds (the settings'), each with its label and mark, in the key's order.
KINDS = (
    Kind("ballot-opened", "Ballot opens", "purple-ring"),
    Kind("strike", "Strike", "red-dot"),
    Kind("other", "Other", "grey-dot"),
)


def uri(event: Event) -> str:
    return f"timeline/{event.date:%Y-%m}.md#{event.id}"


def test_a_small_chart_is_exactly_this_svg():
    """Lanes, a month, a tick for an article, a mark per event in its first lane (shape by kind),
    an echo and a line to the other lane it involves, a span for a two-day event, links with names,
    each event in a group naming who it involves (for the timeline's filter), and the lanes' names
    last, over a strip of the page's colour (kept in view when the chart scrolls)."""
    html = to_html_string(
        chart(EVENTS, LANES, "timeline/index.md", uri, [dt.date(2023, 1, 15)], "The dispute over time", KINDS)
    )
    assert html.replace("><", ">\n<").split("\n") == [
        '<figure class="na-chart">',
        '<div aria-label="The dispute over time: a chart (scrolls sideways)" class="na-chart__scroll" role="region" style="scroll-padding-left: 124px" tabindex="0">',  # noqa: E501
        '<svg aria-labelledby="na-chart-title na-chart-desc" class="na-chart__svg" height="148" viewBox="0 0 196 148" width="196" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">',  # noqa: E501
        '<title id="na-chart-title">The dispute over time</title>',
        '<desc id="na-chart-desc">2 events from 10 January 2023 to 20 January 2023, by organisation: NEU, DfE. Each mark links to its day; the list below gives every event in words.</desc>',  # noqa: E501
        '<g aria-hidden="true" class="na-chart__grid">',
        '<line x1="118" x2="188" y1="25.0" y2="25.0">',
        "</line>",
        '<line x1="118" x2="188" y1="59.0" y2="59.0">',
        "</line>",
        '<line class="na-chart__month" x1="124" x2="124" y1="8" y2="88">',
        "</line>",
        '<text class="na-chart__axis" x="128" y="102">Jan 2023</text>',
        "</g>",
        '<g aria-hidden="true" class="na-chart__articles">',
        '<path class="na-chart__ticks" d="M150.2 120v12">',
        "</path>",
        "</g>",
        '<g class="na-chart__marks">',
        '<g class="na-chart__event" data-entities="neu">',
        '<a aria-label="10 January 2023: Ballot opens (ballot opens)" class="na-chart__mark na-chart__mark--purple-ring" xlink:href="2023-01/#a">',
        "<title>10 January 2023: Ballot opens</title>",
        '<circle cx="141.2" cy="25.0" r="6.5">',
        "</circle>",
        "</a>",
        "</g>",
        '<g class="na-chart__event" data-entities="neu dfe">',
        '<line aria-hidden="true" class="na-chart__link" x1="159.2" x2="159.2" y1="25.0" y2="59.0">',
        "</line>",
        '<circle aria-hidden="true" class="na-chart__echo" cx="159.2" cy="59.0" r="3">',
        "</circle>",
        '<a aria-label="20 January 2023 to 21 January 2023: Strike (strike)" class="na-chart__mark na-chart__mark--red-dot" xlink:href="2023-01/#b">',
        "<title>20 January 2023 to 21 January 2023: Strike</title>",
        '<line class="na-chart__span" x1="159.2" x2="161.0" y1="25.0" y2="25.0">',
        "</line>",
        '<circle cx="159.2" cy="25.0" r="7.0">',
        "</circle>",
        "</a>",
        "</g>",
        "</g>",
        '<g aria-hidden="true" class="na-chart__names">',
        '<rect height="148" width="116" x="0" y="0">',
        "</rect>",
        '<text class="na-chart__lane" text-anchor="end" x="112" y="29.0">NEU</text>',
        '<text class="na-chart__lane" text-anchor="end" x="112" y="63.0">DfE</text>',
        '<text class="na-chart__lane" text-anchor="end" x="112" y="130">Articles</text>',
        "</g>",
        "</svg>",
        "</div>",
        "<figcaption>",
        '<ul aria-label="Kinds of event" class="na-chart__legend">',
        "<li>",
        '<svg aria-hidden="true" class="na-chart__key na-chart__mark--purple-ring" height="18" viewBox="0 0 18 18" width="18">',
        '<circle cx="9.0" cy="9.0" r="6.5">',
        "</circle>",
        "</svg>Ballot opens</li>",
        "<li>",
        '<svg aria-hidden="true" class="na-chart__key na-chart__mark--red-dot" height="18" viewBox="0 0 18 18" width="18">',
        '<circle cx="9.0" cy="9.0" r="7.0">',
        "</circle>",
        "</svg>Strike</li>",
        "</ul>",
        "</figcaption>",
        "</figure>",
    ]


def test_no_events_no_chart():
    assert chart([], LANES, "timeline/index.md", uri, kinds=KINDS) is None


def test_an_event_in_no_lane_goes_in_other():
    odd = Event("c", dt.date(2023, 2, 1), "Budget", "d", ("hm-treasury",), kind="other")
    html = to_html_string(chart([*EVENTS, odd], LANES, "timeline/index.md", uri, kinds=KINDS))
    assert ">Other</text>" in html and 'xlink:href="2023-02/#c"' in html


def test_many_articles_are_a_bar_a_week_not_a_tick_each():
    days = [dt.date(2023, 1, 2) + dt.timedelta(days=i % 56) for i in range(TICK_LIMIT + 1)]
    html = to_html_string(chart(EVENTS, LANES, "timeline/index.md", uri, days, kinds=KINDS))
    strip = html.split('class="na-chart__articles"')[1].split("</g>")[0]
    assert 'class="na-chart__bars"' in strip and strip.count("Z") == 8 and "na-chart__ticks" not in strip  # eight weeks
    few = to_html_string(chart(EVENTS, LANES, "timeline/index.md", uri, days[:TICK_LIMIT], kinds=KINDS))
    assert few.split('class="na-chart__articles"')[1].split("</g>")[0].count("v12") == TICK_LIMIT


def test_a_long_lane_name_widens_the_margin_so_it_is_not_cut():
    import re

    from newsroom.chart import LABEL_CHAR, LEFT

    short = to_html_string(chart(EVENTS, LANES, "timeline/index.md", uri, kinds=KINDS))
    assert 'class="na-chart__lane" text-anchor="end" x="112"' in short  # LEFT - 12: the usual margin
    name = "Friends of Harbour Library"
    long = to_html_string(chart(EVENTS, [("neu", name), ("dfe", "DfE")], "timeline/index.md", uri, kinds=KINDS))
    x = int(re.search(rf'x="(\d+)" y="[\d.]+">{name}<', long).group(1))
    assert x >= LABEL_CHAR * len(name) > LEFT - 12, "the name's right end leaves room for all of it"
    widths = [int(re.search(r'<svg[^>]* width="(\d+)"', html).group(1)) for html in (short, long)]
    assert widths[1] - widths[0] == x - 112
