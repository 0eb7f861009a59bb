"""Operational endpoints that live outside any organisation."""

from django.conf import settings
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from kombu import Connection


def _database_status() -> str:
    """Return "ok" when the database answers a query, else the error's class name."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:
        return f"error: {type(exc).__name__}"
    return "ok"


def _broker_status() -> str:
    """Return "ok" when the broker accepts a connection (or tasks run in-process), else why not."""
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return "ok"
    try:
        with Connection(settings.CELERY_BROKER_URL, connect_timeout=2) as conn:
            conn.ensure_connection(max_retries=1, interval_start=0, timeout=2)
    except Exception as exc:
        return f"error: {type(exc).__name__}"
    return "ok"


@never_cache
@require_GET
def healthz(request):
    """Return 200 with each part "ok", or 503 naming the part that failed."""
    status = {"database": _database_status(), "broker": _broker_status()}
    healthy = all(value == "ok" for value in status.values())
    return JsonResponse(status, status=200 if healthy else 503)
