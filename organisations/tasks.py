"""Celery tasks of organisations: sending the e-mail outbox. Thin: see organisations.outbox."""

from celery import shared_task

from organisations.outbox import email_send, outbox_flush


@shared_task
def send_email(email_id: int) -> bool:
    """Send one queued e-mail now; a failure is retried by `flush_outbox` after its backoff."""
    return email_send(email_id=email_id)


@shared_task
def flush_outbox() -> int:
    """Send every queued e-mail that is due (beat, every VOUCH_OUTBOX_FLUSH_SECONDS)."""
    return outbox_flush()
