"""One matcher over every alias in the knowledge base, compiled once per build.

The aliases go into a trie that becomes a single regular expression, so a paragraph is
scanned once however many entities there are, and at any position the longest alias
wins. What a match *means* (which person "the Education Secretary" or "Ms Keegan" is)
depends on the article, so resolution happens per article in :func:`find_mentions`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from .loader import normalise_alias
from .model import KnowledgeBase, Mention, Person

HONORIFICS = ("Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Dame", "Professor", "Prof")
_APOSTROPHES = "'\u2019"


@dataclass(frozen=True, slots=True)
class Target:
    """What an alias points at: an entity, an office (resolved by date) or a surname form."""

    via: str  # how it is resolved: "entity" | "office" (by date) | "surname" | "honorific" (by who is named)
    key: str  # entity id, office id, or surname
    skip: int = 0  # characters of a leading "the " that are context, not part of the link


@dataclass(frozen=True, slots=True)
class Unresolved:
    """A match that could not be pinned to one entity; the build report lists these."""

    text: str
    paragraph: int
    why: str


def _trie_pattern(words: Iterable[str]) -> str:
    """A regex that matches exactly ``words``, preferring the longest, built from a trie."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [_char_pattern(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        if "" in node:  # a word may end here: what follows is optional
            return "(?:" + "|".join(branches) + ")?"
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return build(trie)


def _char_pattern(char: str) -> str:
    if char == "'":
        return "['\u2019]"
    if char == " ":
        return r"\s+"
    return re.escape(char)


class Matcher:
    """All aliases of a knowledge base as one compiled pattern, plus the table of what each means."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        targets: dict[str, Target] = {}

        def add(alias: str, target: Target) -> None:
            alias = normalise_alias(alias)
            for form in _forms(alias, target):
                key, t = form
                targets.setdefault(key, t)

        # Explicit names first: they win over generated surname forms.
        for org in kb.organisations:
            for alias in (org.name, org.short_name, *org.aliases):
                add(alias, Target("entity", org.id))
        for term in kb.terms:
            for alias in (term.term, *term.aliases):
                add(alias, Target("entity", term.id))
        for person in kb.people:
            for alias in (person.name, *person.aliases):
                add(alias, Target("entity", person.id))
        for office in kb.offices:
            for alias in (office.name, *office.aliases):
                add(alias, Target("office", office.id))
        for person in kb.people:
            for honorific in HONORIFICS:
                add(f"{honorific} {person.surname}", Target("honorific", person.surname))
            add(person.surname, Target("surname", person.surname))

        self.targets = targets
        body = _trie_pattern(targets)
        self.pattern = re.compile(r"(?<![\w-])(?:" + body + r")(?![\w])") if targets else re.compile(r"(?!x)x")
        self.by_surname: dict[str, tuple[str, ...]] = {}
        for person in kb.people:
            self.by_surname.setdefault(person.surname, ())
            self.by_surname[person.surname] += (person.id,)

    def target(self, matched: str) -> Target:
        return self.targets[normalise_alias(matched)]


def _forms(alias: str, target: Target) -> list[tuple[str, Target]]:
    """The spellings an alias is matched in; a leading "the" is context and may be capitalised."""
    for article in ("the ", "The "):
        if alias.startswith(article):
            rest = alias[len(article) :]
            skip = len(article)
            return [(f"the {rest}", _skip(target, skip)), (f"The {rest}", _skip(target, skip))]
    return [(alias, target)]


def _skip(target: Target, skip: int) -> Target:
    return Target(target.via, target.key, skip)


@dataclass
class ArticleContext:
    """What the reader already knows at a point in the article: who has been named."""

    published: dt.date
    named: list[str]  # person ids, in order of first mention


def find_mentions(
    matcher: Matcher, text: str, context: ArticleContext, paragraph: int = 0
) -> tuple[list[Mention], list[Unresolved]]:
    """All mentions in one paragraph's ``text``, resolved against the article ``context``."""
    mentions: list[Mention] = []
    unresolved: list[Unresolved] = []
    kb = matcher.kb
    for match in matcher.pattern.finditer(text):
        target = matcher.target(match.group())
        start = match.start() + target.skip
        words = text[start : match.end()]
        entity: str | None = None
        if target.via == "entity":
            entity = target.key
        elif target.via == "office":
            holders = kb.holders(target.key, context.published)
            if len(holders) == 1:
                entity = holders[0].id
            else:
                why = (
                    "nobody in the knowledge base held this office then"
                    if not holders
                    else "more than one person held this office then"
                )
                unresolved.append(Unresolved(words, paragraph, f"{why} ({context.published})"))
        else:
            candidates = matcher.by_surname[target.key]
            named = [pid for pid in candidates if pid in context.named]
            if target.via == "honorific" and len(candidates) == 1:
                entity = candidates[0]
            elif len(named) == 1:
                entity = named[0]
            elif len(named) > 1 or (target.via == "honorific" and candidates):
                unresolved.append(
                    Unresolved(
                        words,
                        paragraph,
                        "could be " + " or ".join(sorted(named or candidates)) + "; name the person in full first",
                    )
                )
            # A bare surname of someone not yet named is an ordinary word: left alone.
        if entity is None:
            continue
        if mentions and _is_title_before_name(mentions[-1], text, start, kb, entity):
            mentions.pop()  # "Education Secretary Gillian Keegan": the title belongs to the name
        mentions.append(Mention(start=start, end=match.end(), entity=entity, text=words))
        if isinstance(kb.entities.get(entity), Person) and entity not in context.named:
            context.named.append(entity)
    return mentions, unresolved


def _is_title_before_name(previous: Mention, text: str, start: int, kb: KnowledgeBase, entity: str) -> bool:
    """True when ``previous`` is an office title standing right before a person's name."""
    if not isinstance(kb.entities[entity], Person) or text[previous.end : start].strip():
        return False
    return any(normalise_alias(previous.text) in {normalise_alias(a) for a in (o.name, *o.aliases)} for o in kb.offices)


UNKNOWN_NAME = re.compile(
    r"(?<![\w-])(?:(?:" + "|".join(HONORIFICS) + r")\.?(?:\s+[A-Z][\w'\u2019-]+)+"
    r"|[A-Z][a-z][\w'\u2019-]*(?:\s+(?:(?:of|for|and|the|de|van|von)\s+)?[A-Z][a-z][\w'\u2019-]*)+)"
)
_LEADING_WORDS = {
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "It",
    "Its",
    "For",
    "But",
    "And",
    "As",
    "If",
    "When",
    "While",
    "This",
    "That",
    "Asked",
    "Mr",
    "Ms",
}


def unknown_names(text: str, mentions: list[Mention]) -> list[str]:
    """Capitalised multi-word names and honorific-plus-surname forms that no mention covers."""
    found = []
    for match in UNKNOWN_NAME.finditer(text):
        words = match.group().split()
        start = match.start()
        while len(words) > 1 and words[0] in _LEADING_WORDS and words[0] not in HONORIFICS:
            start = text.index(words[1], start + len(words[0]))
            words = words[1:]
        if len(words) < 2:
            continue
        end = match.end()
        if any(m.start < end and start < m.end for m in mentions):
            continue
        found.append(" ".join(words))
    return found
