"""The site's own CSS and JavaScript, as a reader's browser fetches them: one minified file of
each, named by a digest of its bytes.

``mkdocs.yml`` lists the project's stylesheets (``extra_css``) and scripts
(``extra_javascript``), a file per component, as an editor reads and edits them. A phone on a
slow network pays for each file it must fetch before it can draw the page (every stylesheet
blocks the first paint) and for every byte: so the adapters put, in the configuration the
generator renders with, one bundle of each kind in place of the files the project holds
(:func:`bundle`), minified by rcssmin and rjsmin (kept by the same author since 2011; neither
renames anything, so a minified script is the script). The bundle's name carries the digest of
its bytes (``assets/newsroom.1a2b3c4d5e.min.js``): a host may let browsers keep it for a year,
and a new deploy never meets a stale copy. The files the project holds are still copied as they
are, for anyone reading the site's source.

An entry that is not a file of the docs folder (an address elsewhere, a script with attributes
of its own) is left where it is, after the bundle, in order. Each script of the bundle runs as its
own file did: wrapped in a ``try`` so that one that throws does not stop the next, with a
newline and ``;`` between them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import rcssmin
import rjsmin

from .errors import DataError

FOLDER = "assets"


@dataclass(frozen=True)
class Bundle:
    uri: str  # where it is written, relative to the site's root
    content: bytes
    parts: tuple[str, ...]  # the docs folder's files it is made of, in order


@dataclass(frozen=True)
class Assets:
    css: list  # what extra_css becomes: the bundle's uri first, then entries left as they were
    javascript: list
    bundles: tuple[Bundle, ...]

    def names(self) -> list[str]:
        """What every page's HTML depends on (the build context): the bundles' names."""
        return [b.uri for b in self.bundles]


def _local(docs: Path, entry) -> Path | None:
    if not isinstance(entry, str) or "://" in entry or entry.startswith("/"):
        return None
    path = docs / entry
    return path if path.is_file() else None


def _name(kind: str, content: bytes) -> str:
    return f"{FOLDER}/newsroom.{hashlib.sha256(content).hexdigest()[:10]}.min.{kind}"


def minify_css(text: str) -> str:
    return rcssmin.cssmin(text, keep_bang_comments=True)


def minify_js(text: str) -> str:
    return rjsmin.jsmin(text, keep_bang_comments=True)


def _guarded(name: str, script: str) -> str:
    return f"try{{{script}\n}}catch(e){{console.error({name!r},e)}}"


def bundle(docs: Path, css: list, javascript: list) -> Assets:
    """The configuration's ``extra_css`` and ``extra_javascript`` with the docs folder's files
    made into one minified bundle each (see the module's docstring)."""
    made: list[Bundle] = []
    lists = []
    for kind, entries in (("css", css), ("js", javascript)):
        found = [(e, _local(docs, e)) for e in entries]
        local = [(e, p) for e, p in found if p is not None]
        rest = [e for e, p in found if p is None]
        if not local:
            lists.append(list(entries))
            continue
        texts = [p.read_text(encoding="utf-8") for _, p in local]
        if kind == "css":
            # Stylesheets of the same folder as the bundle: their relative url()s still hold.
            for entry, _ in local:
                if Path(entry).parent.as_posix() != FOLDER:
                    raise DataError(
                        "mkdocs.yml",
                        None,
                        "extra_css",
                        f"{entry!r}: only stylesheets in docs/{FOLDER}/ are bundled (their url()s are read"
                        f" from there); move it into docs/{FOLDER}/",
                    )
            content = "\n".join(minify_css(t) for t in texts).encode("utf-8")
        else:
            content = "\n;".join(_guarded(e, minify_js(t)) for (e, _), t in zip(local, texts, strict=True))
            content = content.encode("utf-8")
        made.append(Bundle(_name(kind, content), content, tuple(e for e, _ in local)))
        lists.append([made[-1].uri, *rest])
    return Assets(lists[0], lists[1], tuple(made))
