"""The roster: people the organisation knows, from colleagues' LinkedIn exports or a CRM CSV."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import IO, Any

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Max
from django.utils.translation import gettext as _

from audit.models import Action
from audit.services import audit_record
from intake import IntakeError, IntakeLimits, ParsedRow, detect_format, read_roster
from policy.engine import normalise_name, normalise_profile_url
from policy.models import RosterContact, RosterSource

CHUNK = 1000
LINKEDIN_FORMATS = ("linkedin_connections", "zip")
SHARED_FORMATS = ("roster_csv", "linkedin_connections")
ANY = object()


@dataclass(frozen=True)
class RosterImportOutcome:
    created: int
    replaced: int
    skipped: int = 0


class RosterRejected(Exception):
    """The upload was rejected as a whole; `errors` lists every IntakeError."""

    def __init__(self, errors: list[IntakeError]) -> None:
        self.errors = errors
        super().__init__("; ".join(str(e) for e in errors[:5]))


def _contact(org, owner, source: str, entry: dict[str, Any]) -> RosterContact | None:
    name = (entry.get("name") or "").strip()
    url = (entry.get("profile_url") or "").strip()
    name_key, profile_key = normalise_name(name), normalise_profile_url(url)
    if not name_key and not profile_key:
        return None
    field_max = {f.name: f.max_length for f in RosterContact._meta.fields if f.max_length}
    return RosterContact(
        organisation=org,
        owner=owner,
        source=source,
        name=name[: field_max["name"]],
        name_key=name_key[: field_max["name_key"]],
        profile_url=url[: field_max["profile_url"]],
        profile_key=profile_key[: field_max["profile_key"]],
        company=(entry.get("company") or "").strip()[: field_max["company"]],
        position=(entry.get("position") or "").strip()[: field_max["position"]],
        connected_on=entry.get("connected_on"),
    )


def roster_import(
    *,
    org,
    owner,
    source: str,
    rows: Iterable[ParsedRow],
    actor=None,
    filename: str = "",
    replace: bool = True,
) -> RosterImportOutcome:
    """Store the roster entries of `rows` for `owner` (None: the shared list) from `source`.

    With `replace`, the owner's earlier entries from the same source are removed first.
    Everything happens in one transaction: if any row carries an error, nothing changes and
    RosterRejected lists every error (file, line, column, message). Repeated people within
    the file, and entries with neither a name nor a profile URL, are skipped."""
    if source not in RosterSource.values:
        raise ValueError(f"unknown roster source {source!r}")
    errors: list[IntakeError] = []
    with transaction.atomic():
        replaced = 0
        if replace:
            replaced, _by_model = (
                RosterContact.objects.for_org(org).filter(owner=owner, source=source).delete()
            )
        created = skipped = 0
        seen: set[tuple[str, str]] = set()
        pending: list[RosterContact] = []
        for row in rows:
            if row.errors:
                errors.extend(row.errors)
                pending.clear()
                continue
            if errors or row.record is None:
                continue
            contact = _contact(org, owner, source, row.record)
            key = (contact.name_key, contact.profile_key) if contact else None
            if contact is None or key in seen:
                skipped += 1
                continue
            seen.add(key)
            pending.append(contact)
            if len(pending) >= CHUNK:
                RosterContact.objects.bulk_create(pending)
                created += len(pending)
                pending = []
        if not errors and pending:
            RosterContact.objects.bulk_create(pending)
            created += len(pending)
        if not errors and not created:
            errors.append(IntakeError(filename, None, None, _("holds no contacts")))
        if errors:
            transaction.set_rollback(True)
        else:
            audit_record(
                org=org,
                actor=actor if actor is not None else owner,
                action=Action.ROSTER_IMPORTED,
                target_type="roster",
                target_id=owner.pk if owner is not None else "shared",
                data={
                    "source": source,
                    "owner": owner.get_username() if owner is not None else None,
                    "filename": filename[:255],
                    "created": created,
                    "replaced": replaced,
                    "skipped": skipped,
                },
            )
    if errors:
        raise RosterRejected(errors)
    return RosterImportOutcome(created=created, replaced=replaced, skipped=skipped)


def roster_format(fileobj: IO[bytes], filename: str) -> str | None:
    """Return the intake format of `fileobj` (see intake FORMATS), None when unrecognised.

    The file is left where it was."""
    position = fileobj.tell()
    head = fileobj.read(64 * 1024)
    fileobj.seek(position)
    if isinstance(head, str):
        head = head.encode("utf-8")
    try:
        return detect_format(head, filename)
    except IntakeError:
        return None


def roster_import_file(
    *,
    org,
    owner,
    source: str,
    fileobj: IO[bytes],
    filename: str,
    actor=None,
    replace: bool = True,
) -> RosterImportOutcome:
    """Read an uploaded roster file and import it; raise RosterRejected.

    A colleague's own upload (source linkedin) must be LinkedIn's Connections.csv or the
    export ZIP; a shared list (source csv) a name,profile_url,company CSV or a
    Connections.csv."""
    allowed = LINKEDIN_FORMATS if source == RosterSource.LINKEDIN else SHARED_FORMATS
    kind = roster_format(fileobj, filename)
    if kind is not None and kind not in allowed:
        message = (
            _("is not LinkedIn's Connections.csv or data-export ZIP")
            if source == RosterSource.LINKEDIN
            else _("is not a contact list; upload a CSV with the columns name,profile_url,company")
        )
        raise RosterRejected([IntakeError(filename, None, None, message)])
    limits = IntakeLimits(max_upload_bytes=settings.VOUCH_MAX_UPLOAD_BYTES)
    return roster_import(
        org=org,
        owner=owner,
        source=source,
        rows=read_roster(fileobj, filename, limits),
        actor=actor,
        filename=filename,
        replace=replace,
    )


def roster_delete(*, org, source: str | None = None, owner: Any = ANY) -> int:
    """Delete `org`'s roster entries from `source` (any when None) of `owner` (None: the
    shared list; ANY: everyone); return how many were deleted."""
    contacts = RosterContact.objects.for_org(org)
    if source is not None:
        contacts = contacts.filter(source=source)
    if owner is not ANY:
        contacts = contacts.filter(owner=owner)
    deleted, _by_model = contacts.delete()
    return deleted


def roster_summary(*, org) -> dict[str, Any]:
    """Return counts per source and per colleague (owner and source) for the roster page."""
    contacts = RosterContact.objects.for_org(org)
    labels = dict(RosterSource.choices)
    by_source = [
        {"source": row["source"], "label": labels.get(row["source"], row["source"]), **row}
        for row in contacts.values("source").annotate(n=Count("id")).order_by("source")
    ]
    by_owner = [
        {**row, "label": labels.get(row["source"], row["source"])}
        for row in contacts.values(
            "owner", "owner__username", "owner__first_name", "owner__last_name", "source"
        )
        .annotate(n=Count("id"), last=Max("imported_at"))
        .order_by("owner__username", "source")
    ]
    return {
        "total": sum(row["n"] for row in by_source),
        "by_source": by_source,
        "by_owner": by_owner,
    }
