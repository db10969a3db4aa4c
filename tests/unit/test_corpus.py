"""The corpus: every article annotated once (or taken from the annotation memo), and the indexes
the pages read (quotations by speaker, day links, first mentions, events by day, months)
holding exactly what each article gives them."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from newsroom.corpus import BackLink, Corpus, DateLink, annotate, build_corpus, check_orphan_notes, sentence_at
from newsroom.errors import DataError
from newsroom.loader import parse_article
from newsroom.notes import load_notes

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ROOT / "docs" / "articles"


def paths(folder: Path) -> list[tuple[Path, str]]:
    return [(p, f"docs/articles/{p.name}") for p in sorted(folder.glob("*.txt"), reverse=True)]


class Memo:
    """An annotation memo that records what it is asked."""

    def __init__(self, held=None) -> None:
        self.held = held or {}
        self.gets: list[tuple] = []
        self.puts: list[tuple] = []

    def get(self, shown, source, notes):
        self.gets.append((shown, source, notes))
        return self.held.get(shown)

    def put(self, shown, source, notes, annotated):
        self.puts.append((shown, source, notes, annotated))


def test_the_corpus_holds_each_article_annotated_with_its_notes_and_indexes_them(kb, matcher):
    memo = Memo()
    corpus = build_corpus(kb, matcher, paths(ARTICLES), memo)
    slugs = sorted(p.stem for p in ARTICLES.glob("*.txt"))
    assert sorted(corpus.articles) == slugs and corpus.matcher is matcher and corpus.kb is kb
    # Each article was asked of the memo with its name and bytes (and its notes' bytes), in name order, then remembered.
    expected = []
    for slug in slugs:
        notes = ARTICLES / f"{slug}.notes.yml"
        expected.append(
            (
                f"docs/articles/{slug}.txt",
                (ARTICLES / f"{slug}.txt").read_bytes(),
                notes.read_bytes() if notes.exists() else None,
            )
        )
    assert memo.gets == expected
    assert [put[:3] for put in memo.puts] == expected and [put[3] for put in memo.puts] == [
        corpus.articles[s] for s in slugs
    ]
    # The same as annotating each article by hand.
    for slug in slugs:
        article = parse_article(
            (ARTICLES / f"{slug}.txt").read_text(encoding="utf-8"), f"docs/articles/{slug}.txt", slug
        )
        notes_path = ARTICLES / f"{slug}.notes.yml"
        notes, overrides = (
            load_notes(notes_path, f"docs/articles/{slug}.notes.yml", article) if notes_path.exists() else ((), ())
        )
        assert corpus.articles[slug] == annotate(article, matcher, notes, overrides)
        assert len(corpus.articles[slug].notes) == len(notes)
    assert any(a.notes for a in corpus.articles.values()), "the seeds have notes"
    # Indexes: newest article first, each entry what the article gives.
    newest = sorted(corpus.articles.values(), key=lambda a: (a.article.published, a.article.slug), reverse=True)
    assert corpus.newest_first() == newest
    said: dict = {}
    by_day: dict = {}
    backlinks: dict = {}
    for annotated in newest:
        for quote in annotated.quotes:
            if quote.speaker:
                said.setdefault(quote.speaker, []).append((annotated.article.slug, quote))
        for link in annotated.date_links:
            if link.date.value.precision == "day":
                by_day.setdefault(link.date.value.start, []).append(link)
        for entity, link in annotated.first_mentions:
            backlinks.setdefault(entity, []).append(link)
    assert corpus.said == said and said and None not in said
    assert corpus.links_by_day == by_day and all(isinstance(day, dt.date) for day in by_day)
    assert all(link.date.value.precision == "day" for links in by_day.values() for link in links)
    assert corpus.date_links == [link for a in newest for link in a.date_links]
    assert corpus.backlinks == backlinks and None not in backlinks


def test_an_article_the_memo_holds_is_not_read_again(kb, matcher, tmp_path):
    folder = tmp_path / "articles"
    shutil.copytree(ARTICLES, folder)
    first = build_corpus(kb, matcher, paths(folder))
    slug = sorted(first.articles)[0]
    memo = Memo({f"docs/articles/{slug}.txt": first.articles[slug]})
    (folder / f"{slug}.txt").write_text("not an article any more", encoding="utf-8")  # it would fail if read
    again = build_corpus(kb, matcher, paths(folder)[1:] + paths(folder)[:1], memo)
    assert again.articles[slug] is first.articles[slug]
    assert [put[0] for put in memo.puts] == [f"docs/articles/{s}.txt" for s in sorted(first.articles) if s != slug]


def test_names_listed_by_the_caller_decide_which_notes_files_exist(kb, matcher, tmp_path):
    folder = tmp_path / "articles"
    shutil.copytree(ARTICLES, folder)
    with_notes = [p.name for p in folder.glob("*.notes.yml")]
    assert with_notes
    names = {p.name for p in folder.iterdir()}
    listed = build_corpus(kb, matcher, paths(folder), names=names)
    unlisted = build_corpus(kb, matcher, paths(folder), names=names - set(with_notes))
    slug = with_notes[0].removesuffix(".notes.yml")
    assert listed.articles[slug].notes and not unlisted.articles[slug].notes


def test_a_notes_file_without_its_article_stops_the_build(tmp_path):
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a.notes.yml").write_text("[]", encoding="utf-8")
    (tmp_path / "b.notes.yml").write_text("[]", encoding="utf-8")
    check_orphan_notes([(tmp_path / "a.notes.yml", "docs/articles/a.notes.yml")])
    check_orphan_notes([(tmp_path / "b.notes.yml", "docs/articles/b.notes.yml")], names={"b.txt"})
    with pytest.raises(DataError) as caught:
        check_orphan_notes(
            [
                (tmp_path / "a.notes.yml", "docs/articles/a.notes.yml"),
                (tmp_path / "b.notes.yml", "docs/articles/b.notes.yml"),
            ]
        )
    assert (
        str(caught.value)
        == "docs/articles/b.notes.yml: file: no article b.txt beside this notes file; rename it to match an article"
    )
    with pytest.raises(DataError) as caught:
        check_orphan_notes([(tmp_path / "a.notes.yml", "docs/articles/a.notes.yml")], names={"b.txt"})
    assert str(caught.value).startswith("docs/articles/a.notes.yml: file: no article a.txt beside")


def test_annotation_records_where_each_first_mention_and_date_is(kb, matcher):
    text = (
        "---\ntitle: T\npublished: 2023-04-28\npublisher: P\n---\n"
        "The NEU met on Tuesday. Later the NEU and Ms Keegan talked.\nZorblat Quux, a name nobody knows, spoke today.\n"
    )
    article = parse_article(text, "docs/articles/2023-04-28-t.txt", "2023-04-28-t")
    annotated = annotate(article, matcher)
    first_paragraph = article.paragraphs[0].text
    assert annotated.first_mentions[:2] == (
        ("neu", BackLink("2023-04-28-t", 1, "The NEU met on Tuesday.")),
        (
            "gillian-keegan",
            BackLink("2023-04-28-t", 1, sentence_at(first_paragraph, first_paragraph.index("Ms Keegan"))),
        ),
    )
    assert [(link.slug, link.paragraph, link.date.text) for link in annotated.date_links] == [
        ("2023-04-28-t", 1, "Tuesday"),
        ("2023-04-28-t", 2, "today"),
    ]
    assert all(isinstance(link, DateLink) for link in annotated.date_links)
    assert [m.entity for m in annotated.mentions[0]] == ["neu", "neu", "gillian-keegan"] and tuple(
        annotated.mentions[1]
    ) == ()
    assert annotated.unknown == ((2, "Zorblat Quux"),), annotated.unknown
    # An office nobody held on the day: unresolved, with its paragraph.
    old = parse_article(
        text.replace("2023-04-28", "2001-01-05").replace("spoke today", "met the Education Secretary"),
        "docs/articles/2001-01-05-t.txt",
        "2001-01-05-t",
    )
    (unresolved,) = annotate(old, matcher).unresolved
    assert (unresolved.text, unresolved.paragraph) == ("Education Secretary", 2), unresolved


def test_events_are_listed_on_every_day_they_span(kb):
    corpus = Corpus(kb=kb, articles={})
    for event in kb.events:
        days = ((event.end or event.date) - event.date).days + 1
        for offset in range(days):
            assert event in corpus.events_by_day[event.date + dt.timedelta(days=offset)]
        assert event not in corpus.events_by_day.get(event.date - dt.timedelta(days=1), [])
        assert event not in corpus.events_by_day.get((event.end or event.date) + dt.timedelta(days=1), [])


@pytest.mark.parametrize(
    ("offset", "sentence"),
    [
        (0, "One."),
        (3, "One."),
        (4, "One."),  # the full stop's own sentence
        (5, "Two said \u201cyes.\u201d"),
        (18, "Two said \u201cyes.\u201d"),
        (19, "Two said \u201cyes.\u201d"),  # the closing mark belongs to the sentence it closes
        (21, "Three"),
        (25, "Three"),
    ],
)
def test_the_sentence_a_mention_is_in(offset, sentence):
    assert sentence_at("One. Two said \u201cyes.\u201d Three", offset) == sentence


def test_a_date_beside_an_editors_date_is_kept_and_one_under_it_is_replaced(kb, matcher):
    text = "---\ntitle: T\npublished: 2023-04-28\npublisher: P\n---\nStrikes on Tuesday the offer, in May.\n"
    article = parse_article(text, "docs/articles/2023-04-28-t.txt", "2023-04-28-t")
    _, after = load_notes(Path("unused"), "t.notes.yml", article, "dates:\n  - quote: ' the offer'\n    date: '2023'\n")
    dated = annotate(article, matcher, (), after).dates[0]
    assert [(d.start, d.end, d.text) for d in dated] == [(11, 18, "Tuesday"), (18, 28, " the offer"), (33, 36, "May")]
    _, before = load_notes(
        Path("unused"), "t.notes.yml", article, "dates:\n  - quote: 'Strikes on '\n    date: '2023'\n"
    )
    dated = annotate(article, matcher, (), before).dates[0]
    assert [(d.start, d.end, d.text) for d in dated] == [(0, 11, "Strikes on "), (11, 18, "Tuesday"), (33, 36, "May")]
    _, over = load_notes(Path("unused"), "t.notes.yml", article, "dates:\n  - quote: 'Tuesday the'\n    date: '2023'\n")
    dated = annotate(article, matcher, (), over).dates[0]
    assert [(d.start, d.end, d.text) for d in dated] == [(11, 22, "Tuesday the"), (33, 36, "May")]


def test_articles_newest_first_and_grouped_by_month(kb, matcher):
    def article(slug: str, day: str):
        text = f"---\ntitle: T\npublished: {day}\npublisher: P\n---\nText.\n"
        return annotate(parse_article(text, f"{slug}.txt", slug), matcher)

    articles = {
        a.article.slug: a
        for a in (
            article("b", "2023-04-01"),
            article("a", "2023-04-01"),
            article("c", "2023-05-02"),
            article("d", "2022-12-31"),
        )
    }
    corpus = Corpus(kb=kb, articles=articles)
    assert [a.article.slug for a in corpus.newest_first()] == ["c", "b", "a", "d"]
    assert {month: [a.slug for a in group] for month, group in corpus.by_month().items()} == {
        "2023-05": ["c"],
        "2023-04": ["b", "a"],
        "2022-12": ["d"],
    }
    assert list(corpus.by_month()) == ["2023-05", "2023-04", "2022-12"]
    assert corpus.by_month() is corpus.by_month()
    assert corpus.latest == dt.date(2023, 5, 2)


def test_articles_are_read_in_the_order_of_their_names_as_shown(kb, matcher, tmp_path):
    for slug in ("a", "b"):
        (tmp_path / f"{slug}.txt").write_text(
            "---\ntitle: T\npublished: 2023-04-28\npublisher: P\n---\nText.\n", encoding="utf-8"
        )
    memo = Memo()
    build_corpus(kb, matcher, [(tmp_path / "a.txt", "z/a.txt"), (tmp_path / "b.txt", "y/b.txt")], memo)
    assert [get[0] for get in memo.gets] == ["y/b.txt", "z/a.txt"]


def test_a_notes_file_is_named_beside_its_article_as_shown(kb, matcher, tmp_path):
    (tmp_path / "a.txt").write_text(
        "---\ntitle: T\npublished: 2023-04-28\npublisher: P\n---\nText.\n", encoding="utf-8"
    )
    (tmp_path / "a.notes.yml").write_text("- id: n\n  quote: Nothing\n  body: x\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        build_corpus(kb, matcher, [(tmp_path / "a.txt", "docs/articles/a.txt")])
    assert str(caught.value).startswith(
        "docs/articles/a.notes.yml:2: notes[n].quote: note 'n': 'Nothing' is not in the article text"
    )
    (tmp_path / "a.notes.yml").write_bytes(b"- id: n\n  quote: Text\n  body: caf\xe9\n")
    with pytest.raises(DataError) as caught:
        build_corpus(kb, matcher, [(tmp_path / "a.txt", "docs/articles/a.txt")])
    assert (
        str(caught.value)
        == "docs/articles/a.notes.yml:3: encoding: not UTF-8 (byte 0xE9 at offset 33); save the file as UTF-8"
    )


def test_the_timeline_index_is_made_with_the_corpus(kb, matcher):
    """Months, days and periods (newsroom.timeline) are computed when the corpus is made: each day
    with its events, the articles published on it and the day-precision dates that point at it."""
    from newsroom import timeline

    corpus = build_corpus(kb, matcher, paths(ARTICLES))
    ascl, unions = "2023-04-04-ascl-members-reject-pay-offer", "2023-04-28-unions-vow-coordinated-strikes"
    months = timeline.month_keys(corpus)
    assert months == sorted(months) and {"2022-09", "2023-04", "2023-05", "2024-07"} <= set(months)
    days = {d.day: d for d in timeline.days_of(corpus, "2023-04")}
    assert [e.id for e in days[dt.date(2023, 4, 4)].events] == ["ascl-rejects-offer"] and days[
        dt.date(2023, 4, 4)
    ].published == [ascl]
    assert [(link.slug, link.paragraph, link.date.text) for link in days[dt.date(2023, 4, 4)].mentions] == [
        (ascl, 5, "today")
    ]
    assert [(link.slug, link.date.text) for link in days[dt.date(2023, 4, 27)].mentions] == [(ascl, "April 27")]
    assert list(days) == sorted(days) and all(f"{day:%Y-%m}" == "2023-04" for day in days)
    assert timeline.days_of(corpus, "1999-01") == [] and timeline.periods_of(corpus, "1999-01") == []
    assert [(link.slug, link.paragraph, link.date.text) for link in timeline.periods_of(corpus, "2023-05")] == [
        (unions, 3, "next month")
    ]
    assert {link.date.text for link in timeline.periods_of(corpus, "2023-09")} == {"the autumn", "next year"}
    assert all(link.date.value.precision != "day" for month in months for link in timeline.periods_of(corpus, month))
