"""What a notes file gives, value by value: whole notes and date overrides compared, the dates an
override may be written as, the closest passage an editor is shown, and how occurrences are named."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from newsroom.dates import DateValue
from newsroom.errors import DataError
from newsroom.loader import parse_article
from newsroom.notes import Anchor, DateOverride, Note, article_text, closest_passage, load_notes, paragraph_offsets

D = dt.date
SHOWN = "docs/articles/2023-04-04-t.notes.yml"
ARTICLE = parse_article(
    "---\ntitle: T\npublished: 2023-04-04\npublisher: P\n---\n"
    "The union achieved 56 per cent turnout in its ballot.\n\n"
    "The NEU called strikes; the union said the offer was poor.\n"
    "Strikes follow.\n",
    "docs/articles/2023-04-04-t.txt",
    "2023-04-04-t",
)


def load(text: str):
    return load_notes(Path("unused"), SHOWN, ARTICLE, text)


def error(text: str) -> str:
    with pytest.raises(DataError) as caught:
        load(text)
    return str(caught.value)


def test_the_article_text_and_where_each_paragraph_starts_in_it():
    assert article_text(ARTICLE) == (
        "The union achieved 56 per cent turnout in its ballot.\nThe NEU called strikes; the union said the offer was poor.\nStrikes follow."
    )
    assert paragraph_offsets(ARTICLE) == [0, 54, 113]


def test_notes_are_read_whole_and_numbered_in_the_order_of_the_text():
    notes, overrides = load(
        "notes:\n"
        "  - id: follow\n    quote: Strikes\n    prefix: \"poor.\\n\"\n    kind: correction\n    body: ' Later. '\n"
        "    sources: [https://e.org/a]\n    created: 2023-05-01\n"
        "  - id: the\n    quote: The\n    suffix: ' union'\n    body: First.\n"
        "  - id: neu\n    quote: The NEU\n    body: Second.\n"
        "dates:\n  - quote: 56 per cent\n    date: '2023'\n"
    )
    assert notes == (
        Note("the", "The", "context", "First.", Anchor(1, 0, 3, 0, 3), number=1),
        Note("neu", "The NEU", "context", "Second.", Anchor(2, 0, 7, 54, 61), number=2),
        Note(
            "follow",
            "Strikes",
            "correction",
            "Later.",
            Anchor(3, 0, 7, 113, 120),
            sources=("https://e.org/a",),
            created=D(2023, 5, 1),
            number=3,
        ),
    )
    assert [n.label for n in notes] == ["Context", "Context", "Correction"]
    assert overrides == (
        DateOverride(
            "56 per cent", Anchor(1, 19, 30, 19, 30), DateValue(D(2023, 1, 1), D(2023, 12, 31), "year", "2023")
        ),
    )


def test_notes_that_touch_do_not_overlap():
    notes, _ = load("- id: a\n  quote: 56 per cent\n  body: x\n- id: b\n  quote: ' turnout'\n  body: y\n")
    assert [(n.id, n.anchor.text_start, n.anchor.text_end) for n in notes] == [("a", 19, 30), ("b", 30, 38)]


def test_a_quote_at_the_very_end_of_the_text():
    (note,), _ = load("- id: end\n  quote: follow.\n  body: x\n")
    assert note.anchor == Anchor(3, 8, 15, 121, 128)


def test_an_empty_notes_file_has_nothing():
    assert load("") == ((), ())
    assert load("# nothing yet\n") == ((), ())
    assert load("notes: []\n") == ((), ())


@pytest.mark.parametrize(
    ("date", "until", "label", "value"),
    [
        ("2023", None, None, DateValue(D(2023, 1, 1), D(2023, 12, 31), "year", "2023")),
        ("2023-02", None, None, DateValue(D(2023, 2, 1), D(2023, 2, 28), "month", "February 2023")),
        ("2024-02", None, None, DateValue(D(2024, 2, 1), D(2024, 2, 29), "month", "February 2024")),
        ("2023-12", None, None, DateValue(D(2023, 12, 1), D(2023, 12, 31), "month", "December 2023")),
        ("2023-04-05", None, None, DateValue(D(2023, 4, 5), D(2023, 4, 5), "day", "Wednesday 5 April 2023")),
        ("2023-04-05", None, "the fifth", DateValue(D(2023, 4, 5), D(2023, 4, 5), "day", "the fifth")),
        (
            "2023-09",
            "2024-08",
            None,
            DateValue(D(2023, 9, 1), D(2024, 8, 31), "season", "September 2023 to August 2024"),
        ),
        (
            "2023-09",
            "2023-09-15",
            None,
            DateValue(D(2023, 9, 1), D(2023, 9, 15), "season", "September 2023 to September 2023"),
        ),
        ("2023-09-15", "2023-09-15", "one day", DateValue(D(2023, 9, 15), D(2023, 9, 15), "season", "one day")),
        ("2023", "2024-02", None, DateValue(D(2023, 1, 1), D(2024, 2, 29), "season", "January 2023 to February 2024")),
    ],
)
def test_a_date_override_may_be_a_year_a_month_a_day_or_a_period(date, until, label, value):
    text = f"dates:\n  - quote: 56 per cent\n    date: '{date}'\n"
    text += f"    until: '{until}'\n" if until else ""
    text += f"    label: {label}\n" if label else ""
    (_, (override,)) = load(text)
    assert override.value == value


@pytest.mark.parametrize(
    "date", ["23", "2023-1", "2023-02-30", "2023-00", "2023-13-01", "April 2023", "2023-04-05T10:00"]
)
def test_a_date_override_that_is_not_a_date(date):
    assert error(f"dates:\n  - quote: NEU\n    date: '{date}'\n") == (
        f"{SHOWN}:3: dates[0].date: {date!r} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD"
    )


def test_a_date_override_needs_a_date_and_known_keys():
    assert error("dates:\n  - quote: NEU\n") == f"{SHOWN}:2: dates[0].date: missing required field `date`"
    assert error("dates:\n  - quote: NEU\n    date: '2023'\n    colour: red\n") == (
        f"{SHOWN}:4: dates[0].colour: unknown key 'colour'; allowed keys are quote, prefix, suffix, date, until, label"
    )
    assert error("dates:\n  - quote: NEU\n    date: '2023'\n    until: soon\n") == (
        f"{SHOWN}:4: dates[0].until: 'soon' is not a valid date; write it as YYYY-MM-DD or YYYY-MM"
    )
    assert error("dates:\n  - quote: NEU\n    date: '2023-05-02'\n    until: '2023-05-01'\n") == (
        f"{SHOWN}:4: dates[0].until: ends (2023-05-01) before it starts (2023-05-02)"
    )
    assert error("dates:\n  - quote: strikes called\n    date: '2023'\n") == (
        f"{SHOWN}:2: dates[0].quote: date override: 'strikes called' is not in the article text (docs/articles/2023-04-04-t.txt); "
        "the closest passage is 'Strikes follow'"
    )


def test_a_notes_file_is_a_list_or_a_mapping_of_notes_and_dates():
    assert error("colour: red\n") == f"{SHOWN}:1: colour: unknown key 'colour'; allowed keys are notes, dates"
    assert error("notes: one\n") == f"{SHOWN}:1: notes: expected a list"
    assert (
        error("- id: A\n  quote: NEU\n  body: x\n")
        == f"{SHOWN}:1: notes[0].id: 'A' is not a lower-case slug (letters, digits and single hyphens)"
    )
    assert error("- id: a\n  quote: NEU\n  body: x\n  created: 2023-02\n") == (
        f"{SHOWN}:4: notes[a].created: '2023-02' is not a valid date; write it as YYYY-MM-DD"
    )


@pytest.mark.parametrize(
    ("quote", "closest"),
    [
        ("56 per cent turnout", "56 per cent turnout"),
        ("65 per cent turnout", "56 per cent turnout"),
        ("the unoin said", "the union said"),
        ("Strikes folow", "Strikes follow"),  # the last paragraph, and its last word whole
        ("The NEU calld", "The NEU called"),  # a window at the start of a paragraph
        ("ballot", "ballot"),  # the last word of a paragraph, without its full stop
        ("x" * 80, "The union achieved 56 per cent turnout in its ballot."),
    ],
)
def test_the_closest_passage_is_the_most_similar_stretch_of_whole_words(quote, closest):
    assert closest_passage(ARTICLE, quote) == closest


def test_the_first_of_two_equally_close_passages_is_shown():
    article = parse_article("---\ntitle: T\npublished: 2023-04-04\npublisher: P\n---\nab cd\nab ce\n", "a.txt", "a")
    assert closest_passage(article, "ab cx") == "ab cd"


def test_occurrences_are_named_with_twenty_characters_either_side_within_their_paragraph():
    message = error("- id: s\n  quote: trike\n  body: x\n")
    assert message == (
        f"{SHOWN}:2: notes[s].quote: note 's': 'trike' occurs 2 times "
        "(paragraph 2: …The NEU called s[trike]s; the union said th…; paragraph 3: …S[trike]s follow.…); "
        "add a prefix or suffix (the words just before or after) to pick one"
    )


def test_a_prefix_or_suffix_must_match_exactly_where_the_quote_is():
    message = error("- id: u\n  quote: union\n  prefix: 'the  '\n  body: x\n")
    assert message.startswith(f"{SHOWN}:2: notes[u].quote: note 'u': 'union' is not in the article text")
    message = error("- id: u\n  quote: union\n  suffix: ' sai d'\n  body: x\n")
    assert message.startswith(f"{SHOWN}:2: notes[u].quote: note 'u': 'union' is not in the article text")
    (note,), _ = load("- id: u\n  quote: union\n  prefix: 'the '\n  suffix: ' said'\n  body: x\n")
    assert note.anchor == Anchor(2, 28, 33, 82, 87)


def test_a_link_in_a_note_body_is_named_as_written():
    message = error("- id: u\n  quote: NEU\n  body: '[x](javascript:a(1)&b)'\n")
    assert message == (
        f"{SHOWN}:3: notes[u].body: the link 'javascript:a(1)&b' is not allowed: use an http, https or mailto address, or a link inside the site"
    )
    message = error("- id: u\n  quote: NEU\n  body: '![x](data:image/png,1)'\n")
    assert message == (
        f"{SHOWN}:3: notes[u].body: the link 'data:image/png,1' is not allowed: use an http, https or mailto address, or a link inside the site"
    )


def test_occurrences_at_the_start_and_end_of_paragraphs_are_named_within_them():
    article = parse_article(
        "---\ntitle: T\npublished: 2023-04-04\npublisher: P\n---\nA cat.\nA cat sat.\n", "a.txt", "a"
    )
    with pytest.raises(DataError) as caught:
        load_notes(Path("unused"), "a.notes.yml", article, "- id: a\n  quote: A\n  body: x\n")
    assert "(paragraph 1: …[A] cat.…; paragraph 2: …[A] cat sat.…)" in str(caught.value)
    with pytest.raises(DataError) as caught:
        load_notes(Path("unused"), "a.notes.yml", article, "- id: a\n  quote: cat\n  body: x\n")
    assert "(paragraph 1: …A [cat].…; paragraph 2: …A [cat] sat.…)" in str(caught.value)


def test_a_quote_written_as_a_number_is_its_text():
    (note,), (override,) = load(
        "notes:\n  - id: n\n    quote: 56\n    body: x\ndates:\n  - quote: 56\n    prefix: 'achieved '\n    date: '2023'\n"
    )
    assert (note.quote, note.anchor) == ("56", Anchor(1, 19, 21, 19, 21))
    assert (override.quote, override.anchor) == ("56", Anchor(1, 19, 21, 19, 21))


def test_a_notes_file_that_is_neither_a_list_nor_a_mapping():
    assert error("just text\n") == f"{SHOWN}:1: file: expected a list of notes, or a mapping with `notes:` and `dates:`"
    assert (
        error("# notes\n56\n") == f"{SHOWN}:1: file: expected a list of notes, or a mapping with `notes:` and `dates:`"
    )


def test_a_long_misquote_is_matched_letter_by_letter_not_by_its_rare_letters():
    """difflib's autojunk would ignore the letters a 200-character window uses most (spaces, e, t):
    the editor would be shown a passage that is further from what they typed."""
    root = Path(__file__).resolve().parents[2]
    slug = "2023-04-04-ascl-members-reject-pay-offer"
    article = parse_article(
        (root / "docs" / "articles" / f"{slug}.txt").read_text(encoding="utf-8"), f"{slug}.txt", slug
    )
    misquote = (
        "on saad members \u201cwill fedtainle be hugely concebned too about the fa lure  f dhe bay offdr itcelf to addregsdrgcruitment aad r "
        "tegtion,abut the immedigde problem is tae  rosdegt af not beingdablddto afgord to pay it  o their ataff"
    )
    assert closest_passage(article, misquote).startswith("Barton said members \u201cwill certainly be hugely concerned")


def test_a_notes_file_that_is_not_yaml_is_named():
    assert error("- id: [x\n") == f"{SHOWN}:2: yaml: not valid YAML: did not find expected ',' or ']'"
