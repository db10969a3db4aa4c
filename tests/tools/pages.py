"""Pages for the importer's tests: real saved pages from ``benchmarks/data/import/`` (their
sources and licences in SOURCES.md there), and made-up pages built from parts (a news site's
chrome around a text; the text is either a seed article's, as published, or the made-up town
of tests/fixtures/second_corpus)."""

from __future__ import annotations

import functools
import html
import json
import tarfile

from tests.tools.helpers import ROOT

DATA = ROOT / "benchmarks" / "data" / "import"


@functools.cache
def archive(name: str) -> dict[str, bytes]:
    with tarfile.open(DATA / name) as tar:
        return {m.name.removeprefix("./"): tar.extractfile(m).read() for m in tar.getmembers() if m.isfile()}


def extraction_page(key: str) -> tuple[bytes, str]:
    """A page of the article-extraction benchmark, and its address."""
    files = archive("article-extraction-benchmark.tar.xz")
    return files[f"html/{key}.html"], json.loads(files["ground-truth.json"])[key]["url"]


def dated_page(file: str) -> tuple[bytes, str, str]:
    """A page of htmldate's Media Cloud set, its address and its annotated date."""
    files = archive("htmldate-mediacloud-2020.tar.xz")
    truth = json.loads(files["eval_mediacloud_2020.json"])
    url = next(u for u, e in truth.items() if e["file"] == file)
    return files[f"pages/{file}"], url, truth[url]["date"]


def news_page(
    title: str,
    paragraphs: list[str],
    published: str | None = None,
    publisher: str | None = "The Example Gazette",
    url: str | None = None,
    byline: str | None = None,
    summary: str | None = None,
    charset: str = "utf-8",
    extra_head: str = "",
    json_ld_type: str | None = "NewsArticle",
) -> str:
    """A news site's article page: navigation, share buttons, a picture with a caption, a
    newsletter box and related links around the text, and the metadata news sites give."""
    e = html.escape
    meta = [f'<meta charset="{charset}">', f"<title>{e(title)}{' | ' + e(publisher) if publisher else ''}</title>"]
    if url:
        meta.append(f'<link rel="canonical" href="{e(url)}">')
    meta.append(f'<meta property="og:title" content="{e(title)}">')
    meta.append('<meta property="og:type" content="article">' if json_ld_type else "")
    if publisher:
        meta.append(f'<meta property="og:site_name" content="{e(publisher)}">')
    if published:
        meta.append(f'<meta property="article:published_time" content="{published}T09:30:00+01:00">')
    if byline:
        meta.append(f'<meta name="author" content="{e(byline)}">')
    if summary:
        meta.append(f'<meta name="description" content="{e(summary)}">')
    if json_ld_type:
        data = {"@context": "https://schema.org", "@type": json_ld_type, "headline": title}
        if published:
            data["datePublished"] = f"{published}T09:30:00+01:00"
        if publisher:
            data["publisher"] = {"@type": "Organization", "name": publisher}
        meta.append(f'<script type="application/ld+json">{json.dumps(data)}</script>')
    body = "\n".join(f"<p>{e(p)}</p>" for p in paragraphs)
    half = max(1, len(paragraphs) // 2)
    body_first, body_rest = "\n".join(body.split("\n")[:half]), "\n".join(body.split("\n")[half:])
    return f"""<!DOCTYPE html>
<html lang="en"><head>{"".join(meta)}{extra_head}</head>
<body>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/opinion">Opinion</a> <a href="/subscribe">Subscribe</a></nav></header>
<main><article>
<h1>{e(title)}</h1>
{f'<p class="byline">By <a href="/author">{e(byline)}</a></p>' if byline else ""}
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">Email</a></div>
<figure><img src="/picture.jpg" alt=""><figcaption>Photo: The Example Gazette</figcaption></figure>
<div class="article-body">
{body_first}
<aside class="newsletter"><p>Sign up to our free daily newsletter</p><form><input type="email"><button>Sign up</button></form></aside>
{body_rest}
</div>
<section class="related"><h2>Related stories</h2><ul><li><a href="/a">Council budget approved after late-night vote</a></li><li><a href="/b">Library opening hours to change in spring</a></li></ul></section>
</article></main>
<footer><p>© 2023 The Example Gazette. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>
"""
