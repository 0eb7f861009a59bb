"""Hostile e-mail headers are refused before CPython's parser, which is quadratic in them."""

import pytest

from intake.detect import parse_all
from intake.email_intake import parse_eml
from intake.limits import IntakeLimits


def _mail(headers: bytes, body: bytes = b"hello\n") -> bytes:
    base = b"Date: Tue, 3 Nov 2026 09:14:02 +0000\nMessage-ID: <h@x.example>\n"
    return base + headers + b"\n" + body


HOSTILE = [
    (
        "parameters",
        _mail(b"From: a@x.example\nSubject: s\nContent-Type: text/plain" + b";" * 100_000 + b"\n"),
        "a Content-Type header line is 100,024 bytes; the limit is 16,384 bytes",
    ),
    (
        "folded parameters",
        _mail(b"From: a@x.example\nSubject: s\nContent-Type: text/plain" + b";\n " * 5_000 + b"\n"),
        "the Content-Type header has 5,000 parameters; the limit is 30",
    ),
    (
        "commas",
        _mail(b"From: " + b"," * 100_000 + b"a@x.example\nSubject: s\n"),
        "a From header line is 100,017 bytes; the limit is 16,384 bytes",
    ),
    (
        "folded commas",
        _mail(b"From: " + b",\n " * 2_000 + b"a@x.example\nSubject: s\n"),
        "the From header lists 2,001 addresses; the limit is 100",
    ),
    (
        "encoded words",
        _mail(b"From: a@x.example\nSubject: " + b"=?utf-8?q?a?=\n " * 50_000 + b"\n"),
        "the e-mail's header block is 750,090 bytes; the limit is 262,144 bytes",
    ),
    (
        "encoded words on one line",
        _mail(b"From: a@x.example\nSubject: " + b"=?" * 50_000 + b"\n"),
        "a Subject header line is 100,009 bytes; the limit is 16,384 bytes",
    ),
    (
        "encoded words in a folded header",
        _mail(b"From: a@x.example\nSubject: " + b"=?utf-8?q?a?=\n " * 5_000 + b"\n"),
        "the Subject header is over the limit of 65,536 bytes",
    ),
    (
        "some encoded words",
        _mail(b"From: a@x.example\nSubject: " + b"=?utf-8?q?a?= " * 500 + b"\n"),
        "the Subject header has 500 encoded words; the limit is 100",
    ),
    (
        "parentheses",
        _mail(b"From: " + b"(" * 100_000 + b"a@x.example\nSubject: s\n"),
        "a From header line is 100,017 bytes; the limit is 16,384 bytes",
    ),
    (
        "some parentheses",
        _mail(b"From: " + b"(" * 1_000 + b"a@x.example\nSubject: s\n"),
        "the From header has 1,000 comments in parentheses; the limit is 20",
    ),
    (
        "header block",
        b"From: a@x.example\nSubject: s\n" + b"X-Filler: 1234567890\n" * 20_000 + b"\nhello\n",
        "the e-mail's header block is 420,028 bytes; the limit is 262,144 bytes",
    ),
    (
        "blank lines",
        _mail(b"From: a@x.example\nSubject: s\n", b"\n" * 1_000_000),
        "the e-mail has 1,000,006 lines; the limit is 300,000",
    ),
    (
        "part headers",
        _mail(
            b'From: a@x.example\nSubject: s\nContent-Type: multipart/mixed; boundary="b"\n',
            b"--b\nContent-Type: text/plain" + b"; a=b" * 200 + b"\n\nhi\n--b--\n",
        ),
        "the Content-Type header has 200 parameters; the limit is 30",
    ),
]


@pytest.mark.parametrize(("case", "data", "message"), HOSTILE, ids=[c[0] for c in HOSTILE])
def test_hostile_headers_are_refused_with_a_specific_error(case, data, message):
    result = parse_eml(data, "hostile.eml")
    assert result.record is None
    assert [e.message for e in result.errors] == [message]


def test_a_hostile_mail_uploaded_as_a_file_is_refused_whole():
    import io

    records, errors = parse_all(io.BytesIO(HOSTILE[0][1]), "hostile.eml")
    assert records == []
    assert [str(e) for e in errors] == [f"hostile.eml: {HOSTILE[0][2]}"]


def test_a_display_name_over_the_column_size_is_shortened_not_an_error():
    data = _mail(b"From: " + b"Averyl " * 100 + b"<a@x.example>\nSubject: Lunch\n")
    record = parse_eml(data, "long.eml").record
    assert len(record["requester_name"]) == 300
    assert record["requester_name"].startswith("Averyl Averyl")


def test_nul_bytes_and_lone_surrogates_do_not_reach_the_record():
    data = _mail(b"From: Kim <a@x.example>\nSubject: Lunch\n", b"hi\x00 there \xed\xa0\x80\n")
    record = parse_eml(data, "nul.eml").record
    assert "\x00" not in record["message"] and "\x00" not in record["raw_source"]
    record["message"].encode("utf-8")
    record["raw_source"].encode("utf-8")


def test_ordinary_headers_within_the_limits_pass():
    to = b", ".join(b"User %d <u%d@x.example>" % (i, i) for i in range(100))
    data = _mail(
        b"From: Kim (Sales) <kim@x.example>\nTo: "
        + to
        + b"\nSubject: =?utf-8?q?Gr=C3=BC=C3=9Fe?=\n"
        b'Content-Type: text/plain; charset="utf-8"; format=flowed\n'
    )
    result = parse_eml(data, "ok.eml")
    assert result.errors == []
    assert result.record["recipient"] == "u0@x.example"


def test_the_limits_can_be_tightened():
    data = _mail(b"From: a@x.example, b@x.example, c@x.example\nSubject: s\n")
    result = parse_eml(data, "t.eml", IntakeLimits(max_addresses=2))
    assert [e.message for e in result.errors] == [
        "the From header lists 3 addresses; the limit is 2"
    ]


def test_findings_carry_no_nul_bytes_into_the_database():
    import base64

    name = base64.b64encode(b"Linked\x00In Security\x00").decode()
    data = _mail(f"From: =?utf-8?b?{name}?= <x@evil.example>\nSubject: Invitation\n".encode())
    record = parse_eml(data, "nul.eml").record
    assert record["email_findings"]
    assert all("\x00" not in detail for _code, detail in record["email_findings"])
    assert "\x00" not in record["requester_name"]
