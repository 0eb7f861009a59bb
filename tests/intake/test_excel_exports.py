"""LinkedIn exports as they really arrive: re-saved by Excel, in German locales, in a ZIP."""

import io
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from intake.detect import detect_format, read_invitations, read_roster
from intake.errors import SKIPPED_CONNECTED, SKIPPED_OUTGOING, ParsedRow
from intake.linkedin_export import parse_connected_on, parse_linkedin_datetime

FIXTURES = Path(__file__).resolve().parent / "fixtures"
EXPORTS = FIXTURES / "exports"


def _errors(rows: list[ParsedRow]) -> list[str]:
    return [str(e) for row in rows for e in row.errors]


def _records(rows: list[ParsedRow]) -> list[dict]:
    return [row.record for row in rows if row.record is not None]


def _zip(members: dict[str, bytes]) -> io.BytesIO:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(f"Basic_LinkedInDataExport_02-08-2026/{name}", data)
    buffer.seek(0)
    return buffer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("6-Feb-26", date(2026, 2, 6)),
        ("9-Sep-22", date(2022, 9, 9)),
        ("2/6/2026", date(2026, 2, 6)),
        ("06.02.2026", date(2026, 2, 6)),
        ("6.2.26", date(2026, 2, 6)),
        ("30/12/2019", date(2019, 12, 30)),
        ("2026-02-06", date(2026, 2, 6)),
        ("2026/02/06", date(2026, 2, 6)),
        ("06-Feb-2026", date(2026, 2, 6)),
        ("Feb 6, 2026", date(2026, 2, 6)),
        ("6. Mär. 2026", date(2026, 3, 6)),
        ("6-mrt-26", date(2026, 3, 6)),
        ("6-févr.-26", date(2026, 2, 6)),
        ("2/6/2026 9:08", date(2026, 2, 6)),
        ("08 Feb 2026", date(2026, 2, 8)),
    ],
)
def test_it_reads_connected_on_dates_as_excel_rewrites_them(text, expected):
    assert parse_connected_on(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2/12/2026 11:44", datetime(2026, 2, 12, 11, 44, tzinfo=UTC)),
        ("12.02.2026 11:44", datetime(2026, 2, 12, 11, 44, tzinfo=UTC)),
        ("12-Feb-26", datetime(2026, 2, 12, tzinfo=UTC)),
        ("2026-02-12 11:44:00", datetime(2026, 2, 12, 11, 44, tzinfo=UTC)),
        ("18/02/2026 11:44", datetime(2026, 2, 18, 11, 44, tzinfo=UTC)),
    ],
)
def test_it_reads_sent_at_as_excel_rewrites_it(text, expected):
    assert parse_linkedin_datetime(text) == expected


@pytest.mark.parametrize(
    "name",
    [
        "connections_excel_us.csv",
        "connections_excel_us_slash.csv",
        "connections_excel_de.csv",
        "connections_excel_de_cp1252.csv",
    ],
)
def test_every_excel_shape_of_connections_csv_is_read_as_connections(name):
    data = (EXPORTS / name).read_bytes()
    assert detect_format(data[:65536], name) == "linkedin_connections"
    rows = list(read_roster(io.BytesIO(data), name))
    assert _errors(rows) == []
    assert len(_records(rows)) >= 2
    assert all(r["connected_on"] for r in _records(rows))


def test_a_us_excel_resave_keeps_names_urls_and_dates():
    rows = list(read_roster(io.BytesIO((EXPORTS / "connections_excel_us.csv").read_bytes()), "c"))
    kim, jonas, priya, lena = _records(rows)
    assert (kim["name"], kim["company"], kim["connected_on"]) == (
        "Kim Meier",
        "Example Corp, Inc.",
        date(2026, 2, 6),
    )
    assert jonas["connected_on"] == date(2022, 9, 9)
    assert priya["email"] == "priya@example.org"
    assert lena["profile_url"] == "https://www.linkedin.com/in"


def test_a_german_excel_file_with_semicolons_and_quotes_is_read():
    rows = list(read_roster(io.BytesIO((EXPORTS / "connections_excel_de.csv").read_bytes()), "c"))
    juergen, kim = _records(rows)
    assert juergen["name"] == "Jürgen Müller-Lüdenscheidt"
    assert juergen["company"] == "Beispiel GmbH; Berlin"
    assert kim["position"] == "Head of Sales, EMEA"
    assert juergen["connected_on"] == date(2026, 2, 6)


def test_a_windows_1252_excel_file_keeps_its_accents():
    data = (EXPORTS / "connections_excel_de_cp1252.csv").read_bytes()
    juergen, zoe = _records(list(read_roster(io.BytesIO(data), "c")))
    assert (juergen["name"], juergen["company"]) == ("Jürgen Müller", "Bäckerei Groß")
    assert zoe["name"] == "Zoë Lefèvre"


def test_a_german_excel_invitations_csv_is_read_with_its_dates():
    data = (EXPORTS / "invitations_excel_de.csv").read_bytes()
    assert detect_format(data, "Invitations.csv") == "linkedin_invitations"
    rows = list(read_invitations(io.BytesIO(data), "Invitations.csv"))
    assert _errors(rows) == []
    (record,) = _records(rows)
    assert record["requester_name"] == "Sabine Vogel"
    assert record["message"].startswith("Hallo Paul; wir haben uns")
    assert record["received_at"] == datetime(2026, 2, 12, 11, 44, tzinfo=UTC)


def test_a_file_of_sent_invitations_only_yields_only_skipped_rows():
    data = (EXPORTS / "invitations_outgoing_only.csv").read_bytes()
    rows = list(read_invitations(io.BytesIO(data), "Invitations.csv"))
    assert [(row.record, row.errors, row.skipped) for row in rows] == [
        (None, [], SKIPPED_OUTGOING),
        (None, [], SKIPPED_OUTGOING),
    ]


def test_invitations_from_people_in_the_same_exports_connections_are_skipped():
    archive = _zip(
        {
            "Connections.csv": (EXPORTS / "connections_excel_us.csv").read_bytes(),
            "Invitations.csv": (EXPORTS / "invitations_mostly_connected.csv").read_bytes(),
        }
    )
    rows = list(read_invitations(archive, "export.zip"))
    assert _errors(rows) == []
    assert [row.skipped for row in rows if row.skipped] == [SKIPPED_CONNECTED] * 4 + [
        SKIPPED_OUTGOING
    ]
    imported = _records(rows)
    # A namesake with another profile URL, and a requester whose URL names nobody.
    assert [(r["requester_name"], r["requester_profile_url"]) for r in imported] == [
        ("Kim Meier", "https://www.linkedin.com/in/kim-meier-99"),
        ("Rocket Growth", "https://www.linkedin.com/in"),
    ]


def test_the_five_column_export_matches_connections_by_full_name():
    archive = _zip(
        {
            "Connections.csv": (FIXTURES / "connections_2018.csv").read_bytes(),
            "Invitations.csv": (
                b"From,To,Sent At,Message,Direction\n"
                b'Alex Example,Paul Hammant,"8/1/18, 9:08 AM",,INCOMING\n'
                b'Steven Footle,Paul Hammant,"8/18/18, 9:08 AM",Hi Paul,INCOMING\n'
            ),
        }
    )
    rows = list(read_invitations(archive, "export.zip"))
    assert _errors(rows) == []
    assert [r["requester_name"] for r in _records(rows)] == ["Steven Footle"]
    assert [row.skipped for row in rows] == [SKIPPED_CONNECTED, ""]


def test_a_bad_connections_csv_in_a_zip_is_reported_with_file_line_and_column():
    archive = _zip(
        {
            "Connections.csv": (
                b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                b"Kim,Meier,https://www.linkedin.com/in/kim,,,,someday\n"
            ),
            "Invitations.csv": (FIXTURES / "invitations_2026.csv").read_bytes(),
        }
    )
    rows = list(read_invitations(archive, "export.zip"))
    assert _errors(rows) == [
        "export.zip/Basic_LinkedInDataExport_02-08-2026/Connections.csv, line 2, "
        "column Connected On: 'someday' is not a date like 12 Mar 2024"
    ]


def test_a_semicolon_roster_csv_is_read():
    data = "name;profile_url;company\r\nKim Meier;linkedin.com/in/kim;Beispiel, GmbH\r\n"
    rows = list(read_roster(io.BytesIO(data.encode()), "roster.csv"))
    assert _records(rows)[0]["company"] == "Beispiel, GmbH"


def test_excels_unicode_text_export_in_utf16_with_tabs_is_read():
    data = (
        "First Name\tLast Name\tURL\tEmail Address\tCompany\tPosition\tConnected On\r\n"
        "Jürgen\tMüller\thttps://www.linkedin.com/in/jm\t\tGroß AG\tChef\t06.02.2026\r\n"
    ).encode("utf-16")
    assert detect_format(data, "Connections.txt") == "linkedin_connections"
    stream = io.BytesIO(data)
    rows = list(read_roster(stream, "Connections.txt"))
    assert _errors(rows) == []
    assert [(r["name"], r["company"]) for r in _records(rows)] == [("Jürgen Müller", "Groß AG")]
    assert not stream.closed


def test_old_mac_excel_line_ends_of_a_bare_cr_are_read():
    data = (
        b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\r"
        b'Kim,Meier,,,"Example, Inc.",,6-Feb-26\rSam,Roe,,,,,9-Sep-22\r'
    )
    rows = list(read_roster(io.BytesIO(data), "Connections.csv"))
    assert _errors(rows) == []
    assert [(row.line, row.record["name"]) for row in rows] == [(2, "Kim Meier"), (3, "Sam Roe")]


def test_rows_excel_wrote_without_their_empty_last_cells_are_read():
    # Excel leaves out the separators of empty trailing cells after the 16th row.
    header = "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\r\n"
    rows = "".join(
        f"Person {n},Paul Hammant,2/{n}/2026 10:00,,INCOMING,https://www.linkedin.com/in/p{n},\r\n"
        for n in range(1, 17)
    )
    short = "Late Person,Paul Hammant,2/20/2026 10:00,Hi Paul,INCOMING\r\n"
    padded = "Padded Person,Paul Hammant,2/21/2026 10:00,,INCOMING,,,,\r\n"
    data = (header + rows + short + padded).encode()
    parsed = list(read_invitations(io.BytesIO(data), "Invitations.csv"))
    assert _errors(parsed) == []
    assert [r["requester_name"] for r in _records(parsed)][-2:] == ["Late Person", "Padded Person"]


def test_a_row_with_more_filled_cells_than_the_header_is_still_an_error():
    data = b"First Name,Last Name,Connected On\r\nKim,Meier,6-Feb-26,surplus\r\n"
    rows = list(read_roster(io.BytesIO(data), "Connections.csv"))
    assert _errors(rows) == [
        "Connections.csv, line 2: has 4 fields; the header has 3 "
        "(a value with a comma must be in double quotes)"
    ]


def test_a_plain_roster_with_an_empty_last_column_left_out_is_read():
    data = b"name,profile_url,company\r\nKim Meier,linkedin.com/in/kim\r\nSam Roe\r\n"
    rows = list(read_roster(io.BytesIO(data), "roster.csv"))
    assert _errors(rows) == []
    names = [(r["name"], r["company"]) for r in _records(rows)]
    assert names == [("Kim Meier", ""), ("Sam Roe", "")]
