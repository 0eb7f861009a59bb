import io
import zipfile
from pathlib import Path

import pytest

from intake.detect import detect_format, parse_all, read_invitations, read_roster
from intake.errors import IntakeError
from intake.template_csv import template_csv_text

FIXTURES = Path(__file__).resolve().parent / "fixtures"
INCOMING_1 = FIXTURES / "real" / "imapdigester_test_linkedin_invitations_INCOMING_1.eml"


def _zip_of(name: str, data: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(name, data)
    return buffer.getvalue()


class _Unseekable(io.RawIOBase):
    """A pipe-like stream, as a request body would be."""

    def __init__(self, data: bytes) -> None:
        self._data = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return False

    def readinto(self, buffer) -> int:
        chunk = self._data.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)


@pytest.mark.parametrize(
    ("head", "filename", "expected"),
    [
        (template_csv_text().encode(), "whatever.txt", "template_csv"),
        ((FIXTURES / "invitations_2026.csv").read_bytes(), "x.csv", "linkedin_invitations"),
        ((FIXTURES / "invitations_2018.csv").read_bytes(), "x.csv", "linkedin_invitations"),
        ((FIXTURES / "connections_2026.csv").read_bytes(), "x.csv", "linkedin_connections"),
        ((FIXTURES / "connections_2018.csv").read_bytes(), "x", "linkedin_connections"),
        (b"name,profile_url,company\nKim,,\n", "roster.csv", "roster_csv"),
        (b'\n{"requester_name": "Kim"}\n', "upload.csv", "jsonl"),
        (INCOMING_1.read_bytes(), "mail.txt", "eml"),
        (b"From MAILER-DAEMON Mon May  2 19:34:46 2016\n" + INCOMING_1.read_bytes(), "x", "eml"),
        (_zip_of("Invitations.csv", b""), "export.csv", "zip"),
    ],
)
def test_it_recognises_formats_by_content(head, filename, expected):
    assert detect_format(head, filename) == expected


def test_it_names_the_accepted_formats_for_unknown_content():
    with pytest.raises(IntakeError) as caught:
        detect_format(b"\x89PNG\r\n\x1a\n....", "photo.png")
    assert str(caught.value).startswith("photo.png: is not a format Vouch reads; it accepts")
    assert "LinkedIn's data-export ZIP" in str(caught.value)


def test_it_reads_invitations_from_any_accepted_upload():
    uploads = {
        "t.csv": template_csv_text().encode(),
        "i.csv": (FIXTURES / "invitations_2026.csv").read_bytes(),
        "m.eml": INCOMING_1.read_bytes(),
        "e.zip": _zip_of(
            "Export/Invitations.csv", (FIXTURES / "invitations_2018.csv").read_bytes()
        ),
        "j.jsonl": b'{"requester_name": "Kim"}\n',
    }
    counts = {}
    for name, data in uploads.items():
        records, errors = parse_all(io.BytesIO(data), name)
        assert errors == [], name
        counts[name] = len(records)
    assert counts == {"t.csv": 2, "i.csv": 2, "m.eml": 1, "e.zip": 1, "j.jsonl": 1}


def test_it_streams_from_an_unseekable_file():
    data = template_csv_text().encode()
    stream = io.BufferedReader(_Unseekable(data))
    records, errors = parse_all(stream, "pipe.csv")
    assert errors == [] and len(records) == 2


def test_it_streams_a_zip_from_an_unseekable_file():
    data = _zip_of("Invitations.csv", (FIXTURES / "invitations_2018.csv").read_bytes())
    records, errors = parse_all(io.BufferedReader(_Unseekable(data)), "e.zip")
    assert errors == [] and len(records) == 1


def test_it_reads_a_text_file_object():
    records, errors = parse_all(io.StringIO(template_csv_text()), "t.csv")
    assert errors == [] and len(records) == 2


def test_it_refuses_a_roster_as_invitations_and_the_reverse():
    _, errors = parse_all(io.BytesIO((FIXTURES / "connections_2026.csv").read_bytes()), "c.csv")
    assert "not invitations; upload it as a roster" in str(errors[0])
    rows = list(read_roster(io.BytesIO(template_csv_text().encode()), "t.csv"))
    assert rows[0].errors[0].message.startswith("is not a roster")


def test_it_reads_rosters_from_connections_and_zip():
    rows = list(read_roster(io.BytesIO((FIXTURES / "connections_2026.csv").read_bytes()), "c.csv"))
    assert len([row for row in rows if row.record]) == 2
    data = _zip_of("x/Connections.csv", (FIXTURES / "connections_2018.csv").read_bytes())
    rows = list(read_roster(io.BytesIO(data), "e.zip"))
    assert [row.record["name"] for row in rows] == ["Alex Example", "Sam Sample"]


def test_it_reports_an_unrecognised_upload_as_one_error_row():
    rows = list(read_invitations(io.BytesIO(b"hello world"), "notes.txt"))
    assert len(rows) == 1 and rows[0].record is None
    assert rows[0].errors[0].file == "notes.txt"


def test_it_streams_a_large_file_row_by_row():
    header = template_csv_text().splitlines()[0]
    lines = (f"{n},,Person {n},,,,,,,,,,,,,\n" for n in range(120_000))
    data = (header + "\n" + "".join(lines)).encode()
    count = 0
    for row in read_invitations(io.BytesIO(data), "big.csv"):
        assert not row.errors
        count += 1
    assert count == 120_000
