import io
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from intake.errors import ParsedRow
from intake.fields import FieldError
from intake.limits import DEFAULT_LIMITS, IntakeLimits
from intake.linkedin_export import (
    open_linkedin_export,
    parse_connected_on,
    parse_linkedin_datetime,
    read_linkedin_connections,
    read_linkedin_invitations,
    read_roster_csv,
)

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _errors(rows: list[ParsedRow]) -> list[str]:
    return [str(e) for row in rows for e in row.errors]


def _records(rows: list[ParsedRow]) -> list[dict]:
    return [row.record for row in rows if row.record is not None]


def _invitations(data: bytes, limits: IntakeLimits = DEFAULT_LIMITS) -> list[ParsedRow]:
    return list(read_linkedin_invitations(io.BytesIO(data), "Invitations.csv", limits))


def _zip(members: dict[str, bytes]) -> io.BytesIO:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    buffer.seek(0)
    return buffer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("8/18/18, 9:08 AM", datetime(2018, 8, 18, 9, 8, tzinfo=UTC)),
        ("7/8/26, 3:43 PM", datetime(2026, 7, 8, 15, 43, tzinfo=UTC)),
        ("2/12/26, 12:05 AM", datetime(2026, 2, 12, 0, 5, tzinfo=UTC)),
        ("2/12/2026, 11:44\u202fAM", datetime(2026, 2, 12, 11, 44, tzinfo=UTC)),
        ("", None),
    ],
)
def test_it_reads_linkedin_us_dates_as_utc(text, expected):
    assert parse_linkedin_datetime(text) == expected


@pytest.mark.parametrize("text", ["18/8/18, 9:08 AM", "next tuesday", "2/30/26, 1:00 PM"])
def test_it_rejects_impossible_linkedin_dates(text):
    with pytest.raises(FieldError):
        parse_linkedin_datetime(text)


def test_it_reads_connected_on_in_both_formats():
    assert parse_connected_on("08 Feb 2026") == date(2026, 2, 8)
    assert parse_connected_on("8/18/18, 9:08 AM") == date(2018, 8, 18)
    assert parse_connected_on("") is None


def test_it_reads_the_current_invitations_export_and_skips_outgoing_rows():
    rows = _invitations((FIXTURES / "invitations_2026.csv").read_bytes())
    assert _errors(rows) == []
    first, second = _records(rows)
    assert first["requester_name"] == "Alina Parfilava, CAMS"
    assert first["recipient"] == "Paul Hammant"
    assert first["message"] == "Hi Paul,  we met at the KYC summit, let's connect"
    assert first["received_at"] == datetime(2026, 2, 12, 11, 44, tzinfo=UTC)
    assert (
        first["requester_profile_url"] == "https://www.linkedin.com/in/nagel-lisânias-paulino-1234"
    )
    assert second["requester_name"] == "Rocket 🚀 Growth"
    assert second["received_at"] == datetime(2026, 7, 8, 15, 43, tzinfo=UTC)
    assert [(row.line, row.skipped) for row in rows] == [(2, ""), (3, "outgoing"), (4, "")]


def test_it_reads_the_2018_invitations_export_without_url_columns():
    rows = _invitations((FIXTURES / "invitations_2018.csv").read_bytes())
    (record,) = _records(rows)
    assert record["requester_name"] == "Steven Footle"
    assert record["requester_profile_url"] == ""
    assert record["message"] == "I'd like to join your LinkedIn network."


def test_it_reports_bad_invitation_rows_with_the_export_column_names():
    data = (
        b"From,To,Sent At,Message,Direction\n"
        b"Kim,Paul,yesterday,,INCOMING\n"
        b',Paul,"1/2/26, 1:00 PM",,INCOMING\n'
        b'Sam,Paul,"1/2/26, 1:00 PM",,SIDEWAYS\n'
    )
    assert _errors(_invitations(data)) == [
        "Invitations.csv, line 2, column Sent At: 'yesterday' is not a LinkedIn date like "
        "8/18/18, 9:08 AM",
        "Invitations.csv, line 3, column From: is empty; every invitation needs a name",
        "Invitations.csv, line 4, column Direction: 'SIDEWAYS' is neither INCOMING nor OUTGOING",
    ]


def test_it_reports_duplicate_invitation_rows():
    row = b'Kim,Paul,"1/2/26, 1:00 PM",Hi,INCOMING\n'
    rows = _invitations(b"From,To,Sent At,Message,Direction\n" + row + row)
    assert _errors(rows) == ["Invitations.csv, line 3: line 3 repeats line 2"]


def test_it_rejects_a_file_without_the_invitations_header():
    rows = _invitations(b"Kim,Paul\n")
    assert _errors(rows)[0].startswith("Invitations.csv, line 1: has no Invitations.csv header")


def test_it_reads_connections_with_preamble_bom_and_no_trailing_newline():
    rows = list(
        read_linkedin_connections(io.BytesIO((FIXTURES / "connections_2026.csv").read_bytes()))
    )
    assert _errors(rows) == []
    kim, joao = _records(rows)
    assert kim == {
        "first_name": "Kim",
        "last_name": "Meier",
        "name": "Kim Meier",
        "profile_url": "https://www.linkedin.com/in/kim-meier-0a1b2c",
        "email": "",
        "company": "Example Corp, Inc.",
        "position": "Head of Sales, EMEA",
        "connected_on": date(2026, 2, 8),
    }
    assert joao["name"] == "João Lisânias"
    assert joao["connected_on"] == date(2025, 1, 1)


def test_it_reads_the_2018_connections_format_and_drops_member_urns_as_emails():
    rows = list(
        read_linkedin_connections(io.BytesIO((FIXTURES / "connections_2018.csv").read_bytes()))
    )
    alex, sam = _records(rows)
    assert alex["email"] == "alex@example.com" and alex["profile_url"] == ""
    assert alex["connected_on"] == date(2018, 8, 18)
    assert sam["email"] == "" and sam["company"] == "Sample, Ltd"


def test_it_reports_a_bad_connected_on_date():
    data = b"First Name,Last Name,Connected On\nKim,Meier,someday\n"
    rows = list(read_linkedin_connections(io.BytesIO(data), "Connections.csv"))
    assert _errors(rows) == [
        "Connections.csv, line 2, column Connected On: 'someday' is not a date like 12 Mar 2024"
    ]


def test_it_reads_a_plain_roster_csv():
    data = b"name,profile_url,company\nKim Meier,linkedin.com/in/kim,Example\n,,\nSam,,\n"
    rows = list(read_roster_csv(io.BytesIO(data), "roster.csv"))
    kim, sam = _records(rows)
    assert kim["profile_url"] == "https://linkedin.com/in/kim"
    assert sam["name"] == "Sam" and sam["connected_on"] is None


def test_it_finds_both_files_anywhere_in_an_export_zip():
    archive = _zip(
        {
            "Basic_LinkedInDataExport_02-08-2026/INVITATIONS.CSV": (
                FIXTURES / "invitations_2026.csv"
            ).read_bytes(),
            "Basic_LinkedInDataExport_02-08-2026/Connections.csv": (
                FIXTURES / "connections_2026.csv"
            ).read_bytes(),
            "Basic_LinkedInDataExport_02-08-2026/Profile.csv": b"First Name\nPaul\n",
        }
    )
    export = open_linkedin_export(archive, "export.zip")
    assert export.errors == []
    invitations = list(export.invitations())
    connections = list(export.connections())
    assert len(_records(invitations)) == 2 and len(_records(connections)) == 2
    assert invitations[0].record["requester_name"] == "Alina Parfilava, CAMS"


def test_it_names_the_member_in_errors_inside_a_zip():
    archive = _zip(
        {"x/Invitations.csv": b"From,To,Sent At,Message,Direction\nKim,P,bad,,INCOMING\n"}
    )
    rows = list(open_linkedin_export(archive, "export.zip").invitations())
    assert _errors(rows)[0].startswith("export.zip/x/Invitations.csv, line 2, column Sent At:")


def test_it_rejects_a_zip_with_too_many_members():
    archive = _zip({f"f{n}.txt": b"" for n in range(5)})
    export = open_linkedin_export(archive, "export.zip", IntakeLimits(max_zip_members=3))
    assert [str(e) for e in export.errors] == [
        "export.zip: the archive has 5 members; the limit is 3"
    ]
    assert _errors(list(export.invitations())) == [
        "export.zip: the archive has 5 members; the limit is 3"
    ]


def test_it_rejects_a_zip_that_unpacks_too_large():
    archive = _zip({"Invitations.csv": b"x" * 5000})
    export = open_linkedin_export(archive, "export.zip", IntakeLimits(max_zip_uncompressed=1000))
    assert [str(e) for e in export.errors] == [
        "export.zip: the archive unpacks to 5,000 bytes; the limit is 1,000 bytes"
    ]


@pytest.mark.parametrize("name", ["../Invitations.csv", "/etc/Invitations.csv", "a/../../b.csv"])
def test_it_rejects_zip_path_traversal(name):
    export = open_linkedin_export(_zip({name: b"x"}), "export.zip")
    assert [e.message for e in export.errors] == ["has an unsafe path (absolute or with ..)"]
    assert export.errors[0].column == name


def test_it_rejects_encrypted_zip_members():
    archive = _zip({"Invitations.csv": b"x"})
    data = bytearray(archive.getvalue())
    # Set the "encrypted" flag bit in both the local and the central directory header.
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(signature)
        data[at + offset] |= 0x1
    export = open_linkedin_export(io.BytesIO(bytes(data)), "export.zip")
    assert [e.message for e in export.errors] == [
        "is encrypted; upload the export without a password"
    ]


def test_it_rejects_a_broken_zip():
    export = open_linkedin_export(io.BytesIO(b"PK\x03\x04broken"), "export.zip")
    assert export.errors[0].message.startswith("is not a readable ZIP archive")


def test_it_reports_a_zip_without_invitations():
    export = open_linkedin_export(_zip({"Profile.csv": b"x"}), "export.zip")
    assert _errors(list(export.invitations())) == [
        "export.zip: the archive contains no Invitations.csv"
    ]
