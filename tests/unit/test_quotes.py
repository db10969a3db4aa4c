"""Quotations and their speakers: the seed gold, and each pattern the seeds use."""

from __future__ import annotations

from pathlib import Path

import yaml
from newsroom.corpus import annotate, build_corpus
from newsroom.loader import parse_article
from newsroom.quotes import Quote

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


def whole_quotes(matcher, *paragraphs: str) -> list[Quote]:
    text = "---\ntitle: T\npublished: 2023-04-28\npublisher: P\n---\n" + "\n".join(paragraphs) + "\n"
    return list(annotate(parse_article(text, "t.txt", "2023-04-28-t"), matcher).quotes)


def quotes_of(matcher, *paragraphs: str):
    return [(q.paragraph, q.text, q.speaker) for q in whole_quotes(matcher, *paragraphs)]


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
    assert quotes_of(matcher, "Kevin Courtney, joint general secretary of NEU, said: “Enough.”") == [
        (1, "Enough.", "kevin-courtney")
    ]


def test_unnamed_spokesperson_is_their_organisation(matcher):
    assert quotes_of(matcher, "A Department for Education spokesperson said: “It is fair.”") == [
        (1, "It is fair.", "dfe")
    ]


def test_scare_quotes_are_not_attributed(matcher):
    assert quotes_of(matcher, 'The dispute over the Government\'s "derisory" pay offer.') == [(1, "derisory", None)]


def test_quote_continuing_from_a_speakers_paragraph(matcher):
    assert quotes_of(matcher, "Geoff Barton said members “will decide”.", "The offer “fails to address pay”.") == [
        (1, "will decide", "geoff-barton"),
        (2, "fails to address pay", "geoff-barton"),
    ]


def test_adding_after_a_pronoun(matcher):
    assert quotes_of(
        matcher, "Mr Whiteman spoke.", 'Paul Whiteman said: "Yes."', 'He called for investment, adding: "No more."'
    ) == [
        (2, "Yes.", "paul-whiteman"),
        (3, "No more.", "paul-whiteman"),
    ]


def test_the_nearest_person_before_the_quote_is_the_speaker_not_the_first_named(matcher):
    assert quotes_of(matcher, 'Asked about Gillian Keegan, Paul Whiteman said: "No."') == [(1, "No.", "paul-whiteman")]
    assert quotes_of(matcher, 'Asked about Paul Whiteman, Gillian Keegan said: "No."') == [(1, "No.", "gillian-keegan")]


def test_a_quotation_continued_into_the_next_paragraph_with_and_without_a_mark(matcher):
    assert whole_quotes(
        matcher, 'Paul Whiteman said: "We want talks.', '"It is time.', "and more.\u201d The NEU met."
    ) == [
        Quote(1, 20, 35, "We want talks.", "paul-whiteman"),
        Quote(2, 0, 12, "It is time.", "paul-whiteman"),
        Quote(3, 0, 10, "and more.", "paul-whiteman"),
    ]


def test_a_quotation_opening_a_paragraph_after_a_closed_one_is_the_last_speakers(matcher):
    assert whole_quotes(matcher, 'Paul Whiteman said: "Yes."', "The NEU met.", "\u201cFine,\u201d came the reply.") == [
        Quote(1, 20, 26, "Yes.", "paul-whiteman"),
        Quote(3, 0, 7, "Fine,", "paul-whiteman"),  # opens its paragraph: the last speaker's
    ]


def test_a_pronoun_with_nobody_quoted_before_is_nobody(matcher):
    assert quotes_of(matcher, "She said: \u201cNo.\u201d") == [(1, "No.", None)]


def test_the_sentence_is_the_one_before_the_quotation_not_after_it(matcher):
    assert quotes_of(matcher, "Unions met. Gillian Keegan said it was \u201cfair\u201d. Unions disagreed.") == [
        (1, "fair", "gillian-keegan")
    ]
    assert quotes_of(matcher, "Gillian Keegan spoke. The NEU met. A spokesperson said it was \u201cfair\u201d.") == [
        (1, "fair", None)
    ]


def test_a_quotation_two_paragraphs_after_a_speaker_is_not_theirs(matcher):
    assert quotes_of(matcher, 'Paul Whiteman said: "Yes."', "The NEU met.", "The offer \u201cfails\u201d.") == [
        (1, "Yes.", "paul-whiteman"),
        (3, "fails", None),
    ]
    assert quotes_of(
        matcher, 'Paul Whiteman said: "Yes."', "The \u201coffer\u201d.", "The offer \u201cfails\u201d."
    ) == [
        (1, "Yes.", "paul-whiteman"),
        (2, "offer", "paul-whiteman"),  # the paragraph before quoted him
        (3, "fails", "paul-whiteman"),
    ]


def test_a_term_before_the_verb_is_not_a_speaker_an_organisation_is(matcher):
    assert quotes_of(matcher, "The strike mandate, it was said, \u201cstands\u201d.") == [(1, "stands", None)]
    assert quotes_of(matcher, "The strike mandate, the NEU said, \u201cstands\u201d.") == [(1, "stands", "neu")]


def test_two_quotations_in_one_sentence_and_a_full_stop_inside_a_quotation(matcher):
    assert quotes_of(matcher, "Gillian Keegan said \u201cYes.\u201d Paul Whiteman said: \u201cNo.\u201d") == [
        (1, "Yes.", "gillian-keegan"),
        (1, "No.", "paul-whiteman"),
    ]
    # The full stop inside the first quotation does not end the sentence: "he" is still Whiteman's.
    assert quotes_of(matcher, "Paul Whiteman said \u201cit is time.\u201d Then he said: \u201cNo.\u201d") == [
        (1, "it is time.", "paul-whiteman"),
        (1, "No.", "paul-whiteman"),
    ]
