"""Celery tasks: thin wrappers that take ids and call a service."""

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded

from invitations.evaluation import invitations_evaluate, invitations_sweep
from invitations.uploads import upload_import, upload_reject, uploads_sweep


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True)
def evaluate_invitations(self, invitation_ids: list[int]) -> int:
    """Evaluate a batch; the task id is the claim, so a redelivery can finish its own work."""
    return invitations_evaluate(invitation_ids=invitation_ids, claim=self.request.id or "direct")


@shared_task
def sweep_stuck() -> int:
    """Re-queue invitations whose evaluation was lost or stalled, and lost upload imports."""
    return invitations_sweep() + uploads_sweep()


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True)
def import_upload(self, upload_id: int) -> str:
    """Import or reject a stored upload whole; the task id is the claim. Returns its status."""
    claim = self.request.id or "direct"
    try:
        return upload_import(upload_id=upload_id, claim=claim)
    except SoftTimeLimitExceeded:
        upload_reject(
            upload_id=upload_id,
            claim=claim,
            message="importing the file took too long; split it into smaller files",
        )
        return "rejected"
