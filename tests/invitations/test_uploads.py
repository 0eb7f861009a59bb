"""Uploads imported by a real worker: progress while it reads, then the result or every error."""

import io
import time

import pytest
from django.urls import reverse

from invitations.models import Channel, Invitation, Upload, UploadStatus
from invitations.uploads import upload_import, upload_receive
from tests.invitations.conftest import wait_for

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def _csv(n: int, *, bad_line: int | None = None) -> bytes:
    lines = ["requester_name,recipient,message,received_at\n"]
    for i in range(n):
        when = "not a date" if bad_line is not None and i + 2 == bad_line else "2026-11-02"
        lines.append(f"Person {i},colleague{i}@example.com,We met at the fair {i},{when}\n")
    return "".join(lines).encode()


def _post(client, org, name: str, data: bytes):
    upload = io.BytesIO(data)
    upload.name = name
    return client.post(
        reverse("invitation_upload", kwargs={"org_slug": org.slug}), {"file": upload}
    )


def _named(data: bytes, name: str = "huge.csv") -> io.BytesIO:
    upload = io.BytesIO(data)
    upload.name = name
    return upload


def _status(client, url: str) -> tuple[str, str]:
    """Return (data-status, html) of the progress partial, as htmx polls it."""
    html = client.get(url, headers={"hx-request": "true"}).content.decode()
    marker = 'data-status="'
    start = html.index(marker) + len(marker)
    return html[start : html.index('"', start)], html


def test_a_large_upload_shows_progress_then_its_result(worker, org, member, login, settings):
    settings.VOUCH_UPLOAD_INLINE_BYTES = 1024
    client = login(member)
    response = _post(client, org, "team.csv", _csv(30_000))
    assert response.status_code == 302
    url = response["Location"]
    seen = []
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        state, html = _status(client, url)
        seen.append((state, html))
        if state in (UploadStatus.IMPORTED, UploadStatus.REJECTED):
            break
        time.sleep(0.05)
    assert seen[-1][0] == UploadStatus.IMPORTED, seen[-1][1]
    assert "30000 invitations imported" in seen[-1][1]
    assert 'hx-trigger="every 1s"' not in seen[-1][1]
    reading = [html for state, html in seen if state == UploadStatus.IMPORTING]
    assert any("<progress" in html and "rows read" in html for html in reading)
    assert any(" 0 rows read" not in html for html in reading)
    assert Invitation.objects.for_org(org).count() == 30_000
    upload = Upload.objects.get()
    assert upload.rows_read == 30_000 and upload.content in (b"", memoryview(b""))
    page = client.get(url)
    assert page.status_code == 200 and "team.csv" in page.content.decode()


def test_a_large_upload_with_one_bad_row_is_rejected_whole_with_the_line(
    worker, org, member, login, settings
):
    settings.VOUCH_UPLOAD_INLINE_BYTES = 1024
    client = login(member)
    response = _post(client, org, "late-error.csv", _csv(5_000, bad_line=4_321))
    url = response["Location"]
    wait_for(lambda: _status(client, url)[0] == UploadStatus.REJECTED, timeout=120)
    html = client.get(url).content.decode()
    assert "Nothing was stored" in html
    assert "<td>4321</td><td>received_at</td>" in html
    assert not Invitation.objects.exists()
    assert Upload.objects.get().error_count == 1


def test_another_member_cannot_see_an_upload(worker, org, member, manager, outsider, login):
    upload = upload_receive(
        org=org, submitter=member, content=_csv(3), filename="mine.csv", channel=Channel.CSV
    )
    url = reverse("invitation_upload_status", kwargs={"org_slug": org.slug, "pk": upload.pk})
    assert login(manager).get(url).status_code == 404
    assert login(outsider).get(url).status_code == 404
    wait_for(lambda: Upload.objects.get().status == UploadStatus.IMPORTED)


def test_running_the_import_again_changes_nothing(org, member, empty_queue):
    upload = upload_receive(
        org=org, submitter=member, content=_csv(50), filename="twice.csv", channel=Channel.CSV
    )
    assert upload_import(upload_id=upload.pk, claim="task-1") == UploadStatus.IMPORTED
    assert upload_import(upload_id=upload.pk, claim="task-1") == UploadStatus.IMPORTED
    assert upload_import(upload_id=upload.pk, claim="task-2") == UploadStatus.IMPORTED
    assert Invitation.objects.count() == 50
    assert Upload.objects.get().created_count == 50


def test_an_upload_over_the_limit_is_refused_while_it_streams(org, member, login, settings):
    settings.VOUCH_MAX_UPLOAD_BYTES = 10_000
    response = _post(login(member), org, "big.csv", _csv(1_000))
    assert response.status_code == 413
    assert "larger than" in response.content.decode()
    assert not Upload.objects.exists() and not Invitation.objects.exists()


def test_an_upload_whose_content_length_is_over_the_limit_is_refused(org, member, login, settings):
    settings.VOUCH_MAX_UPLOAD_BYTES = 100_000
    response = _post(login(member), org, "huge.csv", _csv(10_000))
    assert response.status_code == 413
    assert "larger than" in response.content.decode()
    assert not Upload.objects.exists() and not Invitation.objects.exists()


def test_an_oversized_post_elsewhere_still_needs_its_csrf_token(org, manager, settings):
    from django.test import Client

    settings.VOUCH_MAX_UPLOAD_BYTES = 100_000
    client = Client(enforce_csrf_checks=True)
    client.force_login(manager)
    upload = io.BytesIO(_csv(10_000))
    upload.name = "policy.json"
    response = client.post(
        reverse("policy_import", kwargs={"org_slug": org.slug}), {"file": upload}
    )
    assert response.status_code == 403
    refused = client.post(
        reverse("invitation_upload", kwargs={"org_slug": org.slug}), {"file": _named(_csv(10_000))}
    )
    assert refused.status_code == 413


def test_the_inbound_endpoint_answers_at_once_and_a_worker_rejects_a_hostile_header(
    start_worker, org, manager, client
):
    from organisations.tokens import api_token_create

    start_worker(extra_env={"VOUCH_EMAIL_PARSE_SECONDS": "3"})
    _token, key = api_token_create(org=org, name="gateway", user=manager, actor=manager)
    hostile = (
        b"From: " + b"(" * 100_000 + b"\r\nSubject: hi\r\n"
        b"Content-Type: text/plain; " + b";" * 100_000 + b"\r\n\r\nbody\r\n"
    )
    auth = {"authorization": f"Bearer {key}"}
    response = client.post(
        "/api/v1/inbound-email", data=hostile, content_type="message/rfc822", headers=auth
    )
    assert response.status_code == 202
    receipt = response["Location"]
    finished = wait_for(
        lambda: (
            (body := client.get(receipt, headers=auth).json())["status"] in ("imported", "rejected")
            and body
        ),
        timeout=60,
    )
    assert finished["status"] == "rejected", finished
    assert finished["errors"] and not Invitation.objects.exists()
