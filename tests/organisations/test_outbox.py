"""The e-mail outbox: retried with backoff until sent or failed, and visible to managers."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from organisations.models import EmailStatus, OutboundEmail
from organisations.outbox import backoff, email_queue, email_send, outbox_flush

pytestmark = pytest.mark.django_db


def _queue(org, key="k1"):
    return email_queue(
        org=org, recipient="mia@example.test", subject="Hello", body="Body", kind="test", key=key
    )


def _smtp_down(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 1, 1


def test_queueing_the_same_key_twice_stores_one_e_mail(org):
    assert _queue(org).pk == _queue(org).pk
    assert OutboundEmail.objects.count() == 1


def test_a_sent_e_mail_is_never_sent_again(org):
    email = _queue(org)
    assert email_send(email_id=email.pk) is True
    assert email_send(email_id=email.pk) is False
    assert outbox_flush() == 0
    assert len(mail.outbox) == 1


def test_failures_back_off_and_end_in_failed_after_the_last_attempt(org, settings):
    settings.VOUCH_OUTBOX_MAX_ATTEMPTS = 3
    _smtp_down(settings)
    email = _queue(org)
    waits = []
    for _attempt in range(3):
        OutboundEmail.objects.filter(pk=email.pk).update(next_attempt_at=timezone.now())
        assert email_send(email_id=email.pk) is False
        email.refresh_from_db()
        waits.append(email.next_attempt_at - timezone.now())
    assert email.status == EmailStatus.FAILED and email.attempts == 3
    assert waits[0] < waits[1] and backoff(1) == timedelta(seconds=30)
    assert "Connection refused" in email.last_error or "Errno" in email.last_error
    assert outbox_flush() == 0, "a failed e-mail waits for a manager"


def test_a_not_yet_due_e_mail_waits_for_its_backoff(org, settings):
    _smtp_down(settings)
    email = _queue(org)
    email_send(email_id=email.pk)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert outbox_flush() == 0
    OutboundEmail.objects.filter(pk=email.pk).update(next_attempt_at=timezone.now())
    assert outbox_flush() == 1


def test_a_sender_that_died_mid_send_is_taken_over_later(org):
    email = _queue(org)
    OutboundEmail.objects.filter(pk=email.pk).update(
        status=EmailStatus.SENDING, claimed_at=timezone.now() - timedelta(minutes=10)
    )
    assert outbox_flush() == 1


def test_managers_see_failed_e_mails_and_can_retry_them(org, manager, member, outsider, login):
    email = _queue(org)
    OutboundEmail.objects.filter(pk=email.pk).update(
        status=EmailStatus.FAILED, attempts=8, last_error="SMTPRecipientsRefused: <b>no</b>"
    )
    url = reverse("outbox", kwargs={"org_slug": org.slug})
    page = login(manager).get(url).content.decode()
    assert "mia@example.test" in page and "Failed" in page
    assert "&lt;b&gt;no&lt;/b&gt;" in page
    assert login(member).get(url).status_code == 403
    assert login(outsider).get(url).status_code == 404
    retry = reverse("outbox_retry", kwargs={"org_slug": org.slug, "email_id": email.pk})
    assert login(outsider).post(retry).status_code == 404
    assert login(manager).post(retry).status_code == 302
    email.refresh_from_db()
    assert (email.status, email.attempts) == (EmailStatus.PENDING, 0)
