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

# A header field with its folded continuation lines, wherever it stands (top block, MIME part
# headers, attached messages); one C-speed pass over the bytes.
_FOLDED_FIELD_RE = re.compile(rb"^([!-9;-~]{1,200}):([^\r\n]*(?:\r?\n[ \t][^\r\n]*)*)", re.M)
_BOUNDARY_RE = re.compile(rb"^--[^ \t\r\n]*\r?$", re.M)
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
    starts a line (the top block, MIME part headers, attached messages).
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
    lines = data.count(b"\n") + 1
    if lines > limits.max_email_lines:
        return error(f"the e-mail has {lines:,} lines; the limit is {limits.max_email_lines:,}")
    if len(_BOUNDARY_RE.findall(data)) > limits.max_mime_parts * 10:
        return error(
            f"the e-mail has more than {limits.max_mime_parts * 10:,} MIME boundary lines; "
            f"the limit is {limits.max_mime_parts * 10:,}"
        )
    for match in _FOLDED_FIELD_RE.finditer(data):
        name, value = match.group(1), match.group(2)
        shown = name.decode("ascii", "replace")
        if len(match.group(0)) > limits.max_header_line_bytes:
            longest = max(len(line) for line in match.group(0).splitlines())
            if longest > limits.max_header_line_bytes:
                return error(
                    f"a {shown} header line is {format_bytes(longest)}; the limit is "
                    f"{format_bytes(limits.max_header_line_bytes)}"
                )
        if len(match.group(0)) > limits.max_header_field_bytes:
            return error(
                f"the {shown} header is over the limit of "
                f"{format_bytes(limits.max_header_field_bytes)}"
            )
        problem = _field_errors(name, value, limits)
        if problem:
            return error(problem)
    top_words = data[:top_end].count(b"=?")
    if top_words > limits.max_encoded_words * 5:
        return error(
            f"the e-mail's headers have {top_words:,} encoded words; the limit is "
            f"{limits.max_encoded_words * 5:,}"
        )
    return []
