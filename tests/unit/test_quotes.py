"""Quotations and their speakers: the seed gold, and each pattern the seeds use."""

from __future__ import annotations

from pathlib import Path

import yaml
from newsroom.corpus import annotate, build_corpus
from newsroom.loader import parse_article

ROOT = Path(__file__).resolve().parents[2]


def test_every_seed_quotation_is_attributed_as_in_gold_and_nothing_else(kb, matcher):
    gold = yaml.safe_load((ROOT / "tests" / "gold" / "quotes.yml").read_text(encoding="utf-8"))
    corpus = build_corpus(kb, matcher, [(p, str(p)) for p in sorted((ROOT / "docs" / "articles").glob("*.txt"))])
    total = correct = 0
    for slug, rows in gold.items():
        found = [[q.paragraph, " ".join(q.text.split()[:6]), q.speaker] for q in corpus.articles[slug].quotes]
        assert found == rows, slug
        total += len(rows)
        correct += sum(1 for row in rows if row[2])
    print(f"\nquotations: {total}, attributed: {correct}, unattributed: {total - correct}")
    assert total == 25 and correct == 22


def quotes_of(matcher, *paragraphs: str):
    text = "---\ntitle: T\npublished: 2023-04-28\npublisher: P\n---\n" + "\n".join(paragraphs) + "\n"
    annotated = annotate(parse_article(text, "t.txt", "2023-04-28-t"), matcher)
    return [(q.paragraph, q.text, q.speaker) for q in annotated.quotes]


def test_named_speaker_then_continued_paragraphs(matcher):
    assert quotes_of(matcher, 'Mr Whiteman said: "We want talks.', '"It is time."', "The NEU met.") == [
        (1, "We want talks.", "paul-whiteman"),
        (2, "It is time.", "paul-whiteman"),
    ]


def test_pronoun_means_the_last_speaker(matcher):
    assert quotes_of(matcher, "Geoff Barton said it was “inadequate”.", "He added that he was “aware of it”.") == [
        (1, "inadequate", "geoff-barton"),
        (2, "aware of it", "geoff-barton"),
    ]


def test_name_and_role_before_said(matcher):
    assert quotes_of(matcher, "Kevin Courtney, joint general secretary of NEU, said: “Enough.”") == [(1, "Enough.", "kevin-courtney")]


def test_unnamed_spokesperson_is_their_organisation(matcher):
    assert quotes_of(matcher, "A Department for Education spokesperson said: “It is fair.”") == [(1, "It is fair.", "dfe")]


def test_scare_quotes_are_not_attributed(matcher):
    assert quotes_of(matcher, 'The dispute over the Government\'s "derisory" pay offer.') == [(1, "derisory", None)]


def test_quote_continuing_from_a_speakers_paragraph(matcher):
    assert quotes_of(matcher, "Geoff Barton said members “will decide”.", "The offer “fails to address pay”.") == [
        (1, "will decide", "geoff-barton"),
        (2, "fails to address pay", "geoff-barton"),
    ]


def test_adding_after_a_pronoun(matcher):
    assert quotes_of(matcher, "Mr Whiteman spoke.", 'Paul Whiteman said: "Yes."', 'He called for investment, adding: "No more."') == [
        (2, "Yes.", "paul-whiteman"),
        (3, "No more.", "paul-whiteman"),
    ]




def test_the_nearest_person_before_the_quote_is_the_speaker_not_the_first_named(matcher):
    assert quotes_of(matcher, 'Asked about Gillian Keegan, Paul Whiteman said: "No."') == [(1, "No.", "paul-whiteman")]
    assert quotes_of(matcher, 'Asked about Paul Whiteman, Gillian Keegan said: "No."') == [(1, "No.", "gillian-keegan")]
