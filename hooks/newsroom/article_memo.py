"""Annotated articles kept between builds, and which of them a knowledge-base edit can change.

An article's annotation (:func:`newsroom.corpus.annotate`) reads the knowledge base only through
the matcher: which aliases exist and what each resolves to (an entity and its kind, an office and
who held it when, a surname and the people who have it), and which aliases are offices' (a title
before a name). :func:`annotation_view` is exactly that, by alias. An edit that changes the view
of no alias found in an article cannot change the article's annotation:

- the matcher finds, at each position, the longest alias present; if the text holds no alias whose
  view changed (added, removed or resolved otherwise), every match is the same one, resolved alike;
- an alias is found only where each of its words stands as a whole word in the text (the
  pattern's edges are word boundaries and the characters between its words are not word
  characters), so an article in which some word of each changed alias is missing cannot hold one.

So after a knowledge-base edit only the articles that hold every word (case aside, less "the" and
honorifics) of some changed alias are annotated again (:class:`Unaffected`); the others keep
their annotation. ``tests/unit/test_article_memo.py`` checks this against annotating everything
again, and ``tests/build/serve_steps.py`` against clean builds.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Callable

from .annotated import AnnotatedArticle
from .incremental import ArticleEntry, contributions, digest
from .loader import normalise_alias
from .matcher import HONORIFICS, Matcher

OFFICE_ALIAS = "\0office\0"  # the view's keys for offices' aliases (read by the title-before-name rule)
_WORDS = re.compile(r"[^\W_]+")  # letters and digits: "_NEU_" in a note's Markdown holds "NEU"
_COMMON = frozenset(word.lower() for word in ("the", *HONORIFICS))  # in nearly every article: not telling


def annotation_view(matcher: Matcher) -> dict[str, tuple]:
    """What annotating an article reads of the knowledge base, by the alias it is read through."""
    kb = matcher.kb
    view: dict[str, tuple] = {}
    for alias, target in matcher.targets.items():
        if target.via == "entity":
            read: object = type(kb.entities[target.key]).__name__
        elif target.via == "office":
            read = tuple((person.id, role.start, role.end) for person, role in kb.office_roles(target.key))
        else:  # "surname", "honorific": the people of that surname
            read = matcher.by_surname[target.key]
        view[alias] = (target.via, target.key, target.skip, read)
    for office in kb.offices:
        for alias in (office.name, *office.aliases):
            view[OFFICE_ALIAS + normalise_alias(alias)] = ("office alias",)
    return view


def view_digest(view: dict[str, tuple]) -> str:
    return digest(sorted(view.items()))


def words(alias: str) -> frozenset[str]:
    """The telling words of an alias (or of an office's alias in the view), lower case."""
    return frozenset(w.lower() for w in _WORDS.findall(alias.removeprefix(OFFICE_ALIAS))) - _COMMON


class NamesIndex:
    """What a text matched at page time (a note's body) can read of the knowledge base: the view
    of every alias all of whose words the text holds, and the records those aliases resolve to."""

    def __init__(self, matcher: Matcher, view: dict[str, tuple], entity_digests: dict[str, str]) -> None:
        kb = matcher.kb
        self.view = view
        self.always: list[str] = []  # aliases of common words only: any text may hold them
        self.by_word: dict[str, list[tuple[str, frozenset[str]]]] = {}
        self.reads: dict[str, tuple[str, ...]] = {}
        for alias in view:
            telling = words(alias)
            if telling:
                self.by_word.setdefault(min(telling), []).append((alias, telling))
            else:
                self.always.append(alias)
            target = matcher.targets.get(alias)
            if target is None:
                continue
            if target.via == "entity":
                ids: tuple[str, ...] = (target.key,)
            elif target.via == "office":
                ids = tuple(person.id for person, _ in kb.office_roles(target.key))
            else:
                ids = matcher.by_surname[target.key]
            self.reads[alias] = tuple(entity_digests[i] for i in ids)

    def digest(self, texts) -> str:
        found = {w.lower() for text in texts for w in _WORDS.findall(html.unescape(text))}
        held = set(self.always)
        for word in found:
            held.update(alias for alias, telling in self.by_word.get(word, ()) if telling <= found)
        read = [(alias, self.view[alias], self.reads.get(alias)) for alias in sorted(held)]
        return digest(read)


def changed_aliases(before: dict[str, tuple], after: dict[str, tuple]) -> list[str]:
    """The aliases whose view differs (added, removed or read otherwise), sorted."""
    return sorted(alias for alias in before.keys() | after.keys() if before.get(alias) != after.get(alias))


class Unaffected:
    """Whether an article annotated under one view is annotated the same under another: true
    when, for every changed alias, some word of it is missing from the article's paragraphs."""

    def __init__(self, changed: list[str]) -> None:
        self.needs: list[frozenset[str]] = []
        self.everything = False  # a changed alias made only of common words: every article may change
        for alias in changed:
            telling = words(alias)
            if not telling:
                self.everything = True
            self.needs.append(telling)
        wanted = sorted({w for telling in self.needs for w in telling}, key=lambda w: (-len(w), w))
        self.pattern = re.compile(r"(?<![^\W_])(?:" + "|".join(map(re.escape, wanted)) + r")(?![^\W_])", re.IGNORECASE)
        self.empty = not self.needs
        self.ascii = all(word.isascii() for word in wanted)

    def __call__(self, annotated: AnnotatedArticle) -> bool:
        if self.empty:
            return True
        if self.everything:
            return False
        # One scan of the whole text (no word runs across a line break): a scan per paragraph
        # took a second at 10,000 articles.
        text = "\n".join(paragraph.text for paragraph in annotated.article.paragraphs)
        if self.ascii and text.isascii():  # first, as substrings (case is exact in ASCII): most articles stop here
            lowered = text.lower()
            if not any(all(word in lowered for word in telling) for telling in self.needs):
                return True
        found = {word.lower() for word in self.pattern.findall(text)}
        return not any(telling <= found for telling in self.needs)


def keeps(before: tuple[str, dict] | None, after: tuple[str, dict]) -> Callable[[AnnotatedArticle], bool] | None:
    """Which annotations made under the view ``before`` (digest, view) still hold under ``after``:
    None if none can be told (no earlier view), else a test of one annotated article."""
    if before is None:
        return None
    if before[0] == after[0]:
        return lambda annotated: True
    return Unaffected(changed_aliases(before[1], after[1]))


class ArticleMemo:
    """Annotated articles by the bytes of their files, for :func:`newsroom.corpus.annotate_articles`."""

    def __init__(
        self,
        previous: dict[str, ArticleEntry],
        context: str,
        keep: Callable[[AnnotatedArticle], bool] | None = None,
        files: dict[str, tuple] | None = None,
    ) -> None:
        self.previous = previous
        self.context = context  # the engine: a change to it annotates every article again
        self.keep = keep  # which of ``previous`` hold under this build's knowledge base (:func:`keeps`); None: none
        self.used: dict[str, ArticleEntry] = {}
        self.annotated_now: set[str] = set()  # slugs of the articles this build read and annotated
        # Between the rebuilds of one process: each article's files' signature (file_signature)
        # when their bytes were read, the key of those bytes and the engine it was made with. A
        # file whose signature is the same is not read again (at 10,000 articles, reading and
        # hashing took a second a rebuild).
        self.files_before: dict[str, tuple] = files or {}
        self.files: dict[str, tuple] = {}

    def unchanged(self, shown: str, signature: tuple | None) -> AnnotatedArticle | None:
        """The article kept, without reading its files, if their signature is the one they had
        when the bytes of the kept entry were read (and the knowledge base keeps it)."""
        before = self.files_before.get(shown)
        entry = self.previous.get(shown)
        if (
            signature is None
            or before is None
            or before[0] != signature
            or before[2] != self.context
            or entry is None
            or entry.key != before[1]
            or self.keep is None
            or not self.keep(entry.annotated)
        ):
            return None
        self.used[shown] = entry
        self.files[shown] = before
        return entry.annotated

    def read(self, shown: str, signature: tuple | None) -> None:
        """The article's files had ``signature`` before they were read (their bytes are now used)."""
        if signature is not None and shown in self.used:
            self.files[shown] = (signature, self.used[shown].key, self.context)

    def _key(self, shown: str, source: bytes, notes: bytes | None) -> str:
        hasher = hashlib.sha256(self.context.encode() + b"\0" + shown.encode("utf-8", "surrogateescape") + b"\0")
        hasher.update(source)
        hasher.update(b"\0" if notes is None else b"\1" + notes)
        return hasher.hexdigest()

    def get(self, shown: str, source: bytes, notes: bytes | None) -> AnnotatedArticle | None:
        entry = self.previous.get(shown)
        if (
            entry is None
            or self.keep is None
            or entry.key != self._key(shown, source, notes)
            or not self.keep(entry.annotated)
        ):
            return None
        self.used[shown] = entry
        return entry.annotated

    def put(self, shown: str, source: bytes, notes: bytes | None, annotated: AnnotatedArticle) -> None:
        self.take(shown, self.entry(shown, source, notes, annotated))

    def entry(self, shown: str, source: bytes, notes: bytes | None, annotated: AnnotatedArticle) -> ArticleEntry:
        """What :meth:`put` keeps of an article annotated now (a worker process makes it)."""
        return ArticleEntry(self._key(shown, source, notes), annotated, digest(annotated), contributions(annotated))

    def take(self, shown: str, entry: ArticleEntry) -> None:
        self.used[shown] = entry
        self.annotated_now.add(entry.annotated.article.slug)

    def made(
        self, shown: str, source: bytes, notes: bytes | None, entry: ArticleEntry | None
    ) -> AnnotatedArticle | None:
        """``entry`` (from :meth:`entry`, in a worker) if it is of these bytes: kept, as by :meth:`put`."""
        if entry is None or entry.key != self._key(shown, source, notes):
            return None
        self.take(shown, entry)
        return entry.annotated

    def corpus_digest(self, kb_digest: str) -> str:
        return digest(kb_digest, [(shown, entry.digest) for shown, entry in sorted(self.used.items())])
