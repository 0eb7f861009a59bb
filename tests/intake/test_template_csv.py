import io
from datetime import UTC, datetime

from intake.errors import ParsedRow
from intake.limits import DEFAULT_LIMITS, IntakeLimits
from intake.template_csv import TEMPLATE_HEADER, read_template_csv, template_csv_text

HEADER = ",".join(TEMPLATE_HEADER)


def _read(text: str | bytes, limits: IntakeLimits = DEFAULT_LIMITS) -> list[ParsedRow]:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return list(read_template_csv(io.BytesIO(data), "invitations.csv", limits))


def _errors(rows: list[ParsedRow]) -> list[str]:
    return [str(e) for row in rows for e in row.errors]


def test_it_reads_its_own_template_download():
    rows = _read(template_csv_text())
    assert _errors(rows) == []
    first, second = (row.record for row in rows)
    assert first["requester_name"] == "Alex Example"
    assert first["received_at"] == datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
    assert first["requester_has_photo"] is True and first["mutual_connections"] == 3
    assert second["attachments"][1]["name"] == "invoice.exe"
    assert [row.line for row in rows] == [2, 3]


def test_it_reads_a_text_file_object_too():
    rows = list(read_template_csv(io.StringIO(template_csv_text()), "t.csv"))
    assert len([row for row in rows if row.record]) == 2


def test_it_ignores_unknown_columns_and_accepts_any_column_order():
    rows = _read("notes,message,requester_name\nx,Hello Kim,Alex\n")
    assert rows[0].record["message"] == "Hello Kim"


def test_it_accepts_a_byte_order_mark():
    rows = _read(b"\xef\xbb\xbfrequester_name,message\r\nAlex,Hi\r\n")
    assert rows[0].record["requester_name"] == "Alex"


def test_it_rejects_csv_without_header():
    rows = _read("Alex Example,Hi Kim\nSam,Hello\n")
    assert _errors(rows) == [
        "invitations.csv, line 1: has no header row; the first line must name the columns, "
        "e.g. ref,recipient,requester_name,requester_headline,… (download the template)"
    ]


def test_it_rejects_a_header_without_the_required_column():
    rows = _read("ref,recipient,message\n1,kim@example.com,Hi\n")
    assert _errors(rows) == [
        "invitations.csv, line 1, column requester_name: required column is missing from the header"
    ]


def test_it_rejects_an_empty_file():
    assert _errors(_read("")) == ["invitations.csv: the file is empty"]


def test_it_reports_rows_with_the_wrong_number_of_columns():
    rows = _read("requester_name,message\nAlex,Hi,extra\nSam\nKim,ok\n")
    assert _errors(rows) == [
        "invitations.csv, line 2: has 3 fields; the header has 2 (a value with a comma must be in "
        "double quotes)",
        "invitations.csv, line 3: has 1 fields; the header has 2 (a value with a comma must be in "
        "double quotes)",
    ]
    assert rows[-1].record["requester_name"] == "Kim"


def test_it_reports_every_bad_value_not_only_the_first():
    rows = _read(
        "requester_name,received_at,mutual_connections,requester_has_photo,requester_country\n"
        "Alex,yesterday,3,yes,DE\n"
        "Sam,2026-01-01,-2,perhaps,Germany\n"
    )
    assert _errors(rows) == [
        "invitations.csv, line 2, column received_at: 'yesterday' is not an ISO 8601 date",
        "invitations.csv, line 3, column requester_country: 'Germany' is not a two-letter ISO 3166 "
        "country code; write DE for Germany",
        "invitations.csv, line 3, column requester_has_photo: 'perhaps' is not a yes/no value "
        "(use true, false, yes, no, 1 or 0)",
        "invitations.csv, line 3, column mutual_connections: "
        "-2 is negative; counts must be 0 or more",
    ]
    assert all(row.record is None for row in rows)


def test_it_reports_lines_that_are_not_utf8_in_a_file_marked_as_utf8_and_goes_on():
    data = b"\xef\xbb\xbfrequester_name,message\nAlex,Hi\nJos\xe9,Hola\nKim,Hej\n"
    rows = _read(data)
    assert _errors(rows) == [
        "invitations.csv, line 3: line 3 is not valid UTF-8 (byte 0xE9 at position 4); "
        "save the file as UTF-8"
    ]
    assert [row.record["requester_name"] for row in rows if row.record] == ["Alex", "Kim"]


def test_it_reads_lines_excel_saved_as_windows_1252():
    data = "requester_name,message\nJosé Müller,Grüße – bis bald\n".encode("cp1252")
    rows = _read(data)
    assert _errors(rows) == []
    assert rows[0].record["requester_name"] == "José Müller"
    assert rows[0].record["message"] == "Grüße – bis bald"


def test_it_reports_bytes_that_are_neither_utf8_nor_windows_1252():
    rows = _read(b"requester_name,message\nAlex,Hi\x81\n")
    assert _errors(rows) == [
        "invitations.csv, line 2: line 2 is not valid UTF-8 (byte 0x81 at position 8); "
        "save the file as UTF-8"
    ]


def test_it_reads_a_semicolon_separated_template_as_german_excel_saves_it():
    data = (
        "\ufeffrequester_name;requester_company;message;mutual_connections\r\n"
        'Kim Meier;"Beispiel; GmbH";"Hallo Anna, wir kennen uns vom Barcamp";3\r\n'
    ).encode()
    rows = _read(data)
    assert _errors(rows) == []
    record = rows[0].record
    assert record["requester_company"] == "Beispiel; GmbH"
    assert record["message"] == "Hallo Anna, wir kennen uns vom Barcamp"
    assert record["mutual_connections"] == 3


def test_it_names_the_semicolon_when_a_row_has_too_many_fields():
    rows = _read(b"requester_name;message\nKim;Hallo; bis bald\n")
    assert _errors(rows) == [
        "invitations.csv, line 2: has 3 fields; the header has 2 "
        "(a value with a semicolon must be in double quotes)"
    ]


def test_it_reports_duplicate_rows_with_the_line_they_repeat():
    rows = _read(
        "requester_name,message,received_at\n"
        "Alex,Hi Kim,2026-03-01T09:00:00Z\n"
        "Sam,Hello,\n"
        "ALEX ,Hi  kim,2026-03-01T18:00:00Z\n"
    )
    assert _errors(rows) == ["invitations.csv, line 4: line 4 repeats line 2"]


def test_it_numbers_lines_after_quoted_newlines_physically():
    rows = _read('requester_name,message\nAlex,"line one\nline two"\nSam,x\nKim,"bad",1\n')
    assert rows[0].record["message"] == "line one\nline two"
    assert rows[1].line == 4
    assert rows[2].errors[0].line == 5


def test_it_rejects_too_many_rows_with_the_count():
    text = "requester_name\n" + "".join(f"Person {n}\n" for n in range(5))
    rows = _read(text, IntakeLimits(max_rows=3))
    assert _errors(rows) == [
        "invitations.csv: the file has more than 3 rows (blank lines count too); "
        "reading stopped there"
    ]
    assert len([row for row in rows if row.record]) == 3


def test_it_rejects_a_file_larger_than_the_upload_limit():
    text = "requester_name\n" + "Somebody\n" * 100
    rows = _read(text, IntakeLimits(max_upload_bytes=200))
    assert _errors(rows)[-1] == "invitations.csv: the file is larger than the limit of 200 bytes"


def test_it_caps_the_number_of_errors_reported():
    text = "requester_name,mutual_connections\n" + "x,bad\n" * 30
    rows = _read(text, IntakeLimits(max_errors=5))
    messages = _errors(rows)
    assert len(messages) == 6
    assert messages[-1] == "invitations.csv: …and 25 more errors"


def test_blank_lines_count_toward_the_row_limit_and_reading_stops_there():
    text = "requester_name\nKim\n" + "\n" * 1_000 + "Lee\n"
    rows = _read(text, IntakeLimits(max_rows=100))
    assert _errors(rows) == [
        "invitations.csv: the file has more than 100 rows (blank lines count too); "
        "reading stopped there"
    ]
    assert [row.record["requester_name"] for row in rows if row.record] == ["Kim"]


def test_reading_stops_with_an_error_when_the_parse_budget_is_spent():
    text = "requester_name\n" + "".join(f"Person {n}\n" for n in range(5_000))
    rows = _read(text, IntakeLimits(parse_seconds=0))
    errors = [e for row in rows for e in row.errors]
    assert len(errors) == 1 and errors[0].line == 1024
    assert "took longer than 0 seconds" in errors[0].message
    assert len([row for row in rows if row.record]) < 1024
