"""The Pagefind index of the real site: what is a record, what each record says, and its bytes."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def fragments(site: Path) -> dict[str, dict]:
    """Every record of the index, in every part, by URL; each says its part in ``"part"``."""
    out = {}
    for part in json.loads((site / "pagefind" / "parts.json").read_text(encoding="utf-8"))["parts"]:
        for path in (site / "pagefind" / part / "fragment").iterdir():
            raw = gzip.decompress(path.read_bytes())
            data = json.loads(raw[raw.index(b"{") :])
            # A note's record is at articles/<slug>/note-<id>.html: the note is #note-<id> there
            # (newsroom.search.record_path; search.js reads it back the same way).
            url = (
                re.sub(r"/(note-[^/]+)\.html$", r"/#\1", data["url"])
                if data["filters"]["type"] == ["note"]
                else data["url"]
            )
            assert url not in out, f"{url} is in two parts"
            out[url] = data | {"part": part}
    return out


def test_the_index_is_in_parts_one_a_year_and_one_for_the_rest(built_site):
    """Dated records (articles, notes) are in their year's part; people, organisations, terms and
    hand-written pages in "reference", which comes first (its code is what the browser loads);
    each part is a whole Pagefind bundle without the user interfaces the archive does not use."""
    site = built_site.root / "site"
    assert json.loads((site / "pagefind" / "parts.json").read_text(encoding="utf-8")) == {
        "parts": ["reference", "2023"]
    }
    assert sorted(p.name for p in (site / "pagefind").iterdir()) == ["2023", "parts.json", "reference"]
    for url, record in fragments(site).items():
        assert record["part"] == record["filters"].get("year", ["reference"])[0], url
    for part in ("reference", "2023"):
        names = {p.name for p in (site / "pagefind" / part).iterdir()}
        assert {
            "pagefind.js",
            "pagefind-worker.js",
            "wasm.en.pagefind",
            "pagefind-entry.json",
            "index",
            "fragment",
            "filter",
        } <= names
        assert not {name for name in names if "-ui" in name or "highlight" in name}, names


def test_articles_entities_notes_and_pages_are_records_and_listings_are_not(built_site):
    from newsroom.loader import load_article

    site = built_site.root / "site"
    records = fragments(site)
    articles = [load_article(path) for path in sorted((ROOT / "docs" / "articles").glob("*.txt"))]
    expected = {f"/articles/{a.slug}/" for a in articles} | {"/", "/about/"}
    data = ROOT / "docs" / "_data"
    for name, folder in (("organisations", "glossary"), ("terms", "glossary"), ("people", "people")):
        expected |= {
            f"/{folder}/{e['id']}/" for e in yaml.safe_load((data / f"{name}.yml").read_text(encoding="utf-8"))
        }
    for notes in sorted((ROOT / "docs" / "articles").glob("*.notes.yml")):
        slug = notes.name.removesuffix(".notes.yml")
        expected |= {
            f"/articles/{slug}/#note-{n['id']}" for n in yaml.safe_load(notes.read_text(encoding="utf-8"))["notes"]
        }
    assert set(records) == expected, (sorted(set(records) - expected), sorted(expected - set(records)))


def test_each_paragraph_is_indexed_as_written_and_anchored(built_site):
    """An article's record holds each paragraph exactly as written (no ¶, note numbers or speaker
    chips, which are excluded), and each paragraph is an anchor the results link to."""
    from newsroom.loader import load_article

    records = fragments(built_site.root / "site")
    for path in sorted((ROOT / "docs" / "articles").glob("*.txt")):
        article = load_article(path)
        record = records[f"/articles/{article.slug}/"]
        assert record["meta"]["title"] == article.title
        assert (
            record["meta"]["date"] == f"d{article.published:%Y%m%d}"
            and record["meta"]["publisher"] == article.publisher
        )
        assert record["filters"] == {"type": ["article"], "year": [str(article.published.year)]}
        words = record["content"].split()
        anchors = {a["id"]: a["location"] for a in record["anchors"]}
        for number, paragraph in enumerate(article.paragraphs, 1):
            start = anchors[f"p-{number}"]
            expected = paragraph.text.split()
            found = words[start : start + len(expected)]
            # Pagefind ends a block that has no full stop of its own with one.
            assert found[:-1] == expected[:-1] and found[-1] in (expected[-1], expected[-1] + "."), (
                number,
                found,
                expected,
            )
        assert "¶" not in record["content"]
        assert "Paul Whiteman Paul Whiteman" not in record["content"]  # no speaker chip after a quotation


def test_entity_records_hold_their_names_and_aliases_not_what_other_pages_say(built_site):
    records = fragments(built_site.root / "site")
    naht = records["/glossary/naht/"]
    assert (
        naht["filters"] == {"type": ["organisation"]}
        and naht["meta"]["title"] == "National Association of Head Teachers"
    )
    words = naht["content"].split()
    assert "NAHT" in words and "Headteachers." in words, naht["content"]  # short name and alias, as words
    assert (
        "Mentioned in" not in naht["content"]
        and "inkl.com" not in naht["content"]
        and "On the timeline" not in naht["content"]
    )
    person = records["/people/paul-whiteman/"]
    assert person["filters"] == {"type": ["person"]}
    assert "contempt" not in person["content"], "a person's record repeats what the articles say"
    assert records["/glossary/strike-mandate/"]["filters"] == {"type": ["term"]}
    assert records["/about/"]["filters"] == {"type": ["page"]}


def test_a_note_is_a_record_of_its_own_pointing_at_the_note(built_site):
    records = fragments(built_site.root / "site")
    note = records["/articles/2023-04-28-unions-vow-coordinated-strikes/#note-four-national-walkouts"]
    assert note["filters"] == {"type": ["note"], "year": ["2023"]}
    assert note["meta"]["title"] == "Fact-check: “four national walkouts”" and note["meta"]["date"] == "d20230428"
    assert set(note["meta"]) == {"title", "date"}, "metadata is searched: it holds nothing but the note's own"
    assert note["url"] == "/articles/2023-04-28-unions-vow-coordinated-strikes/note-four-national-walkouts.html"
    assert "struck nationally" in note["content"]
    article = records["/articles/2023-04-28-unions-vow-coordinated-strikes/"]
    assert "struck nationally" not in article["content"], "the notes list is indexed with the article"


def test_index_files_read_back_as_written(built_site):
    """The index is put in a canonical order after Pagefind writes it (Pagefind's own order
    changes from run to run); its files must decode and encode to the same bytes."""
    from newsroom.search.pagefind import CHUNK, _words
    from newsroom.search.pagefind import read as _read

    for part, names in (("2023", ["type", "year"]), ("reference", ["type"])):
        folder = built_site.root / "site" / "pagefind" / part
        entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
        meta = _read(folder / f"pagefind.{entry['languages']['en']['hash']}.pf_meta")
        filters = dict(meta[3])
        assert sorted(filters) == names and meta[3] == sorted(meta[3])
        for name, digest in filters.items():
            value = _read(folder / "filter" / f"{digest}.pf_filter")
            assert value[0] == name and value[1] == sorted(value[1])
        assert len(list((folder / "filter").iterdir())) == len(names), "a filter file left behind"
        assert len(list(folder.glob("*.pf_meta"))) == 1, "a metadata file left behind"
        # The word index, cut again in chunks of CHUNK positions: in order, each chunk's first and
        # last word in the metadata, every chunk but the last one closed by the word that reached the size.
        chunks = meta[2]
        assert sorted(p.name for p in (folder / "index").iterdir()) == sorted(
            f"{name}.pf_index" for _, _, name in chunks
        )
        everything = []
        for number, (first, last, name) in enumerate(chunks):
            words = _words(folder / "index" / f"{name}.pf_index")
            assert (words[0][0], words[-1][0]) == (first, last)
            sizes = [size for _, size, _ in words]
            assert sum(sizes[:-1]) < CHUNK and (sum(sizes) >= CHUNK or number == len(chunks) - 1), (name, sizes)
            everything += [word for word, _, _ in words]
        assert everything == sorted(everything) and len(everything) == len(set(everything)) > 100


def test_the_index_of_the_pages_indexed_parts_equals_the_index_of_the_whole_pages(built_site, tmp_path):
    """The build indexes only what Pagefind reads of each page (newsroom.search.indexed_part): the
    index must be byte for byte the one Pagefind makes of the whole pages."""
    from newsroom.search import Sources, indexed_part, part_of, write_parts
    from newsroom.search.index import _tree

    site = built_site.root / "site"
    sources = Sources()
    pages = sorted(p for p in site.rglob("*.html") if "pagefind" not in p.relative_to(site).parts)
    whole = tmp_path / "whole"
    for path in pages:
        text = path.read_text(encoding="utf-8")
        sources.page(str(path.relative_to(site)), text)
        part = indexed_part(text)
        if part is not None:  # the whole page, in its part's folder
            target = whole / part_of(part) / path.relative_to(site)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    sources.flush()
    indexed = sum(key is not None for key in sources.digests.values())
    assert indexed == len(fragments(site)) - sum("#note-" in url for url in fragments(site)), (
        "a page indexed by one and not the other"
    )
    assert list(sources.fingerprints([], "en")) == ["reference", "2023"]
    jobs = [
        (folder / part, [], tmp_path / name / part)
        for name, folder in (("from-whole", whole), ("from-parts", sources.folder))
        for part in ("reference", "2023")
    ]
    write_parts(jobs, "en")
    for part in ("reference", "2023"):
        assert _tree(tmp_path / "from-whole" / part) == _tree(tmp_path / "from-parts" / part)
    assert indexed_part("<html><body><p>not indexed</p></body></html>") is None
    assert indexed_part(
        '<!DOCTYPE html><html lang="cy"><head><title>T</title></head><body><nav>x</nav><main data-pagefind-body><main>a</main></main>'
        "<footer>f</footer></body></html>"
    ) == (
        '<!DOCTYPE html><html lang="cy"><head><meta charset="utf-8"></head><body><main data-pagefind-body><main>a</main></main></body></html>'
    )
