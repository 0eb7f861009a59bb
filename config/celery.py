"""The Celery application, configured from Django settings (namespace CELERY)."""

import os

from celery import Celery
from celery.signals import task_postrun, task_prerun, worker_ready, worker_shutdown

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("vouch")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@task_prerun.connect
@task_postrun.connect
def close_old_connections(task=None, **kwargs) -> None:
    """Close database connections that are broken or older than CONN_MAX_AGE.

    A worker then keeps one connection across tasks, as a web process does across
    requests: a new PostgreSQL backend per task costs a fork, a login and cold
    catalogue caches. An eager task runs inside its caller's transaction and is
    left alone.
    """
    if task is not None and getattr(task.request, "is_eager", False):
        return
    from django.db import close_old_connections as django_close_old_connections

    django_close_old_connections()


_heartbeat = None


@worker_ready.connect
def start_heartbeat(sender=None, **kwargs) -> None:
    """Publish this worker's heartbeat for /healthz while it runs (not in eager mode)."""
    global _heartbeat
    if app.conf.task_always_eager or not app.conf.broker_url.startswith(("redis", "rediss")):
        return
    from config.heartbeat import HeartbeatThread

    _heartbeat = HeartbeatThread(sender.hostname if sender is not None else "worker")
    _heartbeat.start()


@worker_shutdown.connect
def stop_heartbeat(**kwargs) -> None:
    if _heartbeat is not None:
        _heartbeat.stop()
