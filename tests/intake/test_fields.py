from datetime import UTC, datetime

import pytest

from intake.errors import IntakeError
from intake.fields import (
    FieldError,
    build_record,
    parse_attachments,
    parse_bool,
    parse_choice,
    parse_count,
    parse_country,
    parse_datetime,
    parse_url,
)
from intake.limits import IntakeLimits
from intake.records import RECORD_KEYS


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("true", True),
        ("YES", True),
        ("1", True),
        ("no", False),
        ("0", False),
        ("", None),
        (None, None),
    ],
)
def test_it_reads_boolean_spellings(raw, expected):
    assert parse_bool(raw) is expected


def test_it_rejects_an_unclear_boolean():
    with pytest.raises(FieldError, match="'maybe' is not a yes/no value"):
        parse_bool("maybe")


@pytest.mark.parametrize(("raw", "expected"), [("3", 3), (" 0 ", 0), (7, 7), ("", None)])
def test_it_reads_counts(raw, expected):
    assert parse_count(raw) == expected


@pytest.mark.parametrize("raw", ["-1", "2.5", "many", True, "9" * 40])
def test_it_rejects_counts_that_are_not_whole_non_negative_numbers(raw):
    with pytest.raises(FieldError):
        parse_count(raw)


def test_it_reads_naive_iso_dates_as_utc():
    assert parse_datetime("2026-03-01T09:30:00") == datetime(2026, 3, 1, 9, 30, tzinfo=UTC)


def test_it_converts_offset_dates_to_utc():
    assert parse_datetime("2026-03-01T10:30:00+01:00") == datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
    assert parse_datetime("2026-03-01T09:30:00Z").tzinfo is UTC


def test_it_rejects_a_date_that_is_not_iso_8601():
    with pytest.raises(FieldError, match="'yesterday' is not an ISO 8601 date"):
        parse_datetime("yesterday")


def test_it_upper_cases_country_codes_and_rejects_country_names():
    assert parse_country(" de ") == "DE"
    with pytest.raises(FieldError, match="two-letter ISO 3166"):
        parse_country("Germany")


def test_it_reads_choices_case_insensitively():
    assert parse_choice("Unsure", ("yes", "no", "unsure")) == "unsure"
    with pytest.raises(FieldError, match="not one of yes, no"):
        parse_choice("perhaps", ("yes", "no"))


def test_it_completes_scheme_less_profile_urls_and_rejects_other_schemes():
    assert parse_url("linkedin.com/in/kim", 100) == "https://linkedin.com/in/kim"
    with pytest.raises(FieldError):
        parse_url("javascript:alert(1)", 100)
    with pytest.raises(FieldError):
        parse_url("not a url", 100)


def test_it_splits_attachment_names_and_keeps_only_base_names():
    assert parse_attachments("a.pdf| C:\\x\\b.exe |", 100) == [
        {"name": "a.pdf", "size": None, "content_type": "", "sha256": ""},
        {"name": "b.exe", "size": None, "content_type": "", "sha256": ""},
    ]


def test_it_reads_attachment_objects_from_json():
    entries = parse_attachments(
        [{"name": "x.zip", "size": 10, "content_type": "Application/Zip"}], 100
    )
    assert entries == [
        {"name": "x.zip", "size": 10, "content_type": "application/zip", "sha256": ""}
    ]


def test_it_reports_every_bad_field_of_a_row_with_its_column():
    record, errors = build_record(
        {"requester_name": "", "mutual_connections": "x", "requester_country": "Narnia"},
        "f.csv",
        4,
        IntakeLimits(),
    )
    assert record is None
    assert {(e.line, e.column) for e in errors} == {
        (4, "requester_name"),
        (4, "mutual_connections"),
        (4, "requester_country"),
    }


def test_it_builds_a_record_with_exactly_the_canonical_keys():
    record, errors = build_record(
        {"requester_name": "Kim", "message": "see bit.ly/x", "extra": "ignored"},
        "f",
        2,
        IntakeLimits(),
    )
    assert errors == []
    assert tuple(record) == RECORD_KEYS
    assert record["links"] == ["bit.ly/x"]
    assert record["email_findings"] == [] and record["raw_source"] == ""


def test_it_rejects_fields_longer_than_the_limit():
    _, errors = build_record({"requester_name": "K" * 11}, "f", 2, IntakeLimits(max_field_chars=10))
    assert errors[0].message == "is 11 characters long; the limit is 10"


def test_an_error_names_file_line_and_column():
    error = IntakeError("invitations.csv", 7, "received_at", "'yesterday' is not an ISO 8601 date")
    assert (
        str(error)
        == "invitations.csv, line 7, column received_at: 'yesterday' is not an ISO 8601 date"
    )
    assert str(IntakeError("a.csv", None, None, "is empty")) == "a.csv: is empty"


def test_text_with_a_nul_or_an_unpaired_surrogate_is_refused_with_its_position():
    from intake.fields import FieldError, parse_text

    for value, words in (("ab\x00c", "NUL character at position 3"), ("a\udc80", "U+DC80")):
        try:
            parse_text(value, 100)
        except FieldError as exc:
            assert words in str(exc)
        else:
            raise AssertionError(f"{value!r} was accepted")


def test_dates_outside_1970_to_2199_are_refused_instead_of_overflowing():
    from intake.fields import FieldError, parse_datetime

    for value in ("0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00", "1969-12-31"):
        try:
            parse_datetime(value)
        except FieldError as exc:
            assert "1970 to 2199" in str(exc)
        else:
            raise AssertionError(f"{value!r} was accepted")


def test_each_field_is_limited_to_its_own_length():
    from intake.fields import build_record
    from intake.limits import IntakeLimits

    limits = IntakeLimits(field_chars=(("requester_name", 5),))
    record, errors = build_record(
        {"requester_name": "Kimberly", "message": "x" * 100}, "f", 2, limits
    )
    assert record is None
    assert [(e.column, e.message) for e in errors] == [
        ("requester_name", "is 8 characters long; the limit is 5")
    ]
