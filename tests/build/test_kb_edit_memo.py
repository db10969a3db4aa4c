"""A knowledge-base edit annotates again only the articles that hold an alias it changed
(newsroom.article_memo), whether the earlier annotations are in memory (`mkdocs serve`) or read
back from the cache on disk (the next build); an engine change annotates every article again.
That the output still equals a clean build's is checked step by step in serve_steps.py."""

from __future__ import annotations

import shutil

from mkdocs.config import load_config
from newsroom.incremental import Caches
from newsroom.site import BuildState

from tests.tools.helpers import ROOT

ASCL = "2023-04-04-ascl-members-reject-pay-offer"
ARCHIVE = load_config(str(ROOT / "mkdocs.yml")).extra.get("archive")


def annotated_again(docs, caches: Caches, engine: str = "engine") -> set[str]:
    state = BuildState(caches=caches, engine=engine)
    state.load_knowledge_base(docs / "_data", "docs/_data", ARCHIVE)
    state.load_articles(docs, "docs")
    state.save()
    return state.memo.annotated_now


def test_a_knowledge_base_edit_annotates_again_only_the_articles_it_can_change(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    every = {p.stem for p in (docs / "articles").glob("*.txt")}
    caches = Caches()
    caches.load(tmp_path / "cache")
    assert annotated_again(docs, caches) == every  # the first build annotates every article
    assert annotated_again(docs, caches) == set()  # nothing changed

    organisations = docs / "_data" / "organisations.yml"
    text = organisations.read_text(encoding="utf-8")
    organisations.write_text(
        text.replace(
            "  short_name: ASCL\n",
            "  short_name: ASCL\n  aliases: [ASCL executive committee, executive committee]\n",
            1,
        ),
        encoding="utf-8",
    )
    assert annotated_again(docs, caches) == {ASCL}  # only the ASCL article has "executive committee"

    people = docs / "_data" / "people.yml"
    people.write_text(people.read_text(encoding="utf-8").replace("Paul Whiteman", "Paul Whiteman-Renamed"), "utf-8")
    from_disk = Caches()
    from_disk.load(tmp_path / "cache")  # a later build, in a new process: the view comes from the cache file
    again = annotated_again(docs, from_disk)
    assert again == {p.stem for p in (docs / "articles").glob("*.txt") if "Whiteman" in p.read_text("utf-8")}
    assert again != every, "the seeds both name Paul Whiteman: the check needs an article that does not"

    assert annotated_again(docs, from_disk, engine="another engine") == every
