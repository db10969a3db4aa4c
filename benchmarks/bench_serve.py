"""The edit loop: with N articles under `mkdocs serve`, how long from saving a file to the change being served.

    python benchmarks/bench_serve.py             # N = 1,000
    python benchmarks/bench_serve.py --articles 200

It writes the annotated project (as bench_build.py does), starts `mkdocs serve` on 127.0.0.1,
then (1) edits one article, (2) edits the knowledge base, (3) edits the engine itself, and
for each prints the seconds until the server's page shows the change.
"""

from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from bench_build import articles, synthetic_kb, write_annotated


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback only
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, needle: str, limit: float) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        if needle in fetch(url):
            return time.perf_counter() - start
        time.sleep(0.2)
    raise SystemExit(f"{needle!r} did not appear at {url} within {limit} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    kb = synthetic_kb(1000)
    items = articles(kb, args.articles)
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder) / "annotated"
        write_annotated(project, kb, items)
        port = free_port()
        base = f"http://127.0.0.1:{port}/"
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],  # live reload on: it is what watches files
            cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            env={"PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1", "HOME": folder, "SITE_URL": base},
        )
        try:
            slug = items[0][0]
            page = f"{base}articles/{slug}/"
            first = wait_for(page, "Report number 0", 1200)
            print(f"N={args.articles}: first build served after {first:.1f} s")
            source = project / "docs" / "articles" / f"{slug}.txt"
            time.sleep(2)
            source.write_text(source.read_text(encoding="utf-8") + "An edited paragraph about the NEU.\n", encoding="utf-8")
            print(f"  article saved -> change served after {wait_for(page, 'An edited paragraph', 1200):.1f} s")
            people = project / "docs" / "_data" / "people.yml"
            people.write_text(people.read_text(encoding="utf-8").replace("name: Paul Whiteman", "name: Paul Whiteman-Edited", 1), encoding="utf-8")
            glossary = f"{base}people/paul-whiteman/"
            print(f"  knowledge base saved -> change served after {wait_for(glossary, 'Paul Whiteman-Edited', 1200):.1f} s")
            engine = project / "hooks" / "newsroom" / "pages.py"
            engine.write_text(engine.read_text(encoding="utf-8").replace('"Mentioned in"', '"Mentioned in (edited engine)"', 1), encoding="utf-8")
            print(f"  engine saved -> change served after {wait_for(glossary, 'Mentioned in (edited engine)', 1200):.1f} s (no restart)")
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
