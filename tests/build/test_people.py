"""People pages: roles, what they said, mentions, structured data; statements on organisation pages."""

from __future__ import annotations

import json
import re

ARTICLE_000 = "articles/2023-04-28-unions-vow-coordinated-strikes"


def test_person_page_lists_their_quotations_linking_to_paragraphs(built_site):
    html = built_site.page("people/paul-whiteman")
    said = html[html.index('id="what-they-said"') : html.index('id="on-the-timeline"')]
    assert said.count("<blockquote>") == 6
    for number in (6, 8, 9, 10, 11, 13):
        assert f'href="../../{ARTICLE_000}/#p-{number}"' in said
    assert "The Government must now come back to the table." in said


def test_person_page_has_schema_org_person_data(built_site, site_port):
    html = built_site.page("people/geoff-barton")
    head, body = html.split("<body", 1)
    # In the head: in the body, Material's instant navigation runs it as a script (browser test).
    assert "application/ld+json" not in body
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', head, re.S).group(1))
    assert data["@type"] == "Person" and data["name"] == "Geoff Barton"
    assert data["jobTitle"] == "General secretary"
    assert data["affiliation"][0]["name"] == "Association of School and College Leaders"
    assert data["url"] == f"http://127.0.0.1:{site_port}/people/geoff-barton/"


def test_organisation_page_shows_its_spokespeople_statements(built_site):
    html = built_site.page("glossary/dfe")
    statements = html[html.index('id="what-they-said"') :]
    assert statements.count("<blockquote>") == 3
    assert "For unions to coordinate strike action" in statements


def test_article_shows_who_is_talking_at_each_quotation(built_site):
    html = built_site.page(ARTICLE_000)
    p14 = re.search(r'<p id="p-14">.*?</p>', html, re.S).group()
    chip = '<a aria-label="Quoted: Kevin Courtney" class="na-speaker" data-name="Kevin Courtney" data-speaker="kevin-courtney" href="../../people/kevin-courtney/"></a>'
    assert chip in p14
    p18 = re.search(r'<p id="p-18">.*?</p>', html, re.S).group()
    assert 'data-speaker="dfe"' in p18 and 'data-name="DfE"' in p18
    p2 = re.search(r'<p id="p-2">.*?</p>', html, re.S).group()
    assert "na-speaker" not in p2, "a scare quote has no speaker"


def test_people_index_is_a_to_z_with_roles_organisations_and_counts(built_site):
    html = built_site.page("people")
    names = re.findall(r'class="na-person__name" href="[^"]+">([^<]+)</a>', html)
    assert names[0] == "Geoff Barton" and names[-1] == "Paul Whiteman"
    assert len(names) == 12
    whiteman = html[html.index('id="paul-whiteman"') :]
    whiteman = whiteman[: whiteman.index("</li>")]
    assert 'General secretary, <a href="../glossary/naht/">NAHT</a> (Sep 2017 – present)' in whiteman
    assert "Mentioned in 1 article" in whiteman


def test_new_person_gets_a_page_with_quotes_and_mentions_with_no_code_change(site_copy):
    people = site_copy.docs / "_data" / "people.yml"
    people.write_text(
        people.read_text(encoding="utf-8")
        + "\n- id: sam-example\n  name: Sam Example\n  description: A test person.\n  roles:\n    - organisation: neu\n      title: President\n"
        "      from: 2024-01\n  sources: [https://example.org/sam]\n",
        encoding="utf-8",
    )
    site_copy.write(
        "articles/2024-05-01-sam.txt",
        "---\ntitle: Sam speaks\npublished: 2024-05-01\npublisher: Example News\n---\nSam Example said: “We will win.”\n",
    )
    result = site_copy.build()
    assert result.returncode == 0, result.stderr
    page = site_copy.page("people/sam-example")
    assert "<blockquote><p>We will win.</p></blockquote>" in page
    assert 'href="../../articles/2024-05-01-sam/#p-1"' in page
    assert "Sam Example" in site_copy.page("people")
