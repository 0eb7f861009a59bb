"""Bounds checked on a raw e-mail before CPython's email parser sees it.

The standard parser is quadratic or recursive in a few places (MIME parameters, address
lists, nested comments, encoded words), so a 100 KB header can hold a worker for minutes.
One linear pass over the bytes measures every header field, in the top header block and in
the header blocks of MIME parts, and refuses the message beyond sane limits.
"""

from __future__ import annotations

import re

from .errors import IntakeError
from .limits import IntakeLimits, format_bytes

_FIELD_RE = re.compile(rb"^([!-9;-~]{1,200}):")
_ADDRESS_FIELDS = frozenset(
    {
        b"from", b"to", b"cc", b"bcc", b"reply-to", b"sender", b"return-path",
        b"resent-from", b"resent-to", b"resent-cc", b"resent-sender",
        b"disposition-notification-to",
    }
)  # fmt: skip
_PARAMETER_FIELDS = frozenset({b"content-type", b"content-disposition"})


def _field_errors(name: bytes, value: bytes, limits: IntakeLimits) -> str | None:
    """Return what is wrong with one unfolded header field, or None."""
    shown = name.decode("ascii", "replace")
    if len(value) > limits.max_header_field_bytes:
        return (
            f"the {shown} header is {format_bytes(len(value))}; the limit is "
            f"{format_bytes(limits.max_header_field_bytes)}"
        )
    words = value.count(b"=?")
    if words > limits.max_encoded_words:
        return (
            f"the {shown} header has {words:,} encoded words; the limit is "
            f"{limits.max_encoded_words:,}"
        )
    key = name.lower()
    if key in _ADDRESS_FIELDS:
        addresses = value.count(b",") + 1
        if addresses > limits.max_addresses:
            return (
                f"the {shown} header lists {addresses:,} addresses; the limit is "
                f"{limits.max_addresses:,}"
            )
        comments = value.count(b"(")
        if comments > limits.max_address_comments:
            return (
                f"the {shown} header has {comments:,} comments in parentheses; the limit is "
                f"{limits.max_address_comments:,}"
            )
    if key in _PARAMETER_FIELDS:
        parameters = value.count(b";")
        if parameters > limits.max_mime_parameters:
            return (
                f"the {shown} header has {parameters:,} parameters; the limit is "
                f"{limits.max_mime_parameters:,}"
            )
    return None


def email_bounds_errors(data: bytes, filename: str, limits: IntakeLimits) -> list[IntakeError]:
    """Return the bounds `data` exceeds (empty when the parser may safely read it).

    Runs in time linear in len(data). Header fields are recognised wherever a "Name:" line
    starts a run of header lines (the top block, MIME part headers, attached messages).
    """

    def error(message: str) -> list[IntakeError]:
        return [IntakeError(filename, None, None, message)]

    top_end = len(data)
    for separator in (b"\n\n", b"\r\n\r\n"):
        at = data.find(separator)
        if 0 <= at < top_end:
            top_end = at
    if top_end > limits.max_header_bytes:
        return error(
            f"the e-mail's header block is {format_bytes(top_end)}; the limit is "
            f"{format_bytes(limits.max_header_bytes)}"
        )
    top_words = 0
    boundaries = 0
    name: bytes | None = None
    value: list[bytes] = []
    size = 0
    offset = 0
    for line in data.splitlines():
        in_top = offset < top_end
        offset += len(line) + 1
        if in_top and len(line) > limits.max_header_line_bytes:
            field_name = _FIELD_RE.match(line)
            what = (
                f"a {field_name.group(1).decode('ascii', 'replace')} header"
                if field_name
                else "a header"
            )
            return error(
                f"{what} line is {format_bytes(len(line))}; the limit is "
                f"{format_bytes(limits.max_header_line_bytes)}"
            )
        if line.startswith(b"--") and b" " not in line:
            boundaries += 1
            if boundaries > limits.max_mime_parts * 10:
                return error(
                    f"the e-mail has more than {limits.max_mime_parts * 10:,} MIME boundary "
                    f"lines; the limit is {limits.max_mime_parts * 10:,}"
                )
        if name is not None and line[:1] in (b" ", b"\t"):
            size += len(line)
            if size > limits.max_header_field_bytes:
                return error(
                    f"the {name.decode('ascii', 'replace')} header is over the limit of "
                    f"{format_bytes(limits.max_header_field_bytes)}"
                )
            value.append(line)
            if in_top:
                top_words += line.count(b"=?")
            continue
        if name is not None:
            problem = _field_errors(name, b" ".join(value), limits)
            if problem:
                return error(problem)
            name = None
        match = _FIELD_RE.match(line)
        if match is None:
            continue
        if len(line) > limits.max_header_line_bytes:
            return error(
                f"a {match.group(1).decode('ascii', 'replace')} header line is "
                f"{format_bytes(len(line))}; the limit is "
                f"{format_bytes(limits.max_header_line_bytes)}"
            )
        if in_top:
            top_words += line.count(b"=?")
        name, value, size = match.group(1), [line[match.end() :]], len(line)
    if name is not None:
        problem = _field_errors(name, b" ".join(value), limits)
        if problem:
            return error(problem)
    if top_words > limits.max_encoded_words * 5:
        return error(
            f"the e-mail's headers have {top_words:,} encoded words; the limit is "
            f"{limits.max_encoded_words * 5:,}"
        )
    return []
