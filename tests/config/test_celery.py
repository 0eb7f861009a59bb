"""The Celery application as a real worker process runs it."""

import pytest
from django.db import connection

from config.worker_process import APPLICATION_NAME
from invitations.models import Channel, Invitation, Status
from invitations.services import invitation_submit
from tests.workers import wait_for

pytestmark = [pytest.mark.worker]


def _worker_backends() -> set[int]:
    """Return the PostgreSQL backends the worker's connections are served by."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity WHERE application_name = %s "
            "AND datname = current_database()",
            [APPLICATION_NAME],
        )
        return {pid for (pid,) in cursor.fetchall()}


def _submit_and_wait(org, member, names: list[str]) -> None:
    for name in names:
        invitation_submit(
            org=org, submitter=member, channel=Channel.API, record={"requester_name": name}
        )
    wait_for(lambda: not Invitation.objects.exclude(status=Status.EVALUATED).exists())


def test_a_worker_keeps_its_database_connection_from_task_to_task(start_worker, org, member):
    start_worker(concurrency=1)
    _submit_and_wait(org, member, ["Ann First"])
    first = _worker_backends()
    assert len(first) == 1
    # Each submission is its own task.
    _submit_and_wait(org, member, [f"Person {i}" for i in range(5)])
    assert _worker_backends() == first
    assert Invitation.objects.filter(status=Status.EVALUATED).count() == 6
