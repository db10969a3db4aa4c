"""The real site built by Zensical (newsroom/adapters/zensical.py), compared with the main build
of the same sources: every page, the annotated content of every page, the search records and
the exports, with each difference named; an edit is rendered again where it shows, and the
result equals a clean Zensical build byte for byte; bad input fails the build as under MkDocs."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import urljoin

import pytest

from tests.build.test_search import fragments
from tests.tools.generators import environment
from tests.tools.helpers import SiteCopy, files_of

ARTICLE = "articles/2023-04-28-unions-vow-coordinated-strikes"
# The theme's own code (Zensical's, not Material's), and the index, whose file names are digests
# of its records (compared record by record below).
THEME = re.compile(r"^(assets/(javascripts|stylesheets)|pagefind)/")


@pytest.fixture(scope="module")
def both(zensical_site, zensical_port):
    """The Zensical site, and the main build of the same copy for the same site URL."""
    result = zensical_site.build(site_url=f"http://127.0.0.1:{zensical_port}/")
    assert result.returncode == 0, result.stderr[-3000:]
    return zensical_site.root / "site", zensical_site.root / "site-zensical"


def content(page: Path, site: Path) -> str:
    """The page's article element (what the engine and Markdown write), whitespace between tags
    taken out, each link as the address it leads to (Zensical writes a link to a folder's index
    from a page in it as ``.././``, MkDocs as ``../``); without Zensical's skip-link target (its
    theme's, see overrides/main.html), and without the tags index's heading permalinks (Zensical's
    tags write none)."""
    url = "/" + page.relative_to(site).as_posix().removesuffix("index.html")
    text = page.read_text(encoding="utf-8")
    part = text[text.index('<article class="md-content__inner md-typeset"') : text.rindex("</article>")]
    part = part.replace('<a id="__skip" tabindex="-1"></a>', "")
    part = re.sub(r"<nav class=\"md-tags\" >.*?</nav>", "", part, flags=re.S)  # the tags: placed elsewhere
    if url == "/tags/":
        part = re.sub(r'<a class="headerlink" href="#tag:[^"]*" title="Link to this section">&para;</a>', "", part)
    part = re.sub(r'href="([^"#:]+)', lambda m: 'href="' + urljoin(url, m.group(1)), part)
    return re.sub(r"\s+", " ", re.sub(r">\s+<", "><", part))


def test_zensical_writes_every_file_of_the_main_build(both):
    main, zensical = both
    ours = {name for name in files_of(main) if not THEME.match(name)}
    theirs = {name for name in files_of(zensical) if not THEME.match(name)}
    assert ours - theirs == {"sitemap.xml.gz"}  # Zensical writes sitemap.xml only
    # Zensical's own search index (unused: the archive's search is Pagefind's), and Material's
    # search-dialog styles, which Zensical's theme does not have (newsroom/adapters/material-search.css)
    assert theirs - ours == {"search.json", "assets/newsroom-search-dialog.css"}
    assert len([n for n in ours if n.endswith(".html")]) > 60


def test_every_pages_annotated_content_is_the_main_builds(both):
    """Articles (mentions, tooltips' data, dates, notes), glossary, people, timeline, notes and
    hand-written pages: the same HTML, links included (Zensical rewrites relative links; the
    engine writes them as Zensical reads them: newsroom.html.links_relative_to)."""
    main, zensical = both
    differ = []
    for page in sorted(main.rglob("*.html")):
        name = page.relative_to(main).as_posix()
        if name.startswith("pagefind/") or name == "404.html":
            continue
        if content(page, main) != content(zensical / name, zensical):
            differ.append(name)
    assert differ == []
    article = (zensical / ARTICLE / "index.html").read_text(encoding="utf-8")
    assert article.count('class="na-mention"') > 30 and 'class="na-date"' in article
    assert 'href="../../glossary/naht/"' in article and 'href="../../timeline/2023-04/#2023-04-28"' in article


def test_the_tags_are_on_the_article_pages(both):
    _, zensical = both
    assert '<a href="../../tags/#tag:naht-conference" class="md-tag">' in (zensical / ARTICLE / "index.html").read_text(
        encoding="utf-8"
    )


def test_the_search_records_are_the_main_builds(both):
    main, zensical = both
    ours, theirs = fragments(main), fragments(zensical)
    assert set(ours) == set(theirs) and len(ours) > 40
    for url, record in ours.items():
        other = dict(theirs[url])
        # The one difference: Zensical's skip-link target, an anchor at the start of each page.
        other["anchors"] = [a for a in other["anchors"] if a["id"] != "__skip"]
        assert other == record, url


@pytest.mark.parametrize(
    "name", ["feed.xml", "annotations.jsonld", "entities.json", "timeline.json", "timeline.ics", "editor-report.json"]
)
def test_the_exports_are_the_main_builds(both, name):
    main, zensical = both
    assert (zensical / name).read_bytes() == (main / name).read_bytes()


def test_each_persons_structured_data_is_in_the_head_as_in_the_main_build(both):
    """Zensical drops the JSON-LD a page's content carries; the adapter puts it back."""
    main, zensical = both
    people = sorted(p.parent.name for p in (main / "people").glob("*/index.html"))
    assert len(people) > 10
    for name in people:
        ours = (main / "people" / name / "index.html").read_text(encoding="utf-8")
        theirs = (zensical / "people" / name / "index.html").read_text(encoding="utf-8")
        found = re.findall(r'<script type="application/ld\+json">.*?</script>', theirs, re.S)
        assert found == re.findall(r'<script type="application/ld\+json">.*?</script>', ours, re.S) and len(found) == 1
        assert theirs.index(found[0]) < theirs.index("</head>"), name


def test_an_edit_is_rendered_again_where_it_shows_and_equals_a_clean_build(tmp_path):
    """Zensical's differential build renders a page again only when its Markdown changes: each
    staged page carries its key, so an edit to an article reaches the article, the glossary page
    that quotes it and the people page it names, and the result is a clean build's."""
    python = environment("zensical")
    copy = SiteCopy(tmp_path / "project")
    assert copy.build_with_zensical(python).returncode == 0
    source = copy.docs / f"{ARTICLE}.txt"
    text = source.read_text(encoding="utf-8")
    assert "derisory" in text
    source.write_text(text.replace("derisory", "quokka-like"), encoding="utf-8")
    result = copy.build_with_zensical(python)
    assert result.returncode == 0, result.stderr[-3000:]
    site = copy.root / "site-zensical"
    assert "quokka-like" in (site / ARTICLE / "index.html").read_text(encoding="utf-8")
    assert "quokka-like" in (site / "glossary" / "uk-government" / "index.html").read_text(encoding="utf-8")
    assert "derisory" not in (site / ARTICLE / "index.html").read_text(encoding="utf-8")
    incremental = files_of(site)
    shutil.rmtree(copy.root / ".cache")
    shutil.rmtree(site)
    assert copy.build_with_zensical(python).returncode == 0
    clean = files_of(site)
    assert sorted(incremental) == sorted(clean)
    assert [name for name in clean if clean[name] != incremental[name]] == []


def test_bad_input_fails_the_zensical_build_with_the_one_line_message(tmp_path):
    copy = SiteCopy(tmp_path / "project")
    copy.write("articles/2023-05-01-broken.txt", "---\ntitle: T\npublished: 2023-05-32\npublisher: P\n---\nText.\n")
    result = copy.build_with_zensical(environment("zensical"))
    assert result.returncode == 1
    assert (
        "docs/articles/2023-05-01-broken.txt:3: front matter.published: '2023-05-32' is not a valid date; "
        "write it as YYYY-MM-DD" in result.stderr
    )
    assert not (copy.root / "site-zensical").exists()


def test_watch_builds_again_when_a_source_changes_and_serves_the_site(tmp_path):
    """Zensical's own serve runs no code of ours when an article changes: the adapter's watch
    command is the editor's loop there (README): an edit is served, a bad save is named and the
    last good site stays served, the next good save recovers."""
    import subprocess
    import time
    import urllib.request

    from tests.tools.helpers import build_env, free_port

    python = environment("zensical")
    copy = SiteCopy(tmp_path / "project")
    port = free_port()
    command = [str(python), str(copy.root / "hooks" / "newsroom"), "zensical", "watch", "-q", "-f", str(copy.root)]
    watcher = subprocess.Popen(
        [*command, "--port", str(port)],
        cwd=copy.root,
        env=build_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )

    def served(path: str) -> str | None:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/{path}", timeout=2) as response:
                return response.read().decode("utf-8")
        except OSError:
            return None

    def until(condition, seconds=60):
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            if condition():
                return True
            time.sleep(0.2)
        return False

    try:
        assert until(lambda: "derisory" in (served(ARTICLE + "/") or "")), "the first build was not served"
        source = copy.docs / f"{ARTICLE}.txt"
        text = source.read_text(encoding="utf-8")
        source.write_text(text.replace("derisory", "quokka-like"), encoding="utf-8")
        assert until(lambda: "quokka-like" in (served(ARTICLE + "/") or "")), "the edit was not served"
        copy.write("articles/2023-05-01-broken.txt", "---\ntitle: T\npublished: 2023-05-32\npublisher: P\n---\nText.\n")
        time.sleep(3)
        assert "quokka-like" in served(ARTICLE + "/"), "a bad save took the last good site away"
        (copy.docs / "articles" / "2023-05-01-broken.txt").unlink()
        source.write_text(text.replace("derisory", "wombat-like"), encoding="utf-8")
        assert until(lambda: "wombat-like" in (served(ARTICLE + "/") or "")), "the next good save did not recover"
    finally:
        watcher.terminate()
        output = watcher.communicate(timeout=30)[0]
    assert "2023-05-01-broken.txt:3: front matter.published: '2023-05-32' is not a valid date" in output
