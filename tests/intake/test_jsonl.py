import io
from datetime import UTC, datetime

from intake.jsonl import read_jsonl
from intake.limits import DEFAULT_LIMITS, IntakeLimits


def _rows(text: str | bytes, limits: IntakeLimits = DEFAULT_LIMITS):
    data = text.encode() if isinstance(text, str) else text
    return list(read_jsonl(io.BytesIO(data), "inv.jsonl", limits))


def _errors(rows) -> list[str]:
    return [str(e) for row in rows for e in row.errors]


def test_it_reads_json_lines_with_native_types():
    rows = _rows(
        '{"requester_name": "Kim", "requester_has_photo": false, "mutual_connections": 2,'
        ' "received_at": "2026-01-02T03:04:05+01:00", "attachments": ["a.pdf"], "x": 1}\n'
        "\n"
        '{"requester_name": "Sam", "worked_together": true}\n'
    )
    assert _errors(rows) == []
    kim, sam = (row.record for row in rows)
    assert kim["requester_has_photo"] is False and kim["mutual_connections"] == 2
    assert kim["received_at"] == datetime(2026, 1, 2, 2, 4, 5, tzinfo=UTC)
    assert kim["attachments"][0]["name"] == "a.pdf"
    assert sam["worked_together"] == "yes"
    assert [row.line for row in rows] == [1, 3]


def test_it_reports_malformed_json_lines_with_their_number():
    rows = _rows(
        '{"requester_name": "Kim"}\n{"requester_name": \n[1, 2]\n{"requester_name": "Sam"}\n'
    )
    assert _errors(rows) == [
        "inv.jsonl, line 2: is not valid JSON: Expecting value at character 20",
        "inv.jsonl, line 3: is a JSON list, not an object with field names",
    ]
    assert [row.record["requester_name"] for row in rows if row.record] == ["Kim", "Sam"]


def test_it_reports_bad_values_with_their_key():
    rows = _rows('{"requester_name": "Kim", "mutual_connections": "lots", "message": ["x"]}\n')
    assert _errors(rows) == [
        "inv.jsonl, line 1, column mutual_connections: 'lots' is not a whole number",
        "inv.jsonl, line 1, column message: expected text, got list",
    ]


def test_it_reports_duplicates_and_too_many_lines():
    line = '{"requester_name": "Kim", "message": "Hi"}\n'
    rows = _rows(line * 4, IntakeLimits(max_rows=3))
    assert _errors(rows) == [
        "inv.jsonl, line 2: line 2 repeats line 1",
        "inv.jsonl, line 3: line 3 repeats line 1",
        "inv.jsonl: the file has more than 3 rows (blank lines count too); reading stopped there",
    ]


def test_it_reports_invalid_utf8_in_json_lines():
    rows = _rows(b'{"requester_name": "Jos\xe9"}\n')
    assert _errors(rows)[0].startswith("inv.jsonl, line 1: line 1 is not valid UTF-8")
