"""A source with an archived copy (yamlfile.Source): read from a mapping, checked, rendered as a
Robust Link; a mistake names its field on one line."""

from __future__ import annotations

from xml.etree.ElementTree import tostring

import pytest
from newsroom.errors import DataError
from newsroom.pages.components import numbered_sources, sources_list
from newsroom.yamlfile import _Record, parse_yaml

ARCHIVED = "https://web.archive.org/web/20230405000000/https://b.example/y"
YAML = f"sources:\n  - https://a.example/x\n  - url: https://b.example/y\n    archived: {ARCHIVED}\n    archived_on: 2023-04-05\n"


def to_html(element) -> str:
    return tostring(element, encoding="unicode")


def sources(text: str):
    return _Record("kb.yml", parse_yaml(text, "kb.yml"), "e", 1).sources()


def test_a_source_with_an_archived_copy():
    plain, archived = sources(YAML)
    assert (plain, archived) == ("https://a.example/x", "https://b.example/y")  # still its URL
    assert plain.archived is None and archived.archived == ARCHIVED and archived.archived_on == "2023-04-05"
    assert to_html(numbered_sources((plain, archived), "s")) == (
        '<p class="s">Sources: <a href="https://a.example/x">[1]</a> <a href="https://b.example/y" '
        f'data-versionurl="{ARCHIVED}" data-versiondate="2023-04-05">[2]</a> (<a class="na-archived" href="{ARCHIVED}">'
        "archived 5 April 2023</a>) </p>"
    )
    assert '<li><a href="https://a.example/x">https://a.example/x</a></li>' in to_html(sources_list((plain,)))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("sources:\n  - url: https://b.example/y\n", "kb.yml:2: e.sources[0].archived: missing required field `archived`"),
        ("sources:\n  - url: ftp://b.example\n    archived: https://x.example\n",
         "kb.yml:2: e.sources[0].url: 'ftp://b.example' is not an http(s) URL"),
        ("sources:\n  - url: https://b.example\n    archived: https://x.example\n    archived_on: 2023-13-01\n",
         "kb.yml:4: e.sources[0].archived_on: '2023-13-01' is not a valid date; write it as YYYY-MM-DD"),
        ('sources:\n  - {url: https://b.example, archived: https://x.example, "\\n": 1}\n',
         "kb.yml:2: e.sources[0].'\\n': unknown key '\\n'; allowed keys are url, archived, archived_on"),
    ],
)  # fmt: skip
def test_a_wrong_archived_source_is_named(text, message):
    with pytest.raises(DataError) as raised:
        sources(text)
    assert str(raised.value) == message
    assert "\n" not in str(raised.value)
