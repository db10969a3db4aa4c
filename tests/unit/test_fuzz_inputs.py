"""Fuzzing what editors save: real inputs, mutated. The engine either takes the input, or raises
DataError with one line naming the file under docs/; nothing else, whatever the bytes.

Mutations: a key deleted, a value of another type, an entry duplicated, broken YAML, random bytes,
control characters, very long lines. The engine's loader and matcher are driven directly (a few
hundred examples); tests/build/test_editor_saves.py runs a handful of real builds."""

from __future__ import annotations

import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from newsroom.corpus import build_corpus
from newsroom.errors import DataError
from newsroom.loader import load_knowledge_base
from newsroom.matcher import Matcher

from tests.tools.mutations import mutated

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "docs" / "_data"
ARTICLES = ROOT / "docs" / "articles"
SEED = "2023-04-28-unions-vow-coordinated-strikes"
KB_FILES = sorted(p.name for p in DATA.glob("*.yml"))


def assert_one_line_naming(err: DataError, prefix: str) -> None:
    message = str(err)
    assert "\n" not in message, message
    assert message.startswith(prefix), message


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(st.data())
def test_a_mutated_knowledge_base_loads_or_fails_with_one_line(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("kb")
    for name in KB_FILES:
        shutil.copy(DATA / name, folder / name)
    name = data.draw(st.sampled_from(KB_FILES))
    (folder / name).write_bytes(mutated(data.draw, DATA / name))
    try:
        kb = load_knowledge_base(folder, "docs/_data")
        Matcher(kb)
    except DataError as err:
        assert_one_line_naming(err, "docs/_data/")


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(st.data())
def test_a_mutated_article_or_notes_file_annotates_or_fails_with_one_line(tmp_path_factory, kb, matcher, data):
    folder = tmp_path_factory.mktemp("articles")
    for suffix in (".txt", ".notes.yml"):
        shutil.copy(ARTICLES / f"{SEED}{suffix}", folder / f"{SEED}{suffix}")
    suffix = data.draw(st.sampled_from([".txt", ".notes.yml"]))
    (folder / f"{SEED}{suffix}").write_bytes(mutated(data.draw, ARTICLES / f"{SEED}{suffix}"))
    try:
        build_corpus(kb, matcher, [(folder / f"{SEED}.txt", f"docs/articles/{SEED}.txt")])
    except DataError as err:
        assert_one_line_naming(err, "docs/articles/")
