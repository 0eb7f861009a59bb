"""Publishing Celery tasks so that a broker fault never undoes, fails or stalls a stored change.

The rows a task works on are committed first; the message is only a nudge. If the
broker is down or hung, publishing gives up within VOUCH_BROKER_TIMEOUT (no retry),
the failure is logged, and the sweeper or the outbox flush finds the committed work
on its next run. After a failure this process skips publishing for
VOUCH_BROKER_BACKOFF_SECONDS, so a request that would publish many chunks pays the
timeout once, not once per chunk.
"""

import logging
import time

from django.conf import settings
from django.db import transaction

logger = logging.getLogger(__name__)

_broker_down_until = 0.0


def publish(task, *args) -> bool:
    """Send `task(*args)` to the broker now; return False (logged) if it was not sent."""
    global _broker_down_until
    if task.app.conf.task_always_eager:
        task.apply_async(args)
        return True
    if time.monotonic() < _broker_down_until:
        logger.info("broker unavailable: %s not published; a sweep will pick it up", task.name)
        return False
    try:
        task.apply_async(args)
    except Exception:
        _broker_down_until = time.monotonic() + settings.VOUCH_BROKER_BACKOFF_SECONDS
        logger.warning(
            "could not publish %s; a sweep will pick the work up", task.name, exc_info=True
        )
        return False
    return True


def publish_on_commit(task, *args) -> None:
    """Publish `task(*args)` once the surrounding transaction commits; never raise for it."""
    transaction.on_commit(lambda: publish(task, *args))


def publish_resume() -> None:
    """Forget an earlier broker failure and try the next publish at once (tests, drills)."""
    global _broker_down_until
    _broker_down_until = 0.0


def broker_use(url: str) -> None:
    """Point this process's publishing at the broker `url`, dropping pooled connections.

    For tests and drills that start a private redis-server.
    """
    from kombu import pools

    from config.celery import app

    app.conf.broker_url = url
    pools.reset()
    app._pool = None
    app.amqp._producer_pool = None
    publish_resume()
