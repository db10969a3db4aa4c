"""`mkdocs serve` keeps hook modules between rebuilds: a saved change to the engine must be imported
by the next build, and an unchanged engine kept (its objects, cached between rebuilds, stay valid).

Run in a separate process on a copy of the hooks: reloading the engine here would leave the other
tests holding classes from the old import."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = """
import sys
from pathlib import Path
from mkdocs.config import load_config
config = load_config("mkdocs.yml")
hook = config.hooks["hooks/annotate.py"]
hook.on_config(config)
first = sys.modules["newsroom.pages"]
config = load_config("mkdocs.yml")  # what `mkdocs serve` does before each rebuild
assert config.hooks["hooks/annotate.py"] is hook, "MkDocs keeps the hook module between rebuilds"
hook.on_config(config)
assert sys.modules["newsroom.pages"] is first, "an unchanged engine was imported again"
pages = Path("hooks/newsroom/pages/archive.py")
pages.write_text(pages.read_text(encoding="utf-8") + "\\n# saved by an editor\\n", encoding="utf-8")
config = load_config("mkdocs.yml")
hook.on_config(config)
assert sys.modules["newsroom.pages"] is not first, "a saved change to the engine would be ignored until restart"
print("reloaded")
"""


def test_a_build_imports_the_engine_again_when_its_code_changed(tmp_path):
    for name in ("mkdocs.yml", "hooks", "macros", "overrides", "docs"):
        source = ROOT / name
        (
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
            if source.is_dir()
            else shutil.copy(source, tmp_path / name)
        )
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "reloaded"
