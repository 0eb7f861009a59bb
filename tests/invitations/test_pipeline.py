"""Every intake channel end to end, through a real Celery worker process, to an Evaluation."""

import io
import time

import pytest
from django.urls import reverse

from intake.template_csv import TEMPLATE_HEADER
from invitations.models import Channel, Evaluation, Invitation, Status
from organisations.models import Membership
from organisations.tokens import api_token_create
from tests.invitations.conftest import wait_for

FIXTURES = __import__("pathlib").Path(__file__).parents[1] / "intake" / "fixtures"
pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def _evaluated(org, expected: int):
    return lambda: (
        Invitation.objects.for_org(org).filter(status=Status.EVALUATED).count() == expected
    )


def _csv(rows: list[dict]) -> bytes:
    import csv

    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=TEMPLATE_HEADER)
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    return out.getvalue().encode()


def test_a_form_submission_is_evaluated_by_the_worker(worker, org, member, login):
    response = login(member).post(
        reverse("invitation_submit", kwargs={"org_slug": org.slug}),
        {
            "requester_name": "Sam Spammer",
            "message": "Buy now! Limited offer, only $99: https://bit.ly/x",
            "requester_has_photo": "false",
        },
    )
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    wait_for(_evaluated(org, 1))
    invitation.refresh_from_db()
    assert invitation.recommendation == "report_spam"
    assert invitation.evaluation.policy_version.number == 1
    page = login(member).get(response["Location"])
    assert "bit[.]ly" in page.content.decode()


def test_a_csv_upload_is_evaluated_in_batches(worker, org, member, login, settings):
    rows = [
        {
            "requester_name": f"Person {i}",
            "message": "I'd like to add you to my professional network on LinkedIn.",
            "received_at": "2026-11-20T10:00:00Z",
        }
        for i in range(120)
    ]
    upload = io.BytesIO(_csv(rows))
    upload.name = "batch.csv"
    response = login(member).post(
        reverse("invitation_upload", kwargs={"org_slug": org.slug}), {"file": upload}
    )
    assert response.status_code == 302
    wait_for(_evaluated(org, 120))
    assert Evaluation.objects.count() == 120
    assert set(Invitation.objects.values_list("channel", flat=True)) == {Channel.CSV}


def test_a_file_with_errors_is_rejected_whole_and_nothing_is_stored(org, member, login):
    rows = [
        {"requester_name": "Good Row", "received_at": "2026-11-20T10:00:00Z"},
        {"requester_name": "Bad Date", "received_at": "yesterday"},
        {"requester_name": "", "mutual_connections": "many"},
    ]
    upload = io.BytesIO(_csv(rows))
    upload.name = "broken.csv"
    response = login(member).post(
        reverse("invitation_upload", kwargs={"org_slug": org.slug}), {"file": upload}
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "broken.csv" in text and "received_at" in text and "mutual_connections" in text
    assert Invitation.objects.count() == 0


def test_an_uploaded_linkedin_email_is_parsed_and_evaluated(worker, org, member, login):
    path = FIXTURES / "real" / "imapdigester_test_linkedin_invitations_INCOMING_1.eml"
    upload = io.BytesIO(path.read_bytes())
    upload.name = path.name
    login(member).post(
        reverse("invitation_upload", kwargs={"org_slug": org.slug}), {"file": upload}
    )
    wait_for(_evaluated(org, 1))
    invitation = Invitation.objects.get()
    assert invitation.requester_name == "Michael McAuliffe"
    assert invitation.requester_headline == "Managing Director"
    assert invitation.recommendation in {"dont_know", "ignore"}
    assert "default_text" in {h["rule"] for h in invitation.evaluation.hits}


def test_the_gateway_endpoint_takes_raw_mime_with_an_organisation_token(
    worker, org, manager, client
):
    _token, key = api_token_create(org=org, name="gateway", user=manager, actor=manager)
    imitation = sorted((FIXTURES / "imitations").glob("*.eml"))[0].read_bytes()
    response = client.post(
        "/api/v1/inbound-email",
        data=imitation,
        content_type="message/rfc822",
        headers={"authorization": f"Bearer {key}"},
    )
    assert response.status_code == 202, response.content
    receipt = response["Location"]
    wait_for(_evaluated(org, 1))
    invitation = Invitation.objects.get()
    outcome = client.get(receipt, headers={"authorization": f"Bearer {key}"}).json()
    assert outcome["status"] == "imported" and outcome["invitation"] == invitation.pk
    assert invitation.channel == Channel.INBOUND
    assert invitation.recommendation == "report_spam"
    assert "linkedin_imitation" in {h["rule"] for h in invitation.evaluation.hits}


def test_the_api_takes_one_or_many_and_reports_the_outcome(worker, org, manager, client):
    _token, key = api_token_create(org=org, name="crm", user=manager, actor=manager)
    auth = {"authorization": f"Bearer {key}"}
    one = client.post(
        "/api/v1/invitations",
        {
            "requester_name": "Jane Roe",
            "message": "Hi, we worked together at Initech on the billing project in 2023.",
            "worked_together": "yes",
            "requester_has_photo": True,
        },
        content_type="application/json",
        headers=auth,
    )
    assert one.status_code == 201, one.content
    many = client.post(
        "/api/v1/invitations",
        [{"requester_name": f"Bulk {i}"} for i in range(5)],
        content_type="application/json",
        headers=auth,
    )
    assert many.status_code == 201 and many.json()["created"] == 5
    wait_for(_evaluated(org, 6))
    outcome = client.get(f"/api/v1/invitations/{one.json()['id']}", headers=auth).json()
    assert outcome["status"] == "evaluated"
    assert outcome["recommendation"] == "accept"
    assert outcome["policy_version"] == 1
    assert all({"rule", "reason", "weight", "explanation"} <= set(h) for h in outcome["hits"])


def test_the_same_invitation_submitted_twice_is_evaluated_once(worker, org, member, login):
    data = {"requester_name": "Twice Submitted", "message": "Hello there, we met in Vienna."}
    url = reverse("invitation_submit", kwargs={"org_slug": org.slug})
    first = login(member).post(url, data)
    second = login(member).post(url, data)
    assert first["Location"] == second["Location"]
    wait_for(_evaluated(org, 1))
    time.sleep(0.5)
    assert Invitation.objects.count() == 1 and Evaluation.objects.count() == 1


def test_a_duplicate_task_delivery_stores_one_evaluation(worker, org, member):
    from invitations.services import invitation_submit
    from invitations.tasks import evaluate_invitations

    with __import__("django.db").db.transaction.atomic():
        invitation, _ = invitation_submit(
            org=org, submitter=member, channel=Channel.FORM, record={"requester_name": "Dup"}
        )
    wait_for(_evaluated(org, 1))
    for _ in range(3):
        evaluate_invitations.apply_async(args=[[invitation.pk]], task_id="same-delivery")
    time.sleep(2)
    assert Evaluation.objects.filter(invitation=invitation).count() == 1


def test_a_worker_killed_mid_batch_loses_nothing(start_worker, org, member, settings):
    """SIGKILL a worker holding a batch; after a restart and a sweep all are evaluated once."""
    from intake.errors import ParsedRow
    from invitations.evaluation import invitations_sweep
    from invitations.services import invitation_import

    n = 20_000
    rows = (
        ParsedRow(i, {"requester_name": f"Requester {i}", "message": f"Note number {i}"}, [])
        for i in range(n)
    )
    settings.VOUCH_EVALUATION_BATCH = n
    invitation_import(org=org, submitter=member, channel=Channel.CSV, rows=rows)
    worker = start_worker(concurrency=1)
    wait_for(
        lambda: Invitation.objects.filter(status=Status.EVALUATING).exists(),
        timeout=60,
        interval=0.01,
    )
    worker.kill()
    held = Invitation.objects.filter(status=Status.EVALUATING).count()
    assert held > 0, "the worker was killed while holding its batch"
    assert Invitation.objects.filter(status=Status.EVALUATED).count() < n
    start_worker(concurrency=2)
    settings.VOUCH_EVALUATION_BATCH = 1000
    requeued = invitations_sweep(stuck_after_seconds=0)
    assert requeued >= held
    wait_for(_evaluated(org, n), timeout=120, interval=0.5)
    assert Evaluation.objects.count() == n
    assert Invitation.objects.exclude(status=Status.EVALUATED).count() == 0


def test_only_members_of_the_token_organisation_see_its_invitations(
    org, other_org, manager, outsider, client
):
    from invitations.services import invitation_submit

    invitation, _ = invitation_submit(
        org=org, submitter=manager, channel=Channel.API, record={"requester_name": "Private"}
    )
    Membership.objects.get(user=outsider)
    _t, key = api_token_create(org=other_org, name="theirs", user=outsider, actor=outsider)
    response = client.get(
        f"/api/v1/invitations/{invitation.pk}", headers={"authorization": f"Bearer {key}"}
    )
    assert response.status_code == 404
