"""Between rebuilds, an article whose files have the signature they had when read is not read
again (newsroom.corpus.file_signature, ArticleMemo.unchanged); any write to them, even one that
keeps the size and puts the modification time back, makes the next build read them."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from newsroom import corpus as corpus_module
from newsroom.article_memo import ArticleMemo
from newsroom.loader import load_knowledge_base
from newsroom.matcher import Matcher

ROOT = Path(__file__).resolve().parents[2]
MATCHER = Matcher(load_knowledge_base(ROOT / "docs" / "_data"))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for path in sorted((ROOT / "docs" / "articles").iterdir()):
        shutil.copy(path, tmp_path / path.name)
    return tmp_path


def build(folder: Path, memo: ArticleMemo, read: list) -> dict:
    names = {p.name for p in folder.iterdir()}
    paths = [(folder / n, f"docs/articles/{n}") for n in sorted(names) if n.endswith(".txt")]
    original = corpus_module.read_article_files

    def counting(path, names=None):
        read.append(path.name)
        return original(path, names)

    corpus_module.read_article_files = counting
    try:
        return corpus_module.annotate_articles(MATCHER, paths, memo, names)
    finally:
        corpus_module.read_article_files = original


def next_memo(memo: ArticleMemo) -> ArticleMemo:
    return ArticleMemo(memo.used, "engine", lambda annotated: True, memo.files)


def test_only_files_written_since_they_were_read_are_read_again(folder: Path):
    read: list[str] = []
    first = ArticleMemo({}, "engine", None, {})
    articles = build(folder, first, read)
    assert len(read) == len(articles) >= 2
    read.clear()
    second = next_memo(first)
    assert build(folder, second, read) == articles and read == []

    # Rewritten with other words of the same length, its modification time put back: read again.
    article = sorted(folder.glob("*.txt"))[0]
    before = os.stat(article)
    text = article.read_text(encoding="utf-8")
    quoted = (folder / f"{article.stem}.notes.yml").read_text(encoding="utf-8").lower()
    word = next(w for w in text.split() if w.isalpha() and len(w) > 6 and w.lower() not in quoted)
    changed = text.replace(word, word.upper(), 1)
    assert changed != text and len(changed) == len(text)
    article.write_text(changed, encoding="utf-8")
    os.utime(article, ns=(before.st_atime_ns, before.st_mtime_ns))
    third = next_memo(second)
    again = build(folder, third, read)
    assert read == [article.name]
    assert again[article.stem].article.paragraphs != articles[article.stem].article.paragraphs

    # The notes file of an untouched article removed: that article is read again.
    read.clear()
    other = sorted(folder.glob("*.txt"))[1]
    (folder / f"{other.stem}.notes.yml").unlink()
    again = build(folder, next_memo(third), read)
    assert read == [other.name] and again[other.stem].notes == ()


def test_a_memo_without_signatures_reads_every_file(folder: Path):
    read: list[str] = []
    first = ArticleMemo({}, "engine", None, {})
    build(folder, first, read)
    read.clear()
    build(folder, ArticleMemo(first.used, "engine", lambda annotated: True, None), read)
    assert len(read) == len(list(folder.glob("*.txt")))
