"""Large CSV uploads parsed in two processes: same rows, same errors, same line numbers."""

import csv
import io
import json
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

import pytest

from invitations import services, staging
from invitations.intake.detect import read_invitations
from invitations.intake.limits import DEFAULT_LIMITS
from invitations.intake.template_csv import TEMPLATE_HEADER
from invitations.models import Channel, Invitation
from invitations.services import IntakeRejected, _row_values, invitation_import_file

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


def _make_values(org, member):
    return partial(_row_values, org=org, submitter=member, batch=None, channel=Channel.CSV, now=NOW)


def _one_pass(path, make_values) -> str:
    with path.open("rb") as handle:
        rows = read_invitations(handle, path.name, DEFAULT_LIMITS)
        return "".join(staging.copy_chunks(rows, make_values))


def _two_passes(path, make_values) -> str:
    chunks = staging.parse_in_two(
        path=path, filename=path.name, limits=DEFAULT_LIMITS, make_values=make_values
    )
    return "".join(c.decode() if isinstance(c, bytes) else c for c in chunks)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("template.csv", _template_csv(400)),
        ("bom.csv", _template_csv(401, bom=True)),
        ("Invitations.csv", _linkedin_csv(300)),
    ],
)
def test_two_processes_yield_exactly_the_copy_text_of_one_pass(tmp_path, org, member, name, data):
    path = _write(tmp_path, name, data)
    make_values = _make_values(org, member)
    one = _one_pass(path, make_values)
    assert one.count("\n") > 200
    assert _two_passes(path, make_values) == one


def test_the_cut_never_falls_inside_a_quoted_value(tmp_path):
    header = ",".join(TEMPLATE_HEADER) + "\n"
    row = 'Someone,"line one\nline two\nline three"\n'
    data = (header.replace(",".join(TEMPLATE_HEADER), "requester_name,message") + row * 50).encode()
    path = _write(tmp_path, "quoted.csv", data)
    split = staging.find_split(path, 2, len(data))
    assert split is not None
    before = data[: split.at]
    assert before.count(b'"') % 2 == 0 and before.endswith(b"\n")
    assert data[split.at :].startswith(b"Someone,")


def test_the_second_part_keeps_the_line_numbers_of_the_whole_file(tmp_path):
    data = _template_csv(120)
    path = _write(tmp_path, "lines.csv", data)
    split = staging.find_split(path, 2, len(data))
    with path.open("rb") as handle:
        whole = [row.line for row in read_invitations(handle, "lines.csv")]
    with split.second_part(path) as stream:
        second = [row.line for row in read_invitations(stream, "lines.csv")]
    assert second and second == whole[-len(second) :]
    assert second[0] == data[: split.at].count(b"\n") + 1


@pytest.fixture
def parallel(settings, monkeypatch):
    """Parse every file on disk in two processes; return the list of completed runs."""
    settings.VOUCH_PARALLEL_INTAKE_BYTES = 1
    completed = []

    def spy(**kwargs):
        yield from staging.parse_in_two(**kwargs)
        completed.append(kwargs["path"])

    monkeypatch.setattr(services, "parse_in_two", spy)
    return completed


def _import(org, user, path):
    with path.open("rb") as handle:
        return invitation_import_file(
            org=org, submitter=user, channel=Channel.CSV, fileobj=handle, filename=path.name
        )


_COMPARED = ("ref", "recipient", "requester_name", "message", "received_at", "attachments")


@pytest.mark.django_db
def test_a_large_upload_stores_what_one_pass_stores(
    tmp_path, org, other_org, member, outsider, settings, parallel
):
    path = _write(tmp_path, "big.csv", _template_csv(500))
    outcome = _import(org, member, path)
    assert parallel == [path]
    settings.VOUCH_PARALLEL_INTAKE_BYTES = 0
    _import(other_org, outsider, path)
    assert parallel == [path]

    def stored(o):
        return list(Invitation.objects.for_org(o).order_by("id").values_list(*_COMPARED))

    assert outcome.created == 500 and outcome.duplicates == 0
    assert stored(org) == stored(other_org)
    assert sorted(outcome.created_ids) == list(
        Invitation.objects.for_org(org).order_by("id").values_list("id", flat=True)
    )


@pytest.mark.django_db
def test_importing_the_large_file_again_counts_every_row_as_a_duplicate(
    tmp_path, org, member, parallel
):
    path = _write(tmp_path, "again.csv", _template_csv(300))
    _import(org, member, path)
    again = _import(org, member, path)
    assert parallel == [path, path]
    assert again.created == 0 and again.duplicates == 300
    assert Invitation.objects.for_org(org).count() == 300


@pytest.mark.django_db
def test_a_repeat_across_the_two_parts_is_reported_with_both_lines(tmp_path, org, member, parallel):
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
    assert parallel == []
    assert not Invitation.objects.exists()


@pytest.mark.django_db
def test_an_error_in_the_second_part_is_reported_at_its_true_line(tmp_path, org, member, parallel):
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
def test_a_json_lines_file_is_parsed_in_two_processes(tmp_path, org, member, parallel):
    path = _write(tmp_path, "invitations.jsonl", _jsonl(300))
    assert _two_passes(path, _make_values(org, member)) == _one_pass(
        path, _make_values(org, member)
    )
    outcome = _import(org, member, path)
    assert outcome.created == 300
    assert parallel == [path]


@pytest.mark.django_db
def test_an_e_mail_is_read_in_one_pass(tmp_path, org, member, parallel):
    eml = (Path(__file__).parent / "intake" / "fixtures" / "real").glob("*.eml")
    path = _write(tmp_path, "forwarded.eml", next(iter(sorted(eml))).read_bytes())
    assert _import(org, member, path).created == 1
    assert parallel == []


def test_only_a_file_read_from_its_start_on_disk_has_a_path(tmp_path):
    path = _write(tmp_path, "on-disk.csv", b"requester_name\nA\n")
    named = io.BytesIO(b"requester_name\nA\n")
    named.name = str(path)
    assert staging.file_path(named) is None
    with path.open("rb") as handle:
        assert staging.file_path(handle) == path
        handle.read(3)
        assert staging.file_path(handle) is None


@pytest.mark.django_db
def test_every_kind_of_value_survives_the_copy_text_unchanged(org, member):
    from invitations.intake.errors import ParsedRow
    from invitations.intake.records import attachment_entry, empty_record
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


@pytest.mark.django_db
def test_a_large_file_uploaded_on_the_page_is_parsed_in_two_processes(
    org, member, login, settings, parallel
):
    from django.urls import reverse

    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 1024
    upload = io.BytesIO(_template_csv(200))
    upload.name = "team.csv"
    response = login(member).post(
        reverse("invitation_upload", kwargs={"org_slug": org.slug}), {"file": upload}
    )
    assert response.status_code == 302
    assert len(parallel) == 1
    assert Invitation.objects.for_org(org).count() == 200
