"""The audit log's guarantees hold against the application's own, non-owner database role.

The suite connects as `postgres` (a superuser, and the tables' owner); these tests
create the runtime role with `setup_db_roles` and connect as it, like the web and
workers do in the documented two-role setup.
"""

import itertools
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import psycopg
import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from audit.models import AuditChain, AuditEvent, AuditSettings
from audit.roles import check_database_role, role_problems
from audit.verify import verify_org

ROOT = Path(__file__).resolve().parents[2]
_names = itertools.count()


@pytest.fixture
def runtime_role(transactional_db):
    """Create a runtime role for this test and return a function connecting as it."""
    name = f"vouch_rt_{os.getpid()}_{next(_names)}"
    call_command("setup_db_roles", "--runtime", name, "--apply", stdout=open(os.devnull, "w"))  # noqa: SIM115
    opened: list[psycopg.Connection] = []
    db = connection.settings_dict

    def connect() -> psycopg.Connection:
        conn = psycopg.connect(
            host=db["HOST"] or "127.0.0.1", port=db["PORT"] or 5432, dbname=db["NAME"], user=name
        )
        opened.append(conn)
        return conn

    connect.role = name
    yield connect
    for conn in opened:
        conn.close()
    with connection.cursor() as cursor:
        cursor.execute(f'DROP OWNED BY "{name}"')
        cursor.execute(f'DROP ROLE "{name}"')


def _refused(conn: psycopg.Connection, *statements: str) -> str:
    """Run `statements` in one transaction as the runtime role; return the error it got."""
    try:
        with conn.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
    except psycopg.Error as exc:
        conn.rollback()
        return str(exc)
    conn.rollback()
    raise AssertionError(f"the runtime role was allowed: {statements}")


DELETE = "DELETE FROM audit_auditevent"


def test_the_runtime_role_cannot_delete_audit_events_with_any_session_setting(
    org, record, runtime_role
):
    record(org, 5)
    AuditSettings.objects.create(organisation=org, retention_days=30)
    conn = runtime_role()
    attempts = [
        (DELETE,),
        ("SET vouch.audit_retention = 'on'", DELETE),
        ("SET LOCAL vouch.audit_retention = 'on'", DELETE),
        ("SELECT set_config('vouch.audit_retention', 'on', false)", DELETE),
        ("SET session_replication_role = replica", DELETE),
        ("ALTER TABLE audit_auditevent DISABLE TRIGGER USER", DELETE),
        ("SET ROLE postgres", DELETE),
        ("TRUNCATE audit_auditevent",),
        ("UPDATE audit_auditevent SET data = '{}'",),
        (f"SELECT audit_retention_delete({org.pk}, 5)",),
        ("DROP FUNCTION audit_retention_delete(bigint, bigint)",),
        (
            "CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger "
            "AS $$ BEGIN RETURN OLD; END $$ LANGUAGE plpgsql",
        ),
    ]
    errors = [_refused(conn, *attempt) for attempt in attempts]
    assert "not older than 30 days" in errors[9]
    assert AuditEvent.objects.for_org(org).count() == 5
    assert verify_org(org).ok


def test_a_runtime_role_granted_delete_is_still_stopped_by_the_trigger(org, record, runtime_role):
    record(org, 3)
    with connection.cursor() as cursor:
        cursor.execute(f'GRANT DELETE, UPDATE ON audit_auditevent TO "{runtime_role.role}"')
    conn = runtime_role()
    for attempt in [(DELETE,), ("SET vouch.audit_retention = 'on'", DELETE)]:
        assert "append-only" in _refused(conn, *attempt)
    assert AuditEvent.objects.for_org(org).count() == 3


def test_the_runtime_role_cannot_move_the_chain_head_back_or_off_the_newest_event(
    org, record, runtime_role
):
    events = record(org, 4)
    conn = runtime_role()
    back = f"UPDATE audit_auditchain SET last_seq = 3, last_hash = '{events[2].hash}'"
    assert "only move forward" in _refused(conn, back)
    sideways = "UPDATE audit_auditchain SET last_hash = repeat('f', 64)"
    assert "newest event" in _refused(conn, sideways)
    assert "permission denied" in _refused(conn, "DELETE FROM audit_auditchain")
    forged = (
        "INSERT INTO audit_auditevent (organisation_id, seq, created_at, actor_name, action, "
        f"target_type, target_id, data, prev_hash, hash) VALUES ({org.pk}, 9, now(), 'x', "
        "'export', '', '', '{}', repeat('0', 64), repeat('1', 64))"
    )
    assert "extend its chain head" in _refused(conn, forged)
    head = AuditChain.objects.get(organisation=org)
    assert (head.last_seq, head.last_hash) == (4, events[3].hash)


def test_the_runtime_role_removes_old_events_only_through_the_owners_function(
    org, record, runtime_role
):
    AuditSettings.objects.create(organisation=org, retention_days=30)
    record(org, 6, at=timezone.now() - timedelta(days=90))
    record(org, 2)
    db = connection.settings_dict
    url = f"postgres://{runtime_role.role}@{db['HOST'] or '127.0.0.1'}:{db['PORT']}/{db['NAME']}"
    done = subprocess.run(
        [sys.executable, "manage.py", "apply_audit_retention", "--org", org.slug],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": url},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "removed 6 events (seq 1–6)" in done.stdout
    assert list(AuditEvent.objects.for_org(org).values_list("seq", flat=True)) == [7, 8, 9]
    assert verify_org(org).ok
    # A recent event stays, even with a retention record forged for it.
    assert "not older than" in _refused(
        runtime_role(), f"SELECT audit_retention_delete({org.pk}, 8)"
    )


def test_the_system_check_warns_about_a_superuser_owner_but_not_the_runtime_role(runtime_role):
    with connection.cursor() as cursor:
        assert role_problems(cursor) == ["a superuser", "the owner of audit_auditevent"]
    (warning,) = check_database_role(databases=["default"])
    assert warning.id == "audit.W001"
    with runtime_role().cursor() as cursor:
        assert role_problems(cursor) == []
