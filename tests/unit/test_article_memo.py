"""After a knowledge-base edit, the articles the memo keeps are exactly annotated as they would be
again (newsroom.article_memo): each edit below is made to the real knowledge base, every article
is annotated under the knowledge base before and after, and every article the memo would keep
must come out the same. Each edit also changes some article (the check has something to catch)
and leaves some alone (the memo is selective)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from pathlib import Path

import pytest
from newsroom.article_memo import Unaffected, annotation_view, changed_aliases, keeps, view_digest
from newsroom.corpus import annotate
from newsroom.loader import load_knowledge_base, parse_article
from newsroom.matcher import Matcher
from newsroom.model import Office, Person, Role

ROOT = Path(__file__).resolve().parents[2]
KB = load_knowledge_base(ROOT / "docs" / "_data")


def person(kb, person_id):
    return next(p for p in kb.people if p.id == person_id)


def replace_person(kb, person_id, **changes):
    return dataclasses.replace(
        kb, people=tuple(dataclasses.replace(p, **changes) if p.id == person_id else p for p in kb.people)
    )


def replace_org(kb, org_id, **changes):
    return dataclasses.replace(
        kb,
        organisations=tuple(dataclasses.replace(o, **changes) if o.id == org_id else o for o in kb.organisations),
    )


def articles() -> list:
    """The seeds, and 120 articles of phrases that reach every path of the matcher: full names,
    surnames after a full name or alone, honorifics, offices by date, short names, aliases, terms
    and titles before names; published from 2021 to 2025, so offices resolve to different people."""
    found = [
        parse_article(path.read_text(encoding="utf-8"), path.name, path.stem)
        for path in sorted((ROOT / "docs" / "articles").glob("*.txt"))
    ]
    rng = random.Random(5)
    phrases = ["Schools could be hit by strikes", "the talks were frustrating", "leaders met today"]
    for p in KB.people:
        phrases += [p.name, f"{p.surname} said", f"Mr {p.surname}", f"Ms {p.surname}", *p.aliases]
    for o in KB.organisations:
        phrases += [o.name, o.short_name, f"the {o.short_name} executive", *o.aliases]
    for t in KB.terms:
        phrases += [t.term, *t.aliases]
    for office in KB.offices:
        phrases += [office.name, *office.aliases, f"{office.name} {rng.choice(KB.people).name}"]
    for n in range(120):
        day = dt.date(2021, 1, 1) + dt.timedelta(days=n * 13)
        paragraphs = [" ".join(rng.choice(phrases) for _ in range(rng.randint(3, 9))) + "." for _ in range(3)]
        text = (
            f"---\ntitle: Made article {n}\npublished: {day.isoformat()}\npublisher: Test\n---\n"
            + "\n".join(paragraphs)
            + "\n"
        )
        found.append(parse_article(text, f"made-{n}.txt", f"{day.isoformat()}-made-{n}"))
    return found


ARTICLES = articles()


def renamed(kb):
    return replace_person(kb, "paul-whiteman", name="Paul Whiteman-Edited")


def alias_added(kb):
    neu = next(o for o in kb.organisations if o.id == "neu")
    return replace_org(kb, "neu", aliases=(*neu.aliases, "the NEU executive"))


def office_dates_moved(kb):
    keegan = person(kb, "gillian-keegan")
    roles = tuple(dataclasses.replace(r, start=dt.date(2023, 6, 1)) if r.office else r for r in keegan.roles)
    return replace_person(kb, "gillian-keegan", roles=roles)


def namesake_added(kb):
    """A second Keegan: "Ms Keegan" and a bare "Keegan" may no longer be one person."""
    namesake = Person("anna-keegan", "Anna Keegan", "A namesake.", roles=(Role("neu", "Officer", None, None),))
    return dataclasses.replace(kb, people=(*kb.people, namesake))


def term_removed(kb):
    return dataclasses.replace(kb, terms=kb.terms[1:])


def office_alias_removed(kb):
    office = kb.offices[0]
    kept = dataclasses.replace(office, aliases=office.aliases[:-1])
    return dataclasses.replace(kb, offices=(kept, *kb.offices[1:]))


def office_added(kb):
    return dataclasses.replace(kb, offices=(*kb.offices, Office("chief-officer", "Chief Officer", ("NEU executive",))))


EDITS = [renamed, alias_added, office_dates_moved, namesake_added, term_removed, office_alias_removed, office_added]


@pytest.mark.parametrize("edit", EDITS, ids=lambda e: e.__name__)
def test_an_article_the_memo_keeps_is_annotated_the_same_again(edit):
    before, after = Matcher(KB), Matcher(edit(KB))
    old_view, new_view = annotation_view(before), annotation_view(after)
    keep = keeps((view_digest(old_view), old_view), (view_digest(new_view), new_view))
    kept = changed = 0
    for article in ARTICLES:
        old, new = annotate(article, before), annotate(article, after)
        if keep(old):
            kept += 1
            assert old == new, f"{edit.__name__}: {article.slug} kept, but annotated again it differs"
        changed += old != new
    assert changed, f"{edit.__name__} changes no article: the check above has nothing to catch"
    assert kept, f"{edit.__name__}: every article annotated again"


def test_an_edit_the_annotation_does_not_read_keeps_every_article():
    """A description, a source, an event: the view is the same, so nothing is annotated again."""
    edited = replace_person(KB, "paul-whiteman", description="Edited.", sources=("https://example.org",))
    edited = dataclasses.replace(edited, events=edited.events[1:])
    assert view_digest(annotation_view(Matcher(edited))) == view_digest(annotation_view(Matcher(KB)))


def test_the_view_holds_what_resolution_reads():
    """An entity's kind, an office's holders and dates, a surname's people: each changes the view
    of the aliases read through it, and only those."""
    base = annotation_view(Matcher(KB))
    assert changed_aliases(base, annotation_view(Matcher(office_dates_moved(KB)))) == sorted(
        alias for alias, read in base.items() if read[:2] == ("office", "education-secretary")
    )
    assert set(changed_aliases(base, annotation_view(Matcher(namesake_added(KB))))) == {
        "Anna Keegan",
        "Keegan",
        *(f"{h} Keegan" for h in ("Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Dame", "Professor", "Prof")),
    }


def test_an_alias_of_common_words_only_annotates_everything_again():
    article = ARTICLES[0]
    assert not Unaffected(["The"])(annotate(article, Matcher(KB)))
    assert Unaffected([])(annotate(article, Matcher(KB)))


def test_every_word_of_a_changed_alias_must_be_in_the_article():
    """One word of "Paul Whiteman" is not enough; case aside, both are; "Mr" and "the" are not telling."""
    made = parse_article(
        "---\ntitle: T\npublished: 2023-04-28\npublisher: Test\n---\nPaul Smith met the WHITEMAN family.\n",
        "t.txt",
        "t",
    )
    annotated = annotate(made, Matcher(KB))
    assert not Unaffected(["Paul Whiteman"])(annotated)
    assert Unaffected(["Paul Whiteman-Edited"])(annotated)
    assert not Unaffected(["Mr Whiteman"])(annotated)
    assert Unaffected(["the NEU executive"])(annotated)


def test_no_earlier_view_keeps_nothing():
    view = annotation_view(Matcher(KB))
    assert keeps(None, (view_digest(view), view)) is None


def names_digest(kb, body: str) -> str:
    from newsroom.article_memo import NamesIndex
    from newsroom.incremental import digest

    matcher = Matcher(kb)
    return NamesIndex(matcher, annotation_view(matcher), {i: digest(e) for i, e in kb.entities.items()}).digest([body])


def test_a_note_body_reads_the_aliases_it_holds_and_the_records_they_name():
    """A note's body is matched when its page is built: its pages change when an alias it holds
    changes or a record it can name is edited, and not for an edit elsewhere."""
    body = "As _Paul Whiteman_ told the NAHT's conference, the [executive](../glossary/naht.md) met."
    base = names_digest(KB, body)
    assert names_digest(renamed(KB), body) != base  # his alias changed
    assert names_digest(replace_person(KB, "paul-whiteman", description="Edited."), body) != base  # his record
    naht = next(o for o in KB.organisations if o.id == "naht")
    assert names_digest(replace_org(KB, "naht", aliases=(*naht.aliases, "NAHT's conference")), body) != base
    assert names_digest(replace_person(KB, "gillian-keegan", description="Edited."), body) == base
    assert names_digest(alias_added(KB), body) == base  # "the NEU executive": the body has no "NEU"
