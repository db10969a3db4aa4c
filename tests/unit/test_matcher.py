"""Mention recognition: the patterns real articles use, resolved against the article's date."""

from __future__ import annotations

import datetime as dt

from newsroom.matcher import ArticleContext, Matcher, find_mentions, unknown_names
from newsroom.model import KnowledgeBase, Office, Organisation, Person, Role

APRIL_2023 = dt.date(2023, 4, 28)


def mentions(matcher, text, published=APRIL_2023, named=None):
    found, _ = find_mentions(matcher, text, ArticleContext(published, list(named or [])))
    return [(m.text, m.entity) for m in found]


def test_full_name_and_short_name_in_brackets_is_one_mention(matcher):
    assert mentions(matcher, "The National Education Union (NEU) told") == [("National Education Union (NEU)", "neu")]


def test_short_name_before_a_noun(matcher):
    assert mentions(matcher, "Tens of thousands of NEU members") == [("NEU", "neu")]


def test_possessive_with_curly_and_straight_apostrophes(matcher):
    assert mentions(matcher, "Gillian Keegan’s offer and Gillian Keegan's plan") == [
        ("Gillian Keegan", "gillian-keegan"),
        ("Gillian Keegan", "gillian-keegan"),
    ]
    assert mentions(matcher, "reject the government’s pay offer") == [("government", "uk-government")]


def test_shared_head_noun_links_each_union(matcher):
    assert mentions(matcher, "the NEU, ASCL and NASUWT unions") == [
        ("NEU", "neu"),
        ("ASCL", "ascl"),
        ("NASUWT", "nasuwt"),
    ]
    assert mentions(matcher, "School leaders in ASCL and the NAHT unions") == [("ASCL", "ascl"), ("NAHT", "naht")]


def test_honorific_and_surname(matcher):
    assert mentions(matcher, "accused Ms Keegan of showing") == [("Ms Keegan", "gillian-keegan")]
    assert mentions(matcher, "Mr Whiteman said") == [("Mr Whiteman", "paul-whiteman")]


def test_bare_surname_links_only_after_the_full_name(matcher):
    assert mentions(matcher, "Barton said members") == []
    assert mentions(matcher, "Barton said members", named=["geoff-barton"]) == [("Barton", "geoff-barton")]


def test_surname_is_linked_after_full_name_in_the_same_article(matcher):
    context = ArticleContext(APRIL_2023, [])
    find_mentions(matcher, "General secretary Geoff Barton said", context)
    found, _ = find_mentions(matcher, "Barton said members", context)
    assert [(m.text, m.entity) for m in found] == [("Barton", "geoff-barton")]


def test_title_before_name_is_part_of_the_name_not_a_second_mention(matcher):
    assert mentions(matcher, "told Education Secretary Gillian Keegan that") == [("Gillian Keegan", "gillian-keegan")]
    assert mentions(matcher, "NAHT leader Paul Whiteman accused") == [
        ("NAHT", "naht"),
        ("Paul Whiteman", "paul-whiteman"),
    ]


def test_role_description_resolves_to_the_holder_on_the_publication_date(matcher):
    assert mentions(matcher, "the Education Secretary has united") == [("Education Secretary", "gillian-keegan")]
    assert mentions(matcher, "The Tory schools chief has washed") == [("Tory schools chief", "gillian-keegan")]
    assert mentions(matcher, "the Education Secretary said", published=dt.date(2024, 8, 1)) == [
        ("Education Secretary", "bridget-phillipson")
    ]


def test_role_description_with_no_holder_is_reported_not_linked(matcher):
    found, unresolved = find_mentions(
        matcher, "the Education Secretary said", ArticleContext(dt.date(2021, 6, 1), []), 3
    )
    assert found == []
    assert [(u.text, u.paragraph, u.why) for u in unresolved] == [
        ("Education Secretary", 3, "nobody in the knowledge base held this office then (2021-06-01)")
    ]


def _kb_with(*people: Person) -> KnowledgeBase:
    return KnowledgeBase(
        organisations=(
            Organisation(
                "dfe", "Department for Education", "DfE", "government-department", "d", sources=("https://x.org",)
            ),
        ),
        people=people,
        terms=(),
        offices=(Office("education-secretary", "Education Secretary", ("education secretary",)),),
    )


def _secretary(pid: str, name: str, start: dt.date, end: dt.date | None) -> Person:
    return Person(pid, name, "d", roles=(Role("dfe", "Education Secretary", start, end, office="education-secretary"),))


def test_same_words_in_a_2021_article_are_someone_else_with_no_code_change():
    kb = _kb_with(
        _secretary("alex-earlier", "Alex Earlier", dt.date(2020, 1, 1), dt.date(2022, 10, 24)),
        _secretary("gillian-keegan", "Gillian Keegan", dt.date(2022, 10, 25), dt.date(2024, 7, 5)),
    )
    matcher = Matcher(kb)
    assert mentions(matcher, "the Education Secretary", published=dt.date(2021, 3, 1)) == [
        ("Education Secretary", "alex-earlier")
    ]
    assert mentions(matcher, "the Education Secretary", published=APRIL_2023) == [
        ("Education Secretary", "gillian-keegan")
    ]


def test_shared_surname_resolves_to_the_one_named_in_full_earlier():
    kb = _kb_with(
        Person("jo-smith", "Jo Smith", "d"),
        Person("sam-smith", "Sam Smith", "d"),
    )
    matcher = Matcher(kb)
    assert mentions(matcher, "Ms Smith said", named=["sam-smith"]) == [("Ms Smith", "sam-smith")]
    found, unresolved = find_mentions(matcher, "Ms Smith said", ArticleContext(APRIL_2023, []), 2)
    assert found == []
    assert [(u.text, u.why) for u in unresolved] == [
        ("Ms Smith", "could be jo-smith or sam-smith; name the person in full first")
    ]
    found, unresolved = find_mentions(matcher, "Smith said", ArticleContext(APRIL_2023, ["jo-smith", "sam-smith"]), 2)
    assert found == [] and [u.why for u in unresolved] == [
        "could be jo-smith or sam-smith; name the person in full first"
    ]


def test_longest_alias_wins(matcher):
    assert mentions(matcher, "in its consultative ballot about") == [("consultative ballot", "consultative-ballot")]
    assert mentions(matcher, "the dispute should go to the pay review body.") == [("pay review body", "strb")]
    assert mentions(matcher, "a pay review body recommends") == [("pay review body", "pay-review-body")]


def test_words_inside_other_words_are_not_mentions(matcher):
    assert mentions(matcher, "it will re-ballot its members, being balloted") == []
    assert mentions(matcher, "is not the action of a responsible government.") == []
    assert mentions(matcher, "NEUTRAL ASCLEPIUS") == []


def test_adding_a_person_to_the_data_links_them_with_no_code_change(kb):
    newcomer = Person("pat-newcomer", "Pat Newcomer", "d", sources=("https://example.org",))
    bigger = KnowledgeBase(kb.organisations, (*kb.people, newcomer), kb.terms, kb.offices, kb.events)
    assert mentions(Matcher(bigger), "Pat Newcomer said, and Ms Newcomer added") == [
        ("Pat Newcomer", "pat-newcomer"),
        ("Ms Newcomer", "pat-newcomer"),
    ]


def test_unknown_names_lists_capitalised_names_and_honorific_forms(matcher):
    text = "Dr Jane Smith of the Institute for Fiscal Studies told Mr Whiteman and Mr Brown."
    found, _ = find_mentions(matcher, text, ArticleContext(APRIL_2023, []))
    assert unknown_names(text, found) == ["Dr Jane Smith", "Institute for Fiscal Studies", "Mr Brown"]


def test_known_names_and_sentence_starts_are_not_unknown(matcher):
    text = "The National Education Union said. In a speech, Asked to state, Mr Whiteman spoke."
    found, _ = find_mentions(matcher, text, ArticleContext(APRIL_2023, []))
    assert unknown_names(text, found) == []
