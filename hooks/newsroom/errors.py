"""One error type for bad input: it names the file, the line and the field."""

from __future__ import annotations


class DataError(Exception):
    """Bad editor input. ``str()`` is one line an editor can act on."""

    def __init__(self, file: str, line: int | None, field: str, why: str) -> None:
        self.file = file
        self.line = line
        self.field = field
        self.why = why = " ".join(why.split()) if "\n" in why else why  # always one line
        where = f"{file}:{line}" if line else file
        super().__init__(f"{where}: {field}: {why}")
