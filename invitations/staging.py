"""Turning intake rows into PostgreSQL COPY text.

Bulk intake streams every new invitation into a staging table with COPY and moves
the rows in with one INSERT … ON CONFLICT. Files are read in one pass, in order, by a
worker (never cut in parts: a cut can land inside a quoted value).
"""

import json
from collections.abc import Callable, Iterator
from datetime import datetime
from functools import lru_cache

from intake.records import RECORD_KEYS

# Columns written by bulk intake, in COPY order.
COLUMNS = (
    "organisation_id",
    "submitter_id",
    "batch_id",
    "channel",
    "status",
    *RECORD_KEYS,
    "dedupe_key",
    "requester_key",
    "created_at",
    "enqueued_at",
    "claim",
    "recommendation",
    "risk",
    "reasons",
    "decision",
)
_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})
_LINES_PER_WRITE = 1000

MakeValues = Callable[..., dict]


def _text(value: str | None) -> str:
    if value is None:
        return "\\N"
    if "\\" in value or "\t" in value or "\n" in value or "\r" in value:
        return value.translate(_COPY_ESCAPES)
    return value


def _json(value) -> str:
    if value is None:
        return "\\N"
    return _text(json.dumps(value, ensure_ascii=False, default=str)) if value else "[]"


def _plain(value) -> str:
    return "\\N" if value is None else str(value)


def _boolean(value: bool | None) -> str:
    return "\\N" if value is None else "t" if value else "f"


def _moment(value: datetime | None) -> str:
    return "\\N" if value is None else value.isoformat()


@lru_cache(maxsize=4)
def _same_moment(value: datetime | None) -> str:
    # created_at and enqueued_at are the same for every row of an import.
    return _moment(value)


_FORMATS = {
    "attachments": _json,
    "links": _json,
    "email_findings": _json,
    "reasons": _json,
    "organisation_id": _plain,
    "submitter_id": _plain,
    "batch_id": _plain,
    "mutual_connections": _plain,
    "colleagues_connected": _plain,
    "risk": _plain,
    "requester_has_photo": _boolean,
    "received_at": _moment,
    "created_at": _same_moment,
    "enqueued_at": _same_moment,
}
_COLUMN_FORMATS = tuple((column, _FORMATS.get(column, _text)) for column in COLUMNS)


def copy_line(values: dict) -> str:
    """Return one row of COLUMNS from `values` in COPY's text format, newline included."""
    return "\t".join([fmt(values[column]) for column, fmt in _COLUMN_FORMATS]) + "\n"


def copy_chunks(rows, make_values: MakeValues) -> Iterator[str]:
    """Yield COPY text for the records of `rows`, a thousand lines at a time.

    Rows without a record (skipped by the reader, or carrying errors) are left out.
    """
    lines: list[str] = []
    for row in rows:
        if row.record is None:
            continue
        lines.append(copy_line(make_values(record=row.record, record_key=row.dedupe_key)))
        if len(lines) >= _LINES_PER_WRITE:
            yield "".join(lines)
            lines.clear()
    if lines:
        yield "".join(lines)
