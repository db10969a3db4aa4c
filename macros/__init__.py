"""mkdocs-macros module: live figures and tables from the knowledge base for hand-written pages.

Only pages with ``render_macros: true`` in their front matter are rendered as Jinja. The data
comes from the build the hook already loaded (``config.extra.newsroom``): nothing is read twice.
Zensical runs no hooks: there, the engine's Zensical adapter holds the build's state.
"""

from __future__ import annotations

import html


def define_env(env) -> None:
    def state():
        found = env.conf["extra"].get("newsroom")
        if found is None:  # Zensical (newsroom/adapters/zensical.py)
            from newsroom.adapters.zensical import build_state

            found = build_state()
        return found

    @env.macro
    def archive_counts() -> dict[str, int]:
        """Counts for prose: articles, organisations, people, terms, events."""
        current = state()
        kb = current.kb
        return {
            "articles": len(current.current().articles),
            "organisations": len(kb.organisations),
            "people": len(kb.people),
            "terms": len(kb.terms),
            "events": len(kb.events),
        }

    @env.macro
    def unions_table() -> str:
        """A Markdown table of the unions: name, who they represent, leaders in 2023."""
        current = state()
        kb = current.kb
        rows = ["| Union | Who it represents | Articles mentioning it |", "|---|---|---|"]
        for org in sorted((o for o in kb.organisations if o.kind == "union"), key=lambda o: o.short_name):
            articles = len({b.slug for b in current.current().backlinks.get(org.id, [])})
            represents = org.description.split(". ")[0].rstrip(".")
            rows.append(f"| [{org.short_name}](glossary/{org.id}.md) | {represents} | {articles} |")
        return "\n".join(rows)

    @env.macro
    def latest_articles(count: int = 5) -> str:
        """A Markdown list of the newest articles with date and summary."""
        items = []
        for annotated in state().current().newest_first()[:count]:
            article = annotated.article
            when = f"{article.published.day} {article.published:%B %Y}"
            title, summary = _escape(article.title), _escape(article.summary or "")
            items.append(f"- [{title}](articles/{article.slug}.md) · {when}  \n  {summary}")
        return "\n".join(items)

    @env.macro
    def tag_feeds() -> str:
        """A list of every tag's feed (newsroom.exports.feed), for the tags page."""
        from newsroom.html import rel
        from newsroom.urls import tag_feed_uri

        counts: dict[str, list] = {}
        for annotated in state().current().newest_first():
            for tag in annotated.article.tags:
                counts.setdefault(tag_feed_uri(tag), [tag, 0])[1] += 1
        items = []
        for uri, (tag, count) in sorted(counts.items()):
            label = html.escape(tag)
            plural = "s" if count != 1 else ""
            link = f'<a href="{rel("tags.md", uri)}" type="application/atom+xml">{label}</a>'
            items.append(f"<li>{link} · {count} article{plural}</li>")
        return '<ul class="na-tag-feeds">' + "".join(items) + "</ul>" if items else "<p>No article has a tag yet.</p>"


def _escape(text: str) -> str:
    """Backslash-escape Markdown punctuation so titles show as written."""
    return "".join("\\" + c if c in "\\`*_{}[]()#+-.!<>|" else c for c in text)
