"""The review queue's opaque keyset cursor over (risk, id)."""

import base64
import binascii
import math


def cursor_encode(risk: float, pk: int) -> str:
    """Return the opaque cursor for "after the row with this risk and id"."""
    raw = f"{float(risk)!r}:{int(pk)}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def cursor_decode(cursor: str | None) -> tuple[float, int] | None:
    """Return (risk, id) from a cursor, or None when it is missing or not one of ours."""
    if not cursor or len(cursor) > 100:
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        risk_text, _sep, pk_text = raw.rpartition(":")
        risk, pk = float(risk_text), int(pk_text)
    except (ValueError, binascii.Error, UnicodeDecodeError):
        return None
    if not math.isfinite(risk) or pk < 1:
        return None
    return risk, pk
