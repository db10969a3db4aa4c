"""Precision and recall of entity mentions against the hand-written gold file for the seeds."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import yaml
from newsroom.corpus import annotate
from newsroom.loader import load_article

ROOT = Path(__file__).resolve().parents[2]
GOLD = yaml.safe_load((ROOT / "tests" / "gold" / "mentions.yml").read_text(encoding="utf-8"))


def test_gold_covers_both_seed_articles():
    assert sorted(GOLD) == ["2023-04-04-ascl-members-reject-pay-offer", "2023-04-28-unions-vow-coordinated-strikes"]


def test_seed_mentions_match_gold_with_precision_and_recall_one(matcher):
    expected, found = Counter(), Counter()
    for slug, rows in GOLD.items():
        expected.update((slug, p, text, entity) for p, text, entity in rows)
        annotated = annotate(load_article(ROOT / "docs" / "articles" / f"{slug}.txt"), matcher)
        for paragraph, mentions in zip(annotated.article.paragraphs, annotated.mentions, strict=True):
            found.update((slug, paragraph.number, m.text, m.entity) for m in mentions)
    correct = sum((expected & found).values())
    precision = correct / sum(found.values())
    recall = correct / sum(expected.values())
    print(
        f"\nmentions: gold {sum(expected.values())}, found {sum(found.values())}, precision {precision:.3f}, recall {recall:.3f}"
    )
    assert found - expected == Counter(), f"found but not in gold (precision {precision:.3f})"
    assert expected - found == Counter(), f"in gold but not found (recall {recall:.3f})"
    assert (precision, recall) == (1.0, 1.0)
