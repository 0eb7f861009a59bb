"""Bulk files staged by COPY in one ordered pass: exact rows, exact errors, exact line numbers."""

import csv
import io
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from intake.detect import read_invitations
from intake.limits import DEFAULT_LIMITS
from intake.template_csv import TEMPLATE_HEADER
from invitations.models import Channel, Invitation
from invitations.services import IntakeRejected, invitation_import_file

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
TRICKY_MESSAGES = (
    'Hallo Kim,\nwir kennen uns vom "Tag der Logistik".\r\nGrüße',
    "tab\there, backslash \\ there, a ¶ and 🚀",
    "",
    'only "quotes" and, commas',
    "Ünïcödé with combining a\u0301 and zero\u200bwidth",
)


def _template_csv(n: int, *, bom: bool = False, repeat: tuple[int, int] | None = None) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=TEMPLATE_HEADER, lineterminator="\r\n")
    writer.writeheader()
    for i in range(n):
        number = repeat[0] if repeat and i == repeat[1] else i
        writer.writerow(
            {
                "ref": f"r{number}",
                "recipient": f"colleague{number}@example.com",
                "requester_name": f"Requester {number}",
                "requester_headline": "Head of Things" if number % 3 else "",
                "requester_country": "DE" if number % 2 else "",
                "requester_profile_url": f"linkedin.com/in/requester-{number}",
                "requester_has_photo": ("yes", "no", "")[number % 3],
                "mutual_connections": str(number % 7),
                "message": TRICKY_MESSAGES[number % len(TRICKY_MESSAGES)],
                "received_at": f"2026-11-{1 + number % 28:02d}T10:00:00Z",
                "worked_together": ("yes", "no", "unsure", "")[number % 4],
                "attachments": "cv.pdf|run.exe" if number % 11 == 0 else "",
            }
        )
    data = out.getvalue().encode()
    return b"\xef\xbb\xbf" + data if bom else data


def _linkedin_csv(n: int) -> bytes:
    lines = [
        'Notes:\n"This file lists invitations, sent and received."\n\n',
        "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n",
    ]
    for i in range(n):
        direction = "OUTGOING" if i % 5 == 0 else "INCOMING"
        message = f'"Hi Paul,\nlet\'s connect ({i}) ""soon"""' if i % 2 else ""
        lines.append(
            f'Person {i},Paul Hammant,"{1 + i % 12}/8/26, 3:43 PM",{message},{direction},'
            f"https://www.linkedin.com/in/person-{i},https://www.linkedin.com/in/paul-hammant\n"
        )
    return "".join(lines).encode()


def _write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _import(org, user, path):
    with path.open("rb") as handle:
        return invitation_import_file(
            org=org, submitter=user, channel=Channel.CSV, fileobj=handle, filename=path.name
        )


_COMPARED = ("ref", "recipient", "requester_name", "message", "received_at", "attachments")


@pytest.mark.django_db
def test_a_large_upload_stores_every_row_as_written(tmp_path, org, member):
    path = _write(tmp_path, "big.csv", _template_csv(500))
    outcome = _import(org, member, path)
    assert outcome.created == 500 and outcome.duplicates == 0
    stored = list(Invitation.objects.for_org(org).order_by("id").values_list(*_COMPARED))
    with path.open("rb") as handle:
        records = [r.record for r in read_invitations(handle, path.name, DEFAULT_LIMITS)]
    assert [row[:4] for row in stored] == [
        (r["ref"], r["recipient"], r["requester_name"], r["message"]) for r in records
    ]
    assert sorted(outcome.created_ids) == [
        pk for pk in Invitation.objects.for_org(org).order_by("id").values_list("id", flat=True)
    ]


def _split_quote_csv(n: int) -> bytes:
    """A CSV whose early unquoted field holds a literal quote and whose later quoted field
    spans two lines: a cut at a newline with an even count of quotes before it falls
    inside the quoted field."""
    lines = ["requester_name,recipient,message\r\n"]
    for i in range(n):
        if i == 3:
            lines.append(f'Kim 5" Display,c{i}@example.com,Hi from the display team\r\n')
        elif i == n * 3 // 4:
            lines.append(
                f'Two Lines,c{i}@example.com,"Hello,\r\nsee you at the fair, Kim, bye"\r\n'
            )
        else:
            lines.append(f"Person {i},c{i}@example.com,We met at the fair {i}\r\n")
    return "".join(lines).encode()


@pytest.mark.django_db
def test_a_literal_quote_early_and_a_two_line_field_later_store_exactly_the_row_count(
    tmp_path, org, member
):
    path = _write(tmp_path, "split-quote.csv", _split_quote_csv(70_000))
    outcome = _import(org, member, path)
    assert outcome.created == 70_000
    assert Invitation.objects.for_org(org).count() == 70_000
    two = Invitation.objects.for_org(org).get(requester_name="Two Lines")
    assert two.message == "Hello,\r\nsee you at the fair, Kim, bye"
    assert Invitation.objects.for_org(org).get(requester_name='Kim 5" Display').message == (
        "Hi from the display team"
    )


@pytest.mark.django_db
def test_importing_the_large_file_again_counts_every_row_as_a_duplicate(tmp_path, org, member):
    path = _write(tmp_path, "again.csv", _template_csv(300))
    _import(org, member, path)
    again = _import(org, member, path)
    assert again.created == 0 and again.duplicates == 300
    assert Invitation.objects.for_org(org).count() == 300


@pytest.mark.django_db
def test_a_repeat_far_apart_is_reported_with_both_lines(tmp_path, org, member):
    data = _template_csv(300, repeat=(3, 290))
    first = data[: data.index(b"\nr3,") + 1].count(b"\n") + 1
    again = data[: data.rindex(b"\nr3,") + 1].count(b"\n") + 1
    assert again > 300
    path = _write(tmp_path, "repeat.csv", data)
    with pytest.raises(IntakeRejected) as rejected:
        _import(org, member, path)
    assert [str(e) for e in rejected.value.errors] == [
        f"repeat.csv, line {again}: line {again} repeats line {first}"
    ]
    assert not Invitation.objects.exists()


@pytest.mark.django_db
def test_an_error_late_in_the_file_is_reported_at_its_true_line(tmp_path, org, member):
    data = _template_csv(300)
    start = data.index(b"\nr250,") + 1
    data = data[:start] + data[start:].replace(b"T10:00:00Z", b"x", 1)
    bad_line = data[:start].count(b"\n") + 1
    assert bad_line > len(data.splitlines()) / 2
    path = _write(tmp_path, "bad.csv", data)
    with pytest.raises(IntakeRejected) as rejected:
        _import(org, member, path)
    assert [(e.line, e.column) for e in rejected.value.errors] == [(bad_line, "received_at")]
    assert not Invitation.objects.exists()


def _jsonl(n: int) -> bytes:
    lines = [
        json.dumps({"requester_name": f"Person {i}", "ref": f"j{i}", "message": f'a "quote"\n{i}'})
        for i in range(n)
    ]
    return ("\n\n".join(lines[:3]) + "\n" + "\n".join(lines[3:]) + "\n").encode()


@pytest.mark.django_db
def test_a_json_lines_file_with_blank_lines_is_stored_whole(tmp_path, org, member):
    path = _write(tmp_path, "invitations.jsonl", _jsonl(300))
    outcome = _import(org, member, path)
    assert outcome.created == 300
    assert Invitation.objects.for_org(org).get(ref="j7").message == 'a "quote"\n7'


@pytest.mark.django_db
def test_an_e_mail_is_read_in_one_pass(tmp_path, org, member):
    eml = (Path(__file__).parents[1] / "intake" / "fixtures" / "real").glob("*.eml")
    path = _write(tmp_path, "forwarded.eml", next(iter(sorted(eml))).read_bytes())
    assert _import(org, member, path).created == 1


@pytest.mark.django_db
def test_every_kind_of_value_survives_the_copy_text_unchanged(org, member):
    from intake.errors import ParsedRow
    from intake.records import attachment_entry, empty_record
    from invitations.services import invitation_import

    record = empty_record()
    record.update(
        requester_name="Zoë \\ O'Neil\tTab",
        message="line\nbreak\r\nand a \\N that is text, not NULL, and a 🚀",
        recipient="",
        requester_has_photo=False,
        mutual_connections=0,
        colleagues_connected=None,
        received_at=datetime(2026, 2, 3, 4, 5, 6, 789000, tzinfo=UTC),
        attachments=[attachment_entry("a\tb.pdf", 12, "application/pdf", "ab" * 32)],
        links=[{"url": "http://x.example/\\path", "host": "x.example"}],
    )
    outcome = invitation_import(
        org=org, submitter=member, channel=Channel.CSV, rows=[ParsedRow(2, record)]
    )
    stored = Invitation.objects.get(pk=outcome.created_ids[0])
    for key in ("requester_name", "message", "recipient", "received_at", "attachments", "links"):
        assert getattr(stored, key) == record[key], key
    assert stored.requester_has_photo is False and stored.mutual_connections == 0
    assert stored.colleagues_connected is None and stored.reasons == []
