"""The archive at a glance: a chart of events over time, as inline SVG written at build time.

Months run left to right; each organisation in ``timeline_lanes`` (``mkdocs.yml``, ``extra.archive``)
that has events gets a lane; each event is a mark in the first of its lanes, its shape and
colour its ``kind``, with a faint dot in every other lane it involves, joined by a line. Every
mark is a link to the event on its month's page, with an accessible name. Articles are ticks on
the axis on their publication day, or, past ``TICK_LIMIT`` articles, a bar per week. The chart
scrolls sideways inside its own box on a narrow screen; its colours come from the palette
(annotate.css), so it follows light and dark. The list of events beside it is its text
alternative.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from xml.etree.ElementTree import Element

from .dates import long_date
from .html import E, rel
from .model import Event
from .settings import Kind

MONTH_WIDTH = 56
LANE_HEIGHT = 34
LEFT = 124  # room for the lanes' names, at least
LABEL_CHAR = 7.5  # a lane name's width per character (12 px bold), for a longer name than LEFT holds
TOP = 8
TICK_LIMIT = 150  # more articles than this are drawn as a bar per week


def _months(first: dt.date, last: dt.date) -> list[dt.date]:
    months, day = [], first.replace(day=1)
    while day <= last:
        months.append(day)
        day = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return months


def _shape(mark: str, x: float, y: float) -> Element:
    """``mark`` (one of ``settings.MARKS``, which annotate.css colours) centred at (x, y)."""
    r = 6.5
    if mark in ("purple-ring", "grey-dot"):
        return E("circle", {"cx": f"{x:.1f}", "cy": f"{y:.1f}", "r": "5.5" if mark == "grey-dot" else f"{r}"})
    if mark == "red-dot":
        return E("circle", {"cx": f"{x:.1f}", "cy": f"{y:.1f}", "r": f"{r + 0.5}"})
    if mark in ("purple-square", "orange-square"):
        return E(
            "rect",
            {
                "x": f"{x - r:.1f}",
                "y": f"{y - r:.1f}",
                "width": f"{2 * r}",
                "height": f"{2 * r}",
                "rx": "1.5" if mark == "purple-square" else "0",
            },
        )
    if mark == "blue-diamond":
        return E(
            "path",
            {"d": f"M{x:.1f} {y - r - 1:.1f}L{x + r + 1:.1f} {y:.1f}L{x:.1f} {y + r + 1:.1f}L{x - r - 1:.1f} {y:.1f}Z"},
        )
    return E(
        "path", {"d": f"M{x:.1f} {y - r - 1:.1f}L{x + r + 1:.1f} {y + r:.1f}L{x - r - 1:.1f} {y + r:.1f}Z"}
    )  # green-triangle


def chart(
    events: list[Event],
    lanes: list[tuple[str, str]],
    here: str,
    event_uri,
    published: list[dt.date] = (),
    title: str = "Events over time",
    kinds: tuple[Kind, ...] = (Kind("other", "Other", "grey-dot"),),
) -> Element | None:
    """The chart of ``events`` in ``lanes`` ((entity id, label), in order), or None without events.
    ``event_uri(event)`` is the source path of an event's place on its month page; ``published``
    the publication days of the articles to draw on the axis; ``kinds`` the events' kinds (the
    settings'), each with its label and mark, in the key's order."""
    kind_of = {kind.id: kind for kind in kinds}
    if not events:
        return None
    lane_of = {entity: index for index, (entity, _) in enumerate(lanes)}
    placed = []
    other_lane = False
    for event in sorted(events, key=lambda e: (e.date, e.id)):
        involved = sorted({lane_of[i] for i in event.entities if i in lane_of})
        if not involved:
            involved, other_lane = [len(lanes)], True
        placed.append((event, involved))
    names = [label for _, label in lanes] + (["Other"] if other_lane else [])
    days = [e.date for e in events] + [e.end for e in events if e.end] + list(published)
    months = _months(min(days), max(days))
    left = max(LEFT, 12 + round(LABEL_CHAR * max(len(name) for name in [*names, "Articles"])))
    width = left + MONTH_WIDTH * len(months) + 16
    axis = TOP + LANE_HEIGHT * len(names) + 6
    height = axis + 44 + (22 if published else 0)

    def x_of(day: dt.date) -> float:
        index = (day.year - months[0].year) * 12 + day.month - months[0].month
        length = ((day.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - day.replace(day=1)).days
        return left + MONTH_WIDTH * (index + (day.day - 0.5) / length)

    def y_of(lane: int) -> float:
        return TOP + LANE_HEIGHT * lane + LANE_HEIGHT / 2

    svg = E(
        "svg",
        {
            "class": "na-chart__svg",
            "xmlns": "http://www.w3.org/2000/svg",
            "xmlns:xlink": "http://www.w3.org/1999/xlink",
            "viewBox": f"0 0 {width} {height}",
            "width": str(width),
            "height": str(height),
            # No role: an SVG is a graphics document, which may hold links (role="img" may not).
            "aria-labelledby": "na-chart-title na-chart-desc",
        },
        E("title", {"id": "na-chart-title"}, title),
        E(
            "desc",
            {"id": "na-chart-desc"},
            f"{len(events)} events from {long_date(min(e.date for e in events))} "
            f"to {long_date(max(e.date for e in events))}, by organisation: {', '.join(names)}. "
            "Each mark links to its day; the list below gives every event in words.",
        ),
    )
    grid = E("g", {"class": "na-chart__grid", "aria-hidden": "true"})
    # The lanes' names, drawn last over a strip of the page's colour: when the chart scrolls
    # sideways, core.js keeps them at its left edge, and the marks pass under them.
    lane_names = E(
        "g",
        {"class": "na-chart__names", "aria-hidden": "true"},
        E("rect", {"x": "0", "y": "0", "width": str(left - 8), "height": str(height)}),
    )
    for index, name in enumerate(names):
        y = y_of(index)
        grid.append(E("line", {"x1": str(left - 6), "x2": str(width - 8), "y1": f"{y:.1f}", "y2": f"{y:.1f}"}))
        lane_names.append(
            E("text", {"x": str(left - 12), "y": f"{y + 4:.1f}", "text-anchor": "end", "class": "na-chart__lane"}, name)
        )
    for index, month in enumerate(months):
        x = left + MONTH_WIDTH * index
        grid.append(
            E("line", {"class": "na-chart__month", "x1": str(x), "x2": str(x), "y1": str(TOP), "y2": str(axis + 6)})
        )
        label = f"{month:%b}" + (f" {month:%Y}" if month.month == 1 or index == 0 else "")
        grid.append(E("text", {"x": str(x + 4), "y": str(axis + 20), "class": "na-chart__axis"}, label))
    svg.append(grid)
    if published:
        strip = E("g", {"class": "na-chart__articles", "aria-hidden": "true"})
        base = axis + 50
        lane_names.append(
            E(
                "text",
                {"x": str(left - 12), "y": f"{base - 2}", "text-anchor": "end", "class": "na-chart__lane"},
                "Articles",
            )
        )
        # One path for the whole strip: a tick (or a week's bar) is a few bytes, not an element.
        if len(published) <= TICK_LIMIT:
            d = "".join(f"M{x_of(day):.1f} {base - 12}v12" for day in sorted(published))
            strip.append(E("path", {"class": "na-chart__ticks", "d": d}))
        else:
            weeks = Counter(day - dt.timedelta(days=day.weekday()) for day in published)
            most = max(weeks.values())
            bar_width = f"{MONTH_WIDTH / 4.5:.1f}"
            d = "".join(
                f"M{x_of(monday):.1f} {base}v-{max(1.0, 14 * count / most):.1f}h{bar_width}V{base}Z"
                for monday, count in sorted(weeks.items())
            )
            strip.append(E("path", {"class": "na-chart__bars", "d": d}))
        svg.append(strip)
    marks = E("g", {"class": "na-chart__marks"})
    for event, involved in placed:
        x = x_of(event.date)
        kind = kind_of[event.kind]
        # One group an event, naming who it involves, as the list's items do: the timeline's
        # filter (filters.js) fades the events it does not show.
        group = E("g", {"class": "na-chart__event", "data-entities": " ".join(event.entities)})
        if len(involved) > 1:
            top, bottom = f"{y_of(involved[0]):.1f}", f"{y_of(involved[-1]):.1f}"
            group.append(
                E(
                    "line",
                    {
                        "class": "na-chart__link",
                        "aria-hidden": "true",
                        "x1": f"{x:.1f}",
                        "x2": f"{x:.1f}",
                        "y1": top,
                        "y2": bottom,
                    },
                )
            )
            for lane in involved[1:]:
                group.append(
                    E(
                        "circle",
                        {
                            "class": "na-chart__echo",
                            "aria-hidden": "true",
                            "cx": f"{x:.1f}",
                            "cy": f"{y_of(lane):.1f}",
                            "r": "3",
                        },
                    )
                )
        span = None
        if event.end and event.end != event.date:
            y = f"{y_of(involved[0]):.1f}"
            span = E(
                "line", {"class": "na-chart__span", "x1": f"{x:.1f}", "x2": f"{x_of(event.end):.1f}", "y1": y, "y2": y}
            )
        when = long_date(event.date) + (f" to {long_date(event.end)}" if event.end and event.end != event.date else "")
        link = E(
            "a",
            {
                # xlink:href, not href: Material's instant navigation rewrites every [href] on a
                # page it loads, and an SVG link's href cannot be set (a TypeError).
                "xlink:href": rel(here, event_uri(event), rewritten=False),
                "class": f"na-chart__mark na-chart__mark--{kind.mark}",
                "aria-label": f"{when}: {event.title} ({kind.label.lower()})",
            },
            E("title", {}, f"{when}: {event.title}"),
            span,
            _shape(kind.mark, x, y_of(involved[0])),
        )
        group.append(link)
        marks.append(group)
    svg.append(marks)
    svg.append(lane_names)
    legend = E("ul", {"class": "na-chart__legend", "aria-label": "Kinds of event"})
    for kind in kinds:
        if any(e.kind == kind.id for e in events):
            legend.append(
                E(
                    "li",
                    {},
                    E(
                        "svg",
                        {
                            "class": f"na-chart__key na-chart__mark--{kind.mark}",
                            "viewBox": "0 0 18 18",
                            "width": "18",
                            "height": "18",
                            "aria-hidden": "true",
                        },
                        _shape(kind.mark, 9, 9),
                    ),
                    kind.label,
                )
            )
    return E(
        "figure",
        {"class": "na-chart"},
        E(
            "div",
            {
                "class": "na-chart__scroll",
                "tabindex": "0",
                "role": "region",
                "aria-label": f"{title}: a chart (scrolls sideways)",
                # A mark reached by Tab is scrolled into view right of the lanes' names, not under them.
                "style": f"scroll-padding-left: {left}px",
            },
            svg,
        ),
        E("figcaption", {}, legend),
    )
