"""The articles index and the archive by year and month."""

from __future__ import annotations

from xml.etree.ElementTree import Element

from ..corpus import Corpus
from ..dates import long_date
from ..html import E, add, rel
from ..model import Article
from ..urls import archive_uri, archive_year_uri
from .components import month_label


def articles_index(corpus: Corpus) -> Element:
    """The newest articles, then the archive by year and month (so no page lists them all)."""
    here = "articles/index.md"
    root = E("div", {"class": "na-index"})
    newest = corpus.newest_first()[: corpus.settings.latest]
    if not newest:
        root.append(E("p", {}, "No articles yet: add a text file to docs/articles/."))
        return root
    root.append(E("h2", {"id": "latest"}, "Latest"))
    root.append(E("ul", {"class": "na-article-list"}, *(_article_item(a.article, here) for a in newest)))
    root.append(E("h2", {"id": "archive"}, "Archive"))
    months = corpus.by_month()
    years: dict[str, list[str]] = {}
    for month in months:
        years.setdefault(month[:4], []).append(month)
    listing = E("dl", {"class": "na-archive"})
    for year, keys in years.items():
        count = sum(len(months[k]) for k in keys)
        label = f" · {count} article{'s' if count != 1 else ''}"
        listing.append(
            E(
                "dt",
                {},
                E("a", {"href": rel(here, archive_year_uri(year))}, year),
                E("span", {"class": "na-count"}, label),
            )
        )
        dd = E("dd", {})
        for index, key in enumerate(keys):
            if index:
                add(dd, " · ")
            dd.append(E("a", {"href": rel(here, archive_uri(key))}, f"{month_label(key)} ({len(months[key])})"))
        listing.append(dd)
    root.append(listing)
    return root


def archive_year(corpus: Corpus, year: str) -> Element:
    here = archive_year_uri(year)
    months = {k: v for k, v in corpus.by_month().items() if k.startswith(f"{year}-")}
    root = E("div", {"class": "na-index"})
    for key, articles in months.items():
        root.append(E("h2", {"id": f"month-{key}"}, E("a", {"href": rel(here, archive_uri(key))}, month_label(key))))
        shown = articles[:5]
        root.append(E("ul", {"class": "na-article-list"}, *(_article_item(a, here) for a in shown)))
        if len(articles) > len(shown):
            root.append(
                E(
                    "p",
                    {},
                    E(
                        "a",
                        {"href": rel(here, archive_uri(key))},
                        f"All {len(articles)} articles from {month_label(key)} →",
                    ),
                )
            )
    return root


def archive_month(corpus: Corpus, month: str, page: int) -> Element:
    here = archive_uri(month, page)
    articles = corpus.by_month()[month]
    size = corpus.settings.page_size
    pages = max(1, -(-len(articles) // size))
    root = E("div", {"class": "na-index"})
    root.append(
        E(
            "p",
            {"class": "na-count"},
            f"{len(articles)} article{'s' if len(articles) != 1 else ''}"
            + (f" · page {page} of {pages}" if pages > 1 else ""),
        )
    )
    chunk = articles[(page - 1) * size : page * size]
    root.append(E("ul", {"class": "na-article-list"}, *(_article_item(a, here) for a in chunk)))
    if pages > 1:
        nav = E("nav", {"class": "na-pages", "aria-label": "Pages"})
        for number in range(1, pages + 1):
            if number == page:
                nav.append(E("span", {"aria-current": "page"}, str(number)))
            else:
                nav.append(E("a", {"href": rel(here, archive_uri(month, number))}, str(number)))
        root.append(nav)
    year_link = E("a", {"href": rel(here, archive_year_uri(month[:4]))}, f"All of {month[:4]}")
    root.append(E("p", {}, year_link, " · ", E("a", {"href": rel(here, "articles/index.md")}, "Latest articles")))
    return root


def _article_item(article: Article, here: str) -> Element:
    return E(
        "li",
        {"class": "na-article-item"},
        E("a", {"class": "na-article-item__title", "href": rel(here, article.src_uri)}, article.title),
        E(
            "span",
            {"class": "na-article-item__meta"},
            E("time", {"datetime": article.published.isoformat()}, long_date(article.published)),
            f" · {article.publisher}",
        ),
        E("span", {"class": "na-article-item__summary"}, article.summary) if article.summary else None,
    )
