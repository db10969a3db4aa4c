"""Date expressions in article text, resolved against the publication date.

Rules (the README gives examples):
- absolute dates: "April 27", "27 April 2023", "May 2": with no year, the year that puts the
  date nearest the publication date;
- "today", "yesterday", "tomorrow";
- weekday names: the next such day after publication ("Tuesday" in a Friday article is the
  following Tuesday); the publication day itself when it is that weekday; "last Tuesday" the
  one before;
- "next/last/this week|month|year";
- "Month YYYY", and "in/by/until/since/from/during/early/late April" (that month, nearest);
- seasons with "the/this/next/last" ("the autumn": the next autumn not yet over), school
  terms ("the summer term"), and "the Easter break" (the school Easter holidays around Easter).
The ``datetime`` has the precision the text has: a day, a week, a month, or a season/term
(its first month, with its last month alongside).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {name: number for number, name in enumerate(calendar.month_name) if name}
WEEKDAYS = {name: number for number, name in enumerate(calendar.day_name)}
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "winter": (12, 2)}
TERMS = {"autumn": (9, 12), "spring": (1, 4), "summer": (4, 7)}

_M = "|".join(MONTHS)
_W = "|".join(WEEKDAYS)
PATTERN = re.compile(
    r"(?<![\w-])(?:"
    rf"(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s(?P<m1>{_M})(?:,?\s(?P<y1>(?:19|20)\d\d))?"
    rf"|(?P<m2>{_M})\s(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?(?:,\s(?P<y2>(?:19|20)\d\d))?(?![\d.,]\d)"
    rf"|(?P<m3>{_M})\s(?P<y3>(?:19|20)\d\d)"
    rf"|(?P<pm>(?:in|by|until|since|from|during|early|late|mid-|end\sof|start\sof)\s)(?P<m4>{_M})(?!\s\d)"
    r"|(?P<rel>[Tt]oday|[Yy]esterday|[Tt]omorrow)"
    rf"|(?:(?P<wq>[Ll]ast|[Nn]ext|[Tt]his)\s)?(?P<wd>{_W})"
    r"|(?P<rq>[Nn]ext|[Ll]ast|[Tt]his)\s(?P<unit>week|month|year)"
    r"|(?P<sq>[Tt]he|[Tt]his|[Nn]ext|[Ll]ast)\s(?P<season>spring|summer|autumn|winter)(?P<term>\sterm)?(?!\sof\s[a-z])"
    r"|(?P<easter>(?:[Tt]he\s)?Easter\s(?:break|holidays?|holiday|recess))"
    r")(?![\w-])"
)


@dataclass(frozen=True, slots=True)
class DateValue:
    """What a date expression means: a span of days, the precision it was given with, a label."""

    start: dt.date
    end: dt.date
    precision: str  # "day" | "week" | "month" | "year" | "season"
    label: str

    @property
    def datetime(self) -> str:
        """The ``<time datetime>`` value at the text's precision."""
        if self.precision == "day":
            return self.start.isoformat()
        if self.precision == "week":
            year, week, _ = self.start.isocalendar()
            return f"{year}-W{week:02d}"
        if self.precision == "year":
            return f"{self.start.year}"
        return f"{self.start:%Y-%m}"

    @property
    def month(self) -> str:
        """The timeline month page it links to (YYYY-MM)."""
        return f"{self.start:%Y-%m}"


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    text: str
    value: DateValue


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _nearest_year(month: int, day: int, published: dt.date) -> int:
    candidates = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidates.append((abs((dt.date(year, month, day) - published).days), year))
        except ValueError:
            continue
    if not candidates:
        raise ValueError(f"{day} is not a day of month {month}")
    return min(candidates)[1]


def long_date(day: dt.date) -> str:
    """``28 April 2023``: how pages, the chart and the cards write a day."""
    return f"{day.day} {day:%B %Y}"


def day_label(day: dt.date) -> str:
    return f"{calendar.day_name[day.weekday()]} {day.day} {day:%B %Y}"


def _day(day: dt.date) -> DateValue:
    return DateValue(day, day, "day", day_label(day))


def _month(year: int, month: int) -> DateValue:
    return DateValue(dt.date(year, month, 1), _month_end(year, month), "month", f"{calendar.month_name[month]} {year}")


def easter_sunday(year: int) -> dt.date:
    """Easter Sunday (Western), by the anonymous Gregorian algorithm."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month = (h + leap - 7 * m + 114) // 31
    day = (h + leap - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def _season(name: str, qualifier: str, term: bool, published: dt.date) -> DateValue:
    first, last = (TERMS if term else SEASONS)[name]

    def span(year: int) -> tuple[dt.date, dt.date]:
        end_year = year + 1 if last < first else year
        return dt.date(year, first, 1), _month_end(end_year, last)

    year = published.year
    if qualifier in ("next",):
        year += 1 if span(year)[0] <= published else 0
    elif qualifier == "last":
        year -= 1 if span(year)[1] >= published else 0
    elif span(year)[1] < published:  # "the autumn" / "this autumn": the next one not yet over
        year += 1
    start, end = span(year)
    kind = f"{name} term" if term else name
    label = f"the {kind} of {start.year}" + (f"/{end.year % 100:02d}" if end.year != start.year else "")
    return DateValue(start, end, "season", f"{label} ({start:%B} to {end:%B %Y})")


def resolve(match: re.Match, published: dt.date) -> tuple[int, DateValue]:
    """The value of one match, and how many leading characters are context, not the date."""
    g = match.groupdict()
    if g["m1"] or g["m2"]:
        month = MONTHS[g["m1"] or g["m2"]]
        day = int(g["d1"] or g["d2"])
        year_text = g["y1"] or g["y2"]
        year = int(year_text) if year_text else _nearest_year(month, day, published)
        return 0, _day(dt.date(year, month, day))
    if g["m3"]:
        return 0, _month(int(g["y3"]), MONTHS[g["m3"]])
    if g["m4"]:
        month = MONTHS[g["m4"]]
        year = min(
            (abs((dt.date(y, month, 15) - published).days), y)
            for y in (published.year - 1, published.year, published.year + 1)
        )[1]
        return len(g["pm"]), _month(year, month)
    if g["rel"]:
        offset = {"today": 0, "yesterday": -1, "tomorrow": 1}[g["rel"].lower()]
        return 0, _day(published + dt.timedelta(days=offset))
    if g["wd"]:
        target = WEEKDAYS[g["wd"]]
        qualifier = (g["wq"] or "").lower()
        ahead = (target - published.weekday()) % 7
        if qualifier == "last":
            behind = (published.weekday() - target) % 7 or 7
            return 0, _day(published - dt.timedelta(days=behind))
        if qualifier == "next":
            ahead = ahead or 7
        return 0, _day(published + dt.timedelta(days=ahead))
    if g["unit"]:
        step = {"next": 1, "last": -1, "this": 0}[g["rq"].lower()]
        if g["unit"] == "year":
            year = published.year + step
            return 0, DateValue(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", str(year))
        if g["unit"] == "month":
            index = published.year * 12 + published.month - 1 + step
            return 0, _month(index // 12, index % 12 + 1)
        monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=step)
        sunday = monday + dt.timedelta(days=6)
        return 0, DateValue(monday, sunday, "week", f"the week of {day_label(monday)}")
    if g["season"]:
        return 0, _season(g["season"], g["sq"].lower(), bool(g["term"]), published)
    easter = easter_sunday(published.year)
    if easter + dt.timedelta(days=7) < published - dt.timedelta(days=60):
        easter = easter_sunday(published.year + 1)
    start, end = easter - dt.timedelta(days=7), easter + dt.timedelta(days=7)
    return 0, DateValue(
        start, end, "season", f"the Easter break of {easter.year} (around Easter Sunday, {easter.day} {easter:%B})"
    )


def find_dates(text: str, published: dt.date) -> list[DateMention]:
    """Every date expression in ``text``, resolved against ``published``."""
    found = []
    for match in PATTERN.finditer(text):
        try:
            skip, value = resolve(match, published)
        except ValueError:
            continue  # "31 February" and the like: not a date, so not linked
        found.append(DateMention(match.start() + skip, match.end(), text[match.start() + skip : match.end()], value))
    return found
