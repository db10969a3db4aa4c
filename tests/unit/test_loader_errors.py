"""Bad input stops the build with one message naming the file, the line and the field."""

from __future__ import annotations

from pathlib import Path

import pytest
from newsroom.errors import DataError
from newsroom.loader import load_article, load_knowledge_base, parse_article

GOOD_FRONT = "title: A title\npublished: 2023-04-28\npublisher: A paper\n"


def article_error(text: str, slug: str = "2023-04-28-a-story") -> str:
    with pytest.raises(DataError) as caught:
        parse_article(text, f"docs/articles/{slug}.txt", slug)
    return str(caught.value)


def test_article_without_front_matter_names_line_one():
    assert article_error("Just text\n") == (
        "docs/articles/2023-04-28-a-story.txt:1: front matter: the file must start with a `---` line, "
        "then title, published and publisher, then `---`"
    )


def test_article_without_closing_fence():
    assert (
        article_error("---\ntitle: x\n")
        == "docs/articles/2023-04-28-a-story.txt:1: front matter: no closing `---` line after the front matter"
    )


def test_unknown_front_matter_key_is_named_with_its_line():
    message = article_error(f"---\n{GOOD_FRONT}author: Someone\n---\nText.\n")
    assert message == (
        "docs/articles/2023-04-28-a-story.txt:5: front matter.author: unknown key 'author'; "
        "allowed keys are title, published, publisher, url, byline, summary, tags, updated, corrections"
    )


def test_missing_title():
    message = article_error("---\npublished: 2023-04-28\npublisher: P\n---\nText.\n")
    assert message == "docs/articles/2023-04-28-a-story.txt:2: front matter.title: missing required field `title`"


def test_impossible_publication_date():
    message = article_error("---\ntitle: T\npublished: 2023-02-30\npublisher: P\n---\nText.\n")
    assert (
        message
        == "docs/articles/2023-04-28-a-story.txt:3: front matter.published: '2023-02-30' is not a valid date; write it as YYYY-MM-DD"
    )


def test_url_must_be_http():
    message = article_error(f"---\n{GOOD_FRONT}url: ftp://example.com/x\n---\nText.\n")
    assert (
        message
        == "docs/articles/2023-04-28-a-story.txt:5: front matter.url: 'ftp://example.com/x' is not an http(s) URL"
    )


def test_article_with_no_text():
    assert article_error(f"---\n{GOOD_FRONT}---\n\n\n") == (
        "docs/articles/2023-04-28-a-story.txt:5: text: the article has no text after the front matter"
    )


def test_control_character_in_text_is_reported_with_its_line():
    message = article_error(f"---\n{GOOD_FRONT}---\nFirst.\n\nSecond \x07 bell.\n")
    assert message == "docs/articles/2023-04-28-a-story.txt:8: text: control character U+0007 in the text; remove it"


def test_file_name_must_be_a_slug():
    message = article_error(f"---\n{GOOD_FRONT}---\nText.\n", slug="My Story")
    assert (
        message
        == "docs/articles/My Story.txt: slug: file name 'My Story' must be a lower-case slug such as 2023-04-28-unions-vow-strikes"
    )


def test_article_that_is_not_utf8(tmp_path: Path):
    path = tmp_path / "2023-04-28-latin.txt"
    path.write_bytes(b"---\ntitle: caf\xe9\n---\n")
    with pytest.raises(DataError) as caught:
        load_article(path, "docs/articles/2023-04-28-latin.txt")
    assert (
        str(caught.value)
        == "docs/articles/2023-04-28-latin.txt:2: encoding: not UTF-8 (byte 0xE9 at offset 14); save the file as UTF-8"
    )


def test_tags_must_be_a_list_of_text():
    message = article_error(f"---\n{GOOD_FRONT}tags: 3\n---\nText.\n")
    assert message == "docs/articles/2023-04-28-a-story.txt:5: front matter.tags: expected a list of non-empty texts"


# --- knowledge base -----------------------------------------------------------------------

ORG = """- id: neu
  name: National Education Union
  short_name: NEU
  kind: union
  description: A union.
  sources: [https://neu.org.uk]
"""
PERSON = """- id: kevin-courtney
  name: Kevin Courtney
  description: A leader.
  roles:
    - organisation: neu
      title: Joint general secretary
      from: 2017-09-01
      to: 2023-08-31
  sources: [https://example.org/kc]
"""


def kb_error(tmp_path: Path, kinds: tuple = (None, None), **files: str) -> str:
    base = {"organisations": ORG, "people": PERSON}
    base.update(files)
    for name, text in base.items():
        (tmp_path / f"{name}.yml").write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_knowledge_base(tmp_path, None, *kinds)
    return str(caught.value).replace(str(tmp_path) + "/", "")


def test_valid_minimal_knowledge_base_loads(tmp_path: Path):
    (tmp_path / "organisations.yml").write_text(ORG)
    (tmp_path / "people.yml").write_text(PERSON)
    kb = load_knowledge_base(tmp_path)
    assert [p.id for p in kb.people] == ["kevin-courtney"]
    assert kb.leaders("neu") == ()


def test_duplicate_id(tmp_path: Path):
    message = kb_error(
        tmp_path, organisations=ORG + ORG.replace("National Education Union", "Other").replace("NEU", "OTH")
    )
    assert (
        message
        == "organisations.yml:7: organisations[neu].id: id 'neu' is already used at organisations.yml:1; ids must be unique"
    )


def test_role_names_unknown_organisation(tmp_path: Path):
    message = kb_error(tmp_path, people=PERSON.replace("organisation: neu", "organisation: nut"))
    assert (
        message
        == "people.yml:5: people[kevin-courtney].roles[0].organisation: unknown organisation 'nut'; add it to organisations.yml or fix the id"
    )


def test_role_that_ends_before_it_starts(tmp_path: Path):
    message = kb_error(tmp_path, people=PERSON.replace("to: 2023-08-31", "to: 2016-08-31"))
    assert (
        message
        == "people.yml:8: people[kevin-courtney].roles[0].to: ends (2016-08-31) before it starts (2017-09-01); swap or fix the dates"
    )


def test_invalid_role_date(tmp_path: Path):
    message = kb_error(tmp_path, people=PERSON.replace("from: 2017-09-01", "from: 2017-13-01"))
    assert (
        message
        == "people.yml:7: people[kevin-courtney].roles[0].from: '2017-13-01' is not a valid date; write it as YYYY-MM-DD or YYYY-MM"
    )


def test_event_names_unknown_entity(tmp_path: Path):
    events = "- id: strike\n  date: 2023-02-01\n  title: Strike\n  description: A strike.\n  entities: [neu, nasuwt]\n  sources: [https://example.org/s]\n"
    message = kb_error(tmp_path, events=events)
    assert (
        message
        == "events.yml:5: events[strike].entities: unknown entity 'nasuwt'; use the id of an organisation, person or term"
    )


def test_alias_claimed_by_two_entities(tmp_path: Path):
    terms = "- id: neu-term\n  term: Union\n  aliases: [NEU]\n  definition: x\n  sources: [https://example.org/t]\n"
    message = kb_error(tmp_path, terms=terms)
    assert (
        message
        == "terms.yml:3: terms[neu-term].aliases: 'NEU' is already claimed by 'neu' (organisations.yml:1); an alias may name only one entity"
    )


def test_fact_without_source(tmp_path: Path):
    message = kb_error(tmp_path, organisations=ORG.replace("  sources: [https://neu.org.uk]\n", ""))
    assert message == "organisations.yml:1: organisations[neu].sources: every fact needs a source: add at least one URL"


def test_unknown_organisation_kind(tmp_path: Path):
    """The kinds are the settings' (mkdocs.yml's extra.archive.organisation_kinds), passed in by the build."""
    message = kb_error(tmp_path, (("union", "other"), None), organisations=ORG.replace("kind: union", "kind: club"))
    assert message == (
        "organisations.yml:4: organisations[neu].kind: unknown kind 'club'; "
        "use one of union, other (or add it to mkdocs.yml's extra.archive.organisation_kinds)"
    )
    # Without a list of kinds (the loader alone) any slug is a kind, and a kind must be a slug.
    assert kb_error(tmp_path, organisations=ORG.replace("kind: union", "kind: Big Club")) == (
        "organisations.yml:4: organisations[neu].kind: 'Big Club' is not a lower-case slug (letters, digits and single hyphens)"
    )


def test_yaml_syntax_error_has_a_line(tmp_path: Path):
    message = kb_error(tmp_path, people=PERSON + "- id: [unclosed\n")
    assert message == "people.yml:11: yaml: not valid YAML: did not find expected ',' or ']'"


def test_duplicate_key_in_an_entry(tmp_path: Path):
    message = kb_error(tmp_path, organisations=ORG + "  kind: union\n")
    assert message == "organisations.yml:7: kind: this key appears twice; keep one"


def test_id_must_be_a_slug(tmp_path: Path):
    message = kb_error(tmp_path, organisations=ORG.replace("id: neu", "id: NEU Union"))
    assert message.startswith("organisations.yml:1: organisations[NEU Union].id: 'NEU Union' is not a lower-case slug")


def test_front_matter_url_may_not_run_code():
    message = article_error(f"---\n{GOOD_FRONT}url: javascript:alert(1)\n---\nText.\n")
    assert (
        message
        == "docs/articles/2023-04-28-a-story.txt:5: front matter.url: 'javascript:alert(1)' is not an http(s) URL"
    )


def test_knowledge_base_website_and_sources_must_be_web_addresses(tmp_path: Path):
    website = kb_error(tmp_path, organisations=ORG + "  website: javascript:alert(1)\n")
    assert website == "organisations.yml:7: organisations[neu].website: 'javascript:alert(1)' is not an http(s) URL"
    source = kb_error(tmp_path, organisations=ORG.replace("[https://neu.org.uk]", "[data:text/html,x]"))
    assert source == "organisations.yml:6: organisations[neu].sources: 'data:text/html' is not an http(s) URL"


def test_knowledge_base_errors_name_the_file_as_the_editor_knows_it(tmp_path: Path):
    (tmp_path / "organisations.yml").write_text(ORG + ORG, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_knowledge_base(tmp_path, "docs/_data")
    assert str(caught.value).startswith("docs/_data/organisations.yml:7: organisations[neu].id: ")


def test_event_kind_must_be_known(tmp_path: Path):
    event = "- id: strike\n  date: 2023-02-01\n  title: A strike\n  description: One day.\n  kind: walkout\n  entities: [neu]\n  sources: [https://example.org/s]\n"
    message = kb_error(tmp_path, (None, ("strike", "other")), events=event)
    assert message == (
        "events.yml:5: events[strike].kind: unknown kind 'walkout'; "
        "use one of strike, other (or add it to mkdocs.yml's extra.archive.event_kinds)"
    )


# Every loader message, asserted exactly (issue 18: these were not).


def test_event_that_ends_before_it_starts_names_its_end_line(tmp_path: Path):
    event = "- id: s\n  date: 2023-02-02\n  end: 2023-02-01\n  title: T\n  description: D\n  entities: [neu]\n  sources: [https://e.org/s]\n"
    assert (
        kb_error(tmp_path, events=event)
        == "events.yml:3: events[s].end: ends (2023-02-01) before it starts (2023-02-02); fix the dates"
    )


def test_role_with_an_unknown_office(tmp_path: Path):
    people = PERSON.replace("      to: 2023-08-31\n", "      to: 2023-08-31\n      office: chief-whip\n")
    assert kb_error(tmp_path, people=people) == (
        "people.yml:9: people[kevin-courtney].roles[0].office: unknown office 'chief-whip'; add it to offices.yml or fix the id"
    )


def test_leads_must_be_true_or_false(tmp_path: Path):
    people = PERSON.replace("      to: 2023-08-31\n", "      to: 2023-08-31\n      leads: maybe\n")
    assert (
        kb_error(tmp_path, people=people)
        == "people.yml:9: people[kevin-courtney].roles[0].leads: expected true or false"
    )


def test_a_file_that_is_not_a_list(tmp_path: Path):
    assert (
        kb_error(tmp_path, terms="id: x\nterm: y\n")
        == "terms.yml:1: terms: expected a YAML list of entries (each line starting with `- `)"
    )


def test_an_entry_that_is_not_a_mapping(tmp_path: Path):
    assert (
        kb_error(tmp_path, terms="- just text\n") == "terms.yml:1: terms[0]: expected a mapping of `key: value` lines"
    )


def test_empty_text(tmp_path: Path):
    organisations = ORG.replace("description: A union.", "description: ''")
    assert (
        kb_error(tmp_path, organisations=organisations)
        == "organisations.yml:5: organisations[neu].description: expected non-empty text, got ''"
    )


def test_a_knowledge_base_file_that_is_not_utf8_is_named(tmp_path: Path):
    (tmp_path / "organisations.yml").write_text(ORG, encoding="utf-8")
    (tmp_path / "terms.yml").write_bytes(b"- id: cafe\n  term: caf\xe9\n")
    with pytest.raises(DataError) as caught:
        load_knowledge_base(tmp_path)
    assert (
        str(caught.value).replace(str(tmp_path) + "/", "")
        == "terms.yml:2: encoding: not UTF-8 (byte 0xE9 at offset 22); save the file as UTF-8"
    )
