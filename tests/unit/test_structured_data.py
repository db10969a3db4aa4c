"""newsroom.html.structured_data_in_head: a page's JSON-LD moves from its body to its head."""

from __future__ import annotations

from newsroom.html import structured_data_in_head

LD = '<script type="application/ld+json">{"@type": "Person", "name": "A"}</script>'


def test_json_ld_in_the_body_moves_to_the_end_of_the_head_and_nothing_else_moves():
    page = f'<html><head><title>A</title></head><body><article><h1>A</h1>{LD}<p>x</p></article><script src="a.js"></script></body></html>'
    assert structured_data_in_head(page) == (
        f"<html><head><title>A</title>{LD}\n</head><body><article><h1>A</h1><p>x</p></article>"
        '<script src="a.js"></script></body></html>'
    )


def test_a_page_moved_already_or_without_json_ld_is_returned_as_it_is():
    page = f"<html><head><title>A</title></head><body><article><h1>A</h1>{LD}</article></body></html>"
    moved = structured_data_in_head(page)
    assert structured_data_in_head(moved) is moved
    plain = "<html><head></head><body><p>application/json</p></body></html>"
    assert structured_data_in_head(plain) is plain


def test_every_json_ld_block_moves_in_order():
    second = LD.replace('"A"', '"B"')
    page = f"<html><head></head><body>{LD}<p>x</p>{second}</body></html>"
    assert structured_data_in_head(page) == f"<html><head>{LD}{second}\n</head><body><p>x</p></body></html>"


def test_the_words_in_a_pages_text_are_not_json_ld():
    """An article may say "application/ld+json" in its text: nothing moves, and nothing is added
    (a newline added on each pass would make a cached page differ from a clean build's)."""
    page = "<html><head></head><body><p>Served as application/ld+json, it said.</p></body></html>"
    assert structured_data_in_head(page) is page
