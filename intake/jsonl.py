"""JSON lines: one JSON object per line, with the template's field names as keys."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO, Any

from .dedupe import DuplicateTracker
from .errors import IntakeError, ParsedRow, cap_errors
from .fields import build_record
from .limits import DEFAULT_LIMITS, IntakeLimits
from .textio import LineSource, too_many_rows


def _rows(fileobj: IO[Any], filename: str, limits: IntakeLimits) -> Iterator[ParsedRow]:
    source = LineSource(fileobj, filename, limits.max_upload_bytes, limits.parse_seconds)
    tracker = DuplicateTracker()
    for text in source:
        line = source.line_no
        errors = source.take_bad_lines(line)
        if line > limits.max_rows:
            yield ParsedRow(None, None, [too_many_rows(filename, limits), *source.end_errors()])
            return
        if not text.strip():
            if errors:
                yield ParsedRow(line, None, errors)
            continue
        if errors:
            yield ParsedRow(line, None, errors)
            continue
        try:
            value = json.loads(text.rstrip("\r\n"))
        except json.JSONDecodeError as exc:
            message = f"is not valid JSON: {exc.msg} at character {exc.pos + 1}"
            yield ParsedRow(line, None, [IntakeError(filename, line, None, message)])
            continue
        except ValueError as exc:
            yield ParsedRow(
                line, None, [IntakeError(filename, line, None, f"is not valid JSON: {exc}")]
            )
            continue
        except RecursionError:
            yield ParsedRow(line, None, [IntakeError(filename, line, None, "is nested too deeply")])
            continue
        if not isinstance(value, dict):
            message = f"is a JSON {type(value).__name__}, not an object with field names"
            yield ParsedRow(line, None, [IntakeError(filename, line, None, message)])
            continue
        record, errors = build_record(value, filename, line, limits)
        yield tracker.parsed_row(filename, line, record, errors)
    end = source.end_errors()
    if end:
        yield ParsedRow(None, None, end)


def read_jsonl(
    fileobj: IO[Any], filename: str = "invitations.jsonl", limits: IntakeLimits = DEFAULT_LIMITS
) -> Iterator[ParsedRow]:
    """Yield one ParsedRow per non-blank line of a JSON-lines file (binary or text object).

    Unknown keys are ignored; a line that is not a JSON object is an error.
    """
    return cap_errors(_rows(fileobj, filename, limits), filename, limits.max_errors)
