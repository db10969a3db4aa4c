"""``editor-report.json``: what the build could not link, per article, for editors."""

from __future__ import annotations

import json

from ..corpus import Corpus


def editor_report(corpus: Corpus) -> str:
    """Unknown names and unlinked mentions per article, as the JSON of ``editor-report.json``."""
    report = {
        slug: {
            "unknown_names": sorted({name for _, name in a.unknown}),
            "not_linked": [{"paragraph": u.paragraph, "text": u.text, "why": u.why} for u in a.unresolved],
        }
        for slug, a in sorted(corpus.articles.items())
    }
    return json.dumps(report, indent=2, ensure_ascii=False) + "\n"
