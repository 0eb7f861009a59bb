"""Celery tasks: thin wrappers that take ids and call a service."""

from celery import shared_task

from invitations.evaluation import invitations_evaluate, invitations_sweep


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True)
def evaluate_invitations(self, invitation_ids: list[int]) -> int:
    """Evaluate a batch; the task id is the claim, so a redelivery can finish its own work."""
    return invitations_evaluate(invitation_ids=invitation_ids, claim=self.request.id or "direct")


@shared_task
def sweep_stuck() -> int:
    """Re-queue invitations whose evaluation was lost or stalled."""
    return invitations_sweep()
