"""What tests of several layers share: the project's root, the environment of a real build, a
free port, a throw-away copy of the project, the text of an article's paragraphs, and the page
of each type the browser tests visit. (Fixtures are in the conftest.py files; tests import
helpers from here, never from each other.)"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "tests" / "browser" / "screenshots"


def files_of(folder: Path, relative_to: Path | None = None) -> dict[str, bytes]:
    """Every file under ``folder``, by its path relative to ``relative_to`` (``folder`` itself by default)."""
    base = relative_to or folder
    return {str(p.relative_to(base)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def build_env() -> dict[str, str]:
    """The environment of a real build: the caller's, without a SOURCE_DATE_EPOCH (the build dates itself)."""
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env["NO_MKDOCS_2_WARNING"] = "1"
    return env


def free_port() -> int:
    """A free port on 127.0.0.1."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


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

    def build(
        self,
        site_dir: str = "site",
        strict: bool = True,
        quiet: bool = True,
        site_url: str | None = None,
        env: dict[str, str] | None = None,
    ) -> subprocess.CompletedProcess:
        """``mkdocs build`` of the copy into ``site_dir``, in :func:`build_env` and ``env`` on top."""
        command = [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            *(["-q"] if quiet else []),
            "-f",
            str(self.root / "mkdocs.yml"),
            "-d",
            str(self.root / site_dir),
        ]
        if strict:
            command.append("--strict")
        environment = build_env() | (env or {})
        if site_url:
            environment["SITE_URL"] = site_url
        return subprocess.run(command, capture_output=True, text=True, cwd=self.root, env=environment)

    def build_with_zensical(
        self, python: Path, site_dir: str = "site-zensical", site_url: str | None = None, env: dict | None = None
    ) -> subprocess.CompletedProcess:
        """``python hooks/newsroom zensical build --strict`` of the copy, with ``python`` (an
        environment that has Zensical: tests/tools/generators.py)."""
        command = [str(python), str(self.root / "hooks" / "newsroom"), "zensical", "build", "--strict", "-q"]
        command += ["-f", str(self.root), "-d", str(self.root / site_dir)]
        environment = build_env() | (env or {})
        if site_url:
            environment["SITE_URL"] = site_url
        return subprocess.run(command, capture_output=True, text=True, cwd=self.root, env=environment)

    def page(self, url_path: str, site_dir: str = "site") -> str:
        return (self.root / site_dir / url_path / "index.html").read_text(encoding="utf-8")


class _TextOf(HTMLParser):
    """Collects the text of each ``p-N`` paragraph, leaving out the permalink, note markers and speaker chips."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.depth = 0
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "p" and (attrs.get("id") or "").startswith("p-"):
            self.paragraphs.append("")
            self.depth = 1
        elif self.depth:
            self.depth += tag != "br"
            # Nothing is skipped: note numbers, speaker chips and permalinks carry no text of their
            # own, so the paragraph's text is the source paragraph exactly (what a copy gives).

    def handle_endtag(self, tag):
        if self.depth:
            if self.skip == self.depth:
                self.skip = 0
            self.depth -= 1

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.paragraphs[-1] += data


def contents_offered(page) -> list[str]:
    """The anchors the table of contents beside the page offers (its links not hidden)."""
    return page.eval_on_selector_all(
        ".md-sidebar--secondary .md-nav__link",
        "els => els.filter(e => !e.closest('[hidden]')).map(e => e.hash.slice(1))",
    )


def hold_requests(page, pattern: str):
    """Hold the page's requests matching ``pattern`` until ``release()`` (which lets them and any
    later ones through): what waits on them then waits for as long as a test needs, whatever
    the machine's speed. Returns (the requests held so far, release)."""
    held, released = [], []

    def handler(route):
        route.continue_() if released else held.append(route)

    page.route(pattern, handler)

    def release():
        released.append(True)
        for route in held:
            route.continue_()

    return held, release


def paragraph_texts(html: str) -> list[str]:
    parser = _TextOf()
    parser.feed(html)
    return parser.paragraphs


# The page of each type that the browser tests visit (accessibility, screenshots).
PAGES = {
    "home": "",
    "article": "articles/2023-04-28-unions-vow-coordinated-strikes/",
    "articles index": "articles/",
    "archive month": "archive/2023/04/",
    "glossary index": "glossary/",
    "glossary entry": "glossary/naht/",
    "people index": "people/",
    "person": "people/paul-whiteman/",
    "organisation with statements": "glossary/dfe/",
    "timeline index": "timeline/",
    "timeline month": "timeline/2023-04/",
    "notes index": "notes/",
    "note's own page": "notes/2023-04-28-unions-vow-coordinated-strikes/four-national-walkouts/",
}
