"""Generated pages: each function returns the ElementTree the Markdown extension puts in the page.

Links point at ``.md`` sources, relative to the page being built, so MkDocs turns them into
URLs and ``--strict`` fails on any that dangle.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from xml.etree.ElementTree import Element

from .corpus import AnnotatedArticle, Corpus
from .html import E, add, rel
from .model import Article, Entity, KnowledgeBase, Organisation, Person, Role, Term

KIND_LABELS = {
    "union": "Union",
    "government": "Government",
    "government-department": "Government department",
    "public-body": "Public body",
    "other": "Organisation",
}
GLOSSARY_GROUPS = (
    ("unions", "Unions", lambda e: isinstance(e, Organisation) and e.kind == "union"),
    ("bodies", "Government and public bodies", lambda e: isinstance(e, Organisation) and e.kind != "union"),
    ("terms", "Terms", lambda e: isinstance(e, Term)),
)


@dataclass(frozen=True)
class PageSpec:
    """One generated page: where it lives, its title and how to build its body."""

    src_uri: str
    kind: str
    key: str
    title: str
    description: str


def long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def month_year(day: dt.date) -> str:
    return f"{day:%b %Y}"


def span_text(role: Role) -> str:
    if role.start is None and role.end is None:
        return ""
    start = month_year(role.start) if role.start else "?"
    return f"{start} – {month_year(role.end) if role.end else 'present'}"


def first_sentence(text: str) -> str:
    head, dot, _ = text.partition(". ")
    return head + "." if dot else text


def entity_uri(entity: Entity) -> str:
    return f"{entity.section}/{entity.id}.md"


def kind_label(entity: Entity) -> str:
    if isinstance(entity, Organisation):
        return KIND_LABELS[entity.kind]
    return "Person" if isinstance(entity, Person) else "Term"


def role_line(kb: KnowledgeBase, role: Role) -> str:
    org = kb.entities[role.organisation]
    dates = span_text(role)
    short = org.short_name if isinstance(org, Organisation) else org.label
    return f"{role.title}, {short}" + (f", {dates}" if dates else "")


def as_of(kb: KnowledgeBase, entity: Entity, day: dt.date) -> str | None:
    """The entity's standing on ``day``: a person's roles, an organisation's leaders."""
    if isinstance(entity, Person):
        roles = entity.roles_on(day)
        return "; ".join(role_line(kb, role) for role in roles) or None
    if isinstance(entity, Organisation):
        leaders = [(p, r) for p, r in kb.leaders(entity.id) if r.held_on(day)]
        if leaders:
            return "Led by " + " and ".join(f"{p.name} ({r.title.lower()})" for p, r in leaders)
    return None


def description(entity: Entity) -> str:
    return entity.definition if isinstance(entity, Term) else entity.description


# --- articles -----------------------------------------------------------------------------


def entity_card(kb: KnowledgeBase, entity: Entity, day: dt.date, here: str) -> Element:
    """The tooltip content for one entity, as of the article's date; hidden until JS shows it."""
    standing = as_of(kb, entity, day)
    return E(
        "div",
        {"class": "na-card", "id": f"na-card-{entity.id}", "data-entity": entity.id},
        E("p", {"class": "na-card__name"}, entity.label, E("span", {"class": "na-card__kind"}, kind_label(entity))),
        E("p", {"class": "na-card__desc", "id": f"na-desc-{entity.id}"}, first_sentence(description(entity))),
        E("p", {"class": "na-card__role", "id": f"na-role-{entity.id}"}, f"On {long_date(day)}: {standing}") if standing else None,
        E("a", {"class": "na-card__link", "href": rel(here, entity_uri(entity))}, f"About {entity.label}"),
    )


def paragraph(kb: KnowledgeBase, annotated: AnnotatedArticle, index: int, here: str) -> Element:
    """One ``<p id="p-N">``: the verbatim text, mentions linked (the first of each entity) and a permalink."""
    para = annotated.article.paragraphs[index]
    anchor = f"p-{para.number}"
    element = E("p", {"id": anchor})
    cursor, linked = 0, set()
    for mention in annotated.mentions[index]:
        add(element, para.text[cursor:mention.start] or None)
        entity = kb.entities[mention.entity]
        if mention.entity in linked:
            node = E("span", {"class": "na-mention na-mention--repeat", "data-entity": mention.entity}, mention.text)
        else:
            linked.add(mention.entity)
            described = f"na-desc-{mention.entity}" + (f" na-role-{mention.entity}" if as_of(kb, entity, annotated.article.published) else "")
            node = E(
                "a",
                {"class": "na-mention", "data-entity": mention.entity, "href": rel(here, entity_uri(entity)), "aria-describedby": described},
                mention.text,
            )
        element.append(node)
        cursor = mention.end
    add(element, para.text[cursor:] or None)
    element.append(E("a", {"class": "na-permalink", "href": f"#{anchor}", "aria-label": f"Link to paragraph {para.number}"}, "¶"))
    return element


def article_page(corpus: Corpus, slug: str) -> Element:
    annotated = corpus.articles[slug]
    article = annotated.article
    here = article.src_uri
    kb = corpus.kb
    meta = E(
        "p",
        {"class": "na-article__meta"},
        E("time", {"datetime": article.published.isoformat()}, long_date(article.published)),
        " · ",
        E("span", {"class": "na-article__publisher"}, article.publisher),
    )
    if article.url:
        meta.append(E("a", {"class": "na-article__original", "href": article.url}, "Read the original"))
        meta[-2].tail = (meta[-2].tail or "") + " · "
    header = E(
        "header",
        {"class": "na-article__header"},
        E("h1", {"id": "article-title"}, article.title),
        meta,
        E("p", {"class": "na-article__byline"}, f"By {article.byline}") if article.byline else None,
        E("p", {"class": "na-article__summary"}, article.summary) if article.summary else None,
    )
    body = E("div", {"class": "na-article__body"})
    for index in range(len(article.paragraphs)):
        body.append(paragraph(kb, annotated, index, here))
    cards = E("div", {"class": "na-cards", "hidden": "hidden"})
    for entity_id in annotated.entities:
        cards.append(entity_card(kb, kb.entities[entity_id], article.published, here))
    return E(
        "article",
        {"class": "na-article", "data-published": article.published.isoformat()},
        header,
        body,
        _in_this_article(kb, annotated, here),
        cards,
    )


def _in_this_article(kb: KnowledgeBase, annotated: AnnotatedArticle, here: str) -> Element | None:
    if not annotated.entities:
        return None
    items = E("ul", {"class": "na-entity-list"})
    for entity_id in sorted(annotated.entities, key=lambda e: kb.entities[e].label.casefold()):
        entity = kb.entities[entity_id]
        items.append(E("li", {}, E("a", {"href": rel(here, entity_uri(entity))}, entity.label), f" · {kind_label(entity)}"))
    return E("aside", {"class": "na-aside", "aria-labelledby": "in-this-article"}, E("h2", {"id": "in-this-article"}, "Who and what is in this article"), items)


def articles_index(corpus: Corpus) -> Element:
    here = "articles/index.md"
    root = E("div", {"class": "na-index"})
    month = None
    listing = None
    for annotated in corpus.newest_first():
        article = annotated.article
        label = f"{article.published:%B %Y}"
        if label != month:
            month = label
            root.append(E("h2", {"id": f"{article.published:%Y-%m}"}, label))
            listing = E("ul", {"class": "na-article-list"})
            root.append(listing)
        assert listing is not None
        listing.append(_article_item(article, here))
    if not corpus.articles:
        root.append(E("p", {}, "No articles yet: add a text file to docs/articles/."))
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


# --- entities -------------------------------------------------------------------------------


def sources_list(urls: tuple[str, ...]) -> Element:
    return E("ol", {"class": "na-sources"}, *(E("li", {}, E("a", {"href": url}, url)) for url in urls))


def mentioned_in(corpus: Corpus, entity_id: str, here: str) -> list[Element]:
    links = corpus.backlinks.get(entity_id, [])
    nodes = [E("h2", {"id": "mentioned-in"}, "Mentioned in")]
    if not links:
        nodes.append(E("p", {}, "No article mentions this yet."))
        return nodes
    current = None
    listing = None
    for link in links:
        article = corpus.articles[link.slug].article
        if link.slug != current:
            current = link.slug
            nodes.append(
                E(
                    "h3",
                    {"class": "na-backlinks__article", "id": f"in-{link.slug}"},
                    E("a", {"href": rel(here, article.src_uri)}, article.title),
                    " ",
                    E("time", {"datetime": article.published.isoformat()}, long_date(article.published)),
                )
            )
            listing = E("ul", {"class": "na-backlinks"})
            nodes.append(listing)
        assert listing is not None
        listing.append(
            E(
                "li",
                {},
                E("a", {"href": rel(here, f"{article.src_uri}#p-{link.paragraph}")}, f"Paragraph {link.paragraph}"),
                ": ",
                E("q", {}, link.excerpt),
            )
        )
    return nodes


def glossary_entry(corpus: Corpus, entity_id: str) -> Element:
    kb = corpus.kb
    entity = kb.entities[entity_id]
    here = entity_uri(entity)
    root = E("div", {"class": "na-entity", "data-entity": entity.id})
    facts = E("dl", {"class": "na-facts"})
    facts.append(E("dt", {}, "Kind"))
    facts.append(E("dd", {}, kind_label(entity)))
    if isinstance(entity, Organisation):
        if entity.short_name != entity.name:
            facts.append(E("dt", {}, "Short name"))
            facts.append(E("dd", {}, entity.short_name))
        if entity.website:
            facts.append(E("dt", {}, "Website"))
            facts.append(E("dd", {}, E("a", {"href": entity.website}, entity.website)))
    root.append(E("p", {"class": "na-entity__lead"}, description(entity)))
    root.append(facts)
    if isinstance(entity, Organisation):
        leaders = kb.leaders(entity.id)
        if leaders:
            root.append(E("h2", {"id": "leaders"}, "Leaders"))
            root.append(
                E(
                    "ul",
                    {"class": "na-roles"},
                    *(
                        E("li", {}, E("a", {"href": rel(here, entity_uri(p))}, p.name), f", {r.title.lower()}" + (f" ({span_text(r)})" if span_text(r) else ""))
                        for p, r in leaders
                    ),
                )
            )
    aliases = sorted(set(entity.aliases) - {entity.label})
    if aliases:
        root.append(E("p", {"class": "na-entity__aliases"}, "Also written: " + ", ".join(aliases)))
    root.extend(mentioned_in(corpus, entity.id, here))
    root.append(E("h2", {"id": "sources"}, "Sources"))
    root.append(sources_list(entity.sources))
    return root


def glossary_index(corpus: Corpus) -> Element:
    kb = corpus.kb
    here = "glossary/index.md"
    root = E("div", {"class": "na-index"})
    entries = sorted((*kb.organisations, *kb.terms), key=lambda e: e.label.casefold())
    for key, heading, belongs in GLOSSARY_GROUPS:
        group = [e for e in entries if belongs(e)]
        if not group:
            continue
        root.append(E("h2", {"id": key}, heading))
        root.append(E("dl", {"class": "na-glossary"}, *_glossary_items(corpus, group, here)))
    return root


def _glossary_items(corpus: Corpus, group: list[Entity], here: str) -> list[Element]:
    items = []
    for entity in group:
        count = len({b.slug for b in corpus.backlinks.get(entity.id, [])})
        label = entity.label + (f" ({entity.short_name})" if isinstance(entity, Organisation) and entity.short_name not in entity.label else "")
        items.append(E("dt", {"id": entity.id}, E("a", {"href": rel(here, entity_uri(entity))}, label)))
        items.append(
            E(
                "dd",
                {},
                first_sentence(description(entity)),
                E("span", {"class": "na-count"}, f" · {count} article{'s' if count != 1 else ''}"),
            )
        )
    return items


def person_entry(corpus: Corpus, person_id: str) -> Element:
    kb = corpus.kb
    person = kb.entities[person_id]
    assert isinstance(person, Person)
    here = entity_uri(person)
    root = E("div", {"class": "na-entity", "data-entity": person.id})
    root.append(E("p", {"class": "na-entity__lead"}, person.description))
    if person.roles:
        root.append(E("h2", {"id": "roles"}, "Roles"))
        items = E("ul", {"class": "na-roles"})
        for role in sorted(person.roles, key=lambda r: r.start or dt.date.min):
            org = kb.entities[role.organisation]
            dates = span_text(role)
            items.append(E("li", {}, f"{role.title}, ", E("a", {"href": rel(here, entity_uri(org))}, org.label), f" ({dates})" if dates else None))
        root.append(items)
    root.extend(mentioned_in(corpus, person.id, here))
    root.append(E("h2", {"id": "sources"}, "Sources"))
    root.append(sources_list(person.sources))
    return root


def people_index(corpus: Corpus) -> Element:
    kb = corpus.kb
    here = "people/index.md"
    latest = max((a.article.published for a in corpus.articles.values()), default=dt.date.today())
    listing = E("dl", {"class": "na-people"})
    for person in sorted(kb.people, key=lambda p: (p.surname.casefold(), p.name.casefold())):
        count = len({b.slug for b in corpus.backlinks.get(person.id, [])})
        standing = as_of(kb, person, latest) or "; ".join(role_line(kb, r) for r in person.roles[-1:])
        listing.append(E("dt", {"id": person.id}, E("a", {"href": rel(here, entity_uri(person))}, person.name)))
        listing.append(E("dd", {}, standing or first_sentence(person.description), E("span", {"class": "na-count"}, f" · {count} article{'s' if count != 1 else ''}")))
    return E("div", {"class": "na-index"}, listing)


BUILDERS = {
    "article": article_page,
    "articles": lambda corpus, key: articles_index(corpus),
    "glossary": lambda corpus, key: glossary_index(corpus),
    "glossary-entry": glossary_entry,
    "people": lambda corpus, key: people_index(corpus),
    "person": person_entry,
}


def page_specs(corpus: Corpus) -> list[PageSpec]:
    """Every page the corpus generates, in a stable order."""
    kb = corpus.kb
    specs = [
        PageSpec("articles/index.md", "articles", "", "Articles", "Every article in the archive, newest first."),
        PageSpec("glossary/index.md", "glossary", "", "Glossary", "The unions, public bodies and terms of the dispute."),
        PageSpec("people/index.md", "people", "", "People", "Everyone the articles name, A to Z."),
    ]
    for annotated in corpus.newest_first():
        article = annotated.article
        specs.append(PageSpec(article.src_uri, "article", article.slug, article.title, article.summary or article.title))
    for entity in sorted((*kb.organisations, *kb.terms), key=lambda e: e.id):
        specs.append(PageSpec(entity_uri(entity), "glossary-entry", entity.id, entity.label, first_sentence(description(entity))))
    for person in sorted(kb.people, key=lambda p: p.id):
        specs.append(PageSpec(entity_uri(person), "person", person.id, person.name, first_sentence(person.description)))
    return specs
