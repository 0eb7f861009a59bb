"""LinkedIn's own data export: Invitations.csv, Connections.csv and the whole ZIP.

Formats are documented in shared/samples/real/SOURCES.md §4. LinkedIn writes dates
without a time zone; they are taken as UTC. Dates are parsed by hand rather than with
strptime because %b and %p depend on the process locale.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import partial
from typing import IO, Any

from policy.engine.links import find_links

from .dedupe import DuplicateTracker
from .errors import IntakeError, ParsedRow, cap_errors, file_error
from .fields import FieldError, parse_text, parse_url, plausible_moment, show
from .limits import DEFAULT_LIMITS, IntakeLimits, format_bytes
from .records import empty_record
from .textio import iter_table

INVITATIONS_HEADER = (
    "From",
    "To",
    "Sent At",
    "Message",
    "Direction",
    "inviterProfileUrl",
    "inviteeProfileUrl",
)
CONNECTIONS_HEADER = (
    "First Name",
    "Last Name",
    "URL",
    "Email Address",
    "Company",
    "Position",
    "Connected On",
)
ROSTER_HEADER = ("name", "profile_url", "company")

_MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
_US_DATETIME_RE = re.compile(
    r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(?:([ap])\.?\s*m\.?)?$",
    re.I,
)
_DAY_MONTH_YEAR_RE = re.compile(r"^(\d{1,2})[\s-]+([a-z]{3})[a-z]*\.?[\s-]+(\d{4})$", re.I)
_ISO_DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
# LinkedIn (via ICU) may put a narrow no-break space before AM/PM.
_SPACES = str.maketrans({"\u202f": " ", "\xa0": " ", "\u2009": " "})


def parse_linkedin_datetime(value: str) -> datetime | None:
    """Return an aware UTC datetime from "8/18/18, 9:08 AM" (US, 12-hour); None when empty.

    Also accepts four-digit years, 24-hour times and ISO 8601. Raises FieldError.
    """
    text = " ".join(value.translate(_SPACES).split())
    if not text:
        return None
    match = _US_DATETIME_RE.match(text)
    if match:
        month, day, year, hour, minute, second, half = match.groups()
        year_n = int(year) + (2000 if len(year) == 2 else 0)
        hour_n = int(hour)
        if half:
            if not 1 <= hour_n <= 12:
                raise FieldError(f"{show(value)} has an impossible hour")
            hour_n = hour_n % 12 + (12 if half.casefold() == "p" else 0)
        try:
            moment = datetime(
                year_n, int(month), int(day), hour_n, int(minute), int(second or 0), tzinfo=UTC
            )
        except ValueError:
            raise FieldError(f"{show(value)} is not a real date") from None
        return plausible_moment(moment, value)
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        raise FieldError(f"{show(value)} is not a LinkedIn date like 8/18/18, 9:08 AM") from None
    return plausible_moment(parsed, value)


def parse_connected_on(value: str) -> date | None:
    """Return the date from "12 Mar 2024", "3/12/24, 4:05 PM" or "2024-03-12"; None when empty."""
    text = " ".join(value.translate(_SPACES).split())
    if not text:
        return None
    match = _DAY_MONTH_YEAR_RE.match(text)
    if match and match.group(2).casefold() in _MONTHS:
        try:
            return date(
                int(match.group(3)), _MONTHS[match.group(2).casefold()], int(match.group(1))
            )
        except ValueError:
            raise FieldError(f"{show(value)} is not a real date") from None
    match = _ISO_DATE_RE.match(text)
    if match:
        try:
            return date(*(int(part) for part in match.groups()))
        except ValueError:
            raise FieldError(f"{show(value)} is not a real date") from None
    try:
        parsed = parse_linkedin_datetime(text)
    except FieldError:
        raise FieldError(f"{show(value)} is not a date like 12 Mar 2024") from None
    return parsed.date() if parsed else None


def is_invitations_header(cells: list[str]) -> bool:
    """Return whether normalised `cells` are the header of LinkedIn's Invitations.csv."""
    return {"from", "to", "sent at", "direction"} <= set(cells)


def is_connections_header(cells: list[str]) -> bool:
    """Return whether normalised `cells` are the header of LinkedIn's Connections.csv."""
    return {"first name", "last name"} <= set(cells)


def is_roster_header(cells: list[str]) -> bool:
    """Return whether normalised `cells` are the header of a plain roster CSV."""
    names = set(cells)
    return "name" in names and bool(names & {"profile_url", "company", "url", "profile url"})


def _invitation_rows(fileobj: IO[Any], filename: str, limits: IntakeLimits) -> Iterator[ParsedRow]:
    tracker = DuplicateTracker()
    chars = limits.chars_for("message")
    name_chars = limits.chars_for("requester_name")
    recipient_chars = limits.chars_for("recipient")
    url_chars = limits.chars_for("requester_profile_url")
    for line, values, errors in iter_table(
        fileobj,
        filename,
        limits,
        is_header=is_invitations_header,
        no_header_message="has no Invitations.csv header (From,To,Sent At,Message,Direction,…)",
        search_rows=5,
    ):
        if values is None:
            yield ParsedRow(line, None, errors)
            continue
        direction = values.get("direction", "").strip().upper()
        if direction == "OUTGOING":
            if errors:
                yield ParsedRow(line, None, errors)
            continue
        if direction != "INCOMING":
            errors.append(
                IntakeError(
                    filename,
                    line,
                    "Direction",
                    f"{show(values.get('direction', ''))} is neither INCOMING nor OUTGOING",
                )
            )
        record = empty_record()
        columns = (
            ("From", "requester_name", partial(parse_text, max_chars=name_chars)),
            ("To", "recipient", partial(parse_text, max_chars=recipient_chars)),
            ("Message", "message", lambda v: parse_text(v, chars)),
            ("Sent At", "received_at", parse_linkedin_datetime),
            ("inviterProfileUrl", "requester_profile_url", partial(parse_url, max_chars=url_chars)),
        )
        for column, key, parse in columns:
            try:
                record[key] = parse(values.get(column.casefold(), ""))
            except FieldError as exc:
                errors.append(IntakeError(filename, line, column, str(exc)))
        if not record["requester_name"] and not any(e.column == "From" for e in errors):
            errors.append(
                IntakeError(filename, line, "From", "is empty; every invitation needs a name")
            )
        if errors:
            yield ParsedRow(line, None, errors)
            continue
        record["links"] = find_links(record["message"])
        yield tracker.parsed_row(filename, line, record, errors)


def read_linkedin_invitations(
    fileobj: IO[Any], filename: str = "Invitations.csv", limits: IntakeLimits = DEFAULT_LIMITS
) -> Iterator[ParsedRow]:
    """Yield a ParsedRow per INCOMING row of LinkedIn's Invitations.csv (old or new format).

    OUTGOING rows are skipped silently: they are invitations the member sent.
    """
    return cap_errors(_invitation_rows(fileobj, filename, limits), filename, limits.max_errors)


def roster_entry(**values: Any) -> dict[str, Any]:
    """Return a roster entry with every key present ("" or None when unknown)."""
    entry: dict[str, Any] = {
        "first_name": "",
        "last_name": "",
        "name": "",
        "profile_url": "",
        "email": "",
        "company": "",
        "position": "",
        "connected_on": None,
    }
    entry.update(values)
    return entry


def _connection_rows(fileobj: IO[Any], filename: str, limits: IntakeLimits) -> Iterator[ParsedRow]:
    chars = limits.max_field_chars
    for line, values, errors in iter_table(
        fileobj,
        filename,
        limits,
        is_header=is_connections_header,
        no_header_message="has no Connections.csv header (First Name,Last Name,URL,…)",
        search_rows=10,
    ):
        if values is None:
            yield ParsedRow(line, None, errors)
            continue
        entry = roster_entry()
        columns = (
            ("First Name", "first_name", lambda v: parse_text(v, chars)),
            ("Last Name", "last_name", lambda v: parse_text(v, chars)),
            ("URL", "profile_url", lambda v: parse_url(v, chars)),
            ("Email Address", "email", lambda v: parse_text(v, chars)),
            ("Company", "company", lambda v: parse_text(v, chars)),
            ("Position", "position", lambda v: parse_text(v, chars)),
            ("Connected On", "connected_on", parse_connected_on),
        )
        for column, key, parse in columns:
            try:
                entry[key] = parse(values.get(column.casefold(), ""))
            except FieldError as exc:
                errors.append(IntakeError(filename, line, column, str(exc)))
        # Hidden or closed profiles are exported as rows holding only the date.
        if not errors and not (entry["first_name"] or entry["last_name"] or entry["profile_url"]):
            continue
        # The 2018 export sometimes put a member URN where the address belongs.
        if "@" not in entry["email"]:
            entry["email"] = ""
        entry["name"] = " ".join(part for part in (entry["first_name"], entry["last_name"]) if part)
        yield ParsedRow(line, None if errors else entry, errors)


def read_linkedin_connections(
    fileobj: IO[Any], filename: str = "Connections.csv", limits: IntakeLimits = DEFAULT_LIMITS
) -> Iterator[ParsedRow]:
    """Yield a ParsedRow of roster entries per connection in LinkedIn's Connections.csv.

    The header is found by content, so the "Notes:" preamble and a BOM are fine; rows
    of hidden profiles (only a date) are skipped.
    """
    return cap_errors(_connection_rows(fileobj, filename, limits), filename, limits.max_errors)


def _roster_rows(fileobj: IO[Any], filename: str, limits: IntakeLimits) -> Iterator[ParsedRow]:
    chars = limits.max_field_chars
    for line, values, errors in iter_table(
        fileobj,
        filename,
        limits,
        is_header=is_roster_header,
        no_header_message="has no roster header (name,profile_url,company)",
    ):
        if values is None:
            yield ParsedRow(line, None, errors)
            continue
        entry = roster_entry()
        url = values.get("profile_url", values.get("profile url", values.get("url", "")))
        columns = (
            ("name", "name", values.get("name", ""), lambda v: parse_text(v, chars)),
            ("profile_url", "profile_url", url, lambda v: parse_url(v, chars)),
            ("company", "company", values.get("company", ""), lambda v: parse_text(v, chars)),
        )
        for column, key, raw, parse in columns:
            try:
                entry[key] = parse(raw)
            except FieldError as exc:
                errors.append(IntakeError(filename, line, column, str(exc)))
        if not errors and not (entry["name"] or entry["profile_url"]):
            errors.append(
                IntakeError(filename, line, "name", "is empty and there is no profile_url")
            )
        yield ParsedRow(line, None if errors else entry, errors)


def read_roster_csv(
    fileobj: IO[Any], filename: str = "roster.csv", limits: IntakeLimits = DEFAULT_LIMITS
) -> Iterator[ParsedRow]:
    """Yield a ParsedRow of roster entries per row of a plain `name,profile_url,company` CSV."""
    return cap_errors(_roster_rows(fileobj, filename, limits), filename, limits.max_errors)


def _unsafe_path(name: str) -> bool:
    normal = name.replace("\\", "/")
    if normal.startswith("/") or re.match(r"^[a-zA-Z]:", normal):
        return True
    return ".." in normal.split("/")


@dataclass
class LinkedInExport:
    """A validated LinkedIn data-export ZIP.

    `errors` holds archive-level problems; when it is not empty the streams yield
    nothing but those errors. Keep the underlying file open while iterating.
    """

    filename: str
    limits: IntakeLimits
    errors: list[IntakeError] = field(default_factory=list)
    invitation_members: list[str] = field(default_factory=list)
    connection_members: list[str] = field(default_factory=list)
    archive: zipfile.ZipFile | None = None

    def _stream(self, members: list[str], reader: Any, what: str) -> Iterator[ParsedRow]:
        if self.errors:
            yield ParsedRow(None, None, list(self.errors))
            return
        if not members:
            yield file_error(self.filename, f"the archive contains no {what}")
            return
        assert self.archive is not None
        for member in members:
            name = f"{self.filename}/{member}"
            try:
                with self.archive.open(member) as stream:
                    yield from reader(stream, name, self.limits)
            except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as exc:
                # A damaged member (bad CRC, truncated or corrupt compressed data, an
                # unknown compression method) is only noticed while reading it.
                yield file_error(name, f"cannot be read from the archive ({exc})")
                return

    def __enter__(self) -> LinkedInExport:
        return self

    def __exit__(self, *exc_info) -> None:
        if self.archive is not None:
            self.archive.close()

    def invitations(self) -> Iterator[ParsedRow]:
        """Yield the rows of every Invitations.csv in the archive."""
        return self._stream(self.invitation_members, read_linkedin_invitations, "Invitations.csv")

    def connections(self) -> Iterator[ParsedRow]:
        """Yield the roster rows of every Connections.csv in the archive."""
        return self._stream(self.connection_members, read_linkedin_connections, "Connections.csv")


def open_linkedin_export(
    fileobj: IO[bytes], filename: str = "export.zip", limits: IntakeLimits = DEFAULT_LIMITS
) -> LinkedInExport:
    """Return the LinkedInExport for a ZIP file object (seekable; otherwise it is buffered).

    Checks member count, total uncompressed size, encryption and unsafe paths before
    anything is read; nothing is ever extracted to disk.
    """
    export = LinkedInExport(filename, limits)
    if not fileobj.seekable():
        data = fileobj.read(limits.max_upload_bytes + 1)
        fileobj = io.BytesIO(data)
    fileobj.seek(0, io.SEEK_END)
    size = fileobj.tell()
    fileobj.seek(0)
    if size > limits.max_upload_bytes:
        export.errors.append(
            IntakeError(
                filename,
                None,
                None,
                f"the file is larger than the limit of {format_bytes(limits.max_upload_bytes)}",
            )
        )
        return export
    try:
        archive = zipfile.ZipFile(fileobj)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        export.errors.append(
            IntakeError(filename, None, None, f"is not a readable ZIP archive ({exc})")
        )
        return export
    infos = archive.infolist()
    if len(infos) > limits.max_zip_members:
        export.errors.append(
            IntakeError(
                filename,
                None,
                None,
                f"the archive has {len(infos):,} members; the limit is {limits.max_zip_members:,}",
            )
        )
    total = sum(info.file_size for info in infos)
    if total > limits.max_zip_uncompressed:
        export.errors.append(
            IntakeError(
                filename,
                None,
                None,
                f"the archive unpacks to {format_bytes(total)}; "
                f"the limit is {format_bytes(limits.max_zip_uncompressed)}",
            )
        )
    for info in infos:
        if _unsafe_path(info.filename):
            export.errors.append(
                IntakeError(
                    filename, None, info.filename, "has an unsafe path (absolute or with ..)"
                )
            )
        if info.flag_bits & 0x1:
            export.errors.append(
                IntakeError(
                    filename,
                    None,
                    info.filename,
                    "is encrypted; upload the export without a password",
                )
            )
    if export.errors:
        archive.close()
        return export
    export.archive = archive
    for info in sorted(infos, key=lambda i: (i.filename.count("/"), i.filename)):
        if info.is_dir():
            continue
        base = posixpath.basename(info.filename.replace("\\", "/")).casefold()
        if base == "invitations.csv":
            export.invitation_members.append(info.filename)
        elif base == "connections.csv":
            export.connection_members.append(info.filename)
    return export
