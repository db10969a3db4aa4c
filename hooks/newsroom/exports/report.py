"""``editor-report.json``: what the build could not link, per article, for editors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..site import BuildState


def write_report(state: BuildState, site_dir: Path) -> None:
    """``editor-report.json``: unknown names and unlinked mentions per article, for editors."""

    def make() -> str:
        report = {
            slug: {
                "unknown_names": sorted({name for _, name in a.unknown}),
                "not_linked": [{"paragraph": u.paragraph, "text": u.text, "why": u.why} for u in a.unresolved],
            }
            for slug, a in sorted(state.current().articles.items())
        }
        return json.dumps(report, indent=2, ensure_ascii=False) + "\n"

    (site_dir / "editor-report.json").write_text(
        state.remembered("report", state.current().digest, make), encoding="utf-8"
    )
