"""Clean builds on each generator: the real site and N generated articles, against plain Material.

    python benchmarks/bench_generators.py                 # the real site and N = 1,000
    python benchmarks/bench_generators.py --articles 200  # a quick run
    python benchmarks/bench_generators.py --only mkdocs zensical

Each build is cold (a fresh copy of the project, no build cache) and strict where the generator
has it. The generators: MkDocs 1.6 + Material 9 (this environment), MkDocs NG + mkdocs-ng-material
and ProperDocs + Material 9 (their environments: tests/tools/generators.py), Zensical (the
Zensical adapter, `python hooks/newsroom zensical build`). The plain baseline is the same
articles as Markdown pages with Material's own search (bench_build.py's plain project) on MkDocs
1.6, and the same plain project built by Zensical. It prints wall time and peak memory of each
build and the ratio to plain Material on the same articles.
"""

from __future__ import annotations

import argparse
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_build import ROOT, articles, synthetic_kb, write_annotated, write_plain

sys.path.insert(0, str(ROOT))
from tests.tools.generators import environment  # noqa: E402

GENERATORS = ("mkdocs", "mkdocs-ng", "properdocs", "zensical")


def command(generator: str, project: Path, plain: bool) -> list[str]:
    if generator == "mkdocs":
        python, program = sys.executable, "mkdocs"
    elif generator == "zensical":
        python = str(environment("zensical"))
        if plain:
            return [python, "-m", "zensical", "build", "-f", str(project / "mkdocs.yml")]
        return [python, str(project / "hooks" / "newsroom"), "zensical", "build", "-q", "-f", str(project)]
    else:
        python, program = str(environment(generator)), {"mkdocs-ng": "mkdocs", "properdocs": "properdocs"}[generator]
    strict = [] if plain else ["--strict"]
    return [
        python,
        "-m",
        program,
        "build",
        "-q",
        *strict,
        "-f",
        str(project / "mkdocs.yml"),
        "-d",
        str(project / "site"),
    ]


def build(generator: str, project: Path, plain: bool = False, cold: bool = True) -> tuple[float, int]:
    """Wall seconds and peak resident memory (KiB) of one build of ``project`` (cold: without
    its caches and site folders)."""
    for cache in (project / ".cache", project / "site", project / "site-zensical") if cold else ():
        shutil.rmtree(cache, ignore_errors=True)
    env = {"PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1", "HOME": str(project)}
    started = time.perf_counter()
    done = subprocess.run(
        ["/usr/bin/time", "-f", "%M", *command(generator, project, plain)],
        capture_output=True,
        text=True,
        cwd=project,
        env=env,
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{generator} build of {project} failed:\n{done.stdout[-2000:]}{done.stderr[-3000:]}")
    return seconds, int(done.stderr.strip().splitlines()[-1])


def real_site(folder: Path) -> Path:
    project = folder / "real"
    project.mkdir()
    for name in ("mkdocs.yml", "hooks", "macros", "overrides", "docs"):
        source = ROOT / name
        copy = shutil.copytree if source.is_dir() else shutil.copy
        copy(source, project / name, **({"ignore": shutil.ignore_patterns("__pycache__")} if source.is_dir() else {}))
    return project


def plain_of_real(folder: Path) -> Path:
    """The real articles as plain Markdown pages (the baseline for the real site)."""
    from newsroom.loader import load_article

    items = []
    for path in sorted((ROOT / "docs" / "articles").glob("*.txt")):
        article = load_article(path)
        items.append((article.slug, article.published, article.title, [p.text for p in article.paragraphs]))
    project = folder / "plain-real"
    write_plain(project, items)
    return project


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, nargs="*", default=[1000])
    parser.add_argument("--entities", type=int, default=1000)
    parser.add_argument("--only", nargs="*", choices=GENERATORS, default=list(GENERATORS))
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "hooks"))
    print(f"machine: {platform.machine()}, Python {platform.python_version()}; cold builds, one run each")
    for generator in args.only:  # made before any timing
        if generator != "mkdocs":
            environment(generator)
    kb = synthetic_kb(args.entities)
    cases = [("real site", None)] + [(f"N = {n:,}", n) for n in args.articles]
    for label, count in cases:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            if count is None:
                annotated, plain = real_site(folder), plain_of_real(folder)
            else:
                items = articles(kb, count)
                annotated, plain = folder / "annotated", folder / "plain"
                write_annotated(annotated, kb, items)
                write_plain(plain, items)
            base, base_mem = build("mkdocs", plain, plain=True)
            print(f"{label}: plain Material (MkDocs 1.6) {base:.1f} s, {base_mem / 1024:.0f} MiB")
            if "zensical" in args.only:
                z, z_mem = build("zensical", plain, plain=True)
                print(f"{label}: plain Zensical {z:.1f} s, {z_mem / 1024:.0f} MiB ({z / base:.2f} of plain Material)")
            for generator in args.only:
                seconds, memory = build(generator, annotated)
                print(
                    f"{label}: annotated on {generator} {seconds:.1f} s, {memory / 1024:.0f} MiB; "
                    f"{seconds / base:.2f} x plain Material's time, {memory / base_mem:.2f} x its memory"
                )
            if "zensical" in args.only:  # what `zensical watch` does on a save: a warm build
                source = sorted((annotated / "docs" / "articles").glob("*.txt"))[0]
                source.write_text(source.read_text(encoding="utf-8") + "An edited paragraph about the NEU.\n", "utf-8")
                seconds, memory = build("zensical", annotated, cold=False)
                print(
                    f"{label}: Zensical adapter after one article edited (watch's rebuild) {seconds:.1f} s, {memory / 1024:.0f} MiB"
                )


if __name__ == "__main__":
    main()
