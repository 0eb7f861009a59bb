"""Broker faults with real workers, a private redis-server and the real PostgreSQL.

Each test starts its own redis-server on a free port, points this process and its
workers at it, and stops, hangs (SIGSTOP) or wipes it. A request that hangs is
caught by running it in a thread with a generous join: before the broker
timeouts, a hung Redis held it until the server was resumed.
"""

import threading
import time
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from config.publish import broker_use, publish_resume
from config.redis_server import PrivateRedis
from invitations.evaluation import invitations_sweep
from invitations.models import Invitation, Status
from organisations.models import EmailStatus, OutboundEmail
from organisations.outbox import outbox_flush
from tests.invitations.fixtures import make_invitation
from tests.workers import wait_for

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

HANG_DETECTOR_SECONDS = 20
SPAM = {"requester_name": "Sam Spammer", "message": "Buy now, only $99!"}


@pytest.fixture
def private_broker(settings, empty_queue):
    """A private redis-server that this process (and workers it starts) use as the broker."""
    from config.celery import app

    server = PrivateRedis()
    before = app.conf.broker_url
    settings.CELERY_BROKER_URL = server.url
    broker_use(server.url)
    yield server
    server.stop()
    broker_use(before)


def timed(call):
    """Return (result, seconds) of `call()` run in a thread; fail if it hangs."""
    outcome = {}

    def run():
        started = time.monotonic()
        try:
            outcome["result"] = call()
        finally:
            outcome["seconds"] = time.monotonic() - started

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(HANG_DETECTOR_SECONDS)
    assert not thread.is_alive(), "the request hung on the broker"
    return outcome["result"], outcome["seconds"]


def _submit(client, org):
    return client.post(reverse("invitation_submit", kwargs={"org_slug": org.slug}), SPAM)


def _decide(client, org, invitation):
    return client.post(
        reverse("review_decide", kwargs={"org_slug": org.slug, "pk": invitation.pk}),
        {"action": "report_spam"},
    )


def _age_queue(seconds: float) -> None:
    """Pretend the received invitations were queued `seconds` ago (instead of waiting)."""
    Invitation.objects.filter(status=Status.RECEIVED).update(
        enqueued_at=timezone.now() - timedelta(seconds=seconds)
    )


def test_a_submission_and_a_decision_succeed_while_the_broker_is_down_and_are_caught_up(
    private_broker, start_worker, org, member, reviewer, login, capsys
):
    decided = make_invitation(org, member)
    private_broker.stop()
    client = login(member)
    submitted, submit_seconds = timed(lambda: _submit(client, org))
    assert submitted.status_code == 302
    page = client.get(submitted["Location"])
    assert "The evaluation will follow shortly." in page.content.decode()
    decision, decide_seconds = timed(lambda: _decide(login(reviewer), org, decided))
    assert decision.status_code == 302
    assert OutboundEmail.objects.get(kind="decision").status == EmailStatus.PENDING
    print(f"\nbroker down: submit {submit_seconds:.2f}s, decide {decide_seconds:.2f}s")

    private_broker.start()
    publish_resume()  # this process skipped publishing for a while after the failure
    start_worker()
    assert invitations_sweep() == 0, "not yet: the message may still be on its way"
    _age_queue(31)
    assert invitations_sweep() == 1
    submitted = Invitation.objects.filter(requester_name=SPAM["requester_name"])
    wait_for(lambda: submitted.filter(status=Status.EVALUATED).exists(), 60)
    assert outbox_flush() == 1
    assert [m.to for m in mail.outbox] == [[member.email]]


def test_no_request_waits_on_a_hung_broker(
    private_broker, org, member, reviewer, login, client, capsys
):
    decided = make_invitation(org, member)
    login(member).get("/")  # connections and producers exist before the hang
    private_broker.hang()
    try:
        submitted, submit_seconds = timed(lambda: _submit(login(member), org))
        decision, decide_seconds = timed(lambda: _decide(login(reviewer), org, decided))
        health, health_seconds = timed(lambda: client.get("/healthz"))
    finally:
        private_broker.resume()
    assert submitted.status_code == 302 and decision.status_code == 302
    assert Invitation.objects.filter(requester_name="Sam Spammer").exists()
    assert health.status_code == 503
    assert health.json()["broker"].startswith("error")
    print(
        f"\nbroker hung: submit {submit_seconds:.2f}s, decide {decide_seconds:.2f}s, "
        f"healthz {health_seconds:.2f}s"
    )


def test_work_lost_in_a_redis_wipe_is_queued_again_with_default_settings(
    private_broker, start_worker, org, member, login, settings
):
    client = login(member)
    for n in range(3):
        client.post(
            reverse("invitation_submit", kwargs={"org_slug": org.slug}),
            {"requester_name": f"Wiped {n}", "message": "Hello"},
        )
    _age_queue(settings.VOUCH_QUEUED_STUCK_AFTER_SECONDS + 1)
    assert invitations_sweep() == 0, "their messages are still queued: nothing is lost"
    private_broker.wipe()
    assert invitations_sweep() == 3
    start_worker()
    wait_for(lambda: Invitation.objects.filter(status=Status.EVALUATED).count() == 3, 60)
    assert (
        settings.VOUCH_QUEUED_STUCK_AFTER_SECONDS
        + settings.CELERY_BEAT_SCHEDULE["sweep-stuck-invitations"]["schedule"]
        <= 60
    )


def test_no_notification_is_lost_across_broker_and_mail_server_faults(
    private_broker, org, member, reviewer, login, settings
):
    invitations = [make_invitation(org, member) for _ in range(6)]
    client = login(reviewer)
    private_broker.stop()
    for invitation in invitations[:3]:
        assert _decide(client, org, invitation).status_code == 302
    private_broker.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 1, 1
    for invitation in invitations[3:]:
        assert _decide(client, org, invitation).status_code == 302
    assert outbox_flush() == 0
    assert set(OutboundEmail.objects.values_list("status", flat=True)) == {EmailStatus.PENDING}
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    OutboundEmail.objects.update(next_attempt_at=timezone.now())  # the backoff has passed
    assert outbox_flush() == 6
    assert outbox_flush() == 0
    assert len(mail.outbox) == 6
    assert set(OutboundEmail.objects.values_list("status", flat=True)) == {EmailStatus.SENT}
