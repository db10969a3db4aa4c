"""oEmbed for each note's share page, so that a shared link to a note embeds where links
unfurl: ``oembed/<article>--<note>.json`` (a "rich" response: the passage and the note's first
sentence in a blockquote that links to the page, its card as the thumbnail), found from the
page's ``<link rel="alternate" type="application/json+oembed">``.

The files share one folder with an empty ``sitemap.xml``: Material 9.8 fetches the sitemap
beside every ``link[rel=alternate]`` (for its language switch), and oEmbed discovery needs
exactly that rel; with a sitemap there, that request finds one instead of a 404."""

from __future__ import annotations

import json
from html import escape

from ..corpus import Corpus
from ..html import absolute
from ..urls import card_uri, oembed_uri, share_uri

SITEMAP = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>\n'
)


def note_oembeds(corpus: Corpus, sentences: dict[tuple[str, str], str]) -> list[tuple[str, str]]:
    """Each note's oEmbed response; ``sentences``: each (article, note)'s first sentence."""
    from ..pages.cite import note_work

    site = corpus.site_url
    out = []
    for slug, annotated in sorted(corpus.articles.items()):
        for note in annotated.notes:
            work = note_work(corpus, annotated, note)
            html = (
                f'<blockquote class="newsroom-note" cite="{escape(work.url)}"><p>“{escape(note.quote)}”</p>'
                f"<p>{escape(note.label)}: {escape(sentences[slug, note.id])}</p>"
                f'<p>— <a href="{escape(work.url)}">{escape(corpus.site_name)}</a></p></blockquote>'
            )
            data = {
                "version": "1.0",
                "type": "rich",
                "title": f"“{note.quote}”",
                "author_name": corpus.site_name,
                "author_url": site,
                "provider_name": corpus.site_name,
                "provider_url": site,
                "html": html,
                "width": 600,
                "height": 240,
                "thumbnail_url": absolute(site, card_uri(slug, note.id)).rstrip("/"),
                "thumbnail_width": 1200,
                "thumbnail_height": 630,
                "url": absolute(site, share_uri(slug, note.id)),
            }
            out.append((oembed_uri(slug, note.id), json.dumps(data, ensure_ascii=False, indent=1) + "\n"))
    if out:
        out.append(("oembed/sitemap.xml", SITEMAP))
    return out
