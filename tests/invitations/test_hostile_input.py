"""Hostile values on every channel: a located 4xx error and nothing stored, never a 500."""

import io
import json
import threading
import zipfile

import pytest
from django.db import connection, transaction
from django.urls import reverse

from intake.template_csv import TEMPLATE_HEADER
from invitations.models import Channel, Invitation, Upload, UploadStatus
from invitations.services import invitation_submit
from invitations.uploads import upload_import, upload_receive
from organisations.tokens import api_token_create

NESTED = "[" * 100_000 + "]" * 100_000
CASES = {
    "a NUL byte": ("requester_name", "Kim\x00Bot", "NUL"),
    "a lone surrogate": ("message", "Hi \ud800 there", "surrogate"),
    "a name longer than its column": ("requester_name", "N" * 301, "the limit is 300"),
    "a headline longer than its column": ("requester_headline", "H" * 501, "the limit is 500"),
    "a date before the year 1": ("received_at", "0001-01-01T00:00:00+01:00", "1970"),
    "a date far ahead": ("received_at", "9999-12-31T23:59:59-01:00", "1970"),
}


@pytest.fixture
def api(org, manager, client):
    _token, key = api_token_create(org=org, name="crm", user=manager, actor=manager)

    def post(body, **kwargs):
        return client.post(
            "/api/v1/invitations",
            body if isinstance(body, str) else json.dumps(body),
            content_type="application/json",
            headers={"authorization": f"Bearer {key}"},
            **kwargs,
        )

    return post


def _upload(client, org, name: str, data: bytes):
    upload = io.BytesIO(data)
    upload.name = name
    return client.post(
        reverse("invitation_upload", kwargs={"org_slug": org.slug}), {"file": upload}
    )


def _csv_with(column: str, value: str) -> bytes:
    row = {"requester_name": "Kim Example", column: value}
    header = ",".join(TEMPLATE_HEADER)
    cells = ",".join('"' + row.get(name, "").replace('"', '""') + '"' for name in TEMPLATE_HEADER)
    return (header + "\n" + cells + "\n").encode("utf-8", "surrogatepass")


@pytest.mark.django_db
@pytest.mark.parametrize("case", CASES)
def test_the_api_answers_400_naming_the_field(api, case):
    column, value, words = CASES[case]
    response = api({"requester_name": "Kim Example", column: value})
    assert response.status_code == 400, response.content
    errors = response.json()["errors"]
    assert errors[0]["field"] == column and words in errors[0]["message"]
    assert not Invitation.objects.exists()


@pytest.mark.django_db
# A form post cannot carry a lone surrogate: its UTF-8 bytes decode to U+FFFD.
@pytest.mark.parametrize("case", [case for case in CASES if "surrogate" not in case])
def test_the_form_answers_400_with_the_error_at_its_field(org, member, login, case):
    column, value, _words = CASES[case]
    data = {"requester_name": "Kim Example", column: value}
    if column == "received_at":
        data[column] = value[:19]
    response = login(member).post(reverse("invitation_submit", kwargs={"org_slug": org.slug}), data)
    assert response.status_code == 400
    assert not Invitation.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("case", CASES)
def test_a_csv_upload_is_rejected_with_line_and_column(org, member, login, case):
    column, value, _words = CASES[case]
    response = _upload(login(member), org, "hostile.csv", _csv_with(column, value))
    assert response.status_code == 400
    html = response.content.decode()
    assert "<td>2</td>" in html and "Nothing was stored" in html
    assert not Invitation.objects.exists()


@pytest.mark.django_db
def test_json_lines_with_an_escaped_surrogate_and_deep_nesting_are_rejected(org, member, login):
    data = (
        json.dumps({"requester_name": "Kim \ud800"}) + "\n" + NESTED + "\n"
        '{"requester_name": "Lee", "received_at": "0001-01-01T00:00:00+01:00"}\n'
    ).encode()
    response = _upload(login(member), org, "hostile.jsonl", data)
    assert response.status_code == 400
    html = response.content.decode()
    for located in ("<td>1</td>", "<td>2</td>", "<td>3</td>", "nested too deeply"):
        assert located in html
    assert not Invitation.objects.exists()


@pytest.mark.django_db
def test_json_nested_100000_deep_is_a_400_on_the_api(api):
    response = api(NESTED)
    assert response.status_code == 400
    assert "nested too deeply" in response.content.decode()


def _bad_crc_zip() -> bytes:
    buffer = io.BytesIO()
    content = b"From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n" + (
        b'Jane Roe,Mia,"7/8/26, 3:43 PM",Hi Mia,INCOMING,,\n' * 50
    )
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("Export/Invitations.csv", content)
    data = bytearray(buffer.getvalue())
    at = data.index(b"Jane Roe")
    data[at : at + 4] = b"Joan"
    return bytes(data)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("export.zip", _bad_crc_zip(), "cannot be read from the archive"),
        ("blank.zip", None, "blank lines count too"),
    ],
)
def test_a_damaged_or_blank_zip_is_rejected_by_the_worker(org, member, name, data, words):
    if data is None:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(
                "Export/Invitations.csv",
                b"From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"
                + b"\n" * 5_000_000,
            )
        data = buffer.getvalue()
    upload = upload_receive(
        org=org, submitter=member, content=data, filename=name, channel=Channel.EXPORT
    )
    assert upload_import(upload_id=upload.pk, claim="t") == UploadStatus.REJECTED
    upload.refresh_from_db()
    assert any(words in e["message"] for e in upload.errors), upload.errors
    assert not Invitation.objects.exists()


@pytest.mark.django_db
def test_a_policy_import_with_a_number_beyond_float_is_a_400(org, manager, login):
    document = '{"rules": {"no_note": {"weight": ' + "1" + "0" * 400 + "}}}"
    upload = io.BytesIO(document.encode())
    upload.name = "policy.json"
    response = login(manager).post(
        reverse("policy_import", kwargs={"org_slug": org.slug}), {"file": upload}
    )
    assert response.status_code == 400
    assert "out of range" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["²", "٣", "9" * 5000, "-1", "1e3", "99999999999999999999"])
def test_bad_numbers_in_query_strings_are_ignored_not_a_500(org, compliance, login, value):
    client = login(compliance)
    for url in (
        reverse("audit_log", kwargs={"org_slug": org.slug}),
        reverse("insights_rule_invitations", kwargs={"org_slug": org.slug, "rule": "no_note"}),
    ):
        response = client.get(url, {"before": value, "policy_version": value})
        assert response.status_code == 200, url


@pytest.mark.django_db(transaction=True)
def test_two_identical_submissions_at_the_same_moment_give_one_invitation(org, member):
    record = {"requester_name": "Jane Roe", "message": "We met at the Berlin meetup."}
    inserted, release, results = threading.Event(), threading.Event(), {}

    def first():
        with transaction.atomic():
            results["first"] = invitation_submit(
                org=org, submitter=member, channel=Channel.API, record=record
            )
            inserted.set()
            release.wait(10)
        connection.close()

    def second():
        inserted.wait(10)
        # The first insert is not committed: this one waits on the unique key.
        results["second"] = invitation_submit(
            org=org, submitter=member, channel=Channel.API, record=record
        )
        connection.close()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    inserted.wait(10)
    threads[1].join(0.5)
    release.set()
    for thread in threads:
        thread.join(20)
    (one, created_one), (two, created_two) = results["first"], results["second"]
    assert created_one and not created_two and one.pk == two.pk
    assert Invitation.objects.count() == 1


@pytest.mark.django_db
def test_an_uploaded_e_mail_with_a_nul_in_its_name_is_rejected_by_the_worker(org, member):
    eml = (
        b"From: =?utf-8?q?Kim=00Bot?= <kim@example.com>\r\nTo: mia@example.com\r\n"
        b"Subject: Kim wants to connect\r\nDate: Mon, 2 Nov 2026 10:00:00 +0000\r\n\r\nHi\r\n"
    )
    upload = upload_receive(
        org=org, submitter=member, content=eml, filename="kim.eml", channel=Channel.EMAIL
    )
    status = upload_import(upload_id=upload.pk, claim="t")
    upload.refresh_from_db()
    assert status in (UploadStatus.REJECTED, UploadStatus.IMPORTED)
    if status == UploadStatus.REJECTED:
        assert not Invitation.objects.exists() and upload.errors
    else:
        assert "\x00" not in Invitation.objects.get().requester_name
    assert Upload.objects.count() == 1


def test_intake_limits_are_the_sizes_of_the_columns_the_values_are_stored_in():
    from intake.records import INPUT_FIELDS
    from invitations.services import intake_limits

    limits = intake_limits()
    for field in Invitation._meta.concrete_fields:
        if field.name in INPUT_FIELDS and field.max_length:
            assert limits.chars_for(field.name) == field.max_length, field.name
    assert limits.chars_for("requester_name") == 300
