"""The edit loop: with N articles under `mkdocs serve`, how long from saving a file to the change being served.

    python benchmarks/bench_serve.py             # N = 1,000
    python benchmarks/bench_serve.py --articles 200

It writes the annotated project (as bench_build.py does), starts `mkdocs serve` on 127.0.0.1,
then (1) edits one article, (2) edits the knowledge base, (3) edits the engine itself, and
for each prints the seconds until the server's page shows the change.

    python benchmarks/bench_serve.py --edits 100 --memory   # a long session: memory edit by edit

``--memory`` also prints the server's resident memory (``VmRSS``, Linux) after the first build
and after the first and the last article edit, and their ratio (issue 28: within 10 %).
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
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


def resident_mib(pid: int) -> float:
    """A process's resident memory in MiB, from /proc (Linux)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise SystemExit(f"no VmRSS for process {pid}")


def wait_for(url: str, needle: str, limit: float) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        if needle in fetch(url):
            return time.perf_counter() - start
        time.sleep(0.05)
    raise SystemExit(f"{needle!r} did not appear at {url} within {limit} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--edits", type=int, default=5, help="article edits to take the median of")
    parser.add_argument("--memory", action="store_true", help="print the server's memory after each edit")
    args = parser.parse_args()
    kb = synthetic_kb(1000)
    items = articles(kb, args.articles)
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder) / "annotated"
        write_annotated(project, kb, items)
        port = free_port()
        base = f"http://127.0.0.1:{port}/"
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "mkdocs",
                "serve",
                "-a",
                f"127.0.0.1:{port}",
            ],  # live reload on: it is what watches files
            cwd=project,
            stdout=subprocess.DEVNULL,
            stderr=open(os.environ.get("SERVE_LOG", os.devnull), "w"),
            env={"PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1", "HOME": folder, "SITE_URL": base},
        )
        try:
            slug = items[0][0]
            page = f"{base}articles/{slug}/"
            first = wait_for(page, "Report number 0", 3600)
            print(f"N={args.articles}: first build served after {first:.1f} s")
            time.sleep(2)
            memory = [resident_mib(server.pid)]
            times = []
            for n in range(args.edits):
                slug = items[n * 97 % len(items)][0]
                source = project / "docs" / "articles" / f"{slug}.txt"
                source.write_text(
                    source.read_text(encoding="utf-8") + f"An edited paragraph number {n} about the NEU.\n",
                    encoding="utf-8",
                )
                times.append(wait_for(f"{base}articles/{slug}/", f"An edited paragraph number {n}", 1200))
                time.sleep(1)
                memory.append(resident_mib(server.pid))
            print(
                f"  article saved -> change served after {statistics.median(times):.2f} s (median of {len(times)}: {', '.join(f'{t:.2f}' for t in times)})"
            )
            if args.memory:
                print(
                    f"  server memory: {memory[0]:.0f} MiB after the first build, {memory[1]:.0f} MiB after the first edit,"
                    f" {memory[-1]:.0f} MiB after edit {len(times)} (last/first edit {memory[-1] / memory[1]:.3f});"
                    f" every tenth: {', '.join(f'{m:.0f}' for m in memory[1::10])}"
                )
            notes = project / "docs" / "articles" / f"{items[0][0]}.notes.yml"
            notes.write_text(
                notes.read_text(encoding="utf-8").replace("A generated note", "An edited note", 1), encoding="utf-8"
            )
            print(f"  notes file saved -> change served after {wait_for(page, 'An edited note', 1200):.2f} s")
            time.sleep(1)
            people = project / "docs" / "_data" / "people.yml"
            people.write_text(
                people.read_text(encoding="utf-8").replace("name: Paul Whiteman", "name: Paul Whiteman-Edited", 1),
                encoding="utf-8",
            )
            person = f"{base}people/paul-whiteman/"
            print(
                f"  knowledge base saved -> change served after {wait_for(person, 'Paul Whiteman-Edited', 1200):.2f} s"
            )
            time.sleep(1)
            engine = project / "hooks" / "newsroom" / "pages" / "entities.py"
            code = engine.read_text(encoding="utf-8")
            if '"Mentioned in"' not in code:
                raise SystemExit(f"{engine} no longer writes the heading this benchmark edits")
            engine.write_text(code.replace('"Mentioned in"', '"Mentioned in (edited engine)"', 1), encoding="utf-8")
            print(
                f"  engine saved -> change served after {wait_for(person, 'Mentioned in (edited engine)', 3600):.1f} s (no restart)"
            )
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
