"""Shared fixtures: the engine on sys.path, the real knowledge base, and throw-away site copies."""

from __future__ import annotations

import sys

import pytest

from tests.tools.helpers import ROOT, SiteCopy, free_port

sys.path.insert(0, str(ROOT / "hooks"))

from newsroom.loader import load_knowledge_base  # noqa: E402
from newsroom.matcher import Matcher  # noqa: E402
from newsroom.settings import read_settings  # noqa: E402


@pytest.fixture(scope="session")
def settings():
    """The real site's settings (mkdocs.yml's extra.archive): its kinds of organisation and event."""
    import yaml

    return read_settings(
        yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["extra"]["archive"]
    )


@pytest.fixture(scope="session")
def kb(settings):
    kinds = ([k.id for k in settings.organisation_kinds], [k.id for k in settings.event_kinds])
    return load_knowledge_base(ROOT / "docs" / "_data", None, *kinds)


@pytest.fixture(scope="session")
def matcher(kb):
    return Matcher(kb)


@pytest.fixture
def site_copy(tmp_path) -> SiteCopy:
    return SiteCopy(tmp_path / "project")


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


@pytest.fixture(scope="session")
def zensical_port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory, zensical_port) -> SiteCopy:
    """The real site built by Zensical (newsroom/adapters/zensical.py), in its own environment
    (tests/tools/generators.py), for the port the browser tests serve it on."""
    from tests.tools.generators import environment

    copy = SiteCopy(tmp_path_factory.mktemp("zensical") / "project")
    result = copy.build_with_zensical(environment("zensical"), site_url=f"http://127.0.0.1:{zensical_port}/")
    assert result.returncode == 0, f"Zensical failed to build the real site:\n{result.stderr[-4000:]}"
    return copy
