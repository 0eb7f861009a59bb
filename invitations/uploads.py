"""Uploads imported by a worker: stored first, parsed and imported whole, progress on the way.

The request stores the file as an Upload and queues `import_upload`; the worker
claims it with a conditional UPDATE, reads it once in order, reports rows read and
errors so far through a connection of its own (the import's transaction shows
nothing until it commits), and finishes it as imported or rejected, in the same
transaction as the invitations, so a redelivered task finds it done.
"""

import io
import time
from dataclasses import dataclass

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from intake.detect import detect_format
from intake.email_intake import parse_eml
from intake.errors import IntakeError, ParsedRow
from intake.limited import LimitExceeded, run_limited
from intake.linkedin_export import open_linkedin_export
from invitations.models import Channel, Upload, UploadStatus
from invitations.services import (
    IntakeOutcome,
    IntakeRejected,
    intake_limits,
    invitation_import,
    invitation_import_file,
    invitation_submit,
    unstorable_errors,
)
from policy.models import RosterSource
from policy.roster import RosterImportOutcome, RosterRejected, roster_import_file

# How often, at most, the worker writes its progress.
_PROGRESS_EVERY_SECONDS = 0.5
# The channel each detected upload format arrives by, as the submitter would name it.
_CHANNELS = {
    "zip": Channel.EXPORT,
    "linkedin_invitations": Channel.EXPORT,
    "eml": Channel.EMAIL,
    "jsonl": Channel.JSONL,
    "template_csv": Channel.CSV,
}
# Formats that always go to a worker, however small: a small archive can unpack to a
# great deal, and a small hostile e-mail can hold the parser for long.
_WORKER_FORMATS = frozenset({"zip", "eml"})


def upload_format(head: bytes, filename: str) -> str:
    """Return the detected format of an uploaded file, "" when it is not recognised."""
    try:
        return detect_format(head, filename)
    except IntakeError:
        return ""


def channel_of(head: bytes, filename: str) -> str:
    """Return the channel an uploaded file arrives by: an .eml is a forwarded e-mail, a ZIP
    or Invitations.csv a LinkedIn export, JSON lines their own; anything else CSV."""
    return _CHANNELS.get(upload_format(head, filename), Channel.CSV)


_EMAIL_CHANNELS = (Channel.EMAIL, Channel.INBOUND)


def imports_inline(size: int, head: bytes, filename: str) -> bool:
    """Return whether an upload is small enough, and of a kind, to import within the request."""
    return (
        upload_format(head, filename) not in _WORKER_FORMATS
        and size <= settings.VOUCH_UPLOAD_INLINE_BYTES
    )


def _parse_email(data: bytes, filename: str) -> tuple[dict | None, list[dict]]:
    limits = intake_limits(max_email_bytes=settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
    result = parse_eml(data, filename, limits)
    return result.record, [_error_dict(e) for e in result.errors]


def email_parse_limited(data: bytes, filename: str) -> tuple[dict | None, list[IntakeError]]:
    """Return (record, errors) of a raw e-mail, parsed in a child under time and memory limits.

    A message that exhausts a limit gives one error saying which.
    """
    try:
        record, errors = run_limited(
            _parse_email,
            data,
            filename,
            seconds=settings.VOUCH_EMAIL_PARSE_SECONDS,
            memory_bytes=settings.VOUCH_EMAIL_PARSE_MEMORY_MB * 1024 * 1024,
        )
    except LimitExceeded as exc:
        return None, [IntakeError(filename, None, None, f"parsing the e-mail {exc}")]
    return record, [IntakeError(**e) for e in errors]


@transaction.atomic
def upload_receive(*, org, submitter, content: bytes, filename: str, channel: str) -> Upload:
    """Store an uploaded file and queue its import once this transaction commits; return it."""
    from config.publish import publish_on_commit
    from invitations.tasks import import_upload

    upload = Upload.objects.create(
        organisation=org,
        submitter=submitter,
        filename=filename[:255],
        channel=channel,
        size=len(content),
        content=content,
    )
    publish_on_commit(import_upload, upload.pk)
    return upload


@transaction.atomic
def upload_import_now(
    *, org, submitter, fileobj, filename: str, channel: str, watch=None
) -> tuple[IntakeOutcome, RosterImportOutcome | None]:
    """Import an uploaded file's invitations; from an export ZIP also the submitter's roster.

    Returns (intake outcome, roster outcome or None); both are stored or neither.
    Raises IntakeRejected or RosterRejected listing every error.
    """
    outcome = invitation_import_file(
        org=org,
        submitter=submitter,
        channel=channel,
        fileobj=fileobj,
        filename=filename,
        watch=watch,
    )
    roster = None
    if channel == Channel.EXPORT:
        fileobj.seek(0)
        with open_linkedin_export(fileobj, filename) as export:
            has_connections = bool(export.connection_members) and not export.errors
        if has_connections:
            fileobj.seek(0)
            roster = roster_import_file(
                org=org,
                owner=submitter,
                source=RosterSource.LINKEDIN,
                fileobj=fileobj,
                filename=filename,
                actor=submitter,
            )
    return outcome, roster


def _stale_before():
    return timezone.now() - timezone.timedelta(seconds=settings.VOUCH_STUCK_AFTER_SECONDS)


def upload_claim(*, upload_id: int, claim: str) -> bool:
    """Claim an unfinished upload for the task `claim`; return whether this task holds it.

    A redelivery of the same task takes its own claim back; another task takes an
    upload only once its claim is older than the stuck timeout.
    """
    return bool(
        Upload.objects.filter(pk=upload_id)
        .filter(
            Q(status=UploadStatus.QUEUED)
            | Q(status=UploadStatus.IMPORTING, claim=claim)
            | Q(status=UploadStatus.IMPORTING, claimed_at__lt=_stale_before())
        )
        .update(
            status=UploadStatus.IMPORTING,
            claim=claim,
            claimed_at=timezone.now(),
            bytes_read=0,
            rows_read=0,
            error_count=0,
        )
    )


@dataclass
class _Progress:
    """Counts the rows and errors of a stream and writes them now and then.

    On PostgreSQL the counts go through a separate autocommit connection, so the
    progress page sees them while the import's own transaction is still open.
    """

    upload_id: int
    claim: str
    fileobj: io.BytesIO
    rows: int = 0
    errors: int = 0
    written_at: float = 0.0

    def __post_init__(self) -> None:
        self.conn = None
        if connection.vendor == "postgresql":
            self.conn = connection.get_new_connection(connection.get_connection_params())
            self.conn.autocommit = True

    def watch(self, rows):
        for row in rows:
            if row.line is not None and (row.record is not None or row.errors):
                self.rows += 1
            self.errors += len(row.errors)
            if time.monotonic() - self.written_at >= _PROGRESS_EVERY_SECONDS:
                self.write()
            yield row
        self.write()

    def write(self) -> None:
        self.written_at = time.monotonic()
        if self.conn is None:
            return
        with self.conn.cursor() as cursor:
            cursor.execute(
                # claimed_at doubles as a heartbeat: the sweeper takes over only an
                # import that has stopped moving, not one that is merely long.
                "UPDATE invitations_upload SET bytes_read = %s, rows_read = %s, error_count = %s, "
                "claimed_at = now() WHERE id = %s AND claim = %s",
                [self.fileobj.tell(), self.rows, self.errors, self.upload_id, self.claim],
            )

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()


def upload_import(*, upload_id: int, claim: str) -> str:
    """Import or reject upload `upload_id` whole if `claim` can claim it; return its status.

    An upload already finished (or held by another live task) is left as it is.
    """
    if not upload_claim(upload_id=upload_id, claim=claim):
        return Upload.objects.filter(pk=upload_id).values_list("status", flat=True).first() or ""
    upload = Upload.objects.get(pk=upload_id)
    if upload.channel in _EMAIL_CHANNELS:
        return _import_email(upload, claim)
    fileobj = io.BytesIO(bytes(upload.content))
    progress = _Progress(upload_id, claim, fileobj)
    try:
        with transaction.atomic():
            outcome, roster = upload_import_now(
                org=upload.organisation,
                submitter=upload.submitter,
                fileobj=fileobj,
                filename=upload.filename,
                channel=upload.channel,
                watch=progress.watch,
            )
            _finish(
                upload,
                claim,
                status=UploadStatus.IMPORTED,
                rows_read=progress.rows,
                batch=outcome.batch,
                created_count=outcome.created,
                duplicate_count=outcome.duplicates,
                connected_count=outcome.already_connected,
                outgoing_count=outcome.outgoing,
                roster_count=None if roster is None else roster.created,
            )
    except (IntakeRejected, RosterRejected) as exc:
        _finish(
            upload,
            claim,
            status=UploadStatus.REJECTED,
            rows_read=progress.rows,
            error_count=len(exc.errors),
            errors=[_error_dict(e) for e in exc.errors],
        )
    finally:
        progress.close()
    return Upload.objects.filter(pk=upload_id).values_list("status", flat=True).first() or ""


def _import_email(upload: Upload, claim: str) -> str:
    """Parse a stored e-mail under limits and submit its invitation; return the status."""
    record, errors = email_parse_limited(bytes(upload.content), upload.filename)
    if record is not None and (problems := unstorable_errors(record, upload.filename)):
        record, errors = None, problems
    if record is not None:
        try:
            with transaction.atomic():
                if upload.channel == Channel.INBOUND:
                    invitation, created = invitation_submit(
                        org=upload.organisation,
                        submitter=upload.submitter,
                        channel=Channel.INBOUND,
                        record=record,
                    )
                    batch = None
                else:
                    outcome = invitation_import(
                        org=upload.organisation,
                        submitter=upload.submitter,
                        channel=Channel.EMAIL,
                        rows=[ParsedRow(None, record, [])],
                        filename=upload.filename,
                    )
                    created, batch = bool(outcome.created), outcome.batch
                    invitation = _batch_invitation(outcome)
                _finish(
                    upload,
                    claim,
                    status=UploadStatus.IMPORTED,
                    rows_read=1,
                    batch=batch,
                    invitation=invitation,
                    created_count=int(created),
                    duplicate_count=int(not created),
                )
            return UploadStatus.IMPORTED
        except IntakeRejected as exc:
            errors = exc.errors
    _finish(
        upload,
        claim,
        status=UploadStatus.REJECTED,
        rows_read=1,
        error_count=len(errors),
        errors=[_error_dict(e) for e in errors],
    )
    return UploadStatus.REJECTED


def _batch_invitation(outcome: IntakeOutcome):
    from invitations.models import Invitation

    if not outcome.created_ids:
        return None
    return Invitation.objects.filter(pk=outcome.created_ids[0]).first()


class _ClaimLost(Exception):
    """Another task took the upload over; this one's work is rolled back."""


def _finish(upload: Upload, claim: str, **fields) -> None:
    updated = Upload.objects.filter(pk=upload.pk, claim=claim).update(
        content=b"", bytes_read=upload.size, finished_at=timezone.now(), **fields
    )
    if not updated:
        raise _ClaimLost(upload.pk)


def _error_dict(error: IntakeError) -> dict:
    return {
        "file": error.file,
        "line": error.line,
        "column": error.column,
        "message": str(error.message),
    }


def upload_reject(*, upload_id: int, claim: str, message: str) -> None:
    """Finish upload `upload_id` as rejected with one file-level error, if `claim` holds it."""
    upload = Upload.objects.get(pk=upload_id)
    error = IntakeError(upload.filename, None, None, message)
    Upload.objects.filter(pk=upload_id, claim=claim).update(
        status=UploadStatus.REJECTED,
        content=b"",
        error_count=1,
        errors=[_error_dict(error)],
        finished_at=timezone.now(),
    )


def uploads_sweep() -> int:
    """Re-queue uploads whose import task was lost; return how many."""
    from config.publish import publish
    from invitations.tasks import import_upload

    stale = Upload.objects.unfinished().filter(
        Q(status=UploadStatus.QUEUED, created_at__lt=_stale_before())
        | Q(status=UploadStatus.IMPORTING, claimed_at__lt=_stale_before())
    )
    ids = list(stale.values_list("pk", flat=True))
    for pk in ids:
        publish(import_upload, pk)
    return len(ids)
