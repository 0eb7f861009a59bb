"""Worker heartbeats: each worker refreshes a key in the broker's Redis; /healthz reads them.

A key per worker lives three heartbeat periods, so a worker that stopped or froze
disappears from /healthz within half a minute by default.
"""

import contextlib
import socket
import threading

import redis
from django.conf import settings

PREFIX = "vouch:worker:"


def redis_client() -> redis.Redis:
    """Return a client of the broker's Redis that gives up after VOUCH_BROKER_TIMEOUT seconds."""
    return redis.Redis.from_url(
        settings.CELERY_BROKER_URL,
        socket_timeout=settings.VOUCH_BROKER_TIMEOUT,
        socket_connect_timeout=settings.VOUCH_BROKER_TIMEOUT,
    )


def heartbeat_beat(name: str, client: redis.Redis | None = None) -> None:
    """Record that worker `name` is alive now."""
    period = settings.VOUCH_WORKER_HEARTBEAT_SECONDS
    (client or redis_client()).set(PREFIX + name, socket.gethostname(), ex=3 * period)


def heartbeat_stop(name: str) -> None:
    """Remove worker `name`'s heartbeat (it shuts down cleanly)."""
    with contextlib.suppress(redis.RedisError):
        redis_client().delete(PREFIX + name)


def workers_alive() -> list[str]:
    """Return the names of the workers with a live heartbeat."""
    client = redis_client()
    return sorted(
        key.decode()[len(PREFIX) :] for key in client.scan_iter(match=PREFIX + "*", count=100)
    )


class HeartbeatThread(threading.Thread):
    """Refreshes one worker's heartbeat until stopped; a broker fault only skips a beat."""

    def __init__(self, name: str):
        super().__init__(name="vouch-heartbeat", daemon=True)
        self.worker_name = name
        self.stopped = threading.Event()

    def run(self) -> None:
        client = redis_client()
        while not self.stopped.is_set():
            with contextlib.suppress(redis.RedisError):
                heartbeat_beat(self.worker_name, client)
            self.stopped.wait(settings.VOUCH_WORKER_HEARTBEAT_SECONDS)

    def stop(self) -> None:
        self.stopped.set()
        heartbeat_stop(self.worker_name)
