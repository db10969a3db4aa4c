"""Synthetic corpora for benchmarks: a knowledge base of M entities and text in the seeds' style.

Deterministic (seeded), so every run measures the same work.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from newsroom.loader import load_knowledge_base  # noqa: E402
from newsroom.model import KnowledgeBase, Organisation, Person, Role, Term  # noqa: E402

FIRST = "Alex Bea Cara Dev Ela Finn Gita Hal Ivo Jun Kai Lia Max Nia Oli Pia Quin Rui Sia Tom Uma Vic Wyn Xan Yas Zac".split()
LAST_ROOTS = "Ash Birch Cole Dale Eve Fenn Gray Hale Irv Jex Kemp Lowe Marr Nash Orme Pratt Quill Rowe Stone Tate Umber Vane Wilde Yeo".split()
SUFFIXES = "by ton well ford ley wood man field son more".split()
WORDS = (
    "schools could be hit by coordinated strikes in the autumn as unions vow to join forces over the pay offer "
    "members voted to reject the offer on a turnout of per cent and called further strikes the government said "
    "talks were frustrating and funding for schools was inadequate leaders met today to discuss the dispute"
).split()


def synthetic_kb(size: int, seed: int = 7) -> KnowledgeBase:
    """The real knowledge base plus ``size`` generated organisations, people and terms."""
    rng = random.Random(seed)
    real = load_knowledge_base(ROOT / "docs" / "_data")
    orgs, people, terms = list(real.organisations), list(real.people), list(real.terms)
    used = set()
    for index in range(size):
        kind = index % 3
        if kind == 0:
            name = f"{rng.choice(LAST_ROOTS)}{rng.choice(SUFFIXES)} {rng.choice(['Teachers', 'Heads', 'Staff', 'Schools'])} Union {index}"
            short = f"U{index:04d}X"
            orgs.append(
                Organisation(
                    f"org-{index}", name, short, "union", "A generated union.", sources=("https://example.org",)
                )
            )
        elif kind == 1:
            while True:
                name = f"{rng.choice(FIRST)} {rng.choice(LAST_ROOTS)}{rng.choice(SUFFIXES)}{rng.randrange(10, 99)}"
                if name not in used:
                    used.add(name)
                    break
            role = Role("neu", "Officer", dt.date(2020, 1, 1), None)
            people.append(
                Person(f"person-{index}", name, "A generated person.", roles=(role,), sources=("https://example.org",))
            )
        else:
            terms.append(
                Term(f"term-{index}", f"generated term {index}", "A generated term.", sources=("https://example.org",))
            )
    return KnowledgeBase(tuple(orgs), tuple(people), tuple(terms), real.offices, real.events)


def real_vocabulary(size: int = 20_000, seed: int = 5) -> list[str]:
    """Words ranked as a news archive's are: the words of the project's own articles
    (``docs/articles/*.txt``) by how often they occur there, then made-up words to ``size``."""
    counts: Counter[str] = Counter()
    for path in sorted((ROOT / "docs" / "articles").glob("*.txt")):
        body = path.read_text(encoding="utf-8").split("\n---\n", 1)[-1]
        counts.update(word.lower() for word in re.findall(r"[A-Za-z][A-Za-z']*", body))
    ranked = [word for word, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]
    rng, known = random.Random(seed), set(ranked)
    syllables = [c + v for c in "bcdfghklmnprstvz" for v in "aeiou"]
    while len(ranked) < size:
        word = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))
        if word not in known:
            known.add(word)
            ranked.append(word)
    return ranked


def synthetic_paragraphs(kb: KnowledgeBase, total_chars: int, seed: int = 11, vocabulary: str = "narrow") -> list[str]:
    """Paragraphs of about 400 characters, about one mention in sixteen words (the seeds: one in 16 to 21).

    ``vocabulary="narrow"``: the other words from :data:`WORDS` (about 50), so nearly every word is
    in nearly every article: the worst case for a search index. ``"real"``: from
    :func:`real_vocabulary`, by Zipf's law (the word of rank r drawn in proportion to 1/r), as
    words fall in real text: "the" in every article, "strikes" (rank 90 in the seeds) in about
    half of them, most words in few."""
    rng = random.Random(seed)
    names = [p.name for p in kb.people] + [o.short_name for o in kb.organisations] + [t.term for t in kb.terms]
    if vocabulary == "narrow":
        draw = lambda: rng.choice(WORDS)  # noqa: E731
    elif vocabulary == "real":
        words = real_vocabulary()
        weights = list(itertools.accumulate(1 / rank for rank in range(1, len(words) + 1)))
        stream = iter(())

        def draw() -> str:
            nonlocal stream
            word = next(stream, None)
            if word is None:
                stream = iter(rng.choices(words, cum_weights=weights, k=4096))
                word = next(stream)
            return word
    else:
        raise ValueError(f"vocabulary {vocabulary!r}: narrow or real")
    paragraphs, size = [], 0
    while size < total_chars:
        words_ = []
        while len(" ".join(words_)) < 400:
            words_.append(rng.choice(names) if rng.random() < 0.06 else draw())
        text = " ".join(words_) + "."
        text = text[0].upper() + text[1:]
        paragraphs.append(text)
        size += len(text)
    return paragraphs
