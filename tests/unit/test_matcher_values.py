"""The matcher's table and pattern, value by value: what each alias means, the regular expression
a trie of aliases becomes, and the unresolved and unknown names an editor is told about."""

from __future__ import annotations

import datetime as dt

import pytest
from newsroom.matcher import ArticleContext, Matcher, Target, Unresolved, _trie_pattern, find_mentions, unknown_names
from newsroom.model import KnowledgeBase, Mention, Office, Organisation, Person, Role, Term

DAY = dt.date(2023, 4, 28)


def small_kb(*people: Person) -> KnowledgeBase:
    return KnowledgeBase(
        organisations=(Organisation("times", "The Times", "Times", "other", "d", aliases=("the paper",)),),
        people=people or (Person("jo-bloggs", "Jo Bloggs", "d", aliases=("JB",)),),
        terms=(Term("ballot", "Ballot", "d", aliases=("it's ballot time",)),),
        offices=(Office("editor", "Editor", ("the Chief",)),),
    )


def test_every_alias_and_form_and_what_it_means():
    matcher = Matcher(small_kb())
    assert matcher.targets == {
        "the Times": Target("entity", "times", 4),
        "The Times": Target("entity", "times", 4),
        "Times": Target("entity", "times"),
        "the paper": Target("entity", "times", 4),
        "The paper": Target("entity", "times", 4),
        "Ballot": Target("entity", "ballot"),
        "it's ballot time": Target("entity", "ballot"),
        "Jo Bloggs": Target("entity", "jo-bloggs"),
        "JB": Target("entity", "jo-bloggs"),
        "Editor": Target("office", "editor"),
        "the Chief": Target("office", "editor", 4),
        "The Chief": Target("office", "editor", 4),
        **{
            f"{h} Bloggs": Target("honorific", "Bloggs")
            for h in ("Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Dame", "Professor", "Prof")
        },
        "Bloggs": Target("surname", "Bloggs"),
    }
    assert matcher.by_surname == {"Bloggs": ("jo-bloggs",)}
    assert matcher.target("it\u2019s   ballot time") == Target("entity", "ballot")


def test_a_name_given_first_wins_over_a_later_meaning_of_the_same_words():
    kb = small_kb(Person("times", "Ann Times", "d"), Person("ann-editor", "Ann Editor", "d", aliases=("Editor",)))
    matcher = Matcher(kb)
    assert matcher.targets["Times"] == Target("entity", "times")  # the organisation's, not the surname form
    assert matcher.targets["Editor"] == Target("entity", "ann-editor")  # a person's alias, not the office
    assert matcher.by_surname == {"Times": ("times",), "Editor": ("ann-editor",)}


@pytest.mark.parametrize(
    ("words", "pattern"),
    [
        (["ab"], "ab"),
        (["a", "ab"], "a(?:b)?"),
        (["ab", "ac"], "a(?:b|c)"),
        (["a", "ab", "ac"], "a(?:b|c)?"),
        (["ab", "abcd"], "ab(?:cd)?"),
        (["b", "a"], "(?:a|b)"),
        (["it's"], "it['\u2019]s"),
        (["a b"], r"a\s+b"),
        (["a.b"], r"a\.b"),
        ([], ""),
    ],
)
def test_a_trie_of_words_becomes_one_pattern_that_prefers_the_longest(words, pattern):
    assert _trie_pattern(words) == pattern


def test_the_compiled_pattern_and_a_knowledge_base_with_no_names():
    kb = KnowledgeBase(organisations=(Organisation("x", "X Y", "X Y", "other", "d"),), people=(), terms=())
    assert Matcher(kb).pattern.pattern == r"(?<![\w-])(?:X\s+Y)(?![\w])"
    empty = Matcher(KnowledgeBase((), (), ()))
    assert empty.targets == {}
    assert [m.group() for m in empty.pattern.finditer(" x ")] == []


def test_apostrophes_and_spaces_match_as_they_are_typed():
    matcher = Matcher(small_kb())
    found, _ = find_mentions(matcher, "Now it\u2019s  ballot time, it's ballot time.", ArticleContext(DAY, []))
    assert [(m.start, m.end, m.entity, m.text) for m in found] == [
        (4, 21, "ballot", "it\u2019s  ballot time"),
        (23, 39, "ballot", "it's ballot time"),
    ]


def test_a_leading_the_is_context_not_part_of_the_link():
    matcher = Matcher(small_kb())
    found, _ = find_mentions(matcher, "In The Times and the paper.", ArticleContext(DAY, []))
    assert found == [Mention(7, 12, "times", "Times"), Mention(21, 26, "times", "paper")]


def test_an_office_held_by_two_people_is_reported():
    both = (Role("times", "Editor", dt.date(2020, 1, 1), None, office="editor"),)
    kb = small_kb(Person("ann-one", "Ann One", "d", roles=both), Person("bo-two", "Bo Two", "d", roles=both))
    found, unresolved = find_mentions(Matcher(kb), "The Editor spoke.", ArticleContext(DAY, []), 4)
    assert found == []
    assert unresolved == [Unresolved("Editor", 4, "more than one person held this office then (2023-04-28)")]
    _, unresolved = find_mentions(
        Matcher(kb), "The Editor spoke.", ArticleContext(DAY, [])
    )  # not in a paragraph (a note's body)
    assert [u.paragraph for u in unresolved] == [0]


def test_people_named_are_remembered_in_order_and_once():
    kb = small_kb(Person("jo-bloggs", "Jo Bloggs", "d"), Person("al-smith", "Al Smith", "d"))
    context = ArticleContext(DAY, [])
    find_mentions(Matcher(kb), "Al Smith met Jo Bloggs; The Times and Al Smith.", context)
    assert context.named == ["al-smith", "jo-bloggs"]


def test_a_surname_with_one_person_is_theirs_only_once_named_or_with_an_honorific():
    matcher = Matcher(small_kb())
    assert find_mentions(matcher, "Bloggs spoke.", ArticleContext(DAY, [])) == ([], [])
    found, _ = find_mentions(matcher, "Bloggs spoke.", ArticleContext(DAY, ["jo-bloggs"]))
    assert found == [Mention(0, 6, "jo-bloggs", "Bloggs")]
    found, _ = find_mentions(matcher, "Dr Bloggs spoke.", ArticleContext(DAY, []))
    assert found == [Mention(0, 9, "jo-bloggs", "Dr Bloggs")]


def test_a_surname_shared_by_two_of_whom_one_was_named():
    matcher = Matcher(small_kb(Person("jo-bloggs", "Jo Bloggs", "d"), Person("al-bloggs", "Al Bloggs", "d")))
    found, unresolved = find_mentions(matcher, "Bloggs spoke, then Ms Bloggs.", ArticleContext(DAY, ["al-bloggs"]))
    assert (
        found == [Mention(0, 6, "al-bloggs", "Bloggs"), Mention(19, 28, "al-bloggs", "Ms Bloggs")] and unresolved == []
    )
    found, unresolved = find_mentions(matcher, "Bloggs met The Times.", ArticleContext(DAY, []))
    assert (
        found == [Mention(15, 20, "times", "Times")] and unresolved == []
    )  # a bare surname nobody was named by is a word
    found, unresolved = find_mentions(matcher, "Ms Bloggs spoke.", ArticleContext(DAY, []), 6)
    assert found == [] and unresolved == [
        Unresolved("Ms Bloggs", 6, "could be al-bloggs or jo-bloggs; name the person in full first")
    ]


def test_an_office_title_before_a_different_mention_stays():
    editor = (Role("times", "Editor", dt.date(2020, 1, 1), None, office="editor"),)
    matcher = Matcher(small_kb(Person("jo-bloggs", "Jo Bloggs", "d", roles=editor)))
    found, _ = find_mentions(
        matcher, "Editor Jo Bloggs; Editor, Jo Bloggs; the paper Jo Bloggs", ArticleContext(DAY, [])
    )
    assert [m.text for m in found] == ["Jo Bloggs", "Editor", "Jo Bloggs", "paper", "Jo Bloggs"]


@pytest.mark.parametrize(
    ("text", "covered", "names"),
    [
        ("The Big Union met.", [], ["Big Union"]),
        ("A B", [], []),  # single letters are not a name
        ("In The Big Union met.", [], ["Big Union"]),
        ("Asked Big Union", [], ["Big Union"]),
        ("The Big", [], []),  # one word left
        ("Mr Big spoke.", [], ["Mr Big"]),
        ("Ms Big spoke.", [(0, 6)], []),
        ("The Big Union met.", [(4, 7)], []),  # overlaps the mention's start
        ("The Big Union met.", [(13, 14)], ["Big Union"]),  # starts where the name ends
        ("The Big Union met.", [(0, 4)], ["Big Union"]),  # ends where the name starts
        ("It The Big Union", [], ["Big Union"]),
        ("The It", [], []),  # leading words all the way: nothing left
        ("Big said The Big Union met.", [(0, 3)], ["Big Union"]),  # the name's own "Big", not the first
        ("The Big Union met Big.", [(4, 7)], []),
        ("The Big, and Big Union met.", [], ["Big Union"]),  # one word left, and the search goes on
        ("Thethe The Big Union", [], ["Thethe The Big Union"]),
    ],
)
def test_unknown_names(text, covered, names):
    mentions = [Mention(start, end, "x", text[start:end]) for start, end in covered]
    assert unknown_names(text, mentions) == names
