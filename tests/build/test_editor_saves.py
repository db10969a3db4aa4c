"""What an editor saves is built, or stops the build with one line that says what to do; nothing is
skipped without a word, published raw or made active. And a real `mkdocs serve` survives a bad save."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import urllib.request

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.tools.helpers import ROOT, SiteCopy, build_env, free_port
from tests.tools.mutations import mutated

SEED = "2023-04-28-unions-vow-coordinated-strikes"


def error_lines(result: subprocess.CompletedProcess) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith(("ERROR", "Aborted"))]


@pytest.mark.parametrize(
    ("name", "why"),
    [
        (
            "Strike Story.TXT",
            "file name: an article is a plain-text file whose name ends in .txt: rename it to strike-story.txt",
        ),
        (
            "2023-05-01-story.md",
            "file name: an article is a plain-text file whose name ends in .txt: rename it to 2023-05-01-story.txt",
        ),
        (f"{SEED}.notes.yaml", f"file name: a notes file's name ends in .notes.yml: rename it to {SEED}.notes.yml"),
        (
            "photo.jpg",
            "file name: docs/articles/ holds only articles (.txt) and their notes (.notes.yml): move this file out (pictures go in docs/assets/)",
        ),
    ],
)
def test_a_file_in_articles_that_is_not_an_article_or_notes_stops_the_build(site_copy, name, why):
    site_copy.write(f"articles/{name}", b"---\ntitle: T\n---\nText.\n")
    result = site_copy.build()
    assert result.returncode != 0
    assert f"docs/articles/{name}: {why}" in result.stderr, result.stderr[-2000:]
    assert "Traceback" not in result.stderr


def test_editors_temporary_files_are_ignored_and_not_published(site_copy):
    for name in (f".{SEED}.txt.swp", f"{SEED}.txt~", f"#{SEED}.txt#"):
        site_copy.write(f"articles/{name}", b"half-saved \x00 bytes")
    result = site_copy.build()
    assert result.returncode == 0, result.stderr[-2000:]
    published = {p.name for p in (site_copy.root / "site" / "articles").iterdir()}
    assert not any(n.endswith(("~", "#", ".swp")) for n in published), published


def test_a_javascript_link_in_a_note_body_stops_the_build(site_copy):
    path = site_copy.docs / "articles" / f"{SEED}.notes.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("body: >-\n", "body: >-\n      [Click](javascript:alert(document.cookie))\n", 1), encoding="utf-8"
    )
    result = site_copy.build()
    assert result.returncode != 0
    (line,) = [line for line in error_lines(result) if "notes.yml" in line]
    assert re.search(
        rf"docs/articles/{SEED}\.notes\.yml:\d+: notes\[[a-z0-9-]+\]\.body: the link 'javascript:alert\(document\.cookie\)' is not allowed",
        line,
    ), line


def test_knowledge_base_errors_name_the_file_relative_to_the_project(site_copy):
    path = site_copy.docs / "_data" / "people.yml"
    path.write_text(path.read_text(encoding="utf-8") + "- id: paul-whiteman\n  name: Someone\n", encoding="utf-8")
    result = site_copy.build()
    assert result.returncode != 0
    assert re.search(r"ERROR\s+-\s+docs/_data/people\.yml:\d+: people\[paul-whiteman\]", result.stderr), result.stderr[
        -2000:
    ]
    assert str(site_copy.root) not in result.stderr


@settings(max_examples=4, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_a_real_build_of_a_mutated_file_succeeds_or_fails_with_one_line(tmp_path_factory, data):
    """The fuzzing of tests/unit/test_fuzz_inputs.py, through `mkdocs build` itself."""
    copy = SiteCopy(tmp_path_factory.mktemp("fuzz") / "project")
    target = data.draw(
        st.sampled_from(
            ["_data/people.yml", "_data/organisations.yml", f"articles/{SEED}.txt", f"articles/{SEED}.notes.yml"]
        )
    )
    copy.write(target, mutated(data.draw, ROOT / "docs" / target))
    result = copy.build(quiet=False)
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    if result.returncode != 0:
        errors = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
        assert len(errors) == 1 and re.match(r"ERROR\s+-\s+docs/", errors[0]), result.stderr[-3000:]


# --- a real `mkdocs serve` -------------------------------------------------------------------


def _get(url: str) -> str:
    """The page, without the numbers serve's live-reload script changes on every build."""
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - our own local server
        return re.sub(r"livereload\(\d+, \d+\)", "livereload()", response.read().decode("utf-8"))


def _wait(predicate, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for {what}")


def test_serve_survives_a_bad_save_and_recovers_on_the_next_good_one(site_copy, tmp_path):
    port = free_port()
    log = tmp_path / "serve.log"
    env = build_env() | {"SITE_URL": f"http://127.0.0.1:{port}/"}
    with open(log, "w") as out:
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "mkdocs",
                "serve",
                "-a",
                f"127.0.0.1:{port}",
                "-f",
                str(site_copy.root / "mkdocs.yml"),
            ],
            cwd=site_copy.root,
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,
        )
    url = f"http://127.0.0.1:{port}/articles/{SEED}/"
    text = lambda: log.read_text(encoding="utf-8")  # noqa: E731
    try:

        def serving() -> bool:
            try:
                return "NAHT" in _get(url)
            except OSError:
                return False

        _wait(serving, 120, "mkdocs serve to serve the site")
        good = _get(url)

        # 1. Broken YAML in the knowledge base: the error is shown, the last good site stays.
        people = site_copy.docs / "_data" / "people.yml"
        original = people.read_text(encoding="utf-8")
        people.write_text(original + "- id: [broken\n", encoding="utf-8")
        _wait(lambda: "docs/_data/people.yml" in text(), 60, "the error to be shown")
        assert re.search(r"docs/_data/people\.yml:\d+: yaml: not valid YAML", text()), text()[-2000:]
        assert _get(url) == good, "the last good site is no longer served"

        # 2. The next good save recovers, with no restart.
        people.write_text(original, encoding="utf-8")
        source = site_copy.docs / "articles" / f"{SEED}.txt"
        before = source.read_text(encoding="utf-8")
        source.write_text(before.replace("Schools could be hit", "Schools may be hit", 1), encoding="utf-8")
        _wait(lambda: "Schools may be hit" in _get(url), 60, "the good save to show")

        # 3. An article edit that orphans a note names the note, the article and the closest passage.
        marker = len(text())
        source.write_text(
            source.read_text(encoding="utf-8").replace("four national walkouts", "five national walkouts", 1),
            encoding="utf-8",
        )
        _wait(lambda: "closest passage" in text()[marker:], 60, "the orphaned note's message")
        message = text()[marker:]
        assert f"docs/articles/{SEED}.notes.yml" in message and "note 'four-national-walkouts'" in message
        assert f"(docs/articles/{SEED}.txt)" in message and "the closest passage is 'five national walkouts'" in message
        assert "Traceback" not in text()
        assert "Schools may be hit" in _get(url), "the last good site is no longer served"
        assert server.poll() is None, "mkdocs serve stopped"
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
