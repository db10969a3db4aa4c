"""Mutations of real input files, for the fuzz tests: a key deleted, a value of another type, an
entry duplicated, broken YAML, a `!!` tag a value does not fit, random bytes, control characters, very long lines, a cut."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from hypothesis import strategies as st

ODD_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 10**12),
    st.floats(allow_nan=True),
    st.text(max_size=30),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)


@st.composite
def structural(draw, data):
    """A YAML document's data with one entry's key deleted or retyped, or an entry duplicated."""
    items = data if isinstance(data, list) else data.get("notes", [])
    if not items:
        return data
    index = draw(st.integers(0, len(items) - 1))
    entry = items[index]
    kind = draw(st.sampled_from(["delete", "retype", "duplicate", "retype-nested"]))
    if kind == "duplicate":
        items.insert(index, dict(entry) if isinstance(entry, dict) else entry)
    elif isinstance(entry, dict) and entry:
        key = draw(st.sampled_from(sorted(entry)))
        if kind == "delete":
            del entry[key]
        elif kind == "retype":
            entry[key] = draw(ODD_VALUES)
        elif isinstance(entry[key], list) and entry[key] and isinstance(entry[key][0], dict):
            nested = entry[key][0]
            nested[draw(st.sampled_from(sorted(nested)))] = draw(ODD_VALUES)
        else:
            entry[key] = [draw(ODD_VALUES)]
    return data


@st.composite
def textual(draw, text: bytes):
    """The file's bytes with random bytes, a control character or a very long line put in, or cut."""
    kind = draw(st.sampled_from(["bytes", "control", "long", "cut", "yaml", "tag"]))
    at = draw(st.integers(0, len(text)))
    values = [m.end() for m in re.finditer(rb": |- ", text)] if kind == "tag" else []
    if values:  # a value YAML must build as another type: `date: !!int 2023-04-28`
        at = draw(st.sampled_from(values))
        return (
            text[:at]
            + draw(st.sampled_from([b"!!int ", b"!!float ", b"!!timestamp ", b"!!binary ", b"!!bool "]))
            + text[at:]
        )
    if kind == "bytes":
        return text[:at] + draw(st.binary(min_size=1, max_size=8)) + text[at:]
    if kind == "control":
        return (
            text[:at]
            + chr(draw(st.sampled_from([0, 1, 7, 8, 11, 12, 27, 127, 0x85, 0x2028, 0xFEFF]))).encode()
            + text[at:]
        )
    if kind == "long":
        return text[:at] + b"word " * draw(st.integers(2000, 20000)) + text[at:]
    if kind == "cut":
        return text[:at]
    return (
        text[:at]
        + draw(
            st.sampled_from(
                [
                    b": ",
                    b"- [",
                    b"{",
                    b"\t",
                    b"'",
                    b'"',
                    b"&a ",
                    b"*a ",
                    b"!!python/object:os.system ",
                    b"---\n",
                    b"? [x]\n: ",
                ]
            )
        )
        + text[at:]
    )


def mutated(draw, path: Path) -> bytes:
    raw = path.read_bytes()
    if draw(st.booleans()):
        return draw(textual(raw))
    if path.suffix == ".txt":  # an article: its front matter is the YAML
        head, _, body = raw.decode("utf-8").partition("\n---\n")
        changed = draw(structural([yaml.safe_load(head.removeprefix("---\n"))]))[0]
        return b"---\n" + yaml.safe_dump(changed, allow_unicode=True).encode() + b"---\n" + body.encode()
    data = yaml.safe_load(raw.decode("utf-8"))
    return yaml.safe_dump(draw(structural(data)), allow_unicode=True, sort_keys=False).encode()
