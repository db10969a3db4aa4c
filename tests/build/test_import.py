"""The import command for real: saved pages, a folder, addresses and a feed (served on this
machine: the network is never needed) into docs/articles/, an editor's choices (dry run, skip,
--update with the difference, what a page lacks asked for or reported), and an imported page
built strictly with its mentions and dates annotated."""

from __future__ import annotations

import argparse
import http.server
import json
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import yaml

from tests.tools.helpers import ROOT, SiteCopy, build_env, paragraph_texts
from tests.tools.pages import extraction_page, news_page

sys.path.insert(0, str(ROOT / "hooks"))

from newsroom.importer import cli  # noqa: E402
from newsroom.importer.extract import word_count  # noqa: E402
from newsroom.loader import load_article  # noqa: E402

SEED = ROOT / "docs" / "articles" / "2023-04-28-unions-vow-coordinated-strikes.txt"
TEXT = [
    "The council’s library consultation closed on Friday with more than 2,000 replies — the most it has had.",
    "“We read every one,” the council’s leader said, adding that the findings would be published in the spring.",
    "Readers’ groups had asked for longer opening hours on Saturdays and for the mobile library to return.",
]
WORDS = sum(word_count(t) for t in TEXT)


def seed_page() -> str:
    """The second seed article as a news site would show it: its text and metadata, as published."""
    article = load_article(SEED)
    return news_page(
        article.title,
        [p.text for p in article.paragraphs],
        str(article.published),
        article.publisher,
        article.url,
        None,
        article.summary,
    )


def command(project: Path, *argv: str, ask=None, fetcher=cli.fetch) -> tuple[int, list[str]]:
    parser = argparse.ArgumentParser()
    cli.arguments(parser)
    lines: list[str] = []
    status = cli.run(parser.parse_args(list(argv)), project, out=lines.append, ask=ask, fetcher=fetcher, progress=False)
    return status, "\n".join(lines).split("\n")


@pytest.fixture
def project(tmp_path) -> Path:
    (tmp_path / "docs" / "articles").mkdir(parents=True)
    return tmp_path


def saved(folder: Path, name: str, html: str | bytes) -> Path:
    path = folder / name
    path.write_bytes(html.encode("utf-8") if isinstance(html, str) else html)
    return path


def test_a_folder_of_saved_pages_is_imported_and_nothing_is_overwritten(project, tmp_path):
    pages = tmp_path / "saved"
    pages.mkdir()
    saved(
        pages, "a.html", news_page("Library consultation closes", TEXT * 3, "2023-03-03", url="https://example.org/a")
    )
    saved(
        pages, "b.htm", news_page("Mobile library to return", TEXT[::-1] * 3, "2023-03-10", url="https://example.org/b")
    )
    saved(pages, "empty.html", "")
    saved(pages, "notes.txt", "not a page")  # not a saved page: not read
    status, lines = command(project, str(pages))
    assert status == 1  # one page was not imported
    assert lines == [
        f"{pages}/a.html: wrote docs/articles/2023-03-03-library-consultation-closes.txt (9 paragraphs, {3 * WORDS} words)",
        f"{pages}/b.htm: wrote docs/articles/2023-03-10-mobile-library-to-return.txt (9 paragraphs, {3 * WORDS} words)",
        f"{pages}/empty.html: the file is empty",
        "2 written, 1 not imported",
    ]
    written = project / "docs" / "articles" / "2023-03-03-library-consultation-closes.txt"
    assert written.read_text("utf-8").endswith("---\n" + "\n".join(TEXT * 3) + "\n")
    # Again: the same addresses are already there.
    before = {p.name: p.read_bytes() for p in (project / "docs" / "articles").iterdir()}
    status, lines = command(project, str(pages / "a.html"))
    assert (
        lines[0]
        == f"{pages}/a.html: docs/articles/2023-03-03-library-consultation-closes.txt already holds this article; nothing to do"
    )
    # The page changed since: skipped, and --update shows the difference first.
    changed = saved(
        pages,
        "a2.html",
        news_page(
            "Library consultation closes", TEXT * 2, "2023-03-03", url="http://www.example.org/a/?utm_source=rss"
        ),
    )
    status, lines = command(project, str(changed))
    assert status == 0 and lines[0] == (
        f"{changed}: already in the archive as docs/articles/2023-03-03-library-consultation-closes.txt (the same address); "
        "skipped: --update shows the difference and replaces it"
    )
    assert {p.name: p.read_bytes() for p in (project / "docs" / "articles").iterdir()} == before
    written.write_text(
        written.read_text("utf-8").replace("---\nThe council", "tags: [library]\n---\nThe council", 1), "utf-8"
    )
    status, lines = command(project, "--update", str(changed))
    assert lines[0] == "--- docs/articles/2023-03-03-library-consultation-closes.txt" and lines[1] == "+++ imported"
    # Three paragraphs fewer, and the page's address as it now gives it (without its tracking).
    assert sum(1 for line in lines if line.startswith("-") and not line.startswith("---")) == 4
    assert "+url: http://www.example.org/a/" in lines
    assert (
        lines[-2]
        == f"{changed}: updated docs/articles/2023-03-03-library-consultation-closes.txt (6 paragraphs, {2 * WORDS} words)"
    )
    assert "tags: [library]\n" in written.read_text("utf-8")  # the editor's tags are kept
    assert written.read_text("utf-8").count(TEXT[0]) == 2


def test_the_same_name_from_another_address_is_not_overwritten(project, tmp_path):
    first = saved(
        tmp_path,
        "a.html",
        news_page("Library consultation closes", TEXT * 3, "2023-03-03", url="https://example.org/a"),
    )
    other = saved(
        tmp_path,
        "b.html",
        news_page("Library consultation closes", TEXT * 2, "2023-03-03", url="https://elsewhere.example/x"),
    )
    assert command(project, str(first))[0] == 0
    status, lines = command(project, str(other))
    assert "(the same name); skipped" in lines[0]


def test_a_dry_run_prints_the_file_and_writes_nothing(project, tmp_path):
    source = saved(
        tmp_path, "a.html", news_page("Library consultation closes", TEXT * 3, "2023-03-03", byline="Ann Other")
    )
    status, lines = command(project, "--dry-run", str(source))
    assert status == 0 and list((project / "docs" / "articles").iterdir()) == []
    assert (
        lines[0]
        == f"{source}: would write docs/articles/2023-03-03-library-consultation-closes.txt (9 paragraphs, {3 * WORDS} words)"
    )
    assert lines[1:7] == [
        "---",
        "title: Library consultation closes",
        "published: 2023-03-03",
        "publisher: The Example Gazette",
        "byline: Ann Other",
        "---",
    ]
    assert lines[7:-1] == TEXT * 3 and lines[-1] == "dry run, nothing written: 1 to write"


def test_what_a_page_lacks_is_asked_for_or_reported_never_guessed(project, tmp_path):
    source = saved(
        tmp_path, "a.html", news_page("Library consultation closes", TEXT * 3, published=None, json_ld_type=None)
    )
    status, lines = command(project, "--no-input", str(source))
    assert status == 1 and list((project / "docs" / "articles").iterdir()) == []
    assert (
        lines[0]
        == f"{source}: the page gives no publication date; nothing written (give it with --published or add it by hand)"
    )
    questions = []
    answers = iter(["yesterday", "2023-03-32", "2023-03-03"])  # asked again until it is a date

    def ask(question: str) -> str:
        questions.append(question)
        return next(answers)

    status, lines = command(project, str(source), ask=ask)
    assert (
        questions
        == [f"{source}: the page has no publication date. Publication date (YYYY-MM-DD), or Enter to skip it: "] * 3
    )
    assert status == 0 and (project / "docs" / "articles" / "2023-03-03-library-consultation-closes.txt").is_file()
    assert command(project, "--published", "03/03/2023", str(source))[1] == [
        "--published: '03/03/2023' is not a valid publication date (yyyy-mm-dd)"
    ]


class _Server(http.server.ThreadingHTTPServer):
    routes: dict[str, tuple[int, str, bytes]] = {}


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802
        status, kind, body = self.server.routes.get(
            self.path, (404, "text/html", b"<html><title>Not found</title></html>")
        )
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = _Server(("127.0.0.1", 0), _Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield httpd, f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_addresses_and_a_feed_are_fetched_and_each_entry_imported(project, server):
    httpd, base = server
    latin = news_page("Café owners back the library", TEXT * 3, "2023-03-05", charset="iso-8859-1").encode("cp1252")
    httpd.routes = {
        "/a": (
            200,
            "text/html; charset=utf-8",
            news_page("Library consultation closes", TEXT * 3, "2023-03-03").encode(),
        ),
        "/latin": (200, "text/html", latin),
        "/undated": (
            200,
            "text/html",
            news_page("Mobile library to return", TEXT * 3, None, json_ld_type=None).encode(),
        ),
        "/report.pdf": (200, "application/pdf", b"%PDF-1.7\n"),
        "/feed": (
            200,
            "application/rss+xml",
            f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Gazette</title>
            <item><title>A</title><link>{base}/latin</link><pubDate>Sun, 05 Mar 2023 09:00:00 GMT</pubDate></item>
            <item><title>B</title><link>{base}/undated</link><pubDate>Fri, 10 Mar 2023 09:00:00 GMT</pubDate></item>
            <item><title>C</title><link>{base}/gone</link></item>
            <item><title>D</title><link>{base}/report.pdf</link></item>
            </channel></rss>""".encode(),
        ),
    }
    status, lines = command(project, f"{base}/a", f"{base}/feed")
    assert status == 1
    assert lines == [
        f"{base}/a: wrote docs/articles/2023-03-03-library-consultation-closes.txt (9 paragraphs, {3 * WORDS} words)",
        f"{base}/latin: wrote docs/articles/2023-03-05-cafe-owners-back-the-library.txt (9 paragraphs, {3 * WORDS} words)",
        f"{base}/undated: wrote docs/articles/2023-03-10-mobile-library-to-return.txt (9 paragraphs, {3 * WORDS} words) (the date is the feed's)",
        f"{base}/gone: not an article: the address answers 404 Not Found",
        f"{base}/report.pdf: a PDF, not a web page: open it and save the article's page as HTML",
        "3 written, 2 not imported",
    ]
    latin_text = (project / "docs" / "articles" / "2023-03-05-cafe-owners-back-the-library.txt").read_text("utf-8")
    assert "title: Café owners back the library\n" in latin_text and TEXT[1] in latin_text  # “ ” ’ — from windows-1252


def test_the_command_line_runs_with_the_project_python_and_no_network(tmp_path):
    html, _ = extraction_page("0d46122928b6f468cc4bbc694051d0dbae5702bc75a16dab82a99b58daf150a0")
    source = saved(tmp_path, "page.html", html)
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "hooks" / "newsroom"),
            "import",
            "--dry-run",
            str(source),
            str(tmp_path / "missing.html"),
        ],
        capture_output=True,
        text=True,
        env=build_env(),
        cwd=tmp_path,
    )
    assert done.returncode == 1, done.stderr
    out = done.stdout.splitlines()
    assert (
        out[0]
        == f"{source}: would write docs/articles/2019-11-19-nadal-keeps-spain-alive-against-russia-in-davis.txt (32 paragraphs, 875 words)"
    )
    assert f"{tmp_path}/missing.html: no such file or folder, and not an http(s) address" in out
    assert out[-1] == "dry run, nothing written: 1 to write, 1 not imported"
    assert done.stderr == ""  # no library warnings for the editor to wade through


def test_an_imported_page_builds_strictly_with_its_mentions_and_dates(tmp_path):
    site = SiteCopy(tmp_path / "site")
    slug = SEED.name.removesuffix(".txt")
    (site.docs / "articles" / SEED.name).unlink()  # imported again, from the page
    (site.docs / "articles" / f"{slug}.notes.yml").unlink()
    source = saved(tmp_path, "inkl.html", seed_page())
    status, lines = command(site.root, str(source))
    assert status == 0, lines
    written = site.docs / "articles" / re.search(r"wrote docs/articles/(\S+)", lines[0])[1]
    imported, original = load_article(written), load_article(SEED)
    assert [p.text for p in imported.paragraphs] == [p.text for p in original.paragraphs]
    assert (imported.title, imported.published, imported.publisher, imported.url, imported.summary) == (
        original.title,
        original.published,
        original.publisher,
        original.url,
        original.summary,
    )
    done = site.build()
    assert done.returncode == 0, done.stderr
    html = site.page(f"articles/{written.name.removesuffix('.txt')}")
    assert paragraph_texts(html)[: len(original.paragraphs)] == [p.text for p in original.paragraphs]
    for entity in ("neu", "naht", "ascl", "nasuwt", "gillian-keegan", "paul-whiteman"):
        assert f'data-entity="{entity}"' in html, entity
    # The dates, resolved against 28 April 2023, the date the page gave.
    assert re.search(
        r'<a class="na-date"[^>]*href="[^"]*timeline/2023-05/[^"]*"><time datetime="2023-05">next month</time></a>',
        html,
    )
    assert re.search(r'<a class="na-date"[^>]*><time datetime="2023-05-02">Tuesday</time></a>', html)


def test_a_long_import_shows_a_progress_bar(project, tmp_path, capsys):
    pages = tmp_path / "saved"
    pages.mkdir()
    for n in range(3):
        saved(pages, f"{n}.html", news_page(f"Library story number {n}", TEXT * 3, f"2023-03-0{n + 1}"))
    parser = argparse.ArgumentParser()
    cli.arguments(parser)
    status = cli.run(parser.parse_args(["--dry-run", str(pages)]), project, progress=True)
    captured = capsys.readouterr()
    assert status == 0 and "3/3" in captured.err and "page" in captured.err
    assert captured.out.count("would write docs/articles/") == 3  # the lines go above the bar, not into it


def test_drafts_come_from_the_builds_report_and_are_never_published(tmp_path):
    site = SiteCopy(tmp_path / "site")
    site.write(
        "articles/2023-03-03-library-consultation-closes.txt",
        "---\ntitle: Library consultation closes\npublished: 2023-03-03\npublisher: The Example Gazette\n---\n"
        "The consultation closed on Friday. Councillor Jane Quill said the replies would be read by the Reading Panel.\n"
        "Ms Quill thanked the Readers Circle Association for its help.\n",
    )
    assert site.build().returncode == 0
    report = json.loads((site.root / "site" / "editor-report.json").read_text("utf-8"))
    unknown = report["2023-03-03-library-consultation-closes"]["unknown_names"]
    assert "Readers Circle Association" in unknown
    run = [sys.executable, str(site.root / "hooks" / "newsroom"), "drafts"]
    done = subprocess.run(run, capture_output=True, text=True, env=build_env(), cwd=site.root)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"{len(unknown)} new drafts, 0 kept: docs/_data/drafts.yml"
    data = yaml.safe_load((site.docs / "_data" / "drafts.yml").read_text("utf-8"))
    association = next(d for d in data["drafts"] if d["name"] == "Readers Circle Association")
    assert association == {
        "name": "Readers Circle Association",
        "id": "readers-circle-association",
        "kind": "organisation",
        "kind_guessed_from": "has the word 'Association'",
        "appears_in": [
            {
                "article": "2023-03-03-library-consultation-closes",
                "paragraph": 2,
                "sentence": "Ms Quill thanked the Readers Circle Association for its help.",
            }
        ],
    }
    # The editor edits a draft; running it again keeps it, and the build neither reads nor publishes it.
    edited = (site.docs / "_data" / "drafts.yml").read_text("utf-8").replace("kind: organisation", "kind: club", 1)
    (site.docs / "_data" / "drafts.yml").write_text(edited, "utf-8")
    again = subprocess.run(run, capture_output=True, text=True, env=build_env(), cwd=site.root)
    assert again.stdout.strip() == f"0 new drafts, {len(unknown)} kept: docs/_data/drafts.yml"
    assert (site.docs / "_data" / "drafts.yml").read_text("utf-8") == edited
    assert site.build().returncode == 0
    assert not list((site.root / "site").rglob("drafts*"))
