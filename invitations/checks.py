"""System checks of the evaluation pipeline's timing settings."""

from django.conf import settings
from django.core.checks import Error


def check_stuck_timeout(app_configs=None, **kwargs):
    """Error when a claim could be released while its task may still be running."""
    stuck, limit = settings.VOUCH_STUCK_AFTER_SECONDS, settings.CELERY_TASK_TIME_LIMIT
    if stuck > limit:
        return []
    return [
        Error(
            f"VOUCH_STUCK_AFTER_SECONDS ({stuck}) must be longer than CELERY_TASK_TIME_LIMIT "
            f"({limit}): the sweeper would hand a batch that is still running to a second worker.",
            hint="Raise VOUCH_STUCK_AFTER_SECONDS or lower CELERY_TASK_TIME_LIMIT.",
            id="invitations.E001",
        )
    ]
