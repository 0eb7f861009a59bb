"""Helpers for the audit tests: append events, and tamper with rows as a superuser would."""

from contextlib import contextmanager
from unittest import mock

import pytest
from django.db import connection
from django.utils import timezone

from audit.models import Action
from audit.services import audit_record

GUARDED_TABLES = ("audit_auditevent", "audit_auditchain")


@pytest.fixture
def record():
    """Return a function appending `n` events to `org`'s chain (at time `at`, if given)."""

    def _record(org, n=1, *, actor=None, action=Action.MEMBER_ADDED, data=None, at=None, **kw):
        events = []
        with mock.patch.object(timezone, "now", return_value=at) if at else _nothing():
            for i in range(n):
                events.append(
                    audit_record(
                        org=org,
                        actor=actor,
                        action=action,
                        target_type=kw.get("target_type", "user"),
                        target_id=kw.get("target_id", i + 1),
                        data=dict(data) if data is not None else {"i": i},
                    )
                )
        return events

    return _record


@contextmanager
def _nothing():
    yield


def decision(requester, recommendation, decision_, *, version=1, reverses=None):
    return {
        "invitation_id": 1,
        "requester_name": requester,
        "recommendation": recommendation,
        "decision": decision_,
        "justification": "",
        "policy_version": version,
        "reverses": reverses,
    }


@pytest.fixture
def decision_data():
    """Return a builder of the data a decision event carries."""
    return decision


@pytest.fixture
def tamper():
    """Return a function running SQL on the audit table with the append-only trigger off.

    This is what the tables' owner or a superuser could do; the test user is a
    superuser, and the triggers are switched back on afterwards.
    """

    def _tamper(sql, params=()):
        with connection.cursor() as cursor:
            # The test's own transaction holds deferred foreign-key checks of the rows
            # it inserted; run them now, as ALTER TABLE refuses to work past them.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            for table in GUARDED_TABLES:
                cursor.execute(f"ALTER TABLE {table} DISABLE TRIGGER USER")
            try:
                cursor.execute(sql, params)
            finally:
                for table in GUARDED_TABLES:
                    cursor.execute(f"ALTER TABLE {table} ENABLE TRIGGER USER")
                cursor.execute("SET CONSTRAINTS ALL DEFERRED")

    return _tamper
