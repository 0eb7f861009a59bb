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
from policy.engine.normalise import normalise_profile_url

from .dedupe import DuplicateTracker, cross_channel_name
from .errors import (
    SKIPPED_CONNECTED,
    SKIPPED_OUTGOING,
    IntakeError,
    ParsedRow,
    cap_errors,
    file_error,
)
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

# Month abbreviations as Excel writes them in the languages of LinkedIn's markets.
_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "jan ene gen janv jän",
        "feb fev fév févr",
        "mar mär mrz mrt mars maa",
        "apr abr avr",
        "may mai mei mag",
        "jun jui juin giu",
        "jul juil lug",
        "aug ago aoû août",
        "sep set sept",
        "oct okt out ott",
        "nov",
        "dec dez dic déc",
    ),
    1,
):
    _MONTHS.update(dict.fromkeys(_names.split(), _number))
_TIME_RE = re.compile(
    r"(?:^|[,\s]+)(?:um\s+|at\s+|à\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?"
    r"(?:\s*([ap])\.?\s*m\.?)?$",
    re.I,
)
_TWELVE_HOUR_RE = re.compile(r"\d\s*[ap]\.?\s*m\.?\s*$", re.I)
_NUMERIC_DATE_RE = re.compile(r"^(\d{1,4})([./-])(\d{1,2})\2(\d{1,4})\.?$")
_DAY_MONTH_YEAR_RE = re.compile(r"^(\d{1,2})\.?[\s./-]*([^\W\d_]+)\.?[\s./-]+(\d{2}|\d{4})$")
_MONTH_DAY_YEAR_RE = re.compile(r"^([^\W\d_]+)\.?\s+(\d{1,2}),?\s+(\d{4})$")
# LinkedIn (via ICU) may put a narrow no-break space before AM/PM.
_SPACES = str.maketrans({"\u202f": " ", "\xa0": " ", "\u2009": " "})


def _month(name: str) -> int | None:
    name = name.casefold()
    return _MONTHS.get(name) or _MONTHS.get(name[:4]) or _MONTHS.get(name[:3])


def _year(text: str) -> int:
    # LinkedIn began in 2003, so a two-digit year is always this century.
    return int(text) + (2000 if len(text) <= 2 else 0)


def _split_date(text: str, *, day_first_when_clear: bool) -> tuple[int, int, int] | None:
    """Return (year, month, day) of a date as LinkedIn or Excel writes it, or None.

    Slashes are month first (LinkedIn's and American Excel's order) unless
    `day_first_when_clear` and the first number cannot be a month; dots and dashes
    are day first; a four-digit number first is a year (2026-02-06, 2026/02/06).
    """
    match = _NUMERIC_DATE_RE.match(text)
    if match:
        first, separator, second, third = match.groups()
        if len(first) == 4:
            return int(first), int(second), int(third)
        if len(third) not in (2, 4):
            return None
        if separator == "/":
            month, day = int(first), int(second)
            if day_first_when_clear and month > 12 >= day:
                month, day = day, month
            return _year(third), month, day
        return _year(third), int(second), int(first)
    match = _DAY_MONTH_YEAR_RE.match(text)
    if match and _month(match.group(2)):
        return _year(match.group(3)), _month(match.group(2)), int(match.group(1))
    match = _MONTH_DAY_YEAR_RE.match(text)
    if match and _month(match.group(1)):
        return _year(match.group(3)), _month(match.group(1)), int(match.group(2))
    return None


def _parse_moment(value: str, *, day_first_when_clear: bool) -> datetime | None:
    """Return the UTC datetime of `value` in any LinkedIn or Excel shape; None when empty.

    Raises FieldError for an impossible date or hour, and ValueError for an unknown shape.
    """
    text = " ".join(value.translate(_SPACES).split())
    if not text:
        return None
    hour = minute = second = 0
    time = _TIME_RE.search(text)
    date_text = text
    if time and time.start() > 0:
        date_text = text[: time.start()].strip(" ,")
        hour, minute, second = int(time.group(1)), int(time.group(2)), int(time.group(3) or 0)
        half = time.group(4)
        if half:
            if not 1 <= hour <= 12:
                raise FieldError(f"{show(value)} has an impossible hour")
            hour = hour % 12 + (12 if half.casefold() == "p" else 0)
    parts = _split_date(date_text, day_first_when_clear=day_first_when_clear)
    if parts is None:
        return plausible_moment(datetime.fromisoformat(text), value)
    try:
        moment = datetime(*parts, hour, minute, second, tzinfo=UTC)
    except ValueError:
        raise FieldError(f"{show(value)} is not a real date") from None
    return plausible_moment(moment, value)


def parse_linkedin_datetime(value: str) -> datetime | None:
    """Return an aware UTC datetime from "8/18/18, 9:08 AM" (US, 12-hour); None when empty.

    Also accepts what Excel writes when it re-saves the file ("2/12/2026 11:44",
    "12.02.2026 11:44", "12-Feb-26", "18/02/2026 11:44" where the day cannot be a month)
    and ISO 8601. Raises FieldError.
    """
    # LinkedIn's own 12-hour form is always month first; Excel's re-saves may be day first.
    linkedin_form = bool(_TWELVE_HOUR_RE.search(value))
    try:
        return _parse_moment(value, day_first_when_clear=not linkedin_form)
    except FieldError:
        raise
    except ValueError:
        raise FieldError(f"{show(value)} is not a LinkedIn date like 8/18/18, 9:08 AM") from None


def parse_connected_on(value: str) -> date | None:
    """Return the date from "12 Mar 2024", "3/12/24, 4:05 PM", "2024-03-12" or an Excel
    re-save of one ("12-Mar-24", "3/12/2024", "12.03.2024"); None when empty."""
    try:
        parsed = _parse_moment(value, day_first_when_clear=True)
    except FieldError:
        raise
    except ValueError:
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
        ragged=True,
    ):
        if values is None:
            yield ParsedRow(line, None, errors)
            continue
        direction = values.get("direction", "").strip().upper()
        if direction == "OUTGOING":
            yield ParsedRow(line, None, errors, skipped="" if errors else SKIPPED_OUTGOING)
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

    OUTGOING rows are invitations the member sent: they come without record, marked
    SKIPPED_OUTGOING.
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
        ragged=True,
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
        ragged=True,
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


class ConnectedPeople:
    """The people of one Connections.csv, to recognise invitations from them.

    A person is the same by profile URL; when the invitation or the connection has no
    URL (the 2018 export has none), by full name.
    """

    def __init__(self) -> None:
        self._urls: set[str] = set()
        # name -> whether some connection of that name has no profile URL
        self._names: dict[str, bool] = {}

    def add(self, entry: dict[str, Any]) -> None:
        """Remember one roster entry of Connections.csv."""
        url = normalise_profile_url(entry.get("profile_url"))
        if url:
            self._urls.add(url)
        name = cross_channel_name(entry.get("name") or "")
        if name:
            self._names[name] = self._names.get(name, False) or not url

    def includes(self, record: dict[str, Any]) -> bool:
        """Return whether the requester of invitation `record` is one of these people."""
        url = normalise_profile_url(record.get("requester_profile_url"))
        if url and url in self._urls:
            return True
        name = cross_channel_name(record.get("requester_name") or "")
        if name not in self._names:
            return False
        return not url or self._names[name]


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
        """Yield the rows of every Invitations.csv in the archive.

        Invitations from people in the archive's own Connections.csv were accepted
        long ago: they come without record, marked SKIPPED_CONNECTED. Errors in
        Connections.csv come first, as they make the export unreadable as a whole.
        """
        if self.errors or not self.connection_members:
            yield from self._stream(
                self.invitation_members, read_linkedin_invitations, "Invitations.csv"
            )
            return
        connected = ConnectedPeople()
        for row in self.connections():
            if row.errors:
                yield ParsedRow(row.line, None, row.errors)
            elif row.record is not None:
                connected.add(row.record)
        for row in self._stream(
            self.invitation_members, read_linkedin_invitations, "Invitations.csv"
        ):
            if row.record is not None and connected.includes(row.record):
                yield ParsedRow(row.line, None, [], skipped=SKIPPED_CONNECTED)
            else:
                yield row

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
