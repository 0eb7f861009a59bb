"""Vouch's own CSV template for bulk submission of invitations."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import IO, Any

from .dedupe import DuplicateTracker
from .errors import ParsedRow, cap_errors
from .fields import build_record
from .limits import DEFAULT_LIMITS, IntakeLimits
from .records import INPUT_FIELDS
from .textio import iter_table

TEMPLATE_HEADER: tuple[str, ...] = INPUT_FIELDS
REQUIRED_COLUMNS: tuple[str, ...] = ("requester_name",)

_EXAMPLES: tuple[dict[str, str], ...] = (
    {
        "ref": "INV-1",
        "recipient": "kim.meier@example.com",
        "requester_name": "Alex Example",
        "requester_headline": "Account Executive at Example Corp",
        "requester_company": "Example Corp",
        "requester_industry": "Software Development",
        "requester_country": "DE",
        "requester_profile_url": "https://www.linkedin.com/in/alex-example",
        "requester_has_photo": "yes",
        "mutual_connections": "3",
        "message": "Hi Kim, we met at the Berlin DevOps meetup, let's stay in touch.",
        "received_at": "2026-03-01T09:30:00Z",
        "worked_together": "no",
        "recognises_name": "yes",
        "colleagues_connected": "2",
        "attachments": "",
    },
    {
        "ref": "INV-2",
        "recipient": "kim.meier@example.com",
        "requester_name": "Sam Sample, MBA",
        "requester_headline": "Growth hacker | Crypto | Web3",
        "requester_company": "",
        "requester_industry": "",
        "requester_country": "",
        "requester_profile_url": "",
        "requester_has_photo": "no",
        "mutual_connections": "0",
        "message": "I'd like to add you to my professional network on LinkedIn.",
        "received_at": "2026-03-02",
        "worked_together": "unsure",
        "recognises_name": "no",
        "colleagues_connected": "",
        "attachments": "offer.pdf|invoice.exe",
    },
)


def template_csv_text() -> str:
    """Return the template (header and two example rows) as CSV text for a download link."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=TEMPLATE_HEADER, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(_EXAMPLES)
    return out.getvalue()


def is_template_header(cells: list[str]) -> bool:
    """Return whether normalised `cells` look like the template's header."""
    known = set(cells) & set(TEMPLATE_HEADER)
    return "requester_name" in known or len(known) >= 3


def _rows(fileobj: IO[Any], filename: str, limits: IntakeLimits) -> Iterator[ParsedRow]:
    no_header = (
        "has no header row; the first line must name the columns, e.g. "
        + ",".join(TEMPLATE_HEADER[:4])
        + ",… (download the template)"
    )
    tracker = DuplicateTracker()
    for line, values, errors in iter_table(
        fileobj,
        filename,
        limits,
        is_header=is_template_header,
        no_header_message=no_header,
        required=REQUIRED_COLUMNS,
    ):
        if values is None:
            yield ParsedRow(line, None, errors)
            continue
        record, field_errors = build_record(values, filename, line, limits)
        errors.extend(field_errors)
        yield tracker.parsed_row(filename, line, record, errors)


def read_template_csv(
    fileobj: IO[Any], filename: str = "invitations.csv", limits: IntakeLimits = DEFAULT_LIMITS
) -> Iterator[ParsedRow]:
    """Yield one ParsedRow per data row of a template CSV (binary or text file object).

    Unknown columns are ignored; a missing header or required column ends the stream
    with an error. Errors beyond `limits.max_errors` are summarised in a final row.
    """
    return cap_errors(_rows(fileobj, filename, limits), filename, limits.max_errors)
