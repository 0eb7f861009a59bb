"""Recognising an upload's format by its content and dispatching to the right reader."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import IO, Any

from policy.engine.messages import gettext_noop as _

from .email_intake import parse_eml
from .errors import IntakeError, ParsedRow, file_error
from .jsonl import read_jsonl
from .limits import DEFAULT_LIMITS, IntakeLimits
from .linkedin_export import (
    is_connections_header,
    is_invitations_header,
    is_roster_header,
    open_linkedin_export,
    read_linkedin_connections,
    read_linkedin_invitations,
    read_roster_csv,
)
from .template_csv import is_template_header, read_template_csv
from .textio import UTF16_BOMS, header_delimiter

HEAD_BYTES = 64 * 1024
FORMATS = (
    "template_csv",
    "linkedin_invitations",
    "linkedin_connections",
    "roster_csv",
    "jsonl",
    "eml",
    "zip",
)
ACCEPTED = (
    "Vouch's CSV template (header ref,recipient,requester_name,…), LinkedIn's Invitations.csv "
    "or Connections.csv, a roster CSV (name,profile_url,company), JSON lines (one object per "
    "line), an e-mail saved as .eml, or LinkedIn's data-export ZIP"
)
_MAIL_HEADERS = frozenset(
    {
        "from", "to", "cc", "subject", "date", "message-id", "mime-version", "received",
        "return-path", "delivered-to", "content-type", "reply-to", "authentication-results",
        "dkim-signature", "x-linkedin-class", "x-linkedin-template", "references", "sender",
    }
)  # fmt: skip
_HEADER_LINE_RE = re.compile(r"^([!-9;-~]+):")


def _looks_like_email(text: str) -> bool:
    known = 0
    for index, line in enumerate(text.splitlines()[:200]):
        if not line.strip():
            break
        if index == 0 and line.startswith("From "):
            continue
        if line[:1] in (" ", "\t"):
            continue
        match = _HEADER_LINE_RE.match(line)
        if not match:
            return False
        known += match.group(1).casefold() in _MAIL_HEADERS
    return known >= 2


_CSV_KINDS = (
    ("template_csv", is_template_header),
    ("linkedin_invitations", is_invitations_header),
    ("linkedin_connections", is_connections_header),
    ("roster_csv", is_roster_header),
)


def _csv_kind(text: str) -> str | None:
    for line in text.splitlines()[:30]:
        for kind, is_header in _CSV_KINDS:
            if header_delimiter(line, is_header) is not None:
                return kind
    return None


def detect_format(head: bytes, filename: str) -> str:
    """Return the format of an upload from its first bytes (one of FORMATS).

    Content decides (ZIP magic, MIME headers, a leading "{", a known CSV header); the
    file name is only a tie-breaker. Raises IntakeError naming the accepted formats.
    """
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "zip"
    if head[:2] in UTF16_BOMS:
        text = head[: len(head) // 2 * 2].decode("utf-16", errors="replace")
    else:
        text = head.removeprefix(b"\xef\xbb\xbf").decode("utf-8", errors="replace")
    stripped = text.lstrip()
    if stripped.startswith("{"):
        return "jsonl"
    if _looks_like_email(text.lstrip("\r\n")):
        return "eml"
    kind = _csv_kind(text)
    if kind:
        return kind
    name = filename.casefold()
    if name.endswith((".eml", ".msg.eml")) and _HEADER_LINE_RE.match(stripped):
        return "eml"
    if not stripped:
        raise IntakeError(filename, None, None, _("the file is empty"))
    raise IntakeError(
        filename,
        None,
        None,
        _("is not a format Vouch reads; it accepts %(formats)s", formats=ACCEPTED),
    )


class Prefixed(io.RawIOBase):
    """A read-only stream that replays `head` before the rest of `rest`.

    With `limit`, at most that many bytes are read from `rest`.
    """

    def __init__(self, head: bytes, rest: IO[bytes], limit: int | None = None) -> None:
        self._head = head
        self._rest = rest
        self._left = limit

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._head:
            size = min(len(buffer), len(self._head))
            buffer[:size] = self._head[:size]
            self._head = self._head[size:]
            return size
        wanted = len(buffer) if self._left is None else min(len(buffer), self._left)
        data = self._rest.read(wanted)
        if self._left is not None:
            self._left -= len(data)
        buffer[: len(data)] = data
        return len(data)


def _peek(fileobj: IO[Any]) -> tuple[bytes, IO[Any]]:
    """Return (first bytes, a file object positioned where `fileobj` was)."""
    seekable = fileobj.seekable() if hasattr(fileobj, "seekable") else False
    position = fileobj.tell() if seekable else 0
    head = fileobj.read(HEAD_BYTES)
    if isinstance(head, str):
        if seekable:
            fileobj.seek(position)
            return head.encode("utf-8"), fileobj
        return head.encode("utf-8"), io.StringIO(head + fileobj.read())
    if seekable:
        fileobj.seek(position)
        return head, fileobj
    return head, io.BufferedReader(Prefixed(head, fileobj))


def _email_row(stream: IO[Any], filename: str, limits: IntakeLimits) -> ParsedRow:
    data = stream.read(limits.max_email_bytes + 1)
    if isinstance(data, str):
        data = data.encode("utf-8")
    result = parse_eml(data, filename, limits)
    return ParsedRow(None, result.record, result.errors)


def read_invitations(
    fileobj: IO[Any], filename: str, limits: IntakeLimits = DEFAULT_LIMITS
) -> Iterator[ParsedRow]:
    """Yield the invitation rows of any accepted upload (binary or text file object).

    An e-mail gives one row; a ZIP gives the rows of its Invitations.csv. Roster files
    and unrecognised content give a single error row.
    """
    head, stream = _peek(fileobj)
    try:
        kind = detect_format(head, filename)
    except IntakeError as exc:
        yield ParsedRow(None, None, [exc])
        return
    if kind == "template_csv":
        yield from read_template_csv(stream, filename, limits)
    elif kind == "jsonl":
        yield from read_jsonl(stream, filename, limits)
    elif kind == "linkedin_invitations":
        yield from read_linkedin_invitations(stream, filename, limits)
    elif kind == "eml":
        yield _email_row(stream, filename, limits)
    elif kind == "zip":
        with open_linkedin_export(stream, filename, limits) as export:
            yield from export.invitations()
    else:
        yield file_error(
            filename,
            "is a roster of known contacts (Connections.csv or name,profile_url,company), "
            "not invitations; upload it as a roster",
        )


def read_roster(
    fileobj: IO[Any], filename: str, limits: IntakeLimits = DEFAULT_LIMITS
) -> Iterator[ParsedRow]:
    """Yield roster-entry rows from Connections.csv, a roster CSV or an export ZIP."""
    head, stream = _peek(fileobj)
    try:
        kind = detect_format(head, filename)
    except IntakeError as exc:
        yield ParsedRow(None, None, [exc])
        return
    if kind == "linkedin_connections":
        yield from read_linkedin_connections(stream, filename, limits)
    elif kind == "roster_csv":
        yield from read_roster_csv(stream, filename, limits)
    elif kind == "zip":
        with open_linkedin_export(stream, filename, limits) as export:
            yield from export.connections()
    else:
        yield file_error(
            filename,
            "is not a roster; upload LinkedIn's Connections.csv, the export ZIP or a CSV "
            "with the columns name,profile_url,company",
        )


def parse_all(
    fileobj: IO[Any], filename: str, limits: IntakeLimits = DEFAULT_LIMITS
) -> tuple[list[dict[str, Any]], list[IntakeError]]:
    """Return (records, errors) of a whole invitations upload; reject it if errors is not empty."""
    records: list[dict[str, Any]] = []
    errors: list[IntakeError] = []
    for row in read_invitations(fileobj, filename, limits):
        errors.extend(row.errors)
        if row.record is not None:
            records.append(row.record)
    return records, errors
