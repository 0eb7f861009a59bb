"""Celery tasks: thin wrappers that take ids and call a service."""

from celery import shared_task

from mailboxes.services import mailbox_poll, mailboxes_due


@shared_task
def poll_mailboxes() -> int:
    """Queue one poll per enabled mailbox (run by beat); return how many were queued."""
    ids = mailboxes_due()
    for mailbox_id in ids:
        poll_mailbox.delay_on_commit(mailbox_id)
    return len(ids)


@shared_task
def poll_mailbox(mailbox_id: int) -> dict:
    """Take the waiting mails of one mailbox; a poll already running makes this a no-op."""
    outcome = mailbox_poll(mailbox_id=mailbox_id)
    return {"taken": outcome.taken, "moved_again": outcome.moved_again, "error": outcome.error}
