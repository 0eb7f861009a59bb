"""Submitting invitations. Form, CSV, e-mail, gateway and API all end in these two services."""

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from email.utils import parseaddr

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from invitations.intake.dedupe import dedupe_key
from invitations.intake.errors import IntakeError, ParsedRow
from invitations.intake.records import RECORD_KEYS, empty_record
from invitations.models import IntakeBatch, Invitation, Status
from policy.engine import normalise_name, normalise_profile_url

# Columns written by bulk intake, in COPY order.
_COLUMNS = (
    "organisation_id",
    "submitter_id",
    "batch_id",
    "channel",
    "status",
    *RECORD_KEYS,
    "dedupe_key",
    "requester_key",
    "created_at",
    "enqueued_at",
    "claim",
    "recommendation",
    "risk",
    "reasons",
    "decision",
)
_JSON_COLUMNS = frozenset({"attachments", "links", "email_findings", "reasons"})
_CHUNK = 2000


class IntakeRejected(Exception):
    """A submission was refused whole; `errors` lists every problem found."""

    def __init__(self, errors: list[IntakeError]):
        super().__init__(f"{len(errors)} error(s)")
        self.errors = errors


@dataclass
class IntakeOutcome:
    batch: IntakeBatch | None
    created_ids: list[int] = field(default_factory=list)
    duplicates: int = 0

    @property
    def created(self) -> int:
        return len(self.created_ids)


def requester_key_for(record: dict) -> str:
    """Return the key that groups one requester's invitations across channels and colleagues.

    The name is preferred over the profile URL because e-mails carry an opaque
    tracking link while exports carry /in/<slug>; the URL is the fallback.
    """
    name = normalise_name(record.get("requester_name") or "")
    if name:
        return f"name:{name}"
    return f"url:{normalise_profile_url(record.get('requester_profile_url') or '')}"


def _recipient_identity(record: dict, submitter) -> str:
    """Return who received the invitation, as the dedupe key should see it.

    Channels name the submitter differently (an address in an e-mail, a display
    name in LinkedIn's export), so any of the submitter's own names stands for
    the submitter; a colleague's name (a team upload) stays distinct.
    """
    recipient = (record.get("recipient") or "").strip()
    if submitter is None:
        return recipient
    own = {
        (submitter.email or "").lower(),
        submitter.get_username().lower(),
        submitter.get_full_name().lower(),
    } - {""}
    lowered = recipient.lower()
    if not lowered or lowered in own or ("<" in lowered and parseaddr(lowered)[1] in own):
        return f"user:{submitter.pk}"
    return recipient


def _row_values(*, org, submitter, batch, channel: str, record: dict, now) -> dict:
    """Return the column values of one new invitation built from an intake record."""
    full = empty_record()
    full.update({k: v for k, v in record.items() if k in full})
    values = {
        "organisation_id": org.pk,
        "submitter_id": submitter.pk if submitter is not None else None,
        "batch_id": batch.pk if batch is not None else None,
        "channel": channel,
        "status": Status.RECEIVED,
        **{k: full[k] for k in full},
        "dedupe_key": dedupe_key({**full, "recipient": _recipient_identity(full, submitter)}),
        "requester_key": requester_key_for(full),
        "created_at": now,
        "enqueued_at": now,
        "claim": "",
        "recommendation": "",
        "risk": 0.0,
        "reasons": [],
        "decision": "",
    }
    for key in (
        "ref",
        "recipient",
        "requester_name",
        "requester_headline",
        "requester_company",
        "requester_industry",
        "requester_country",
        "requester_profile_url",
        "message",
        "worked_together",
        "recognises_name",
        "raw_source",
    ):
        values[key] = values[key] or ""
    values["requester_name"] = values["requester_name"] or "(unknown)"
    return values


_ANALYZE_AFTER = 10_000


def _analyze_invitations() -> None:
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE invitations_invitation")


def _enqueue(ids: list[int]) -> None:
    """Queue evaluation of `ids` in chunks once the surrounding transaction commits."""
    from invitations.tasks import evaluate_invitations

    size = settings.VOUCH_EVALUATION_BATCH
    for start in range(0, len(ids), size):
        evaluate_invitations.delay_on_commit(ids[start : start + size])


@transaction.atomic
def invitation_submit(*, org, submitter, channel: str, record: dict) -> tuple[Invitation, bool]:
    """Store one invitation and queue its evaluation; return (invitation, created).

    The same invitation submitted again (same dedupe key) is not stored or
    evaluated twice: the existing one is returned with created False.
    """
    now = timezone.now()
    values = _row_values(
        org=org, submitter=submitter, batch=None, channel=channel, record=record, now=now
    )
    existing = Invitation.objects.for_org(org).filter(dedupe_key=values["dedupe_key"]).first()
    if existing is not None:
        return existing, False
    fields = {
        k.removesuffix("_id") if k.endswith("_id") and k != "dedupe_key" else k: v
        for k, v in values.items()
    }
    fields["organisation"] = org
    fields["submitter"] = submitter
    fields["batch"] = None
    invitation = Invitation.objects.create(**fields)
    _enqueue([invitation.pk])
    return invitation, True


def _copy_value(column: str, value):
    if value is None:
        return None
    if column in _JSON_COLUMNS:
        return json.dumps(value, ensure_ascii=False, default=str)
    return value


def _insert_chunk_postgresql(rows: list[dict]) -> tuple[list[int], int]:
    """COPY `rows` into a temporary table, then move the new ones in; return (ids, duplicates)."""
    with connection.cursor() as cursor:
        columns = ", ".join(_COLUMNS)
        cursor.execute(
            "CREATE TEMP TABLE IF NOT EXISTS intake_stage ON COMMIT DROP AS "  # noqa: S608
            f"SELECT {columns} FROM invitations_invitation WITH NO DATA"
        )
        cursor.execute("TRUNCATE intake_stage")
        with cursor.connection.cursor().copy(f"COPY intake_stage ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row([_copy_value(c, row[c]) for c in _COLUMNS])
        cursor.execute(
            f"INSERT INTO invitations_invitation ({columns}) "  # noqa: S608
            f"SELECT {columns} FROM intake_stage "
            "ON CONFLICT (organisation_id, dedupe_key) DO NOTHING RETURNING id"
        )
        ids = sorted(r[0] for r in cursor.fetchall())
    return ids, len(rows) - len(ids)


def _insert_chunk_portable(rows: list[dict]) -> tuple[list[int], int]:
    """Insert `rows` skipping known dedupe keys; return (ids, duplicates)."""
    org_id = rows[0]["organisation_id"]
    keys = [r["dedupe_key"] for r in rows]
    known = set(
        Invitation.objects.filter(organisation_id=org_id, dedupe_key__in=keys).values_list(
            "dedupe_key", flat=True
        )
    )
    fresh = [Invitation(**r) for r in rows if r["dedupe_key"] not in known]
    Invitation.objects.bulk_create(fresh, batch_size=500)
    ids = sorted(
        Invitation.objects.filter(
            organisation_id=org_id, dedupe_key__in=[i.dedupe_key for i in fresh]
        ).values_list("id", flat=True)
    )
    return ids, len(rows) - len(ids)


def invitation_import(
    *,
    org,
    submitter,
    channel: str,
    rows: Iterable[ParsedRow],
    filename: str = "",
    file_format: str = "",
) -> IntakeOutcome:
    """Store every record of `rows` in one transaction and queue their evaluation.

    Rows are streamed in chunks, so memory stays flat in the file's size. If any
    row carries an error, nothing is stored and IntakeRejected lists every error.
    Invitations already submitted earlier are counted as duplicates and skipped.
    """
    insert = (
        _insert_chunk_postgresql if connection.vendor == "postgresql" else _insert_chunk_portable
    )
    errors: list[IntakeError] = []
    with transaction.atomic():
        batch = IntakeBatch.objects.create(
            organisation=org,
            submitter=submitter,
            channel=channel,
            filename=filename[:255],
            file_format=file_format,
        )
        outcome = IntakeOutcome(batch=batch)
        pending: list[dict] = []
        now = timezone.now()
        for row in rows:
            if row.errors:
                errors.extend(row.errors)
                pending.clear()
                continue
            if errors or row.record is None:
                continue
            pending.append(
                _row_values(
                    org=org,
                    submitter=submitter,
                    batch=batch,
                    channel=channel,
                    record=row.record,
                    now=now,
                )
            )
            if len(pending) >= _CHUNK:
                ids, dupes = insert(pending)
                outcome.created_ids.extend(ids)
                outcome.duplicates += dupes
                pending = []
        if pending and not errors:
            ids, dupes = insert(pending)
            outcome.created_ids.extend(ids)
            outcome.duplicates += dupes
        if errors:
            transaction.set_rollback(True)
        else:
            IntakeBatch.objects.filter(pk=batch.pk).update(
                created_count=outcome.created, duplicate_count=outcome.duplicates
            )
            batch.created_count, batch.duplicate_count = outcome.created, outcome.duplicates
            if outcome.created >= _ANALYZE_AFTER and connection.vendor == "postgresql":
                # Autovacuum notices a bulk load only later; until then the planner's
                # statistics are stale and the workers' lookups by id would scan.
                transaction.on_commit(_analyze_invitations)
            _enqueue(outcome.created_ids)
    if errors:
        raise IntakeRejected(errors)
    return outcome


def invitation_import_file(
    *, org, submitter, channel: str, fileobj, filename: str
) -> IntakeOutcome:
    """Detect the format of an uploaded file and import it; raise IntakeRejected on errors."""
    from invitations.intake.detect import read_invitations
    from invitations.intake.limits import IntakeLimits

    limits = IntakeLimits(max_upload_bytes=settings.VOUCH_MAX_UPLOAD_BYTES)
    return invitation_import(
        org=org,
        submitter=submitter,
        channel=channel,
        rows=read_invitations(fileobj, filename, limits),
        filename=filename,
    )
