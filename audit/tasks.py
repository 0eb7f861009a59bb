"""Celery tasks of the audit log. Thin: the work is in audit.retention."""

from celery import shared_task

from audit.retention import apply_retention_everywhere


@shared_task(name="audit.tasks.apply_retention")
def apply_retention() -> int:
    """Apply every organisation's retention period (nightly, see CELERY_BEAT_SCHEDULE).

    Idempotent: a second run finds nothing older than the cutoff and records nothing.
    Returns the number of events removed.
    """
    return sum(result.count for result in apply_retention_everywhere())


@shared_task(name="audit.tasks.send_anchors")
def send_anchors() -> int:
    """Write each organisation's signed chain head to VOUCH_AUDIT_ANCHOR_DIR and mail it to
    its compliance users (daily, see CELERY_BEAT_SCHEDULE). Returns the number of anchors."""
    from audit.anchor import anchors_distribute

    return anchors_distribute()
