"""The site's other generators, each in a virtual environment of its own: MkDocs NG, ProperDocs,
Zensical. Each environment holds the generator (``tests/generators/<name>.txt``) and the site's
packages (``requirements.txt``) but MkDocs, Material and mkdocs-macros-plugin, which the
generator replaces (the plugin is installed without its dependencies, which are in
``tests/generators/macros.txt``: it requires ``mkdocs``, which pip would install over a fork).

An environment is made once and kept in ``.cache/generators/<name>-<digest>``: the digest is of
the files it is made from, so a change to a pin makes a new one. From the shell:
``python tests/tools/generators.py mkdocs-ng`` prints the environment's Python.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "tests" / "generators"
CACHE = ROOT / ".cache" / "generators"
REPLACED = ("mkdocs", "mkdocs-material", "mkdocs-macros-plugin")  # by each generator's own
WITH_MACROS = {"mkdocs-ng", "properdocs"}  # Zensical runs macros/ itself
NAMES = ("mkdocs-ng", "properdocs", "zensical")


def _site_packages() -> list[str]:
    out = []
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        spec = line.split("#", 1)[0].strip()
        name = spec.split("==")[0].split("[")[0].strip().lower()
        if spec and name not in REPLACED:
            out.append(spec)
    return out


def _macros_pin() -> str:
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("mkdocs-macros-plugin=="):
            return line.split("#", 1)[0].strip()
    raise LookupError("requirements.txt pins no mkdocs-macros-plugin")


def environment(name: str) -> Path:
    """The Python of ``name``'s environment, made if it is not there yet."""
    if name not in NAMES:
        raise ValueError(f"{name}: one of {', '.join(NAMES)}")
    inputs = [FOLDER / f"{name}.txt", ROOT / "requirements.txt"] + (
        [FOLDER / "macros.txt"] if name in WITH_MACROS else []
    )
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in inputs) + sys.version.encode()).hexdigest()[:12]
    home = CACHE / f"{name}-{digest}"
    python = home / "bin" / "python"
    if (home / "ready").exists():
        return python
    shutil.rmtree(home, ignore_errors=True)
    venv.EnvBuilder(with_pip=True).create(home)
    env = os.environ | {"PIP_DISABLE_PIP_VERSION_CHECK": "1", "PIP_ROOT_USER_ACTION": "ignore"}
    pip = [str(python), "-m", "pip", "install", "-q"]
    steps = [pip + ["-r", str(FOLDER / f"{name}.txt"), *_site_packages()]]
    if name in WITH_MACROS:
        steps.append(pip + ["-r", str(FOLDER / "macros.txt")])
        steps.append(pip + ["--no-deps", _macros_pin()])
    for step in steps:
        done = subprocess.run(step, capture_output=True, text=True, env=env)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(step)}:\n{done.stdout}{done.stderr}")
    (home / "ready").write_text("\n".join(" ".join(s) for s in steps), encoding="utf-8")
    return python


if __name__ == "__main__":
    print(environment(sys.argv[1]))
