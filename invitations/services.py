"""Submitting invitations. Form, CSV, e-mail, gateway and API all end in these two services."""

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from email.utils import parseaddr
from functools import lru_cache, partial
from itertools import chain

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from config.publish import publish_on_commit
from intake.dedupe import dedupe_key
from intake.errors import SKIPPED_CONNECTED, SKIPPED_OUTGOING, IntakeError, ParsedRow
from intake.fields import FieldError, check_characters
from intake.limits import IntakeLimits
from intake.records import INPUT_FIELDS, empty_record
from invitations.models import IntakeBatch, Invitation, Status
from invitations.staging import COLUMNS, copy_chunks
from policy.engine import normalise_name, normalise_profile_url


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
    # Rows the reader left out on purpose, by ParsedRow.skipped (e.g. "already_connected").
    skipped: Counter = field(default_factory=Counter)

    @property
    def created(self) -> int:
        return len(self.created_ids)

    @property
    def already_connected(self) -> int:
        return self.skipped[SKIPPED_CONNECTED]

    @property
    def outgoing(self) -> int:
        return self.skipped[SKIPPED_OUTGOING]

    @property
    def no_incoming(self) -> bool:
        """Return True when the file held no incoming invitation at all (only sent ones)."""
        return not (self.created or self.duplicates or self.already_connected)


@lru_cache(maxsize=1)
def _column_chars() -> tuple[tuple[str, int], ...]:
    return tuple(
        (f.name, f.max_length)
        for f in Invitation._meta.concrete_fields
        if f.name in INPUT_FIELDS and getattr(f, "max_length", None)
    )


def intake_limits(**overrides) -> IntakeLimits:
    """Return the intake limits of this installation: the upload size and mail-server
    settings, and per field the length of the column it is stored in, so what intake
    accepts always fits."""
    overrides.setdefault("max_upload_bytes", settings.VOUCH_MAX_UPLOAD_BYTES)
    overrides.setdefault("authserv_ids", settings.VOUCH_AUTHSERV_ID)
    return IntakeLimits(field_chars=_column_chars(), **overrides)


def _values_of(item) -> list:
    return list(item.values()) if isinstance(item, dict) else [item]


def unstorable_errors(record: dict, filename: str) -> list[IntakeError]:
    """Return an error per text field of `record` that its column cannot hold.

    Readers check this already; this is the last guard for channels that build
    records themselves (e-mail), so a hostile value is a located error, not a failed write.
    """
    chars = dict(_column_chars())
    errors = []
    for key, value in record.items():
        if isinstance(value, list):
            texts = [str(v) for item in value for v in _values_of(item)]
        else:
            texts = [value] if isinstance(value, str) else []
        for text in texts:
            try:
                check_characters(text)
                if len(text) > chars.get(key, len(text)):
                    raise FieldError(
                        f"is {len(text):,} characters long; the limit is {chars[key]:,}"
                    )
            except FieldError as exc:
                errors.append(IntakeError(filename, None, key, str(exc)))
                break
    return errors


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


def _row_values(
    *, org, submitter, batch, channel: str, record: dict, now, record_key: str = ""
) -> dict:
    """Return the column values of one new invitation built from an intake record.

    `record_key` is the record's dedupe key if the reader computed it; it is reused
    when the recipient names someone else, as the stored key then is the same.
    """
    full = empty_record()
    full.update({k: v for k, v in record.items() if k in full})
    recipient = _recipient_identity(full, submitter)
    if not record_key or recipient != full["recipient"]:
        record_key = dedupe_key({**full, "recipient": recipient})
    values = {
        "organisation_id": org.pk,
        "submitter_id": submitter.pk if submitter is not None else None,
        "batch_id": batch.pk if batch is not None else None,
        "channel": channel,
        "status": Status.RECEIVED,
        **{k: full[k] for k in full},
        "dedupe_key": record_key,
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
_PORTABLE_CHUNK = 500


def _analyze_invitations() -> None:
    # Only the columns the workers' and the queue's queries filter on: sampling every
    # column takes six times as long, and the workers wait for it.
    with connection.cursor() as cursor:
        cursor.execute(
            "ANALYZE invitations_invitation (id, organisation_id, status, requester_key, "
            "submitter_id, recommendation, risk)"
        )


def _enqueue(ids: list[int]) -> None:
    """Queue evaluation of `ids` in chunks once the surrounding transaction commits.

    A broker fault does not fail the submission: the rows are committed and the
    sweeper queues them again (see config.publish).
    """
    from invitations.tasks import evaluate_invitations

    size = settings.VOUCH_EVALUATION_BATCH
    for start in range(0, len(ids), size):
        publish_on_commit(evaluate_invitations, ids[start : start + size])


@transaction.atomic
def invitation_submit(*, org, submitter, channel: str, record: dict) -> tuple[Invitation, bool]:
    """Store one invitation and queue its evaluation; return (invitation, created).

    The same invitation submitted again (same dedupe key) is not stored or
    evaluated twice: the existing one is returned with created False.
    """
    if errors := unstorable_errors(record, channel):
        raise IntakeRejected(errors)
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
    try:
        with transaction.atomic():
            invitation = Invitation.objects.create(**fields)
    except IntegrityError:
        # The same invitation arrived at the same moment and was stored first; the
        # unique key waited for that transaction, so its row is visible now.
        existing = Invitation.objects.for_org(org).filter(dedupe_key=values["dedupe_key"]).first()
        if existing is None:
            raise
        return existing, False
    _enqueue([invitation.pk])
    return invitation, True


def _stage_postgresql(chunks: Iterable[str | bytes]) -> tuple[list[int], int]:
    """COPY `chunks` into a temporary table, then move the new rows in; return (ids, duplicates).

    Rows whose dedupe key the organisation already has (or that repeat one another)
    are left out by ON CONFLICT and counted as duplicates.
    """
    columns = ", ".join(COLUMNS)
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TEMP TABLE IF NOT EXISTS intake_stage ON COMMIT DROP AS "  # noqa: S608
            f"SELECT {columns} FROM invitations_invitation WITH NO DATA"
        )
        cursor.execute("TRUNCATE intake_stage")
        with cursor.connection.cursor().copy(f"COPY intake_stage ({columns}) FROM STDIN") as copy:
            for chunk in chunks:
                copy.write(chunk)
        cursor.execute("SELECT count(*) FROM intake_stage")
        staged = cursor.fetchone()[0]
        cursor.execute(
            f"INSERT INTO invitations_invitation ({columns}) "  # noqa: S608
            f"SELECT {columns} FROM intake_stage "
            "ON CONFLICT (organisation_id, dedupe_key) DO NOTHING RETURNING id"
        )
        ids = sorted(r[0] for r in cursor.fetchall())
    return ids, staged - len(ids)


def _insert_portable(rows: Iterable[ParsedRow], make_values) -> tuple[list[int], int]:
    """Insert the records of `rows` skipping known dedupe keys; return (ids, duplicates)."""
    ids: list[int] = []
    duplicates = 0
    chunk: list[dict] = []
    for row in chain(rows, [None]):
        if row is not None:
            chunk.append(make_values(record=row.record, record_key=row.dedupe_key))
            if len(chunk) < _PORTABLE_CHUNK:
                continue
        if not chunk:
            break
        org_id = chunk[0]["organisation_id"]
        known = set(
            Invitation.objects.filter(
                organisation_id=org_id, dedupe_key__in=[r["dedupe_key"] for r in chunk]
            ).values_list("dedupe_key", flat=True)
        )
        fresh = {r["dedupe_key"]: r for r in chunk if r["dedupe_key"] not in known}
        Invitation.objects.bulk_create([Invitation(**r) for r in fresh.values()])
        ids += Invitation.objects.filter(
            organisation_id=org_id, dedupe_key__in=list(fresh)
        ).values_list("id", flat=True)
        duplicates += len(chunk) - len(fresh)
        chunk = []
    return sorted(ids), duplicates


def _clean_rows(
    rows: Iterable[ParsedRow], errors: list[IntakeError], skipped: Counter
) -> Iterator[ParsedRow]:
    """Yield the rows of `rows` that carry a record until the first error; collect all errors.

    After an error nothing more is yielded, but reading goes on so that `errors`
    lists every problem of the file. Rows the reader skipped are counted in `skipped`.
    """
    for row in rows:
        if row.errors:
            errors.extend(row.errors)
        elif row.skipped:
            skipped[row.skipped] += 1
        elif row.record is not None and not errors:
            yield row


def _store_rows(rows: Iterable[ParsedRow], skipped: Counter):
    """Return a `store` for _import that streams `rows` in, counting skipped rows in `skipped`.

    The store raises IntakeRejected listing every error of `rows` once it has read them all.
    """

    def store(make_values) -> tuple[list[int], int]:
        errors: list[IntakeError] = []
        clean = _clean_rows(rows, errors, skipped)
        if connection.vendor == "postgresql":
            stored = _stage_postgresql(copy_chunks(clean, make_values))
        else:
            stored = _insert_portable(clean, make_values)
        if errors:
            raise IntakeRejected(errors)
        return stored

    return store


def _import(*, org, submitter, channel, filename, file_format, store) -> IntakeOutcome:
    """Create the intake batch, let `store(make_values)` put its invitations in, queue them.

    `store` returns (ids, duplicates); whatever it raises (IntakeRejected, PartFailed)
    rolls the whole batch back.
    """
    with transaction.atomic():
        batch = IntakeBatch.objects.create(
            organisation=org,
            submitter=submitter,
            channel=channel,
            filename=filename[:255],
            file_format=file_format,
        )
        ids, duplicates = store(
            partial(
                _row_values,
                org=org,
                submitter=submitter,
                batch=batch,
                channel=channel,
                now=timezone.now(),
            )
        )
        IntakeBatch.objects.filter(pk=batch.pk).update(
            created_count=len(ids), duplicate_count=duplicates
        )
        batch.created_count, batch.duplicate_count = len(ids), duplicates
        if len(ids) >= _ANALYZE_AFTER and connection.vendor == "postgresql":
            # Autovacuum notices a bulk load only later; until then the planner's
            # statistics are stale and the workers' lookups by id would scan.
            transaction.on_commit(_analyze_invitations)
        _enqueue(ids)
    return IntakeOutcome(batch=batch, created_ids=ids, duplicates=duplicates)


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

    Rows are streamed, so memory stays flat in the file's size. If any row carries
    an error, nothing is stored and IntakeRejected lists every error. Invitations
    already submitted earlier are counted as duplicates and skipped; rows the reader
    skipped (sent invitations, people already connected) are counted in `skipped`.
    """
    skipped: Counter = Counter()
    outcome = _import(
        org=org,
        submitter=submitter,
        channel=channel,
        filename=filename,
        file_format=file_format,
        store=_store_rows(rows, skipped),
    )
    outcome.skipped = skipped
    return outcome


def invitation_import_file(
    *, org, submitter, channel: str, fileobj, filename: str, watch=None
) -> IntakeOutcome:
    """Detect the format of an uploaded file and import it; raise IntakeRejected on errors.

    The file is read once, in order, within the parse budget. `watch`, when given,
    wraps the stream of parsed rows (to report progress) and must yield every row.
    """
    from intake.detect import read_invitations

    limits = intake_limits(parse_seconds=settings.VOUCH_UPLOAD_PARSE_SECONDS)
    rows = read_invitations(fileobj, filename, limits)
    return invitation_import(
        org=org,
        submitter=submitter,
        channel=channel,
        rows=watch(rows) if watch is not None else rows,
        filename=filename,
    )


def intake_summary(outcome: IntakeOutcome, roster=None) -> str:
    """Return one sentence for people on what an import did.

    E.g. "196 already connected, skipped; 4 invitations imported." or, for a file of
    sent invitations only, "No incoming invitations: …".
    """
    from django.utils.translation import gettext as _
    from django.utils.translation import ngettext

    parts = []
    if outcome.no_incoming:
        text = _("No incoming invitations in this file")
        if outcome.outgoing:
            text += ": " + ngettext(
                "its %(n)d invitation is one you sent (OUTGOING), not one you received",
                "all %(n)d invitations are ones you sent (OUTGOING), not ones you received",
                outcome.outgoing,
            ) % {"n": outcome.outgoing}
        parts.append(text)
    else:
        if outcome.already_connected:
            parts.append(
                ngettext(
                    "%(n)d already connected, skipped",
                    "%(n)d already connected, skipped",
                    outcome.already_connected,
                )
                % {"n": outcome.already_connected}
            )
        parts.append(
            ngettext("%(n)d invitation imported", "%(n)d invitations imported", outcome.created)
            % {"n": outcome.created}
        )
        if outcome.duplicates:
            parts.append(
                ngettext(
                    "%(n)d was submitted before and skipped",
                    "%(n)d were submitted before and skipped",
                    outcome.duplicates,
                )
                % {"n": outcome.duplicates}
            )
    if roster is not None:
        parts.append(
            ngettext(
                "%(n)d connection added to your roster",
                "%(n)d connections added to your roster",
                roster.created,
            )
            % {"n": roster.created}
        )
    return "; ".join(parts) + "."
