"""``annotations.jsonld``: every editor's note as a W3C Web Annotation, in one AnnotationCollection."""

from __future__ import annotations

import datetime as dt
import json

from .corpus import Corpus
from .html import absolute
from .notes import MOTIVATIONS, article_text

CONTEXT_CHARS = 32


def annotations_jsonld(corpus: Corpus, site_url: str, built: dt.date) -> str:
    base = site_url.rstrip("/")
    items = []
    for annotated in corpus.newest_first():
        article = annotated.article
        text = article_text(article)
        source = absolute(site_url, article.src_uri)
        for note in annotated.notes:
            start, end = note.anchor.text_start, note.anchor.text_end
            items.append(
                {
                    "id": absolute(site_url, f"{article.src_uri}#note-{note.id}"),
                    "type": "Annotation",
                    "motivation": MOTIVATIONS[note.kind],
                    "created": f"{(note.created or built).isoformat()}T00:00:00Z",
                    "body": [
                        {"type": "TextualBody", "value": note.body, "format": "text/markdown", "language": "en", "purpose": MOTIVATIONS[note.kind]},
                        *({"id": url, "type": "Text", "purpose": "linking"} for url in note.sources),
                    ],
                    "target": {
                        "source": source,
                        "selector": [
                            {
                                "type": "TextQuoteSelector",
                                "exact": text[start:end],
                                "prefix": text[max(0, start - CONTEXT_CHARS):start],
                                "suffix": text[end:end + CONTEXT_CHARS],
                            },
                            {"type": "TextPositionSelector", "start": start, "end": end},
                        ],
                    },
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
