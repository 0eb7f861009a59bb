"""Exporting audit events as CSV or JSON lines, streamed row by row.

Each row carries everything needed to re-check its hash offline (audit/chain.py):
created_at is written in the canonical form (UTC, microseconds).
"""

import csv
import json
from collections.abc import Iterable, Iterator
from datetime import UTC

# A spreadsheet treats a cell starting with one of these as a formula (CSV injection).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

COLUMNS = (
    "seq",
    "created_at",
    "actor",
    "actor_id",
    "action",
    "target_type",
    "target_id",
    "data",
    "prev_hash",
    "hash",
    "org_id",
)

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/x-ndjson; charset=utf-8",
}


def safe_cell(value) -> str:
    """Return `value` as CSV cell text that a spreadsheet shows as text, never runs as a formula."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_TRIGGERS):
        return "'" + text
    return text


def event_record(event) -> dict:
    """Return the exported fields of one event, in column order."""
    return {
        "seq": event.seq,
        "created_at": event.created_at.astimezone(UTC).isoformat(timespec="microseconds"),
        "actor": event.actor_name,
        "actor_id": event.actor_id,
        "action": event.action,
        "target_type": event.target_type,
        "target_id": event.target_id,
        "data": event.data,
        "prev_hash": event.prev_hash,
        "hash": event.hash,
        "org_id": event.organisation_id,
    }


class _Line:
    """A file-like object whose write() returns what was written, for csv.writer."""

    def write(self, value: str) -> str:
        return value


def csv_lines(events: Iterable) -> Iterator[str]:
    """Yield the CSV header and one line per event, every cell made formula-safe."""
    writer = csv.writer(_Line())
    yield writer.writerow(COLUMNS)
    for event in events:
        record = event_record(event)
        record["data"] = json.dumps(record["data"], ensure_ascii=False, sort_keys=True)
        yield writer.writerow([safe_cell(record[column]) for column in COLUMNS])


def jsonl_lines(events: Iterable) -> Iterator[str]:
    """Yield one compact JSON object per event, each on its own line."""
    for event in events:
        yield json.dumps(event_record(event), ensure_ascii=False, sort_keys=True) + "\n"


WRITERS = {"csv": csv_lines, "jsonl": jsonl_lines}
