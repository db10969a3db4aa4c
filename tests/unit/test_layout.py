"""The engine's layout, read from its source (no import): no import cycles, no module over
450 lines, nothing of MkDocs or Material outside the MkDocs adapter, and a hook file that is a
list of short event functions."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ENGINE = ROOT / "hooks" / "newsroom"
ADAPTER = "newsroom.adapters.mkdocs"  # and newsroom.adapters.mkdocs_pages, its continuation
MAX_LINES = 450
GENERATOR_PACKAGES = ("mkdocs", "material", "properdocs", "mkdocs_ng", "zensical")  # the Zensical adapter runs its CLI


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ENGINE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(ENGINE.rglob("*.py"))}


def imports(name: str, path: Path) -> set[str]:
    """Every module ``name`` imports, at any level (TYPE_CHECKING blocks and functions too),
    as absolute names; ``from . import x`` counts as importing the submodule ``x`` when it is one."""
    known = modules()
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module
            out.add(target)
            for alias in node.names:
                if f"{target}.{alias.name}" in known:
                    out.add(f"{target}.{alias.name}")
    return out


def engine_graph() -> dict[str, set[str]]:
    known = modules()
    graph = {}
    for name, path in known.items():
        edges = set()
        for target in imports(name, path):
            # importing newsroom.a.b imports newsroom.a too; a package's own __init__ is left out
            # of its submodules' edges (Python runs it first anyway; a cycle through it is not one
            # of ours unless __init__ imports the submodule back, which is listed itself).
            if target in known and target != name and not name.startswith(target + "."):
                edges.add(target)
        graph[name] = edges
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan), each sorted."""
    index, low, stack, on_stack, out = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return sorted(out)


def test_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_imports_resolve_relative_and_type_checking_imports(tmp_path):
    graph = engine_graph()
    assert "newsroom.site" in graph["newsroom.adapters.mkdocs"]  # from .. import site as engine
    assert "newsroom.corpus" in graph["newsroom.site"]


def test_the_engine_has_no_import_cycles():
    assert cycles(engine_graph()) == []


@pytest.mark.parametrize("name", sorted(modules()))
def test_no_engine_module_is_over_450_lines(name):
    lines = modules()[name].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{name} has {lines} lines (at most {MAX_LINES}): split it"


def test_nothing_of_mkdocs_is_imported_outside_its_adapter():
    offenders = []
    for name, path in modules().items():
        if name in (ADAPTER, ADAPTER + "_pages"):
            continue
        for target in imports(name, path):
            if target.split(".")[0] in GENERATOR_PACKAGES:
                offenders.append(f"{name} imports {target}")
    assert offenders == []
    # and the adapter does (so the test above reads the imports it should)
    assert any(t.startswith("mkdocs.") for t in imports(ADAPTER, modules()[ADAPTER]))


def test_the_hook_file_is_short_event_functions():
    tree = ast.parse((ROOT / "hooks" / "annotate.py").read_text(encoding="utf-8"))
    functions = [n for n in tree.body if isinstance(n, ast.FunctionDef)]
    events = [f.name for f in functions if f.name.startswith("on_")]
    assert set(events) >= {"on_config", "on_files", "on_nav", "on_pre_page", "on_post_page", "on_post_build"}
    long = [f"{f.name}: {f.end_lineno - f.lineno + 1} lines" for f in functions if f.end_lineno - f.lineno + 1 > 25]
    assert long == []
    assert not [n for n in tree.body if isinstance(n, ast.ClassDef)], "classes belong in the adapter"
