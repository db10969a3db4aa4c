"""What the loader reads, value by value: every field of every kind of entry compared whole, and
the messages of the problems not covered by test_loader_errors.py asserted exactly."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from newsroom.errors import DataError
from newsroom.loader import decode, load_knowledge_base, normalise_alias, parse_article, parse_yaml, safe_link
from newsroom.model import Article, Event, KnowledgeBase, Office, Organisation, Paragraph, Person, Role, Term

D = dt.date

ORGANISATIONS = """# organisations
- id: neu
  name: " National Education Union "
  short_name: NEU
  kind: union
  description: A union.
  aliases: [" the NEU ", National Union]
  website: https://neu.org.uk
  sources: [https://neu.org.uk/a, https://neu.org.uk/b]

- id: dfe
  name: Department for Education
  kind: government-department
  description: 1066
  sources: [https://gov.uk/dfe]
"""
PEOPLE = """- id: kevin-courtney
  name: Kevin Courtney
  description: A leader.
  aliases: [Courtney]
  roles:
    - organisation: neu
      title: Joint general secretary
      from: 2017-09
      to: 2023-02
      leads: true
      office: neu-leader
      sources: [https://example.org/role]
    - organisation: dfe
      title: Adviser
  sources: [https://example.org/kc]
"""
TERMS = """- id: ballot
  term: ballot
  definition: " A vote. "
  sources: [https://example.org/ballot]
- id: number
  term: 1265
  definition: A number.
  aliases: ["it’s  one"]
  sources: [https://example.org/n]
"""
OFFICES = """- id: neu-leader
  name: Leader of the NEU
  aliases: [NEU leader]
  sources: [https://example.org/office]
"""
EVENTS = """- id: zeta
  date: 2023-03-15
  title: Zeta
  description: Last by id.
  sources: [https://example.org/z]
- id: alpha
  date: 2023-03-15
  end: 2023-03-16
  title: Alpha
  description: First by id.
  kind: strike
  entities: [neu, ballot]
  sources: [https://example.org/a]
- id: early
  date: 2023-01-02
  end: 2023-01-02
  title: Early
  description: Earliest.
  sources: [https://example.org/e]
"""


def write(tmp_path: Path, **changed: str) -> Path:
    files = {"organisations": ORGANISATIONS, "people": PEOPLE, "terms": TERMS, "offices": OFFICES, "events": EVENTS}
    files.update(changed)
    for name, text in files.items():
        (tmp_path / f"{name}.yml").write_text(text, encoding="utf-8")
    return tmp_path


def kb_error(tmp_path: Path, **changed: str) -> str:
    with pytest.raises(DataError) as caught:
        load_knowledge_base(write(tmp_path, **changed), "docs/_data")
    return str(caught.value)


def test_every_field_of_every_entry_is_read(tmp_path: Path):
    kb = load_knowledge_base(write(tmp_path))
    assert kb == KnowledgeBase(
        organisations=(
            Organisation(
                id="neu",
                name="National Education Union",
                short_name="NEU",
                kind="union",
                description="A union.",
                aliases=("the NEU", "National Union"),
                website="https://neu.org.uk",
                sources=("https://neu.org.uk/a", "https://neu.org.uk/b"),
            ),
            Organisation(
                id="dfe",
                name="Department for Education",
                short_name="Department for Education",  # no short_name: the name
                kind="government-department",
                description="1066",  # a number written as text
                sources=("https://gov.uk/dfe",),
            ),
        ),
        people=(
            Person(
                id="kevin-courtney",
                name="Kevin Courtney",
                description="A leader.",
                aliases=("Courtney",),
                roles=(
                    # YYYY-MM: from the month's first day to the month's last
                    Role(
                        "neu",
                        "Joint general secretary",
                        D(2017, 9, 1),
                        D(2023, 2, 28),
                        "neu-leader",
                        True,
                        ("https://example.org/role",),
                    ),
                    Role("dfe", "Adviser", None, None, None, False, ()),
                ),
                sources=("https://example.org/kc",),
            ),
        ),
        terms=(
            Term(id="ballot", term="ballot", definition="A vote.", sources=("https://example.org/ballot",)),
            Term(
                id="number",
                term="1265",
                definition="A number.",
                aliases=("it’s  one",),
                sources=("https://example.org/n",),
            ),
        ),
        offices=(
            Office(
                id="neu-leader",
                name="Leader of the NEU",
                aliases=("NEU leader",),
                sources=("https://example.org/office",),
            ),
        ),
        events=(  # by date, then id
            Event(
                id="early",
                date=D(2023, 1, 2),
                end=D(2023, 1, 2),
                title="Early",
                description="Earliest.",
                sources=("https://example.org/e",),
            ),
            Event(
                id="alpha",
                date=D(2023, 3, 15),
                end=D(2023, 3, 16),
                title="Alpha",
                description="First by id.",
                kind="strike",
                entities=("neu", "ballot"),
                sources=("https://example.org/a",),
            ),
            Event(
                id="zeta",
                date=D(2023, 3, 15),
                title="Zeta",
                description="Last by id.",
                sources=("https://example.org/z",),
            ),
        ),
    )
    assert kb.leaders("neu")[0][0].id == "kevin-courtney"


def test_a_missing_file_is_an_empty_list_and_an_empty_file_too(tmp_path: Path):
    write(tmp_path, terms="", events="# nothing yet\n")
    (tmp_path / "offices.yml").unlink()
    people = PEOPLE.replace("      office: neu-leader\n", "")
    (tmp_path / "people.yml").write_text(people, encoding="utf-8")
    kb = load_knowledge_base(tmp_path)
    assert (kb.terms, kb.offices, kb.events) == ((), (), ())
    assert [o.id for o in kb.organisations] == ["neu", "dfe"]


def test_a_role_may_start_and_end_in_the_same_month_and_an_event_end_on_its_day(tmp_path: Path):
    people = PEOPLE.replace("from: 2017-09", "from: 2023-02")
    kb = load_knowledge_base(write(tmp_path, people=people))
    assert (kb.people[0].roles[0].start, kb.people[0].roles[0].end) == (D(2023, 2, 1), D(2023, 2, 28))
    people = PEOPLE.replace("from: 2017-09", "from: 2023-02-28").replace("to: 2023-02", "to: 2023-02-28")
    kb = load_knowledge_base(write(tmp_path, people=people))
    assert (kb.people[0].roles[0].start, kb.people[0].roles[0].end) == (D(2023, 2, 28), D(2023, 2, 28))


def test_two_spellings_of_one_alias_may_belong_to_one_entity(tmp_path: Path):
    terms = TERMS.replace('aliases: ["it’s  one"]', 'aliases: ["it’s  one", "it\'s one"]')
    kb = load_knowledge_base(write(tmp_path, terms=terms))
    assert kb.terms[1].aliases == ("it’s  one", "it's one")
    assert normalise_alias(" it’s \t one ") == "it's one"


def test_the_longest_allowed_name_loads_and_one_more_character_does_not(tmp_path: Path):
    name = "N" * 200
    kb = load_knowledge_base(write(tmp_path, offices=OFFICES.replace("Leader of the NEU", name)))
    assert kb.offices[0].name == name
    message = kb_error(tmp_path, offices=OFFICES.replace("Leader of the NEU", name + "N"))
    assert (
        message
        == "docs/_data/offices.yml:2: offices[neu-leader].name: "
        + repr("N" * 40)
        + "… is 201 characters long; a name or alias has at most 200"
    )
    message = kb_error(tmp_path, terms=TERMS.replace('["it’s  one"]', f"[{'a' * 1201}]"))
    assert (
        message
        == "docs/_data/terms.yml:8: terms[number].aliases: "
        + repr("a" * 40)
        + "… is 1,201 characters long; a name or alias has at most 200"
    )
    message = kb_error(tmp_path, organisations=ORGANISATIONS.replace("short_name: NEU", f"short_name: {'S' * 201}"))
    assert message.startswith("docs/_data/organisations.yml:4: organisations[neu].short_name: ")
    message = kb_error(tmp_path, terms=TERMS.replace("term: ballot", f"term: {'t' * 201}"))
    assert message.startswith(
        "docs/_data/terms.yml:2: terms[ballot].term: " + repr("t" * 40) + "… is 201 characters long"
    )


def test_a_terms_name_is_claimed_like_any_alias(tmp_path: Path):
    message = kb_error(tmp_path, terms=TERMS.replace("term: ballot", "term: the NEU"))
    assert message == (
        "docs/_data/terms.yml:2: terms[ballot].term: 'the NEU' is already claimed by 'neu' "
        "(docs/_data/organisations.yml:2); an alias may name only one entity"
    )


def test_an_alias_claimed_by_an_office_and_an_organisation(tmp_path: Path):
    message = kb_error(tmp_path, offices=OFFICES.replace("[NEU leader]", "[National  Union]"))
    assert message == (
        "docs/_data/offices.yml:3: offices[neu-leader].aliases: 'National  Union' is already claimed by 'neu' "
        "(docs/_data/organisations.yml:2); an alias may name only one entity"
    )


def test_offices_and_events_have_id_spaces_of_their_own(tmp_path: Path):
    offices = OFFICES.replace("id: neu-leader", "id: neu").replace("office: neu-leader", "office: neu")
    load_knowledge_base(write(tmp_path, offices=offices, people=PEOPLE.replace("office: neu-leader", "office: neu")))
    message = kb_error(tmp_path, events=EVENTS.replace("id: zeta", "id: early"))
    assert (
        message
        == "docs/_data/events.yml:14: events[early].id: id 'early' is already used at docs/_data/events.yml:1; ids must be unique"
    )
    message = kb_error(tmp_path, terms=TERMS.replace("id: ballot", "id: kevin-courtney"))
    assert message == (
        "docs/_data/terms.yml:1: terms[kevin-courtney].id: id 'kevin-courtney' is already used at docs/_data/people.yml:1; ids must be unique"
    )


@pytest.mark.parametrize(
    ("changed", "message"),
    [
        (
            {
                "people": PEOPLE.replace("roles:\n", "roles: several\n").split("    - organisation: neu")[0]
                + "  sources: [https://e.org/x]\n"
            },
            "docs/_data/people.yml:5: people[kevin-courtney].roles: expected a list",
        ),
        (
            {"people": PEOPLE.replace("      title: Adviser\n", "      title: Adviser\n      to: 2023-13\n")},
            "docs/_data/people.yml:15: people[kevin-courtney].roles[1].to: '2023-13' is not a valid date; write it as YYYY-MM-DD or YYYY-MM",
        ),
        (
            {
                "people": PEOPLE.replace(
                    "      title: Adviser\n", "      title: Adviser\n      from: 2023-09\n      to: 2023-08\n"
                )
            },
            "docs/_data/people.yml:16: people[kevin-courtney].roles[1].to: ends (2023-08-31) before it starts (2023-09-01); swap or fix the dates",
        ),
        (
            {"people": PEOPLE.replace("      title: Adviser\n", "      title: Adviser\n      desk: 4\n")},
            "docs/_data/people.yml:15: people[kevin-courtney].roles[1].desk: unknown key 'desk'; "
            "allowed keys are organisation, title, office, from, to, leads, sources",
        ),
        (
            {"people": PEOPLE.replace("      title: Adviser\n", "")},
            "docs/_data/people.yml:13: people[kevin-courtney].roles[1].title: missing required field `title`",
        ),
        (
            {"people": PEOPLE.replace("      title: Adviser\n", "      title: Adviser\n      office: Chief Whip\n")},
            "docs/_data/people.yml:15: people[kevin-courtney].roles[1].office: 'Chief Whip' is not a lower-case slug (letters, digits and single hyphens)",
        ),
        (
            {"people": PEOPLE.replace("  roles:\n", "  roles:\n    - just text\n")},
            "docs/_data/people.yml:5: people[kevin-courtney].roles[0]: expected a mapping of `key: value` lines",
        ),
        (
            {"events": EVENTS.replace("date: 2023-01-02", "date: 2023-01")},
            "docs/_data/events.yml:15: events[early].date: '2023-01' is not a valid date; write it as YYYY-MM-DD",
        ),
        (
            {"events": EVENTS.replace("  end: 2023-03-16\n", "  end: 2023-03-14\n")},
            "docs/_data/events.yml:8: events[alpha].end: ends (2023-03-14) before it starts (2023-03-15); fix the dates",
        ),
        (
            {"events": EVENTS.replace("  title: Zeta\n", "")},
            "docs/_data/events.yml:1: events[zeta].title: missing required field `title`",
        ),
        (
            {"terms": TERMS.replace("term: ballot", "term: true")},
            "docs/_data/terms.yml:2: terms[ballot].term: expected non-empty text, got True",
        ),
        (
            {"terms": TERMS.replace('aliases: ["it’s  one"]', "aliases: it")},
            "docs/_data/terms.yml:8: terms[number].aliases: expected a list of non-empty texts",
        ),
        (
            {"terms": TERMS.replace('aliases: ["it’s  one"]', 'aliases: [one, " "]')},
            "docs/_data/terms.yml:8: terms[number].aliases: expected a list of non-empty texts",
        ),
        (
            {"terms": TERMS.replace('aliases: ["it’s  one"]', "aliases: [one, 2]")},
            "docs/_data/terms.yml:8: terms[number].aliases: expected a list of non-empty texts",
        ),
        (
            {"terms": TERMS.replace("  sources: [https://example.org/n]\n", "  sources: []\n")},
            "docs/_data/terms.yml:5: terms[number].sources: every fact needs a source: add at least one URL",
        ),
        (
            {"offices": OFFICES.replace("- id: neu-leader", "- id: neu-leader\n  kind: x")},
            "docs/_data/offices.yml:2: offices[neu-leader].kind: unknown key 'kind'; allowed keys are id, name, aliases, sources",
        ),
        (
            {"offices": "- name: No id\n  sources: [https://e.org]\n"},
            "docs/_data/offices.yml:1: offices[0].id: missing required field `id`",
        ),
        (
            {"offices": "- id: 7\n  name: Seven\n  sources: [https://e.org]\n"},
            # a number is read as text: the office's id is "7", so the role's office is unknown
            "docs/_data/people.yml:11: people[kevin-courtney].roles[0].office: unknown office 'neu-leader'; add it to offices.yml or fix the id",
        ),
        (
            {
                "organisations": ORGANISATIONS.replace(
                    "  website: https://neu.org.uk\n", "  website: ftp://neu.org.uk\n"
                )
            },
            "docs/_data/organisations.yml:8: organisations[neu].website: 'ftp://neu.org.uk' is not an http(s) URL",
        ),
        (
            {"organisations": "\n\n" + ORGANISATIONS.replace("kind: union", "kind: union\n  kind: other")},
            "docs/_data/organisations.yml:8: kind: this key appears twice; keep one",
        ),
        (
            {"organisations": ORGANISATIONS.replace("A union.", "A \x07 union.")},
            "docs/_data/organisations.yml:6: yaml: character U+0007 is not allowed in YAML; remove it",
        ),
        (
            {"organisations": "- id: neu\n  name: [\n"},
            "docs/_data/organisations.yml:3: yaml: not valid YAML: did not find expected node content",
        ),
    ],
)
def test_knowledge_base_problem_messages(tmp_path: Path, changed: dict, message: str):
    assert kb_error(tmp_path, **changed) == message


# Articles


def test_every_field_of_an_article_is_read():
    text = (
        "---\r\ntitle: '  A title  '\r\npublished: 2023-04-28\npublisher: 42\nurl: https://e.org/a\nbyline: By Someone\n"
        "summary: What happened.\ntags: [pay, ' strikes ']\n---\n\nFirst paragraph.\r\n  \n\t\nSecond\tparagraph.\n\nThird.\n"
    )
    article = parse_article(text, "docs/articles/2023-04-28-a.txt", "2023-04-28-a")
    assert article == Article(
        slug="2023-04-28-a",
        title="A title",
        published=D(2023, 4, 28),
        publisher="42",
        url="https://e.org/a",
        byline="By Someone",
        summary="What happened.",
        tags=("pay", "strikes"),
        paragraphs=(Paragraph(1, "First paragraph."), Paragraph(2, "Second\tparagraph."), Paragraph(3, "Third.")),
        path="docs/articles/2023-04-28-a.txt",
    )


def test_fences_may_end_in_spaces_or_a_carriage_return_and_paragraphs_keep_their_last_letter():
    text = "--- \r\ntitle: T\r\npublished: 2023-04-28\r\npublisher: P\r\n---\t\r\nThe Model X\r\nA\r\n"
    article = parse_article(text, "a.txt", "a")
    assert article.paragraphs == (Paragraph(1, "The Model X"), Paragraph(2, "A"))
    with pytest.raises(DataError) as caught:
        parse_article(" ---\ntitle: T\n---\nText.\n", "a.txt", "a")
    assert str(caught.value).startswith("a.txt:1: front matter: the file must start with a `---` line")


def test_an_article_with_only_the_required_fields():
    article = parse_article("---\ntitle: T\npublished: 2023-04-28\npublisher: P\n---\nText.", "a.txt", "a")
    assert (article.url, article.byline, article.summary, article.tags) == (None, None, None, ())
    assert article.paragraphs == (Paragraph(1, "Text."),)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "---\ntitle: T\ntitle: U\npublished: 2023-04-28\npublisher: P\n---\nText.\n",
            "a.txt:3: title: this key appears twice; keep one",
        ),
        (
            "---\ntitle: T\npublished: 2023-04-28\npublisher: [P\n---\nText.\n",
            "a.txt:5: yaml: not valid YAML: did not find expected ',' or ']'",
        ),
        (
            "---\ntitle: T\x07\npublished: 2023-04-28\npublisher: P\n---\nText.\n",
            "a.txt:2: yaml: character U+0007 is not allowed in YAML; remove it",
        ),
        (
            "---\ntitle: T\npublished: 2023-04\npublisher: P\n---\nText.\n",
            "a.txt:3: front matter.published: '2023-04' is not a valid date; write it as YYYY-MM-DD",
        ),
        (
            "---\ntitle: T\npublished: 2023-04-28\n---\nText.\n",
            "a.txt:2: front matter.publisher: missing required field `publisher`",
        ),
        ("---\n- a list\n---\nText.\n", "a.txt:2: front matter: expected a mapping of `key: value` lines"),
        (
            "---\ntitle: T\npublished: 2023-04-28\npublisher: P\n---\n\n  \n",
            "a.txt:5: text: the article has no text after the front matter",
        ),
        (
            "---\ntitle: T\npublished: 2023-04-28\npublisher: P\n---\nOne.\n\nTwo \x1b.\n",
            "a.txt:8: text: control character U+001B in the text; remove it",
        ),
        ("---\n---\nText.\n", "a.txt:2: front matter.published: missing required field `published`"),
    ],
)
def test_article_problem_messages(text: str, message: str):
    with pytest.raises(DataError) as caught:
        parse_article(text, "a.txt", "a")
    assert str(caught.value) == message


def test_a_tab_is_the_one_control_character_allowed():
    article = parse_article("---\ntitle: T\npublished: 2023-04-28\npublisher: P\n---\na\tb\n", "a.txt", "a")
    assert article.paragraphs[0].text == "a\tb"


def test_decode_drops_a_byte_order_mark_and_names_a_bad_byte_and_its_line():
    assert decode("\ufeffText".encode(), "a.txt") == "Text"
    assert decode("Te\ufeffxt".encode(), "a.txt") == "Te\ufeffxt"
    with pytest.raises(DataError) as caught:
        decode(b"one\ntwo\n\xff", "a.txt")
    assert str(caught.value) == "a.txt:3: encoding: not UTF-8 (byte 0xFF at offset 8); save the file as UTF-8"


def test_parse_yaml_keeps_dates_as_text_and_counts_lines_from_the_offset():
    assert parse_yaml("when: 2023-04-28\nn: 3\n", "a.yml") == {"when": "2023-04-28", "n": 3}
    assert parse_yaml("a:\n  b: 1\n", "a.yml").lines == {"a": 1}
    assert parse_yaml("x: 1\na:\n  b: 1\n", "a.yml")["a"].line == 3
    with pytest.raises(DataError) as caught:
        parse_yaml("a: 1\na: 2\n", "a.yml", line_offset=10)
    assert str(caught.value) == "a.yml:12: a: this key appears twice; keep one"
    with pytest.raises(DataError) as caught:
        parse_yaml("a: 1\nb: \x07\n", "a.yml", line_offset=10)
    assert str(caught.value) == "a.yml:12: yaml: character U+0007 is not allowed in YAML; remove it"


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://e.org", True),
        ("HTTP://e.org", True),
        ("mailto:a@e.org", True),
        ("../glossary/#neu", True),
        ("#p-2", True),
        ("javascript:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("java\nscript:alert(1)", False),
        (" \x01javascript:alert(1)", False),
        ("JavaScript:alert(1)", False),
        ("data:text/html,x", False),
        ("ftp://e.org", False),
        ("!javascript:alert(1)", True),  # not a scheme: a relative link to a page named so
        ('"javascript:alert(1)', True),
        ("Xjavascript:alert(1)", False),  # a scheme of its own, not an allowed one
        ("ht\ttps://e.org", True),
        ("Xhttps://e.org", False),
    ],
)
def test_safe_link(url: str, safe: bool):
    assert safe_link(url) is safe


def test_an_article_file_is_named_as_its_path_unless_told_otherwise(tmp_path: Path):
    from newsroom.loader import load_article

    path = tmp_path / "2023-04-28-a.txt"
    path.write_text("---\ntitle: T\npublished: 2023-04-28\npublisher: P\n---\nText.\n", encoding="utf-8")
    assert (load_article(path).path, load_article(path).slug) == (str(path), "2023-04-28-a")
    assert load_article(path, "docs/articles/2023-04-28-a.txt").path == "docs/articles/2023-04-28-a.txt"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: 1\n? [x]\n: 1\n", "a.yml:12: yaml: a key must be a word or text, not a list or mapping"),
        ("{[1]: 2}\n", "a.yml:11: yaml: a key must be a word or text, not a list or mapping"),
        (
            "a: 1\nb: !!int x\n",
            "a.yml:12: yaml: YAML cannot read this value as its `!!` tag says; remove the tag or fix the value",
        ),
        (
            "- !!timestamp x\n",
            "a.yml:11: yaml: YAML cannot read this value as its `!!` tag says; remove the tag or fix the value",
        ),
        (
            "a:\n  b: [1, !!float y]\n",
            "a.yml:12: yaml: YAML cannot read this value as its `!!` tag says; remove the tag or fix the value",
        ),
        ("a: " + "[" * 5000 + "]" * 5000 + "\n", "a.yml:11: yaml: lists or mappings are nested too deeply to read"),
    ],
    ids=["list-key", "flow-list-key", "int-tag", "timestamp-tag", "nested-float-tag", "nested-5000-deep"],
)
def test_values_yaml_cannot_build_are_reported_with_their_line(text: str, message: str):
    """These raised TypeError, ValueError or AttributeError from PyYAML: a traceback, not a message."""
    with pytest.raises(DataError) as caught:
        parse_yaml(text, "a.yml", line_offset=10)
    assert str(caught.value) == message


def test_a_tagged_value_in_the_knowledge_base_names_its_file_and_line(tmp_path: Path):
    message = kb_error(tmp_path, events=EVENTS.replace("date: 2023-03-15\n  end", "date: !!timestamp soon\n  end"))
    assert (
        message
        == "docs/_data/events.yml:7: yaml: YAML cannot read this value as its `!!` tag says; remove the tag or fix the value"
    )
