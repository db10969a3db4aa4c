"""The same sources, with no edit, built by the drop-in forks of MkDocs 1.x (MkDocs NG with its
Material, and ProperDocs with Material 9), each in an environment of its own
(``tests/tools/generators.py``), and compared with the main build (MkDocs 1.6 + Material 9):
the same pages, ids, links, search index and exports, every other difference named
(``tests/tools/compare.py``)."""

from __future__ import annotations

import subprocess

import pytest

from tests.tools.compare import compare, page_rules
from tests.tools.generators import environment
from tests.tools.helpers import SiteCopy, build_env

COMMAND = {"mkdocs-ng": "mkdocs", "properdocs": "properdocs"}  # the fork's own command
EXPECTED = {  # the named differences each fork makes (tests/tools/compare.py says why each is harmless)
    "mkdocs-ng": {"generator meta", "theme asset digests", "footer credit"},
    "properdocs": {"generator meta"},
}


@pytest.fixture(scope="module", params=sorted(COMMAND))
def fork_site(request, tmp_path_factory, built_site, site_port):
    name = request.param
    python = environment(name)
    copy = SiteCopy(tmp_path_factory.mktemp(name) / "project")
    command = [str(python), "-m", COMMAND[name], "build", "--strict", "-q", "-f", str(copy.root / "mkdocs.yml")]
    env = build_env() | {"SITE_URL": f"http://127.0.0.1:{site_port}/"}  # as the main build's
    done = subprocess.run(
        command + ["-d", str(copy.root / "site")], capture_output=True, text=True, cwd=copy.root, env=env
    )
    assert done.returncode == 0, f"{name} failed to build the real site:\n{done.stderr}"
    version = subprocess.run([str(python), "-m", COMMAND[name], "--version"], capture_output=True, text=True, env=env)
    return name, copy.root / "site", version.stdout


def test_the_fork_is_what_builds(fork_site):
    """The environment runs the fork, not MkDocs 1.6 under another name."""
    name, site, version = fork_site
    head = (site / "index.html").read_text(encoding="utf-8")
    if name == "mkdocs-ng":
        assert (
            "version 1.8.0" in version and '<meta name="generator" content="mkdocs-1.8.0, mkdocs-material-9.7' in head
        )
    else:
        assert "ProperDocs" in version or "properdocs" in version.lower(), version
        assert '<meta name="generator" content="mkdocs-ProperDocs 1.6.7' in head


def test_the_forks_site_is_the_main_builds_but_for_named_differences(fork_site, built_site):
    name, site, _ = fork_site
    result = compare(built_site.root / "site", site, name)
    assert len(result.pages) > 50  # every page of the real site
    assert result.only_main == [] and result.only_other == [], "files one build made and the other did not"
    assert result.ids == [], "pages whose ids differ"
    assert result.links == [], "pages whose links differ"
    assert result.search == [], "the search index differs"
    assert result.other == [], "differences no rule names"
    assert result.used == EXPECTED[name], "a named difference that no longer occurs, or a new one"
    assert {rule.name for rule in page_rules(name)} >= EXPECTED[name] - {"theme asset digests"}
