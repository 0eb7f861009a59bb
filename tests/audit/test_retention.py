"""Retention removes old events with a record of what went, and the chain still verifies."""

from datetime import timedelta
from io import StringIO
from unittest import mock

import pytest
from django.core.management import call_command
from django.utils import timezone

from audit.models import Action, AuditEvent, AuditSettings
from audit.retention import apply_retention
from audit.tasks import apply_retention as apply_retention_task
from audit.verify import verify_org


@pytest.fixture
def aged(org, record):
    """Ten events from 100 days ago and five from today, with a 30-day retention period."""
    AuditSettings.objects.create(organisation=org, retention_days=30)
    old = record(org, 10, at=timezone.now() - timedelta(days=100))
    new = record(org, 5)
    return old, new


def seqs(org):
    return list(AuditEvent.objects.for_org(org).order_by("seq").values_list("seq", flat=True))


@pytest.mark.django_db
def test_it_removes_old_events_after_recording_what_it_removes(org, aged):
    old, _new = aged
    result = apply_retention(org)
    assert (result.count, result.from_seq, result.to_seq, result.recorded_seq) == (10, 1, 10, 16)
    assert seqs(org) == [11, 12, 13, 14, 15, 16]
    retention = AuditEvent.objects.get(organisation=org, seq=16)
    assert retention.action == Action.RETENTION
    assert retention.actor_name == "system"
    assert retention.data["count"] == 10
    assert (retention.data["from_seq"], retention.data["to_seq"]) == (1, 10)
    assert retention.data["last_removed_hash"] == old[-1].hash
    assert retention.data["retention_days"] == 30
    assert retention.data["cutoff"] == result.cutoff.isoformat(timespec="microseconds")
    verdict = verify_org(org)
    assert verdict.ok, str(verdict)
    assert verdict.count == 6


@pytest.mark.django_db
def test_verify_audit_still_passes_after_the_retention_command(org, aged):
    out = StringIO()
    call_command("apply_audit_retention", "--org", org.slug, stdout=out)
    assert "acme: removed 10 events (seq 1–10)" in out.getvalue()
    assert "recorded as seq 16" in out.getvalue()
    out = StringIO()
    call_command("verify_audit", "--org", org.slug, stdout=out)
    assert out.getvalue().startswith("OK: 6 events, chain intact")


@pytest.mark.django_db
def test_a_dry_run_changes_nothing(org, aged):
    out = StringIO()
    call_command("apply_audit_retention", "--dry-run", stdout=out)
    assert "acme: would remove 10 events (seq 1–10)" in out.getvalue()
    assert seqs(org) == list(range(1, 16))


@pytest.mark.django_db
def test_without_a_period_events_are_kept_forever(org, record):
    record(org, 3, at=timezone.now() - timedelta(days=5000))
    out = StringIO()
    call_command("apply_audit_retention", "--org", org.slug, stdout=out)
    assert "kept forever" in out.getvalue()
    assert seqs(org) == [1, 2, 3]


@pytest.mark.django_db
def test_a_second_run_removes_nothing_more_and_records_nothing(org, aged):
    apply_retention(org)
    again = apply_retention(org)
    assert again.count == 0
    assert seqs(org) == [11, 12, 13, 14, 15, 16]


@pytest.mark.django_db
def test_later_runs_may_remove_earlier_retention_records_and_the_chain_still_verifies(org, record):
    AuditSettings.objects.create(organisation=org, retention_days=30)
    now = timezone.now()
    record(org, 10, at=now - timedelta(days=200))
    record(org, 5, at=now - timedelta(days=120))
    with mock.patch.object(timezone, "now", return_value=now - timedelta(days=100)):
        assert apply_retention(org).to_seq == 10
    record(org, 2, at=now - timedelta(days=90))
    result = apply_retention(org)
    assert (result.from_seq, result.to_seq) == (11, 18)
    assert seqs(org) == [19]
    assert verify_org(org).ok


@pytest.mark.django_db
def test_rows_removed_beyond_what_retention_recorded_are_still_caught(org, aged, tamper):
    apply_retention(org)
    tamper("DELETE FROM audit_auditevent WHERE organisation_id = %s AND seq = 11", [org.pk])
    result = verify_org(org)
    assert not result.ok
    assert result.first_bad_seq == 11
    assert "missing" in result.reason


@pytest.mark.django_db
def test_it_removes_only_the_oldest_contiguous_run(org, record):
    """An event with an older time after a newer one stays, so the chain keeps no holes."""
    AuditSettings.objects.create(organisation=org, retention_days=30)
    long_ago = timezone.now() - timedelta(days=100)
    record(org, 2, at=long_ago)
    record(org, 1)
    record(org, 1, at=long_ago)
    result = apply_retention(org)
    assert (result.from_seq, result.to_seq) == (1, 2)
    assert seqs(org) == [3, 4, 5]
    assert verify_org(org).ok


@pytest.mark.django_db
def test_the_celery_task_applies_every_organisations_period(org, other_org, aged, record):
    record(other_org, 4, at=timezone.now() - timedelta(days=100))
    assert apply_retention_task() == 10
    assert seqs(other_org) == [1, 2, 3, 4]
    assert verify_org(org).ok


@pytest.mark.django_db
def test_the_celery_task_is_registered_under_the_name_beat_uses():
    from django.conf import settings

    name = settings.CELERY_BEAT_SCHEDULE["apply-audit-retention"]["task"]
    assert apply_retention_task.name == name
