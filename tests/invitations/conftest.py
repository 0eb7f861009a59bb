"""Pipeline tests share the worker helpers of tests/workers.py (fixtures: tests/conftest.py)."""

from tests.workers import WorkerProcess, wait_for

__all__ = ["WorkerProcess", "wait_for"]
