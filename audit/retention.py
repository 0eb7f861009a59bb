"""Removing audit events older than an organisation's retention period.

The audit table is append-only; this is the one documented way to delete from it.
In one transaction, with the chain head locked:

1. find the oldest contiguous run of events (seq 1..n, or from the first remaining
   seq) created before the cutoff;
2. append a `retention` event recording what goes: count, seq range, the cutoff,
   and the hash of the last removed event, which is the prev_hash of the first
   event that stays, so `verify_audit` can still anchor the shortened chain;
3. delete those rows. On PostgreSQL only the SECURITY DEFINER function
   `audit_retention_delete` (migration 0004, owned by the migrating role) can: it
   checks the rows' age against the organisation's period and that the retention
   event names them, whatever the caller's session says. On SQLite the DELETE
   trigger is dropped and re-created inside the transaction.
"""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.db import connection, transaction
from django.db.models import Count, Max, Min
from django.utils import timezone

from audit.models import Action, AuditChain, AuditEvent, AuditSettings
from audit.services import audit_record

SQLITE_DELETE_TRIGGER = """CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_auditevent
       BEGIN SELECT RAISE(ABORT, 'audit_auditevent is append-only: DELETE rejected'); END;"""


@dataclass(frozen=True)
class RetentionResult:
    org_slug: str
    retention_days: int | None
    cutoff: datetime | None = None
    count: int = 0
    from_seq: int | None = None
    to_seq: int | None = None
    recorded_seq: int | None = None
    dry_run: bool = False

    def __str__(self) -> str:
        if self.retention_days is None:
            return f"{self.org_slug}: no retention period; events are kept forever"
        cutoff = self.cutoff.isoformat(timespec="seconds") if self.cutoff else "?"
        if self.count == 0:
            return f"{self.org_slug}: nothing older than {cutoff}"
        span = f"{self.count} events (seq {self.from_seq}–{self.to_seq}) older than {cutoff}"
        if self.dry_run:
            return f"{self.org_slug}: would remove {span}"
        return f"{self.org_slug}: removed {span}; recorded as seq {self.recorded_seq}"


def _delete_rows(org, to_seq: int) -> int:
    """Delete `org`'s audit rows up to `to_seq`; call inside the retention transaction only."""
    vendor = connection.vendor
    if vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT audit_retention_delete(%s, %s)", [org.pk, to_seq])
            return cursor.fetchone()[0]
    if vendor != "sqlite":  # pragma: no cover - the migration refuses other databases already
        raise RuntimeError(f"No retention support for database vendor {vendor!r}.")
    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER IF EXISTS audit_event_no_delete")
        try:
            deleted, _per_model = AuditEvent.objects.for_org(org).filter(seq__lte=to_seq).delete()
        finally:
            cursor.execute(SQLITE_DELETE_TRIGGER)
    return deleted


def apply_retention(org, *, now: datetime | None = None, dry_run: bool = False):
    """Remove `org`'s events older than its retention period and return what happened."""
    settings = AuditSettings.objects.filter(organisation=org).first()
    days = settings.retention_days if settings is not None else None
    if days is None:
        return RetentionResult(org.slug, None, dry_run=dry_run)
    cutoff = (now or timezone.now()).astimezone(UTC) - timedelta(days=days)
    with transaction.atomic():
        # Lock the head first: no event can be appended between counting and recording.
        AuditChain.objects.get_or_create(organisation=org)
        AuditChain.objects.select_for_update().get(organisation=org)
        events = AuditEvent.objects.for_org(org)
        first_kept = (
            events.filter(created_at__gte=cutoff).order_by("seq").values_list("seq", flat=True)
        ).first()
        # Only a contiguous oldest run goes, so the remaining chain has no holes even
        # if a clock step ever made a newer seq carry an older time.
        old = events if first_kept is None else events.filter(seq__lt=first_kept)
        span = old.aggregate(count=Count("pk"), first=Min("seq"), last=Max("seq"))
        result = RetentionResult(
            org.slug,
            days,
            cutoff,
            span["count"],
            span["first"],
            span["last"],
            dry_run=dry_run,
        )
        if span["count"] == 0 or dry_run:
            return result
        last_removed_hash = events.get(seq=span["last"]).hash
        record = audit_record(
            org=org,
            actor=None,
            action=Action.RETENTION,
            target_type="audit_log",
            target_id=org.slug,
            data={
                "retention_days": days,
                "cutoff": cutoff.isoformat(timespec="microseconds"),
                "count": span["count"],
                "from_seq": span["first"],
                "to_seq": span["last"],
                "last_removed_hash": last_removed_hash,
            },
        )
        deleted = _delete_rows(org, span["last"])
        if deleted != span["count"]:  # pragma: no cover - the head lock rules this out
            raise RuntimeError("Audit retention removed an unexpected number of rows.")
    return RetentionResult(
        org.slug,
        days,
        cutoff,
        span["count"],
        span["first"],
        span["last"],
        record.seq,
    )


def apply_retention_everywhere(*, now: datetime | None = None, dry_run: bool = False):
    """Apply retention for every organisation that set a period; return the results."""
    from organisations.models import Organisation

    orgs = Organisation.objects.filter(audit_settings__retention_days__isnull=False)
    return [apply_retention(org, now=now, dry_run=dry_run) for org in orgs.order_by("slug")]
