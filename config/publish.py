"""Publishing Celery tasks so that a broker fault never undoes or fails a stored change.

The rows a task works on are committed first; the message is only a nudge. If the
broker is down or hung, publishing gives up within the broker timeouts (settings:
CELERY_BROKER_TRANSPORT_OPTIONS, CELERY_TASK_PUBLISH_RETRY_POLICY), the failure is
logged, and the sweeper or outbox flush finds the committed work on its next run.
"""

import logging

from django.db import transaction

logger = logging.getLogger(__name__)


def publish(task, *args) -> bool:
    """Send `task(*args)` to the broker now; return False (logged) if the broker refused."""
    if task.app.conf.task_always_eager:
        task.apply_async(args)
        return True
    try:
        task.apply_async(args)
    except Exception:
        logger.warning(
            "could not publish %s; a sweep will pick the work up", task.name, exc_info=True
        )
        return False
    return True


def publish_on_commit(task, *args) -> None:
    """Publish `task(*args)` once the surrounding transaction commits; never raise for it."""
    transaction.on_commit(lambda: publish(task, *args))
