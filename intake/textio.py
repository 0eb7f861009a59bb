"""Line-level reading shared by the CSV and JSON-lines readers.

Files are read line by line so memory stays flat however large the upload is.
UTF-8 is decoded strictly per line, so an encoding problem is reported with its line
number instead of aborting the whole file. CSV files may fall back to Windows-1252 per
line, the encoding Excel's plain "CSV" format writes. The separator of a CSV file is
found on its header line: a comma, or the semicolon or tab Excel writes in many locales.
"""

from __future__ import annotations

import codecs
import csv
import io
import time
from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from typing import IO, Any

from .errors import IntakeError
from .limits import IntakeLimits, format_bytes

# How many lines are read between looks at the clock.
_CLOCK_EVERY = 1024

RawRow = tuple[int | None, dict[str, str] | None, list[IntakeError]]


class LineSource:
    """Iterate the decoded lines of a binary or text file object.

    Undecodable lines are decoded with replacement characters and remembered in
    `bad_lines`; reading stops once more than `max_bytes` were read (`too_large`).
    Line endings are kept, as the csv module needs them for quoted newlines. With
    `legacy` a line that is not UTF-8 is read as Windows-1252 if the file has no UTF-8
    byte-order mark (which promises UTF-8).
    """

    def __init__(
        self,
        fileobj: IO[Any],
        filename: str,
        max_bytes: int,
        seconds: float | None = None,
        *,
        legacy: bool = False,
    ) -> None:
        self.fileobj = fileobj
        self.filename = filename
        self.max_bytes = max_bytes
        self.legacy = legacy
        self.seconds = seconds
        self.deadline = None if seconds is None else time.monotonic() + seconds
        self.line_no = 0
        self.bytes_read = 0
        self.too_large = False
        self.too_slow = False
        self.bad_lines: dict[int, str] = {}

    def _raw_lines(self) -> Iterator[bytes | str]:
        for raw in self.fileobj:
            # Old Mac Excel ends lines with a bare CR, which file iteration does not split.
            if isinstance(raw, bytes) and b"\r" in raw.rstrip(b"\r\n"):
                yield from raw.splitlines(keepends=True)
            else:
                yield raw

    def __iter__(self) -> Iterator[str]:
        for raw in self._raw_lines():
            self.line_no += 1
            if (
                self.deadline is not None
                and self.line_no % _CLOCK_EVERY == 0
                and time.monotonic() > self.deadline
            ):
                self.too_slow = True
                return
            if isinstance(raw, bytes):
                self.bytes_read += len(raw)
                if self.line_no == 1 and raw.startswith(codecs.BOM_UTF8):
                    raw = raw.removeprefix(codecs.BOM_UTF8)
                    self.legacy = False
                text = self._decode(raw)
            else:
                self.bytes_read += len(raw)
                text = raw.removeprefix("\ufeff") if self.line_no == 1 else raw
            if self.bytes_read > self.max_bytes:
                self.too_large = True
                return
            yield text

    def _decode(self, raw: bytes) -> str:
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            if self.legacy and not _encodes_surrogates(raw):
                try:
                    return raw.decode("cp1252")
                except UnicodeDecodeError:
                    pass
            self.bad_lines[self.line_no] = (
                f"line {self.line_no} is not valid UTF-8 (byte 0x{raw[exc.start]:02X} at "
                f"position {exc.start + 1}); save the file as UTF-8"
            )
            return raw.decode("utf-8", errors="replace")

    def take_bad_lines(self, up_to: int | None = None) -> list[IntakeError]:
        """Return and forget the encoding errors of lines ≤ `up_to` (all when None)."""
        done = [n for n in self.bad_lines if up_to is None or n <= up_to]
        return [IntakeError(self.filename, n, None, self.bad_lines.pop(n)) for n in sorted(done)]

    def end_errors(self) -> list[IntakeError]:
        """Return the errors known only at the end: leftover bad lines and the size limit."""
        errors = self.take_bad_lines()
        if self.too_slow:
            errors.append(
                IntakeError(
                    self.filename,
                    self.line_no,
                    None,
                    f"reading the file took longer than {self.seconds:g} seconds and was "
                    "stopped here; split it into smaller files",
                )
            )
        if self.too_large:
            errors.append(
                IntakeError(
                    self.filename,
                    None,
                    None,
                    f"the file is larger than the limit of {format_bytes(self.max_bytes)}",
                )
            )
        return errors


def _encodes_surrogates(raw: bytes) -> bool:
    """Return True when `raw` is UTF-8 but for encoded surrogates: broken UTF-8 text, not a
    Windows-1252 file, so its line is reported instead of read as Windows-1252."""
    try:
        raw.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        return False
    return True


def too_many_rows(filename: str, limits: IntakeLimits) -> IntakeError:
    """Return the error for a file with more rows than allowed (blank lines count)."""
    return IntakeError(
        filename,
        None,
        None,
        f"the file has more than {limits.max_rows:,} rows (blank lines count too); "
        "reading stopped there",
    )


UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def fileobj_as_text(fileobj: IO[Any]) -> IO[Any]:
    """Return `fileobj`, or a text reader over it when it is UTF-16 with a byte-order mark
    (Excel's "Unicode Text"), whose lines cannot be split as bytes."""
    if hasattr(fileobj, "peek"):
        head = fileobj.peek(2)[:2]
    elif hasattr(fileobj, "seekable") and fileobj.seekable():
        position = fileobj.tell()
        head = fileobj.read(2)
        fileobj.seek(position)
    else:
        return fileobj
    if isinstance(head, bytes) and head in UTF16_BOMS:
        return io.TextIOWrapper(fileobj, encoding="utf-16", newline="")
    return fileobj


DELIMITERS = (",", ";", "\t")
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}
_SNIFF_LINES = 30


def header_delimiter(line: str, is_header: Callable[[list[str]], bool]) -> str | None:
    """Return the separator with which `line` is a header by `is_header`, or None."""
    for delimiter in DELIMITERS:
        if delimiter != "," and delimiter not in line:
            continue
        try:
            cells = next(csv.reader([line], delimiter=delimiter), [])
        except csv.Error:
            continue
        if (len(cells) > 1 or delimiter == ",") and is_header(
            [normalise_header(cell) for cell in cells]
        ):
            return delimiter
    return None


def sniff_lines(
    lines: Iterable[str], is_header: Callable[[list[str]], bool]
) -> tuple[str, Iterator[str]]:
    """Return (separator, the same lines again) for a CSV file whose header `is_header` knows.

    The header is looked for on the first lines; a comma is assumed when none is found,
    so the reader then reports the missing header.
    """
    lines = iter(lines)
    seen: list[str] = []
    delimiter = ","
    for line in lines:
        seen.append(line)
        found = header_delimiter(line, is_header)
        if found is not None:
            delimiter = found
            break
        if len(seen) >= _SNIFF_LINES:
            break
    return delimiter, chain(seen, lines)


def iter_csv_rows(
    source: LineSource, lines: Iterable[str] | None = None, delimiter: str = ","
) -> Iterator[tuple[int, list[str] | None, list[IntakeError]]]:
    """Yield (first line, cells, errors) per CSV record; cells is None for unparsable ones.

    `lines` are the source's lines when some were already read from it. A blank line
    gives cells [] so that callers can count it. Encoding errors go to the record that
    contains the line.
    """
    reader = csv.reader(source if lines is None else lines, delimiter=delimiter, strict=False)
    while True:
        start = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            errors = source.take_bad_lines(reader.line_num)
            errors.append(IntakeError(source.filename, start, None, f"is not valid CSV: {exc}"))
            yield start, None, errors
            continue
        errors = source.take_bad_lines(reader.line_num)
        if not cells or all(not cell.strip() for cell in cells):
            yield start, None if errors else [], errors
            continue
        yield start, cells, errors


def _fit(cells: list[str], width: int) -> list[str]:
    """Return `cells` padded with empty cells to `width`, or without trailing empty cells
    beyond it; cells that do not fit that way are returned as they are."""
    if len(cells) < width:
        return cells + [""] * (width - len(cells))
    if not any(cell.strip() for cell in cells[width:]):
        return cells[:width]
    return cells


def normalise_header(cell: str) -> str:
    """Return a header cell as compared: stripped, lower-case, inner spaces single."""
    return " ".join(cell.replace("\ufeff", "").split()).casefold()


def iter_table(
    fileobj: IO[Any],
    filename: str,
    limits: IntakeLimits,
    *,
    is_header: Callable[[list[str]], bool],
    no_header_message: str,
    search_rows: int = 1,
    required: tuple[str, ...] = (),
    ragged: bool = False,
) -> Iterator[RawRow]:
    """Yield (line, {normalised header: cell}, errors) for every data row of a CSV file.

    The header is the first of the first `search_rows` records for which `is_header`
    (given normalised cells) is true, so preambles such as LinkedIn's "Notes:" are
    skipped. A header without a `required` column ends the file with an error. Rows
    with the wrong number of cells, more rows than allowed, an oversized
    file and undecodable lines are reported as errors; the mapping is None then.
    A missing header ends the file with one error, as nothing else can be interpreted.
    The separator is the one the header line uses (see header_delimiter). With `ragged`,
    rows missing trailing cells are padded and trailing empty cells beyond the header
    are dropped, as Excel writes rows whose last cells are empty.
    """
    text = fileobj_as_text(fileobj)
    try:
        yield from _table_rows(
            text,
            filename,
            limits,
            is_header=is_header,
            no_header_message=no_header_message,
            search_rows=search_rows,
            required=required,
            ragged=ragged,
        )
    finally:
        if text is not fileobj:
            # Detached, the wrapper does not close the caller's file when it is collected.
            text.detach()


def _table_rows(
    fileobj: IO[Any],
    filename: str,
    limits: IntakeLimits,
    *,
    is_header: Callable[[list[str]], bool],
    no_header_message: str,
    search_rows: int,
    required: tuple[str, ...],
    ragged: bool,
) -> Iterator[RawRow]:
    source = LineSource(
        fileobj, filename, limits.max_upload_bytes, limits.parse_seconds, legacy=True
    )
    delimiter, lines = sniff_lines(source, is_header)
    rows = iter_csv_rows(source, lines, delimiter)
    header: list[str] | None = None
    first_line: int | None = None
    count = 0
    for line, cells, errors in rows:
        count += 1
        if count > limits.max_rows:
            yield None, None, [too_many_rows(filename, limits), *source.end_errors()]
            return
        if cells == []:
            continue
        first_line = first_line or line
        if cells is None:
            yield line, None, errors
            continue
        normalised = [normalise_header(cell) for cell in cells]
        if is_header(normalised):
            header = normalised
            count = 0
            if errors:
                yield line, None, errors
            break
        search_rows -= 1
        if search_rows <= 0:
            errors.append(IntakeError(filename, first_line, None, no_header_message))
            yield line, None, errors
            yield None, None, source.end_errors()
            return
    if header is None:
        errors = source.end_errors()
        if not source.too_large:
            message = "the file is empty" if first_line is None else no_header_message
            errors.append(IntakeError(filename, first_line, None, message))
        yield None, None, errors
        return
    duplicates = sorted({name for name in header if name and header.count(name) > 1})
    header_errors = [
        IntakeError(filename, line, name, "appears twice in the header") for name in duplicates
    ]
    header_errors += [
        IntakeError(filename, line, name, "required column is missing from the header")
        for name in required
        if name not in header
    ]
    if header_errors:
        yield line, None, header_errors
        return

    for line, cells, errors in rows:
        count += 1
        if count > limits.max_rows:
            end = source.end_errors()
            yield None, None, [too_many_rows(filename, limits), *end]
            return
        if cells == []:
            continue
        if cells is None:
            yield line, None, errors
            continue
        if ragged and len(cells) != len(header):
            cells = _fit(cells, len(header))
        if len(cells) != len(header):
            errors.append(
                IntakeError(
                    filename,
                    line,
                    None,
                    f"has {len(cells)} fields; the header has {len(header)}"
                    f" (a value with a {DELIMITER_NAMES[delimiter]} must be in double quotes)",
                )
            )
            yield line, None, errors
            continue
        yield line, dict(zip(header, cells, strict=True)), errors
    end = source.end_errors()
    if end:
        yield None, None, end
