"""Shared fixtures: the engine on sys.path, the real knowledge base, and throw-away site copies."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from newsroom.loader import load_knowledge_base  # noqa: E402
from newsroom.matcher import Matcher  # noqa: E402


@pytest.fixture(scope="session")
def kb():
    return load_knowledge_base(ROOT / "docs" / "_data")


@pytest.fixture(scope="session")
def matcher(kb):
    return Matcher(kb)


class SiteCopy:
    """A copy of the project in a temporary folder, to edit and build for real."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        for name in ("mkdocs.yml", "hooks", "macros", "overrides"):
            source = ROOT / name
            if source.is_dir():
                shutil.copytree(source, root / name, ignore=shutil.ignore_patterns("__pycache__"))
            elif source.exists():
                shutil.copy(source, root / name)
        shutil.copytree(ROOT / "docs", root / "docs", ignore=shutil.ignore_patterns("__pycache__"))

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    def write(self, relative: str, text: str | bytes) -> Path:
        path = self.docs / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    def build(self, site_dir: str = "site", strict: bool = True, quiet: bool = True, site_url: str | None = None) -> subprocess.CompletedProcess:
        command = [sys.executable, "-m", "mkdocs", "build", *(["-q"] if quiet else []), "-f", str(self.root / "mkdocs.yml"), "-d", str(self.root / site_dir)]
        if strict:
            command.append("--strict")
        env = _env()
        if site_url:
            env["SITE_URL"] = site_url
        return subprocess.run(command, capture_output=True, text=True, cwd=self.root, env=env)

    def page(self, url_path: str, site_dir: str = "site") -> str:
        return (self.root / site_dir / url_path / "index.html").read_text(encoding="utf-8")


def _env() -> dict[str, str]:
    import os

    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env["NO_MKDOCS_2_WARNING"] = "1"
    return env


@pytest.fixture
def site_copy(tmp_path) -> SiteCopy:
    return SiteCopy(tmp_path / "project")


def free_port() -> int:
    """A free port on 127.0.0.1."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def site_port() -> int:
    """A free port on 127.0.0.1 for the browser tests' server; the site is built for it."""
    return free_port()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, site_port) -> SiteCopy:
    """The real site, built once with --strict for every test that only reads it.

    Its site_url is the browser tests' server, as Material's instant navigation only follows
    links within site_url."""
    copy = SiteCopy(tmp_path_factory.mktemp("built") / "project")
    result = copy.build(site_url=f"http://127.0.0.1:{site_port}/")
    assert result.returncode == 0, f"the real site failed to build:\n{result.stderr}"
    return copy
