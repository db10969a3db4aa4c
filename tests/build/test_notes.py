"""Notes in the built site: marks, markers, the notes list, the notes index and annotations.jsonld."""

from __future__ import annotations

import html as html_module
import json
import re
from pathlib import Path

import yaml
from newsroom.loader import load_article

ROOT = Path(__file__).resolve().parents[2]


def seed_notes() -> dict[str, list[str]]:
    found = {}
    for path in sorted((ROOT / "docs" / "articles").glob("*.notes.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        found[path.name.removesuffix(".notes.yml")] = [n["id"] for n in data["notes"]]
    return found


def test_at_least_eight_sourced_seed_notes():
    notes = seed_notes()
    assert sum(len(ids) for ids in notes.values()) >= 8
    for path in (ROOT / "docs" / "articles").glob("*.notes.yml"):
        for note in yaml.safe_load(path.read_text(encoding="utf-8"))["notes"]:
            assert note.get("sources"), f"{path.name}: note {note['id']} has no source"


def test_each_note_is_a_mark_with_a_marker_and_a_body_reachable_without_js(built_site):
    for slug, ids in seed_notes().items():
        html = built_site.page(f"articles/{slug}")
        for number, note_id in enumerate(sorted(ids, key=lambda i: html.index(f'id="note-{i}"')), 1):
            assert f'<mark class="na-note" data-note="{note_id}" id="note-{note_id}">' in html
            marker = re.search(rf'<a [^>]*class="na-note-marker"[^>]*data-note="{note_id}"[^>]*>', html).group()
            assert f'href="#note-body-{note_id}"' in marker and f'aria-label="Note {number}: ' in marker
            body = html[html.index(f'id="note-body-{note_id}"') :]
            body = body[: body.index("</li>")]
            assert f'href="#note-{note_id}"' in body, "the note links back to its passage"
            assert 'href="http://127.0.0.1:' in body and f"/articles/{slug}/#note-{note_id}" in body


def test_note_spanning_a_mention_keeps_the_mention_link(built_site):
    html = built_site.page("articles/2023-04-28-unions-vow-coordinated-strikes")
    mark = html[html.index('id="note-only-active-mandate"') :]
    mark = mark[: mark.index("</mark>")]
    assert 'data-entity="neu"' in mark and 'data-entity="strike-mandate"' in mark


def test_note_body_links_entity_mentions(built_site):
    html = built_site.page("articles/2023-04-28-unions-vow-coordinated-strikes")
    body = html[html.index('id="note-body-four-national-walkouts"') :]
    body = body[: body.index("</li>")]
    assert 'class="na-mention" data-entity="neu" href="../../glossary/neu/"' in body


def test_notes_index_lists_every_note_with_its_permanent_link(built_site):
    html = built_site.page("notes")
    for slug, ids in seed_notes().items():
        for note_id in ids:
            assert f'href="../articles/{slug}/#note-{note_id}"' in html
    assert html.count('class="na-notes-index__item"') == sum(len(i) for i in seed_notes().values())


def test_annotations_export_is_a_web_annotation_collection_whose_selectors_find_their_text(built_site, site_port):
    data = json.loads((built_site.root / "site" / "annotations.jsonld").read_text(encoding="utf-8"))
    assert data["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert data["type"] == "AnnotationCollection"
    items = data["first"]["items"]
    assert data["total"] == len(items) == sum(len(i) for i in seed_notes().values())
    from newsroom.exports.annotations import select

    paragraphs = {
        slug: {f"p-{p.number}": p.text for p in load_article(ROOT / "docs" / "articles" / f"{slug}.txt").paragraphs}
        for slug in seed_notes()
    }
    for item in items:
        assert item["type"] == "Annotation"
        assert item["motivation"] in {"commenting", "assessing", "editing", "describing"}
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT00:00:00Z", item["created"])
        assert item["body"][0]["type"] == "TextualBody" and item["body"][0]["value"]
        source = item["target"]["source"]
        slug = source.rstrip("/").rsplit("/", 1)[1]
        assert item["id"].startswith(f"http://127.0.0.1:{site_port}/articles/{slug}/#note-")
        quote, position = item["target"]["selector"]
        assert quote["type"] == position["type"] == "CssSelector" and quote["value"] == position["value"]
        assert (
            quote["refinedBy"]["type"] == "TextQuoteSelector"
            and position["refinedBy"]["type"] == "TextPositionSelector"
        )
        # Each selects the note's passage in its paragraph, once; both the same passage.
        (found,) = select(paragraphs[slug], quote)
        assert select(paragraphs[slug], position) == [found]
        key, start, end = found
        assert paragraphs[slug][key][start:end] == quote["refinedBy"]["exact"]
        html = built_site.page(f"articles/{slug}")
        note_id = item["id"].rsplit("#note-", 1)[1]
        mark = re.search(
            rf'<mark class="na-note" data-note="{note_id}" id="note-{note_id}">(.*?)</mark>', html, re.S
        ).group(1)
        assert html_module.unescape(re.sub(r"<[^>]+>", "", mark)) == quote["refinedBy"]["exact"]
        before = html[: html.index(f'id="note-{note_id}"')]
        assert before.rsplit('<p id="', 1)[1].startswith(f'{key}"'), (
            "the mark is not in the paragraph the selectors name"
        )


def test_note_whose_quote_is_missing_fails_the_build(site_copy):
    path = site_copy.docs / "articles" / "2023-04-04-ascl-members-reject-pay-offer.notes.yml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("quote: consultative ballot", "quote: consultive ballot"),
        encoding="utf-8",
    )
    result = site_copy.build()
    assert result.returncode != 0
    assert (
        "docs/articles/2023-04-04-ascl-members-reject-pay-offer.notes.yml:5: notes[consultative-ballot].quote: "
        "note 'consultative-ballot': 'consultive ballot' is not in the article text "
        "(docs/articles/2023-04-04-ascl-members-reject-pay-offer.txt); the closest passage is 'consultative ballot'"
    ) in result.stderr


def test_notes_file_without_its_article_fails_the_build(site_copy):
    site_copy.write("articles/2023-01-01-missing.notes.yml", "- id: a\n  quote: x\n  body: y\n")
    result = site_copy.build()
    assert result.returncode != 0
    assert (
        "docs/articles/2023-01-01-missing.notes.yml: file: no article 2023-01-01-missing.txt beside this notes file"
        in result.stderr
    )


def test_every_note_has_a_page_to_share_with_a_preview(built_site, site_port):
    """notes/<article>/<note>/: the passage, the note, a link to it in place, and the metadata and
    image a shared link unfurls with."""
    import struct

    base = f"http://127.0.0.1:{site_port}/"
    for slug, ids in seed_notes().items():
        article = built_site.page(f"articles/{slug}")
        for note_id in ids:
            html = built_site.page(f"notes/{slug}/{note_id}")
            meta = dict(re.findall(r'<meta (?:property|name)="([^"]+)" content="([^"]*)"', html))
            quote = html_module.unescape(re.search(rf'id="note-{note_id}">(.*?)</mark>', article, re.S).group(1))
            quote = html_module.unescape(re.sub(r"<[^>]+>", "", quote))
            assert html_module.unescape(meta["og:title"]) == f"“{quote}”"
            assert meta["og:description"] and meta["twitter:description"] == meta["og:description"]
            assert (
                meta["og:image"] == f"{base}notes/{slug}/{note_id}/card.png"
                and meta["twitter:card"] == "summary_large_image"
            )
            assert f'<link rel="canonical" href="{base}notes/{slug}/{note_id}/">' in html
            png = (built_site.root / "site" / "notes" / slug / note_id / "card.png").read_bytes()
            assert png[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", png[16:24]) == (1200, 630)
            assert f'href="../../../articles/{slug}/#note-{note_id}">Read it in the article</a>' in html
            assert '<mark class="na-note">' in html
            # The note's "Copy link" in the article offers this page; its permanent link stays the passage.
            assert f'data-copy="{base}notes/{slug}/{note_id}/"' in article
            assert f'class="na-note-body__permalink" href="{base}articles/{slug}/#note-{note_id}"' in article


def test_a_notes_words_with_an_ampersand_are_described_as_written(site_copy):
    """The share page's description (and the search record) take the note's words once
    escaped: "R&D", not "R&amp;D"."""
    path = site_copy.docs / "articles" / "2023-04-28-unions-vow-coordinated-strikes.notes.yml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("Correct by the NEU's count.", "Correct by the NEU's R&D count.", 1),
        encoding="utf-8",
    )
    assert site_copy.build().returncode == 0
    html = site_copy.page("notes/2023-04-28-unions-vow-coordinated-strikes/four-national-walkouts")
    assert '<meta property="og:description" content="Correct by the NEU&#x27;s R&amp;D count.">' in html
