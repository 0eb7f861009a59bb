"""Error and row types shared by every intake parser."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from policy.engine.messages import gettext_noop as _


@dataclass(eq=True)
class IntakeError(Exception):
    """One problem in an uploaded file, located as precisely as the format allows.

    `line` is the 1-based physical line where the offending record starts (None for
    file-level problems and for e-mails); `column` is the field or column name.
    """

    file: str
    line: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = self.file or "upload"
        if self.line is not None:
            where += f", line {self.line}"
        if self.column:
            where += f", column {self.column}"
        return f"{where}: {self.message}"


@dataclass(slots=True)
class ParsedRow:
    """One item of a reader's stream.

    `record` is None when the row had errors (or is a file-level error carrier with
    `line` None). A stream that yielded any error must be rejected as a whole.
    `dedupe_key` is the record's key when the reader already computed it, else "".
    `skipped` names why a row without record and errors was left out on purpose
    (SKIPPED_OUTGOING, SKIPPED_CONNECTED), so callers can count and say so.
    """

    line: int | None
    record: dict[str, Any] | None
    errors: list[IntakeError] = field(default_factory=list)
    dedupe_key: str = ""
    skipped: str = ""


SKIPPED_OUTGOING = "outgoing"
SKIPPED_CONNECTED = "already_connected"


def cap_errors(rows: Iterable[ParsedRow], filename: str, max_errors: int) -> Iterator[ParsedRow]:
    """Yield `rows` unchanged until `max_errors` errors have been shown.

    After that, errors are counted instead of carried, and a final row carries one
    "…and N more errors" message, so a stream that had errors always ends with one.
    """
    shown = 0
    hidden = 0
    for row in rows:
        if row.errors:
            room = max(max_errors - shown, 0)
            if len(row.errors) > room:
                hidden += len(row.errors) - room
                row = ParsedRow(row.line, None, row.errors[:room])
            shown += len(row.errors)
        yield row
    if hidden:
        more = (
            _("…and %(n)s more error", n=f"{hidden:,}")
            if hidden == 1
            else _("…and %(n)s more errors", n=f"{hidden:,}")
        )
        yield ParsedRow(None, None, [IntakeError(filename, None, None, more)])


def file_error(filename: str, message: str) -> ParsedRow:
    """Return a row that carries one file-level error."""
    return ParsedRow(None, None, [IntakeError(filename, None, None, message)])
