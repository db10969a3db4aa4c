"""Date expressions resolve against the publication date, at the precision the text has."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from newsroom.corpus import annotate, build_corpus
from newsroom.dates import easter_sunday, find_dates
from newsroom.loader import load_article

ROOT = Path(__file__).resolve().parents[2]
FRIDAY = dt.date(2023, 4, 28)  # the 000 seed's publication date


def resolved(text: str, published: dt.date = FRIDAY) -> list[tuple[str, str]]:
    return [(d.text, d.value.datetime) for d in find_dates(text, published)]


def test_seed_dates_match_gold_with_the_editors_overrides(kb, matcher):
    gold = yaml.safe_load((ROOT / "tests" / "gold" / "dates.yml").read_text(encoding="utf-8"))
    paths = [(p, str(p)) for p in sorted((ROOT / "docs" / "articles").glob("*.txt"))]
    corpus = build_corpus(kb, matcher, paths)
    assert sorted(gold) == sorted(corpus.articles)
    for slug, rows in gold.items():
        annotated = corpus.articles[slug]
        found = [
            [paragraph.number, d.text, d.value.datetime, d.value.precision]
            for paragraph, dates in zip(annotated.article.paragraphs, annotated.dates, strict=True)
            for d in dates
        ]
        assert found == rows, slug


def test_automatic_reading_of_school_years_is_calendar_years_without_an_override(matcher):
    annotated = annotate(
        load_article(ROOT / "docs" / "articles" / "2023-04-04-ascl-members-reject-pay-offer.txt"), matcher
    )
    assert [(d.text, d.value.datetime) for d in annotated.dates[1]] == [("this year", "2023"), ("next year", "2024")]


def test_tuesday_resolves_to_the_following_tuesday():
    assert resolved("another strike planned for Tuesday") == [("Tuesday", "2023-05-02")]


def test_last_weekday_is_the_one_before():
    assert resolved("talks on last Tuesday") == [("last Tuesday", "2023-04-25")]


def test_weekday_of_publication_is_that_day_and_next_is_a_week_later():
    assert resolved("on Friday, and next Friday") == [("Friday", "2023-04-28"), ("next Friday", "2023-05-05")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("met today", [("today", "2023-04-28")]),
        ("Yesterday they", [("Yesterday", "2023-04-27")]),
        ("tomorrow", [("tomorrow", "2023-04-29")]),
        ("next month", [("next month", "2023-05")]),
        ("last month", [("last month", "2023-03")]),
        ("this year", [("this year", "2023")]),
        ("next week", [("next week", "2023-W18")]),
        ("on 27 April 2023", [("27 April 2023", "2023-04-27")]),
        ("on 28 March", [("28 March", "2023-03-28")]),
        ("on April 27", [("April 27", "2023-04-27")]),
        ("in May 2024", [("May 2024", "2024-05")]),
        ("in July", [("July", "2023-07")]),
    ],
)
def test_relative_and_absolute_expressions(text, expected):
    assert resolved(text) == expected


def test_date_without_year_takes_the_nearest_year():
    assert resolved("on January 5", dt.date(2023, 12, 20)) == [("January 5", "2024-01-05")]
    assert resolved("on December 20", dt.date(2024, 1, 3)) == [("December 20", "2023-12-20")]


def test_seasons_and_terms_are_periods():
    [autumn] = find_dates("strikes in the autumn", FRIDAY)
    assert (autumn.value.start, autumn.value.end, autumn.value.precision) == (
        dt.date(2023, 9, 1),
        dt.date(2023, 11, 30),
        "season",
    )
    [term] = find_dates("during the summer term", FRIDAY)
    assert (term.value.start, term.value.end) == (dt.date(2023, 4, 1), dt.date(2023, 7, 31))
    [spring] = find_dates("the spring", dt.date(2023, 11, 1))
    assert spring.value.start == dt.date(2024, 3, 1)


def test_easter_break_is_around_easter_sunday():
    assert easter_sunday(2023) == dt.date(2023, 4, 9)
    assert easter_sunday(2024) == dt.date(2024, 3, 31)
    [easter] = find_dates("shortly after the Easter break", dt.date(2023, 4, 4))
    assert (easter.text, easter.value.start, easter.value.end) == (
        "the Easter break",
        dt.date(2023, 4, 2),
        dt.date(2023, 4, 16),
    )


def test_words_that_are_not_dates_are_left_alone():
    assert resolved("Theresa May said, May 2.5 per cent, the summer of love, 31 February") == []
    assert resolved("Mayday Tuesdays todays") == []
