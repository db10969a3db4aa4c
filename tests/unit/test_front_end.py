"""The front end's files as a whole: every style has something to style, every script is loaded."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
ASSETS = ROOT / "docs" / "assets"


def _writers() -> str:
    """Everything that writes class names into the site: the engine, the theme overrides and the scripts."""
    files = [*(ROOT / "hooks").rglob("*.py"), *(ROOT / "overrides").rglob("*.html"), *ASSETS.glob("*.js")]
    return "\n".join(path.read_text(encoding="utf-8") for path in files)


def _written(name: str, code: str) -> bool:
    """``name`` is written whole ("na-count"), or by a template of its modifier ("na-kind--{note.kind}")."""
    if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", code):
        return True
    base, dashes, _ = name.rpartition("--")
    return bool(dashes) and f"{base}--{{" in code or f'"{base}--" +' in code


def test_every_class_the_styles_name_is_written_somewhere():
    code = _writers()
    unused = []
    for sheet in sorted(ASSETS.glob("*.css")):
        text = re.sub(r"/\*.*?\*/", "", sheet.read_text(encoding="utf-8"), flags=re.S)
        for name in sorted(set(re.findall(r"\.(na-[\w-]+)", text))):
            if not _written(name, code):
                unused.append(f"{sheet.name}: .{name}")
    assert not unused, "styles for classes nothing writes (remove them, or the code lost them):\n" + "\n".join(unused)


def test_the_check_finds_a_class_nothing_writes():
    code = _writers()
    assert _written("na-tooltip__name", code) and _written("na-kind--correction", code)
    assert not _written("na-card__name", code) and not _written("na-tooltip", "na-tooltip__name")


def test_every_script_is_loaded_and_core_first():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    listed = yaml.load(config, Loader=yaml.BaseLoader)["extra_javascript"]
    assert listed[0] == "assets/core.js", "core.js defines what the other scripts use: it comes first"
    assert sorted(listed) == sorted(f"assets/{path.name}" for path in ASSETS.glob("*.js"))
