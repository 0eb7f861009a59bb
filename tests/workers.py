"""Helpers for tests that run a real Celery worker process."""

import time

from config.worker_process import WorkerProcess

__all__ = ["WorkerProcess", "wait_for"]


def wait_for(condition, timeout: float = 60, interval: float = 0.1):
    """Return once `condition()` is truthy; fail the test after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"condition not met within {timeout}s")
