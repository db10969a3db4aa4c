"""Quotations in article text and who said them.

A quotation opens with “ or " and closes with ” or " (news copy mixes them). A quotation
still open at the end of a paragraph continues in the next, as news style writes a long
quote. The speaker of a quotation is found in its sentence, before it:

- the nearest speech verb ("said", "adding", "told", "accused", ...) before the quotation;
- its subject: the nearest person named before that verb in the sentence; else "He"/"She"
  opening the sentence, meaning the last speaker; else the nearest organisation before the
  verb ("A Department for Education spokesperson said" is the DfE);
- a quotation with no speech verb before it continues the previous speaker when it opens
  its paragraph, or when the paragraph before quoted someone ("The offer “fails…”" after
  Barton's words). Anything else is not attributed: a scare quote stays anonymous.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import KnowledgeBase, Mention, Organisation, Paragraph, Person

OPENERS = {"\u201c", '"'}
CLOSERS = {"\u201d", '"'}
SPEECH_VERB = re.compile(
    r"\b(?:said|says|say|saying|added|adds|adding|told|tells|telling|accused|accuses|warned|warns|warning|claimed|claims|argued|"
    r"argues|insisted|insists|stated|states|described|describes|wrote|writes|urged|urges|commented|explained|declared|announced)\b"
)
PRONOUN = re.compile(r"^\W*(?:He|She|They)\b")
SENTENCE_END = re.compile(r"[.!?](?=\s+[\"\u201cA-Z])")


@dataclass(frozen=True, slots=True)
class Quote:
    paragraph: int
    start: int  # offset of the opening mark (or 0 for a quotation continued from the paragraph before)
    end: int  # offset just past the closing mark (or the paragraph's end)
    text: str  # the words inside the marks
    speaker: str | None


def find_quotations(text: str, open_at_start: bool) -> list[tuple[int, int, bool]]:
    """(start, end, closed) of each quotation; ``open_at_start`` continues one from the paragraph before."""
    spans, start = [], (0 if open_at_start else None)
    for index, char in enumerate(text):
        if start is None and char in OPENERS:
            start = index
        elif start is not None and char in CLOSERS and index > start:  # a continued paragraph's first mark opens
            spans.append((start, index + 1, True))
            start = None
    if start is not None:
        spans.append((start, len(text), False))
    return spans


def _masked(text: str, spans: list[tuple[int, int, bool]]) -> str:
    """The paragraph with quoted words blanked out, so their full stops do not end sentences."""
    chars = list(text)
    for start, end, _ in spans:
        for index in range(start + 1, end - 1):
            chars[index] = "x"
    return "".join(chars)


def attribute(
    kb: KnowledgeBase, paragraphs: tuple[Paragraph, ...], mentions: tuple[tuple[Mention, ...], ...]
) -> list[Quote]:
    """Every quotation in an article, with its speaker's entity id or ``None``."""
    quotes: list[Quote] = []
    last_speaker: str | None = None
    open_from_before = False
    previous_had_speaker = False
    for paragraph, found in zip(paragraphs, mentions, strict=True):
        text = paragraph.text
        spans = find_quotations(text, open_from_before)
        masked = _masked(text, spans)
        had_speaker = False
        for start, end, closed in spans:
            # A quotation that opens its paragraph (one continued from the paragraph before
            # among them) has no clause before it: its speaker is the last one.
            sentence_start = max([m.end() for m in SENTENCE_END.finditer(masked, 0, start)], default=0)
            clause = masked[sentence_start:start]
            verbs = list(SPEECH_VERB.finditer(clause))
            speaker = None
            if verbs:
                verb_at = sentence_start + verbs[-1].start()
                before = [m for m in found if sentence_start <= m.start and m.end <= verb_at]
                people = [m for m in before if isinstance(kb.entities[m.entity], Person)]
                bodies = [m for m in before if isinstance(kb.entities[m.entity], Organisation)]
                if people:
                    speaker = people[-1].entity
                elif PRONOUN.match(masked[sentence_start:verb_at]):
                    speaker = last_speaker
                elif bodies:
                    speaker = bodies[-1].entity
            elif start == 0 or previous_had_speaker:
                speaker = last_speaker
            inner_start = start + 1 if text[start] in OPENERS else start
            inner_end = end - 1 if closed else end
            quotes.append(Quote(paragraph.number, start, end, text[inner_start:inner_end], speaker))
            if speaker:
                last_speaker = speaker
                had_speaker = True
        open_from_before = bool(spans) and not spans[-1][2]
        previous_had_speaker = had_speaker
    return quotes
