"""Celery tasks: thin wrappers that take ids and call a service."""

from celery import shared_task

from invitations.evaluation import invitations_evaluate, invitations_sweep
from invitations.notify import notify_decision


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True)
def evaluate_invitations(self, invitation_ids: list[int]) -> int:
    """Evaluate a batch; the task id is the claim, so a redelivery can finish its own work."""
    return invitations_evaluate(invitation_ids=invitation_ids, claim=self.request.id or "direct")


@shared_task
def sweep_stuck() -> int:
    """Re-queue invitations whose evaluation was lost or stalled."""
    return invitations_sweep()


@shared_task(
    autoretry_for=(OSError,),
    retry_backoff=30,
    retry_backoff_max=1800,
    max_retries=8,
)
def notify_submitter(decision_id: int) -> bool:
    """E-mail the submitter about a decision; a mail server that is down is tried again later."""
    return notify_decision(decision_id=decision_id)
