"""The canonical invitation record every intake channel produces.

Records are plain dicts so the policy engine (which builds its Facts from them), the
ORM layer and the CLI can share them without importing each other.
"""

from __future__ import annotations

from typing import Any

# Fields a person or a file may supply; the rest are derived by intake.
INPUT_FIELDS: tuple[str, ...] = (
    "ref",
    "recipient",
    "requester_name",
    "requester_headline",
    "requester_company",
    "requester_industry",
    "requester_country",
    "requester_profile_url",
    "requester_has_photo",
    "mutual_connections",
    "message",
    "received_at",
    "worked_together",
    "recognises_name",
    "colleagues_connected",
    "attachments",
)
DERIVED_FIELDS: tuple[str, ...] = ("links", "email_findings", "raw_source")
RECORD_KEYS: tuple[str, ...] = INPUT_FIELDS + DERIVED_FIELDS

_NONE_FIELDS = frozenset(
    {"requester_has_photo", "mutual_connections", "received_at", "colleagues_connected"}
)
_LIST_FIELDS = frozenset({"attachments", "links", "email_findings"})


_EMPTY: dict[str, Any] = {
    key: None if key in _NONE_FIELDS else "" for key in RECORD_KEYS if key not in _LIST_FIELDS
}


def empty_record() -> dict[str, Any]:
    """Return a record with every key set to "unknown": "", None or an empty list."""
    record = dict.fromkeys(RECORD_KEYS)
    record.update(_EMPTY)
    for key in _LIST_FIELDS:
        record[key] = []
    return record


def attachment_entry(
    name: str, size: int | None = None, content_type: str = "", sha256: str = ""
) -> dict[str, Any]:
    """Return one attachment's metadata in the record's shape."""
    return {"name": name, "size": size, "content_type": content_type, "sha256": sha256}
