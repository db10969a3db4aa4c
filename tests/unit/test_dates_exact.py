"""Every kind of date expression, resolved to its whole value (first and last day, precision and
label), at the edges where the rules turn: written so that each rule, changed by one character,
fails a test (see tests/mutation/)."""

from __future__ import annotations

import datetime as dt

import pytest
from newsroom.dates import DateValue, easter_sunday, find_dates

D = dt.date


def one(text: str, published: dt.date) -> tuple[str, DateValue]:
    found = find_dates(text, published)
    assert len(found) == 1, (text, found)
    mention = found[0]
    assert text[mention.start : mention.end] == mention.text
    return mention.text, mention.value


EASTER_2023 = "the Easter break of 2023 (around Easter Sunday, 9 April)"
EASTER_2024 = "the Easter break of 2024 (around Easter Sunday, 31 March)"

CASES = [
    # text, published, (matched text, start, end, precision, label)
    (
        "It ends 27 April 2019.",
        D(2023, 4, 28),
        ("27 April 2019", D(2019, 4, 27), D(2019, 4, 27), "day", "Saturday 27 April 2019"),
    ),
    (
        "By April 27, 2021 it was over.",
        D(2023, 4, 28),
        ("April 27, 2021", D(2021, 4, 27), D(2021, 4, 27), "day", "Tuesday 27 April 2021"),
    ),
    (
        "On 2 January they met.",
        D(2023, 12, 30),
        ("2 January", D(2024, 1, 2), D(2024, 1, 2), "day", "Tuesday 2 January 2024"),
    ),
    (
        "On 30 December they met.",
        D(2024, 1, 2),
        ("30 December", D(2023, 12, 30), D(2023, 12, 30), "day", "Saturday 30 December 2023"),
    ),
    (
        "Talks in March 2022 failed.",
        D(2023, 4, 28),
        ("March 2022", D(2022, 3, 1), D(2022, 3, 31), "month", "March 2022"),
    ),
    (
        "Talks in February 2024 failed.",
        D(2023, 4, 28),
        ("February 2024", D(2024, 2, 1), D(2024, 2, 29), "month", "February 2024"),
    ),
    ("Strikes in January.", D(2023, 12, 20), ("January", D(2024, 1, 1), D(2024, 1, 31), "month", "January 2024")),
    (
        "Strikes since November.",
        D(2023, 1, 10),
        ("November", D(2022, 11, 1), D(2022, 11, 30), "month", "November 2022"),
    ),
    # a month without a year: the one whose 15th is nearest (on a tie, the earlier year)
    ("Strikes in March.", D(2023, 9, 15), ("March", D(2024, 3, 1), D(2024, 3, 31), "month", "March 2024")),
    ("Strikes in March.", D(2023, 9, 14), ("March", D(2023, 3, 1), D(2023, 3, 31), "month", "March 2023")),
    # 29 February without a year: the nearest year that has one
    (
        "Talks on 29 February.",
        D(2024, 3, 1),
        ("29 February", D(2024, 2, 29), D(2024, 2, 29), "day", "Thursday 29 February 2024"),
    ),
    (
        "Talks on 29 February.",
        D(2023, 3, 1),
        ("29 February", D(2024, 2, 29), D(2024, 2, 29), "day", "Thursday 29 February 2024"),
    ),
    ("Said tomorrow.", D(2023, 12, 31), ("tomorrow", D(2024, 1, 1), D(2024, 1, 1), "day", "Monday 1 January 2024")),
    (
        "Said Yesterday.",
        D(2023, 3, 1),
        ("Yesterday", D(2023, 2, 28), D(2023, 2, 28), "day", "Tuesday 28 February 2023"),
    ),
    # weekdays: the publication day itself, the next one, "next" a week on, "last" the one before
    ("Meet on Friday.", D(2023, 4, 28), ("Friday", D(2023, 4, 28), D(2023, 4, 28), "day", "Friday 28 April 2023")),
    ("Meet next Friday.", D(2023, 4, 28), ("next Friday", D(2023, 5, 5), D(2023, 5, 5), "day", "Friday 5 May 2023")),
    ("Meet this Monday.", D(2023, 4, 28), ("this Monday", D(2023, 5, 1), D(2023, 5, 1), "day", "Monday 1 May 2023")),
    (
        "Met last Friday.",
        D(2023, 4, 28),
        ("last Friday", D(2023, 4, 21), D(2023, 4, 21), "day", "Friday 21 April 2023"),
    ),
    (
        "Met last Thursday.",
        D(2023, 4, 28),
        ("last Thursday", D(2023, 4, 27), D(2023, 4, 27), "day", "Thursday 27 April 2023"),
    ),
    (
        "Met last Saturday.",
        D(2023, 4, 28),
        ("last Saturday", D(2023, 4, 22), D(2023, 4, 22), "day", "Saturday 22 April 2023"),
    ),
    ("Met on Sunday.", D(2023, 4, 28), ("Sunday", D(2023, 4, 30), D(2023, 4, 30), "day", "Sunday 30 April 2023")),
    # weeks, months and years
    (
        "Talks this week.",
        D(2023, 4, 28),
        ("this week", D(2023, 4, 24), D(2023, 4, 30), "week", "the week of Monday 24 April 2023"),
    ),
    (
        "Talks next week.",
        D(2023, 4, 30),
        ("next week", D(2023, 5, 1), D(2023, 5, 7), "week", "the week of Monday 1 May 2023"),
    ),
    (
        "Talks last week.",
        D(2023, 1, 2),
        ("last week", D(2022, 12, 26), D(2023, 1, 1), "week", "the week of Monday 26 December 2022"),
    ),
    ("Talks last month.", D(2023, 1, 15), ("last month", D(2022, 12, 1), D(2022, 12, 31), "month", "December 2022")),
    ("Talks next month.", D(2023, 12, 15), ("next month", D(2024, 1, 1), D(2024, 1, 31), "month", "January 2024")),
    ("Talks this month.", D(2024, 2, 10), ("this month", D(2024, 2, 1), D(2024, 2, 29), "month", "February 2024")),
    ("Pay next year.", D(2023, 4, 28), ("next year", D(2024, 1, 1), D(2024, 12, 31), "year", "2024")),
    ("Pay last year.", D(2023, 4, 28), ("last year", D(2022, 1, 1), D(2022, 12, 31), "year", "2022")),
    # seasons: "the"/"this" the next one not yet over; "next" the one after the one begun; "last" the one before the one not yet over
    (
        "Strikes in the autumn.",
        D(2023, 11, 30),
        ("the autumn", D(2023, 9, 1), D(2023, 11, 30), "season", "the autumn of 2023 (September to November 2023)"),
    ),
    (
        "Strikes in the autumn.",
        D(2023, 12, 1),
        ("the autumn", D(2024, 9, 1), D(2024, 11, 30), "season", "the autumn of 2024 (September to November 2024)"),
    ),
    (
        "Strikes next autumn.",
        D(2023, 8, 31),
        ("next autumn", D(2023, 9, 1), D(2023, 11, 30), "season", "the autumn of 2023 (September to November 2023)"),
    ),
    (
        "Strikes next autumn.",
        D(2023, 9, 1),
        ("next autumn", D(2024, 9, 1), D(2024, 11, 30), "season", "the autumn of 2024 (September to November 2024)"),
    ),
    (
        "Strikes last autumn.",
        D(2023, 11, 30),
        ("last autumn", D(2022, 9, 1), D(2022, 11, 30), "season", "the autumn of 2022 (September to November 2022)"),
    ),
    (
        "Strikes last autumn.",
        D(2023, 12, 1),
        ("last autumn", D(2023, 9, 1), D(2023, 11, 30), "season", "the autumn of 2023 (September to November 2023)"),
    ),
    (
        "Strikes this winter.",
        D(2023, 10, 1),
        ("this winter", D(2023, 12, 1), D(2024, 2, 29), "season", "the winter of 2023/24 (December to February 2024)"),
    ),
    (
        "Strikes next winter.",
        D(2024, 1, 10),
        ("next winter", D(2024, 12, 1), D(2025, 2, 28), "season", "the winter of 2024/25 (December to February 2025)"),
    ),
    (
        "Exams in the summer term.",
        D(2023, 1, 10),
        ("the summer term", D(2023, 4, 1), D(2023, 7, 31), "season", "the summer term of 2023 (April to July 2023)"),
    ),
    (
        "Exams in the spring term.",
        D(2023, 5, 10),
        ("the spring term", D(2024, 1, 1), D(2024, 4, 30), "season", "the spring term of 2024 (January to April 2024)"),
    ),
    ("Ballot in The Spring.", D(2023, 1, 10), None),  # "Spring" with a capital is not the season's word here
    # the Easter break: around Easter Sunday; past it by two months, the next year's
    (
        "Over the Easter break.",
        D(2023, 1, 10),
        ("the Easter break", D(2023, 4, 2), D(2023, 4, 16), "season", EASTER_2023),
    ),
    (
        "Over the Easter holidays.",
        D(2023, 6, 15),
        ("the Easter holidays", D(2023, 4, 2), D(2023, 4, 16), "season", EASTER_2023),
    ),
    (
        "Over the Easter holidays.",
        D(2023, 6, 16),
        ("the Easter holidays", D(2024, 3, 24), D(2024, 4, 7), "season", EASTER_2024),
    ),
]


@pytest.mark.parametrize(("text", "published", "expected"), CASES, ids=[f"{c[0]} @ {c[1]}" for c in CASES])
def test_each_kind_of_date_resolves_to_its_whole_value(text, published, expected):
    if expected is None:
        assert find_dates(text, published) == []
        return
    matched, value = one(text, published)
    assert (matched, value.start, value.end, value.precision, value.label) == expected


def test_context_words_before_a_month_are_not_part_of_the_date():
    text = "Strikes early March and end of May."
    found = find_dates(text, D(2023, 4, 28))
    assert [(m.start, m.end, m.text) for m in found] == [(14, 19, "March"), (31, 34, "May")]


def test_a_day_that_does_not_exist_is_skipped_and_the_dates_after_it_are_still_found():
    found = find_dates("Not 31 February, but 30 April and 2 May.", D(2023, 4, 28))
    assert [m.text for m in found] == ["30 April", "2 May"]


def test_the_datetime_attribute_has_the_texts_precision():
    published = D(2023, 4, 28)
    values = {
        text: one(text, published)[1] for text in ("27 April", "next week", "March 2022", "next year", "the autumn")
    }
    assert {text: (v.datetime, v.month) for text, v in values.items()} == {
        "27 April": ("2023-04-27", "2023-04"),
        "next week": ("2023-W18", "2023-05"),
        "March 2022": ("2022-03", "2022-03"),
        "next year": ("2024", "2024-01"),
        "the autumn": ("2023-09", "2023-09"),
    }


def test_easter_sunday_agrees_with_dateutil_for_every_year_of_the_gregorian_table():
    from dateutil.easter import easter

    assert [easter_sunday(year) for year in range(1583, 4100)] == [easter(year) for year in range(1583, 4100)]
