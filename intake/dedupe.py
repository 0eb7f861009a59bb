"""Recognising the same invitation when it is submitted twice, through any channel.

The key is built from what every channel knows about an invitation:

* the requester's **name** (case, accents, punctuation and credentials such as
  ", CAMS" removed). The profile URL is deliberately *not* preferred: an e-mail
  carries only an opaque ``/comm/profile/view?id=…`` tracking link while the LinkedIn
  export carries ``/in/<slug>``, so keying on the URL would make the same invitation
  look different per channel. The canonical URL is used only when the name is empty.
  The requester's company is left out because most channels do not supply it (a
  LinkedIn e-mail has a headline, the export nothing), and two namesakes sending the
  same note to the same recipient on the same day are not a realistic collision.
* the **note**, normalised (case, quotes, whitespace), because one requester can
  send several invitations;
* the **recipient** as given (case-insensitive, an e-mail address reduced to the
  address), so two colleagues invited by the same person stay two invitations;
* the **UTC date** of `received_at` (not the time: channels round differently).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from email.utils import parseaddr
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from policy.engine.normalise import (
    fold_quotes,
    normalise_name,
    remove_chars,
    strip_accents,
    unicode_chars,
)

from .errors import IntakeError, ParsedRow

# The format characters (category Cf) of Unicode 14.0, the database of Python 3.11:
# scanning all 1.1 million code points for them cost a third of a second at every
# start-up of every command and worker.
FORMAT_CHAR_RANGES = {
    "14.0.0": (
        (0x00AD, 0x00AD), (0x0600, 0x0605), (0x061C, 0x061C), (0x06DD, 0x06DD),
        (0x070F, 0x070F), (0x0890, 0x0891), (0x08E2, 0x08E2), (0x180E, 0x180E),
        (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x2064), (0x2066, 0x206F),
        (0xFEFF, 0xFEFF), (0xFFF9, 0xFFFB), (0x110BD, 0x110BD), (0x110CD, 0x110CD),
        (0x13430, 0x13438), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A), (0xE0001, 0xE0001),
        (0xE0020, 0xE007F),
    ),
}  # fmt: skip


def format_chars() -> frozenset[str]:
    """Return the invisible format characters (category Cf) of this Python's Unicode data."""
    ranges = FORMAT_CHAR_RANGES.get(unicodedata.unidata_version)
    if ranges is None:
        return unicode_chars(lambda ch: unicodedata.category(ch) == "Cf")
    return frozenset(chr(code) for low, high in ranges for code in range(low, high + 1))


_FORMAT_CHARS = format_chars()


def _plain(text: str) -> str:
    """Return `text` in NFKD without accents and invisible format characters."""
    return remove_chars(strip_accents(text), _FORMAT_CHARS)


def _fold(text: str) -> str:
    """Return `text` compared loosely: NFKD without accents and invisible format characters,
    quotes plain, case-folded, spaces single."""
    return " ".join(fold_quotes(_plain(text)).casefold().split())


def cross_channel_name(name: str) -> str:
    """Return the name by which every channel knows one person: `normalise_name` keeping
    titles, without credentials after a comma ("Dr. Kim Lee, CAMS" -> "dr kim lee") and
    without invisible format characters; "" when empty.

    Part of the dedupe key, so titles stay: stored keys must not move with the title list.
    """
    head = (name or "").split(",", 1)[0]
    return normalise_name(_plain(head), keep_titles=True)


def normalise_message(message: str) -> str:
    """Return the note with case, accents, quote styles and whitespace normalised."""
    return _fold(message or "")


def canonical_profile_url(url: str) -> str:
    """Return a stable identifier for a LinkedIn profile URL ("" when there is none).

    ``/in/<slug>`` (also under ``/comm/``) gives ``in/<slug>``; the e-mail's
    ``profile/view?id=…`` gives ``id/<id>``; any other LinkedIn address (a bare ``/in/``)
    names nobody and gives ""; anything else host + path.
    """
    if not url:
        return ""
    candidate = url if "://" in url else "https://" + url
    try:
        parts = urlsplit(candidate)
    except ValueError:
        return _fold(url)
    host = (parts.hostname or "").removeprefix("www.")
    path = unicodedata.normalize("NFC", unquote(parts.path)).casefold().rstrip("/")
    path = path.removeprefix("/comm")
    match = re.match(r"^/in/([^/]+)", path)
    if match:
        return f"in/{match.group(1)}"
    if path.endswith("/profile/view"):
        ident = parse_qs(parts.query).get("id", [""])[0]
        if ident:
            return f"id/{ident}"
    if host == "linkedin.com" or host.endswith(".linkedin.com"):
        # A bare /in/ or the home page names nobody: an unknown profile.
        return ""
    return f"{host}{path}"


def _recipient(recipient: str) -> str:
    recipient = recipient or ""
    if "<" not in recipient and "@" in recipient and " " not in recipient.strip():
        return recipient.strip().casefold()
    _, address = parseaddr(recipient)
    if "@" in address:
        return address.casefold()
    return cross_channel_name(recipient or "")


def dedupe_key(record: dict[str, Any]) -> str:
    """Return the SHA-256 hex key under which `record` counts as the same invitation."""
    who = cross_channel_name(record.get("requester_name") or "")
    if not who:
        who = "url:" + canonical_profile_url(record.get("requester_profile_url") or "")
    received = record.get("received_at")
    day = received.date().isoformat() if received is not None else ""
    parts = [
        who,
        normalise_message(record.get("message") or ""),
        _recipient(record.get("recipient") or ""),
        day,
    ]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


class DuplicateTracker:
    """Remember the keys seen in one file to report "line 9 repeats line 3".

    Only 16 bytes of each key are kept, so memory stays small even for 200,000 rows.
    """

    def __init__(self) -> None:
        self._first_line: dict[bytes, int | None] = {}

    def _earlier_line(self, key: str, line: int | None) -> int | None:
        """Return the line of an earlier record with `key`, or None (and remember this one)."""
        short = bytes.fromhex(key)[:16]
        if short in self._first_line:
            return self._first_line[short] or 0
        self._first_line[short] = line
        return None

    def parsed_row(
        self, filename: str, line: int | None, record: dict[str, Any] | None, errors: list
    ) -> ParsedRow:
        """Return the row a reader yields for `record` (None when it could not be built).

        A record equal to an earlier one of the file adds "line 9 repeats line 3" to
        `errors`. A clean row carries its dedupe key, so storing it computes the key once.
        """
        if record is None:
            return ParsedRow(line, None, errors)
        key = dedupe_key(record)
        earlier = self._earlier_line(key, line)
        if earlier is not None:
            errors.append(IntakeError(filename, line, None, f"line {line} repeats line {earlier}"))
        if errors:
            return ParsedRow(line, None, errors)
        return ParsedRow(line, record, errors, key)
