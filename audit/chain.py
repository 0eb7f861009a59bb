"""The canonical serialisation and hash of an audit event (pure; shared by writer and verifier)."""

import hashlib
import json
from datetime import UTC, datetime


def canonical_payload(
    *,
    org_id: int,
    seq: int,
    created_at: datetime,
    actor_id: int | None,
    actor_name: str,
    action: str,
    target_type: str,
    target_id: str,
    data: dict,
    prev_hash: str,
) -> bytes:
    """Return the bytes that an event's hash covers: sorted-key compact JSON, UTC microseconds."""
    record = {
        "org": org_id,
        "seq": seq,
        "at": created_at.astimezone(UTC).isoformat(timespec="microseconds"),
        "actor": actor_id,
        "actor_name": actor_name,
        "action": action,
        "target_type": target_type,
        "target_id": target_id,
        "data": data,
        "prev": prev_hash,
    }
    return json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def event_hash(**fields) -> str:
    """Return the SHA-256 hex digest of the canonical payload of the given event fields."""
    return hashlib.sha256(canonical_payload(**fields)).hexdigest()
