"""The audit table is append-only in the database itself, whatever the application does."""

import pytest
from django.db import DatabaseError, connection, transaction

from audit.models import AuditEvent


def _rejected(sql, params=()):
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql, params)


@pytest.mark.django_db
def test_it_rejects_an_update_at_the_database_level(org, record):
    (event,) = record(org)
    _rejected("UPDATE audit_auditevent SET data = '{}' WHERE id = %s", [event.pk])
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).update(actor_name="someone else")
    event.refresh_from_db()
    assert event.data == {"i": 0}


@pytest.mark.django_db
def test_it_rejects_a_delete_at_the_database_level(org, record):
    (event,) = record(org)
    _rejected("DELETE FROM audit_auditevent WHERE id = %s", [event.pk])
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).delete()
    assert AuditEvent.objects.filter(pk=event.pk).exists()


@pytest.mark.django_db(transaction=True)
def test_it_rejects_a_truncate_at_the_database_level(org, record):
    # A transactional test: TRUNCATE in the transaction that inserted the rows would
    # fail on the pending foreign-key checks before the trigger could speak.
    record(org, 3)
    _rejected("TRUNCATE audit_auditevent")
    assert AuditEvent.objects.count() == 3


@pytest.mark.django_db
def test_no_session_setting_opens_a_delete_even_for_the_tables_owner(org, record):
    first, _second = record(org, 2)
    for switch in (
        "SET LOCAL vouch.audit_retention = 'on'",
        "SELECT set_config('vouch.audit_retention', 'on', true)",
    ):
        _rejected(f"{switch}; DELETE FROM audit_auditevent WHERE id = %s", [first.pk])
    assert AuditEvent.objects.filter(pk=first.pk).exists()


@pytest.mark.django_db
def test_it_rejects_an_update_even_while_the_retention_switch_is_on(org, record):
    (event,) = record(org)
    _rejected(
        "SET LOCAL vouch.audit_retention = 'on'; UPDATE audit_auditevent SET seq = 9 WHERE id = %s",
        [event.pk],
    )
