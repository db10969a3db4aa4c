"""`mkdocs serve` keeps hook modules between rebuilds: each build must import the engine afresh.

Run in a separate process: reloading the engine here would leave the other tests holding
classes from the old import."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = """
import sys
from mkdocs.config import load_config
config = load_config("mkdocs.yml")
hook = config.hooks["hooks/annotate.py"]
hook.on_config(config)
first = sys.modules["newsroom.pages"]
config = load_config("mkdocs.yml")  # what `mkdocs serve` does before each rebuild
assert config.hooks["hooks/annotate.py"] is hook, "MkDocs keeps the hook module between rebuilds"
hook.on_config(config)
assert sys.modules["newsroom.pages"] is not first, "a saved change to the engine would be ignored until restart"
print("reloaded")
"""


def test_every_build_imports_the_engine_afresh():
    result = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "reloaded"
