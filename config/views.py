"""Operational endpoints that live outside any organisation."""

from django.conf import settings
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from kombu import Connection

from config.heartbeat import redis_client, workers_alive


def _database_status() -> str:
    """Return "ok" when the database answers a query, else the error's class name."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:
        return f"error: {type(exc).__name__}"
    return "ok"


def _uses_redis() -> bool:
    return settings.CELERY_BROKER_URL.startswith(("redis://", "rediss://", "unix://"))


def _broker_status() -> str:
    """Return "ok" when the broker answers (or tasks run in-process), else why not.

    Gives up after VOUCH_BROKER_TIMEOUT seconds, also when Redis accepts the
    connection but never answers (a hung server).
    """
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return "ok"
    try:
        if _uses_redis():
            redis_client().ping()
        else:
            timeout = settings.VOUCH_BROKER_TIMEOUT
            with Connection(settings.CELERY_BROKER_URL, connect_timeout=timeout) as conn:
                conn.ensure_connection(max_retries=1, interval_start=0, timeout=timeout)
    except Exception as exc:
        return f"error: {type(exc).__name__}"
    return "ok"


def _workers_status(broker: str) -> str:
    """Return "ok" when at least one worker's heartbeat is fresh, else why not."""
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return "ok"
    if broker != "ok" or not _uses_redis():
        return "unknown: broker unavailable" if broker != "ok" else "unknown"
    try:
        alive = workers_alive()
    except Exception as exc:
        return f"error: {type(exc).__name__}"
    return "ok" if alive else "missing: no worker heartbeat"


@never_cache
@require_GET
def healthz(request):
    """Return 200 with database, broker and workers "ok", or 503 naming the parts that failed."""
    broker = _broker_status()
    status = {
        "database": _database_status(),
        "broker": broker,
        "workers": _workers_status(broker),
    }
    failing = [part for part, value in status.items() if value != "ok"]
    if failing:
        status["failing"] = failing
    return JsonResponse(status, status=503 if failing else 200)
