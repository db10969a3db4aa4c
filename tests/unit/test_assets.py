"""The project's CSS and JavaScript bundles (newsroom.assets): one minified file of each, named by
its bytes, in the configuration's order; what is not a file of the docs folder left as it was."""

from __future__ import annotations

import hashlib
import shutil
import subprocess

import pytest
from newsroom.assets import bundle
from newsroom.errors import DataError

from tests.tools.helpers import ROOT as REPO


def write(folder, files: dict[str, str]):
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_files_become_one_minified_bundle_named_by_its_bytes(tmp_path):
    docs = write(
        tmp_path,
        {
            "assets/a.css": "/* a comment */\n.a  {  color : red ;  }\n",
            "assets/b.css": ".b { background: url(img/x.png); }\n",
            "assets/one.js": "/* first */\nvar newsroom = {};\nnewsroom.order = [ 'one' ];\n",
            "assets/two.js": "// second\nnewsroom.order.push( 'two' );\n",
        },
    )
    got = bundle(
        docs,
        ["assets/a.css", "https://example.org/x.css", "assets/b.css"],
        ["assets/one.js", "assets/two.js"],
    )
    css, js = got.bundles
    assert css.content == b".a{color:red}\n.b{background:url(img/x.png)}"
    assert css.uri == f"assets/newsroom.{hashlib.sha256(css.content).hexdigest()[:10]}.min.css"
    assert got.css == [css.uri, "https://example.org/x.css"]  # an address elsewhere stays, after the bundle
    assert css.parts == ("assets/a.css", "assets/b.css")
    assert js.uri.endswith(".min.js") and got.javascript == [js.uri]
    assert b"first" not in js.content and b"second" not in js.content
    assert js.content.index(b"'one'") < js.content.index(b"'two'")
    assert got.names() == [css.uri, js.uri]
    assert bundle(docs, ["assets/a.css", "assets/b.css"], ["assets/one.js", "assets/two.js"]).names() == [
        css.uri,
        js.uri,
    ], "the same files make the same names"


def test_a_changed_file_renames_its_bundle_only(tmp_path):
    docs = write(tmp_path, {"assets/a.css": ".a{color:red}", "assets/one.js": "var x = 1;"})
    before = bundle(docs, ["assets/a.css"], ["assets/one.js"]).names()
    (docs / "assets/one.js").write_text("var x = 2;")
    after = bundle(docs, ["assets/a.css"], ["assets/one.js"]).names()
    assert after[0] == before[0] and after[1] != before[1]
    (docs / "assets/one.js").write_text("/* a comment only */ var x = 2;")
    assert bundle(docs, ["assets/a.css"], ["assets/one.js"]).names() == after, "comments are not shipped"


def test_nothing_local_leaves_the_lists_as_they_are(tmp_path):
    got = bundle(tmp_path, ["https://example.org/x.css"], [{"path": "assets/x.mjs", "type": "module"}])
    assert got.css == ["https://example.org/x.css"]
    assert got.javascript == [{"path": "assets/x.mjs", "type": "module"}]
    assert got.bundles == ()


def test_a_stylesheet_elsewhere_is_refused(tmp_path):
    """Its relative url()s would point elsewhere from the bundle's folder."""
    docs = write(tmp_path, {"styles/x.css": ".x{}"})
    with pytest.raises(DataError, match="^mkdocs.yml: extra_css: 'styles/x.css': only stylesheets in docs/assets/"):
        bundle(docs, ["styles/x.css"], [])


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node")
def test_each_script_runs_as_its_own_file_did(tmp_path):
    """One that throws does not stop the next; globals declared by one are seen by the next."""
    docs = write(
        tmp_path,
        {
            "assets/one.js": "var shared = ['one'];\n",
            "assets/broken.js": "shared.push('broken'); null.boom;\nshared.push('never');\n",
            "assets/three.js": "shared.push('three'); console.log(JSON.stringify(shared));\n",
        },
    )
    js = bundle(docs, [], ["assets/one.js", "assets/broken.js", "assets/three.js"]).bundles[0]
    (tmp_path / "run.js").write_bytes(js.content)
    run = subprocess.run(["node", str(tmp_path / "run.js")], capture_output=True, text=True)
    assert run.stdout.strip() == '["one","broken","three"]'
    assert "assets/broken.js" in run.stderr  # named in the console


def test_the_real_bundles_hold_every_file_the_configuration_lists():
    import yaml

    config = yaml.load((REPO / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    got = bundle(REPO / "docs", config["extra_css"], config["extra_javascript"])
    css, js = got.bundles
    assert css.parts == tuple(config["extra_css"]) and js.parts == tuple(config["extra_javascript"])
    source = sum(len((REPO / "docs" / p).read_bytes()) for p in js.parts)
    assert len(js.content) < 0.8 * source
