"""The e-mail outbox: queue an e-mail with the change it reports, send it from a worker.

`email_queue` stores the e-mail in the caller's transaction and asks a worker to
send it after commit; if the broker is down the row simply waits for
`outbox_flush`, which beat runs every VOUCH_OUTBOX_FLUSH_SECONDS. A failed send is
retried with exponential backoff; after VOUCH_OUTBOX_MAX_ATTEMPTS it is marked
failed, and managers see it on the outbox page.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from config.publish import publish_on_commit
from organisations.models import EmailStatus, OutboundEmail

logger = logging.getLogger(__name__)

#: A claim older than this belonged to a worker that died while sending.
SENDING_STALE_AFTER = timedelta(minutes=5)


def backoff(attempts: int) -> timedelta:
    """Return how long to wait before attempt `attempts + 1`: 30 s doubling, at most an hour."""
    return timedelta(seconds=min(30 * 2 ** max(attempts - 1, 0), 3600))


def email_queue(*, org, recipient: str, subject: str, body: str, kind: str, key: str | None = None):
    """Store one e-mail to send and return it; with `key`, queueing twice stores it once."""
    if key is not None:
        existing = OutboundEmail.objects.filter(key=key).first()
        if existing is not None:
            return existing
    email = OutboundEmail.objects.create(
        organisation=org,
        kind=kind,
        key=key,
        recipient=recipient,
        subject=" ".join(subject.split())[:255],
        body=body,
        next_attempt_at=timezone.now(),
    )
    from organisations.tasks import send_email

    publish_on_commit(send_email, email.pk)
    return email


def _claim(email_id: int):
    """Mark one due e-mail as being sent and return it, or None if it is not due or taken."""
    now = timezone.now()
    taken = OutboundEmail.objects.filter(pk=email_id, next_attempt_at__lte=now).filter(
        Q(status=EmailStatus.PENDING)
        | Q(status=EmailStatus.SENDING, claimed_at__lt=now - SENDING_STALE_AFTER)
    )
    if not taken.update(status=EmailStatus.SENDING, claimed_at=now, attempts=F("attempts") + 1):
        return None
    return OutboundEmail.objects.get(pk=email_id)


def email_send(*, email_id: int) -> bool:
    """Send e-mail `email_id` if it is due; return True if it went out now.

    Idempotent: a sent, failed, not yet due or claimed e-mail is left alone.
    """
    email = _claim(email_id)
    if email is None:
        return False
    try:
        send_mail(email.subject, email.body, None, [email.recipient])
    except Exception as exc:
        failed = email.attempts >= settings.VOUCH_OUTBOX_MAX_ATTEMPTS
        logger.warning("e-mail %s attempt %s failed: %s", email.pk, email.attempts, exc)
        OutboundEmail.objects.filter(pk=email.pk).update(
            status=EmailStatus.FAILED if failed else EmailStatus.PENDING,
            next_attempt_at=timezone.now() + backoff(email.attempts),
            last_error=f"{type(exc).__name__}: {exc}"[:500],
        )
        return False
    OutboundEmail.objects.filter(pk=email.pk).update(
        status=EmailStatus.SENT, sent_at=timezone.now(), last_error=""
    )
    return True


def outbox_flush(*, limit: int = 500) -> int:
    """Send every e-mail that is due (or whose sender died); return how many went out."""
    now = timezone.now()
    due = (
        OutboundEmail.objects.filter(next_attempt_at__lte=now)
        .filter(
            Q(status=EmailStatus.PENDING)
            | Q(status=EmailStatus.SENDING, claimed_at__lt=now - SENDING_STALE_AFTER)
        )
        .order_by("next_attempt_at")
        .values_list("pk", flat=True)[:limit]
    )
    return sum(email_send(email_id=pk) for pk in list(due))


@transaction.atomic
def email_retry(*, email: OutboundEmail) -> None:
    """Give a failed e-mail a fresh round of attempts, starting now."""
    OutboundEmail.objects.filter(pk=email.pk, status=EmailStatus.FAILED).update(
        status=EmailStatus.PENDING, attempts=0, next_attempt_at=timezone.now()
    )
    from organisations.tasks import send_email

    publish_on_commit(send_email, email.pk)
