"""``annotations.jsonld``: every editor's note as a W3C Web Annotation, in one AnnotationCollection.

Each target selects the note's passage in the published page as an annotation client (Hypothesis,
Apache Annotator) finds it: a ``CssSelector`` for the paragraph (``#p-N``), refined by a
``TextQuoteSelector`` (the passage, with up to 32 characters before and after it in that
paragraph) and, as a second selector of the same passage, by a ``TextPositionSelector``
(character offsets in the paragraph's text, which is the source paragraph exactly: see
:func:`newsroom.pages.article.paragraph`). The passage is the note's ``<mark>``
(:func:`newsroom.pages.note_extent`). :func:`select` matches selectors as such a client does;
the build checks that each selects its passage exactly once."""

from __future__ import annotations

import datetime as dt
import json

from ..corpus import Corpus
from ..errors import DataError
from ..html import absolute
from ..notes import MOTIVATIONS
from ..urls import note_in_article_uri

CONTEXT_CHARS = 32


def select(paragraphs: dict[str, str], selector: dict) -> list[tuple[str, int, int]]:
    """Every passage ``selector`` selects in a page whose paragraphs' texts are ``paragraphs``
    (by id), as (id, start, end). The Apache Annotator semantics: a quote matches wherever its
    ``exact`` text is, with its ``prefix`` just before and its ``suffix`` just after."""
    if selector["type"] != "CssSelector" or not selector["value"].startswith("#"):
        raise ValueError(f"unsupported selector {selector}")
    key = selector["value"][1:]
    text = paragraphs.get(key)
    if text is None:
        return []
    refined = selector.get("refinedBy")
    if refined is None:
        return [(key, 0, len(text))]
    if refined["type"] == "TextPositionSelector":
        return [(key, refined["start"], refined["end"])] if 0 <= refined["start"] <= refined["end"] <= len(text) else []
    exact, prefix, suffix = refined["exact"], refined.get("prefix", ""), refined.get("suffix", "")
    found, at = [], text.find(exact)
    while at != -1:
        if text[:at].endswith(prefix) and text[at + len(exact) :].startswith(suffix):
            found.append((key, at, at + len(exact)))
        at = text.find(exact, at + 1)
    return found


def annotations_jsonld(corpus: Corpus, site_url: str, built: dt.date) -> str:
    base = site_url.rstrip("/")
    items = []
    from ..pages import note_extent

    for annotated in corpus.newest_first():
        article = annotated.article
        source = absolute(site_url, article.src_uri)
        paragraphs = {f"p-{p.number}": p.text for p in article.paragraphs}
        for note in annotated.notes:
            key = f"p-{note.anchor.paragraph}"
            text = paragraphs[key]
            start, end = note_extent(annotated, note)
            selectors = [
                {
                    "type": "CssSelector",
                    "value": f"#{key}",
                    "refinedBy": {
                        "type": "TextQuoteSelector",
                        "exact": text[start:end],
                        "prefix": text[max(0, start - CONTEXT_CHARS) : start],
                        "suffix": text[end : end + CONTEXT_CHARS],
                    },
                },
                {
                    "type": "CssSelector",
                    "value": f"#{key}",
                    "refinedBy": {"type": "TextPositionSelector", "start": start, "end": end},
                },
            ]
            for selector in selectors:
                if select(paragraphs, selector) != [(key, start, end)]:
                    raise DataError(
                        article.path.removesuffix(".txt") + ".notes.yml",
                        None,
                        f"notes[{note.id}].quote",
                        f"the passage {text[start:end]!r} cannot be told apart from another "
                        f"in paragraph {note.anchor.paragraph} by the words around it; quote more of it",
                    )
            items.append(
                {
                    "id": absolute(site_url, note_in_article_uri(article.slug, note.id)),
                    "type": "Annotation",
                    "motivation": MOTIVATIONS[note.kind],
                    "created": f"{(note.created or built).isoformat()}T00:00:00Z",
                    "body": [
                        {
                            "type": "TextualBody",
                            "value": note.body,
                            "format": "text/markdown",
                            "language": "en",
                            "purpose": MOTIVATIONS[note.kind],
                        },
                        *({"id": url, "type": "Text", "purpose": "linking"} for url in note.sources),
                    ],
                    "target": {"source": source, "selector": selectors},
                }
            )
    collection = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": f"{base}/annotations.jsonld",
        "type": "AnnotationCollection",
        "label": "Editors' notes on the archive's articles",
        "total": len(items),
        "first": {"id": f"{base}/annotations.jsonld#page1", "type": "AnnotationPage", "startIndex": 0, "items": items},
    }
    return json.dumps(collection, indent=2, ensure_ascii=False) + "\n"
