"""Mutation testing of the engine's pure modules with mutmut 3: how many deliberate one-line
breakages of the code the fast tests catch.

    python tests/mutation/run.py                 # every module below; writes tests/mutation/RESULTS.md
    python tests/mutation/run.py dates quotes    # some of them (RESULTS.md is not written)
    python tests/mutation/run.py --show          # the last run's surviving mutants, as diffs
    python tests/mutation/run.py --report        # RESULTS.md again from the last run (after editing EXPLAINED.md)

Not part of `tests/run` (a full run takes tens of minutes on two cores). mutmut expects the code
in ``src/`` or the project's root and the tests importing it by that name; the engine is in
``hooks/newsroom`` and the tests put ``hooks`` on ``sys.path``. So the run happens in a workspace,
``.mutation/`` beside this project (git ignores it), laid out as mutmut wants: the engine in
``src/newsroom``, the fast test layers (``tests/unit``, ``tests/render``, their gold files and
tools) and the knowledge base and articles they read. mutmut mutates a copy there, runs only the
tests that reach each mutated function, and keeps its results between runs.

A mutant "survives" when every test passes with it. RESULTS.md lists the score per module and
every survivor; ``tests/mutation/EXPLAINED.md`` says why each survivor that is kept is harmless
(the same behaviour by another route, a message's wording that no reader relies on, ...).
"""

from __future__ import annotations

import argparse
import collections
import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WORKSPACE = Path(os.environ.get("MUTATION_WORKSPACE", ROOT / ".mutation"))
EXPLAINED = ROOT / "tests" / "mutation" / "EXPLAINED.md"
EXAMPLES = 25
MODULES = ("loader", "yamlfile", "matcher", "dates", "quotes", "notes", "corpus")


def prepare(modules: tuple[str, ...]) -> None:
    """The workspace, fresh apart from mutmut's results (``mutants/``, which it keeps up to date)."""
    WORKSPACE.mkdir(exist_ok=True)
    for name in ("src", "tests", "docs", "mutants/tests", "mutants/docs"):  # mutmut copies tests and docs in, never out
        shutil.rmtree(WORKSPACE / name, ignore_errors=True)
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(ROOT / "hooks" / "newsroom", WORKSPACE / "src" / "newsroom", ignore=ignore)
    (WORKSPACE / "tests").mkdir()
    for name in ("__init__.py", "conftest.py"):
        shutil.copy(ROOT / "tests" / name, WORKSPACE / "tests" / name)
    for name in ("unit", "render", "tools", "gold"):
        # test_hook_reload builds a whole site: the build layer's work, not this run's; test_front_end
        # and test_settings read the front end's files and mkdocs.yml, which are not the engine's.
        ignored = shutil.ignore_patterns("__pycache__", "test_hook_reload.py", "test_front_end.py", "test_settings.py")
        shutil.copytree(ROOT / "tests" / name, WORKSPACE / "tests" / name, ignore=ignored)
    for name in ("_data", "articles"):
        shutil.copytree(ROOT / "docs" / name, WORKSPACE / "docs" / name)
    shutil.copy(
        ROOT / "mkdocs.yml", WORKSPACE / "mkdocs.yml"
    )  # the settings (the kinds of organisation and event): tests/conftest.py
    # Each mutant runs the tests that reach it; hypothesis's hundreds of examples per test would
    # make a run take hours. Here they draw EXAMPLES each (the tests in tests/ are unchanged).
    for path in (WORKSPACE / "tests").rglob("test_*.py"):
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"max_examples=\d+", f"max_examples={EXAMPLES}", text), encoding="utf-8")
    only = ", ".join(f'"src/newsroom/{m}.py"' for m in modules)
    (WORKSPACE / "pyproject.toml").write_text(
        "[tool.mutmut]\n"
        'source_paths = ["src/newsroom"]\n'
        f"only_mutate = [{only}]\n"
        'pytest_add_cli_args_test_selection = ["tests/unit", "tests/render"]\n'
        'also_copy = ["tests", "docs", "mkdocs.yml"]\n'
        "timeout_multiplier = 5.0\n"
        "[tool.pytest.ini_options]\n"
        'addopts = "-p no:cacheprovider"\n'
        "[tool.hypothesis]\n",
        encoding="utf-8",
    )


def results() -> dict[str, str]:
    """mutant name -> status, from the workspace's mutmut."""
    out = subprocess.run(
        [sys.executable, "-m", "mutmut", "results", "--all", "true"], cwd=WORKSPACE, capture_output=True, text=True
    )
    statuses = {}
    for line in out.stdout.splitlines():
        match = re.match(r"\s*(newsroom\.\S+): (.+)$", line)
        if match:
            statuses[match.group(1)] = match.group(2).strip()
    return statuses


def show(name: str) -> str:
    return subprocess.run(
        [sys.executable, "-m", "mutmut", "show", name], cwd=WORKSPACE, capture_output=True, text=True
    ).stdout


def report(statuses: dict[str, str], modules: tuple[str, ...]) -> str:
    per = collections.defaultdict(collections.Counter)
    for name, status in statuses.items():
        per[name.split(".")[1]][status] += 1
    lines = [
        "# Mutation testing: results",
        "",
        "`python tests/mutation/run.py` (mutmut 3 over the fast test layers, `tests/unit` and `tests/render`).",
        "Killed: a test failed (or timed out) with the mutant. Survived: every test passed. No tests: no",
        "fast test reaches the function (it is tested by the build layer, which this run does not use).",
        "",
        "| module | mutants | killed | survived | no tests | score (killed / mutants) |",
        "|---|---|---|---|---|---|",
    ]
    total = collections.Counter()
    for module in modules:
        counts = per.get(module, collections.Counter())
        killed = counts["killed"] + counts["timeout"]
        mutants = sum(counts.values())
        total.update(
            {"mutants": mutants, "killed": killed, "survived": counts["survived"], "no tests": counts["no tests"]}
        )
        score = f"{100 * killed / mutants:.1f}%" if mutants else "-"
        lines.append(f"| {module} | {mutants} | {killed} | {counts['survived']} | {counts['no tests']} | {score} |")
    score = f"{100 * total['killed'] / total['mutants']:.1f}%" if total["mutants"] else "-"
    lines.append(
        f"| **all** | {total['mutants']} | {total['killed']} | {total['survived']} | {total['no tests']} | **{score}** |"
    )
    survivors = sorted(name for name, status in statuses.items() if status not in ("killed", "timeout"))
    explained = EXPLAINED.read_text(encoding="utf-8") if EXPLAINED.exists() else ""
    unexplained = [name for name in survivors if f"`{name}`" not in explained]
    named = sorted(set(re.findall(r"`(newsroom\.[^`]+__mutmut_\d+)`", explained)))
    stale = [name for name in named if name.split(".")[1] in modules and name not in survivors]
    lines += [
        "",
        f"## Surviving mutants ({len(survivors)}; not in EXPLAINED.md: {len(unexplained)})",
        "",
        "Each should be explained in `EXPLAINED.md` (by name) or killed by a test; the ones that are not say so.",
        "",
    ]
    if stale:  # killed since, or renumbered by an edit of their function: EXPLAINED.md needs a look
        lines += [
            "Named in EXPLAINED.md but not surviving this run: " + ", ".join(f"`{name}`" for name in stale) + ".",
            "",
        ]
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        diffs = pool.map(show, survivors)
    for name, text in zip(survivors, diffs, strict=True):
        diff = "\n".join(
            line for line in text.splitlines() if line.startswith(("+", "-")) and not line.startswith(("+++", "---"))
        )
        note = "" if name not in unexplained else ", **not explained**"
        lines += [f"### {name} ({statuses[name]}{note})", "", "```diff", diff, "```", ""]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("modules", nargs="*", help=f"some of {', '.join(MODULES)}")
    parser.add_argument("--show", action="store_true", help="print the last run's survivors")
    parser.add_argument(
        "--report",
        action="store_true",
        help="write RESULTS.md again from the last full run (after editing EXPLAINED.md)",
    )
    parser.add_argument("--max-children", type=int, default=2)
    args = parser.parse_args()
    unknown = set(args.modules) - set(MODULES)
    if unknown:
        parser.error(f"not a module this run mutates: {', '.join(sorted(unknown))}")
    modules = tuple(args.modules) or MODULES
    if not (args.show or args.report):
        prepare(modules)
        run = subprocess.run(
            [sys.executable, "-m", "mutmut", "run", "--max-children", str(args.max_children)], cwd=WORKSPACE
        )
        if run.returncode not in (0, 1):
            raise SystemExit(f"mutmut stopped with {run.returncode}")
    statuses = {name: status for name, status in results().items() if name.split(".")[1] in modules}
    text = report(statuses, modules)
    if args.show:
        print(text)
        return
    print(text.split("## Surviving")[0])
    if not args.modules or args.report:
        (ROOT / "tests" / "mutation" / "RESULTS.md").write_text(text + "\n", encoding="utf-8")
    (WORKSPACE / "statuses.json").write_text(json.dumps(statuses, indent=1, sort_keys=True), encoding="utf-8")


if __name__ == "__main__":
    main()
