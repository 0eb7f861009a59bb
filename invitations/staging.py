"""Turning intake rows into PostgreSQL COPY text, and parsing large uploads in two processes.

Bulk intake streams every new invitation into a staging table with COPY and moves
the rows in with one INSERT … ON CONFLICT. Parsing is the expensive part, so a large
CSV or JSON-lines file is cut in two at a record boundary and the second half is
parsed by a forked process while this one parses the first. Only clean files take
that path: on any problem the caller parses the file again in one pass, which
reports errors exactly.
"""

import io
import json
import multiprocessing
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from invitations.intake.detect import HEAD_BYTES, Prefixed, detect_format, read_invitations
from invitations.intake.errors import IntakeError, ParsedRow
from invitations.intake.limits import IntakeLimits
from invitations.intake.records import RECORD_KEYS
from invitations.intake.textio import UTF16_BOMS

# Columns written by bulk intake, in COPY order.
COLUMNS = (
    "organisation_id",
    "submitter_id",
    "batch_id",
    "channel",
    "status",
    *RECORD_KEYS,
    "dedupe_key",
    "requester_key",
    "created_at",
    "enqueued_at",
    "claim",
    "recommendation",
    "risk",
    "reasons",
    "decision",
)
_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})
_LINES_PER_WRITE = 1000
_READ_BLOCK = 1024 * 1024
# Formats that can be cut at a newline: CSV where the quotes before it are balanced (a
# quoted value may hold newlines), JSON lines anywhere (a newline in a JSON string is
# escaped). E-mails and archives are not cut.
_QUOTED_LINES = {"template_csv": True, "linkedin_invitations": True, "jsonl": False}

MakeValues = Callable[..., dict]


def _text(value: str | None) -> str:
    if value is None:
        return "\\N"
    if "\\" in value or "\t" in value or "\n" in value or "\r" in value:
        return value.translate(_COPY_ESCAPES)
    return value


def _json(value) -> str:
    if value is None:
        return "\\N"
    return _text(json.dumps(value, ensure_ascii=False, default=str)) if value else "[]"


def _plain(value) -> str:
    return "\\N" if value is None else str(value)


def _boolean(value: bool | None) -> str:
    return "\\N" if value is None else "t" if value else "f"


def _moment(value: datetime | None) -> str:
    return "\\N" if value is None else value.isoformat()


@lru_cache(maxsize=4)
def _same_moment(value: datetime | None) -> str:
    # created_at and enqueued_at are the same for every row of an import.
    return _moment(value)


_FORMATS = {
    "attachments": _json,
    "links": _json,
    "email_findings": _json,
    "reasons": _json,
    "organisation_id": _plain,
    "submitter_id": _plain,
    "batch_id": _plain,
    "mutual_connections": _plain,
    "colleagues_connected": _plain,
    "risk": _plain,
    "requester_has_photo": _boolean,
    "received_at": _moment,
    "created_at": _same_moment,
    "enqueued_at": _same_moment,
}
_COLUMN_FORMATS = tuple((column, _FORMATS.get(column, _text)) for column in COLUMNS)


def copy_line(values: dict) -> str:
    """Return one row of COLUMNS from `values` in COPY's text format, newline included."""
    return "\t".join([fmt(values[column]) for column, fmt in _COLUMN_FORMATS]) + "\n"


class PartFailed(Exception):
    """A part of a split file had a problem; parse the whole file in one pass instead."""


def copy_chunks(rows, make_values: MakeValues, keys: set[bytes] | None = None) -> Iterator[str]:
    """Yield COPY text for `rows`, a thousand lines at a time.

    Rows without a record and without errors (skipped by the reader) are left out.
    Raises PartFailed at the first row with errors. The first 16 bytes of each
    row's dedupe key are added to `keys` when given.
    """
    lines: list[str] = []
    for row in rows:
        if row.errors:
            raise PartFailed(f"line {row.line} has errors")
        if row.record is None:
            continue
        if keys is not None and row.dedupe_key:
            keys.add(bytes.fromhex(row.dedupe_key)[:16])
        lines.append(copy_line(make_values(record=row.record, record_key=row.dedupe_key)))
        if len(lines) >= _LINES_PER_WRITE:
            yield "".join(lines)
            lines.clear()
    if lines:
        yield "".join(lines)


class _Part(Prefixed):
    """Bytes `start` to `end` of the file at `path`, read after `head`; closes the file."""

    def __init__(self, path: Path, head: bytes, start: int, end: int | None) -> None:
        file = path.open("rb")
        file.seek(start)
        super().__init__(head, file, None if end is None else end - start)
        self._file = file

    def close(self) -> None:
        self._file.close()
        super().close()


@dataclass(frozen=True)
class Split:
    """Where a file is cut: the second part is the lines before the first data row
    (header and any preamble), blank lines standing in for the first part's lines so
    that every line keeps its number, then the file from `at` to its end."""

    at: int
    head: bytes
    padding: int

    def second_part(self, path: Path) -> io.BufferedReader:
        return io.BufferedReader(_Part(path, self.head + b"\n" * self.padding, self.at, None))


def find_split(path: Path, first_data_line: int, size: int, *, quoted: bool = True) -> Split | None:
    """Return a Split near the middle of the file at `path`, or None when there is none.

    With `quoted` (CSV) the cut is after a newline with an even number of double quotes
    before it, so it never falls inside a quoted value; otherwise after any newline.
    Blank lines are skipped by the readers, so the padding does not change what the
    second part yields.
    """
    with path.open("rb") as handle:
        head = b"".join(handle.readline() for _ in range(first_data_line - 1))
        handle.seek(0)
        middle = max(len(head), size // 2)
        data = handle.read(middle)
        quotes = data.count(b'"')
        newlines = data.count(b"\n")
        offset = middle
        while True:
            block = handle.read(_READ_BLOCK)
            if not block:
                return None
            start = 0
            while (found := block.find(b"\n", start)) != -1:
                quotes += block.count(b'"', start, found)
                newlines += 1
                start = found + 1
                if not quoted or quotes % 2 == 0:
                    at = offset + start
                    return Split(at, head, newlines - head.count(b"\n"))
            quotes += block.count(b'"', start)
            offset += len(block)


def _parse_second_part(channel, path, split, filename, limits, make_values, out_dir) -> None:
    """Child process: parse the second part into COPY text; send (rows, copy file, keys)."""
    try:
        keys: set[bytes] = set()
        out = Path(out_dir) / "second.copy"
        with split.second_part(path) as stream, out.open("w", encoding="utf-8") as handle:
            for chunk in copy_chunks(read_invitations(stream, filename, limits), make_values, keys):
                handle.write(chunk)
        channel.send(("ok", str(out), b"".join(keys)))
    except BaseException as exc:
        channel.send(("failed", repr(exc), b""))
    finally:
        channel.close()


def parse_in_two(
    *, path: Path, filename: str, limits: IntakeLimits, make_values: MakeValues
) -> Iterator[str | bytes]:
    """Return COPY text for the whole clean CSV or JSON-lines file at `path`, in two processes.

    Raises PartFailed when the file cannot be split (an e-mail or archive, too large,
    no clean first row, no safe cut); the iterator raises it when either part has a
    problem or the same invitation is in both parts. The caller then parses the file
    in one pass, which reports any problem exactly.
    """
    size = path.stat().st_size
    if size > limits.max_upload_bytes:
        raise PartFailed("too large")
    with path.open("rb") as handle:
        head = handle.read(HEAD_BYTES)
        if head[:2] in UTF16_BOMS:
            raise PartFailed("UTF-16 lines cannot be cut as bytes")
        try:
            kind = detect_format(head, filename)
        except IntakeError as exc:
            raise PartFailed(str(exc)) from None
        if kind not in _QUOTED_LINES:
            raise PartFailed(f"{kind} is not cut")
        handle.seek(0)
        first: ParsedRow | None = next(read_invitations(handle, filename, limits), None)
    if first is None or first.line is None or first.errors:
        raise PartFailed("no clean first row")
    split = find_split(path, first.line, size, quoted=_QUOTED_LINES[kind])
    if split is None:
        raise PartFailed("no place to cut")
    return _two_parts(path, split, filename, limits, make_values)


def _two_parts(path, split, filename, limits, make_values) -> Iterator[str | bytes]:
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    with tempfile.TemporaryDirectory(prefix="vouch-intake-") as out_dir:
        child = context.Process(
            target=_parse_second_part,
            args=(send, path, split, filename, limits, make_values, out_dir),
            daemon=True,
        )
        child.start()
        send.close()
        try:
            keys: set[bytes] = set()
            with io.BufferedReader(_Part(path, b"", 0, split.at)) as stream:
                rows = read_invitations(stream, filename, limits)
                yield from copy_chunks(rows, make_values, keys)
            try:
                status, detail, child_keys = receive.recv()
            except EOFError:
                raise PartFailed("the second part's process ended without a result") from None
            child.join()
            if status != "ok":
                raise PartFailed(detail)
            if len(keys) + len(child_keys) // 16 > limits.max_rows:
                raise PartFailed("too many rows")
            for index in range(0, len(child_keys), 16):
                if child_keys[index : index + 16] in keys:
                    raise PartFailed("the same invitation is in both parts")
            with Path(detail).open("rb") as copied:
                while block := copied.read(_READ_BLOCK):
                    yield block
        finally:
            if child.is_alive():
                child.kill()
            child.join()
            receive.close()


def file_path(fileobj) -> Path | None:
    """Return the path of the file on disk that `fileobj` reads from its start, else None."""
    try:
        name = fileobj.name
        same = os.path.samestat(os.fstat(fileobj.fileno()), os.stat(name))
        at_start = fileobj.tell() == 0
    except (AttributeError, OSError, TypeError, ValueError):
        return None
    return Path(os.path.abspath(name)) if same and at_start else None
