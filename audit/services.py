"""Writing to the audit log. Every change worth auditing goes through `audit_record`."""

from datetime import UTC

from django.db import transaction
from django.utils import timezone

from audit.chain import event_hash
from audit.models import Action, AuditChain, AuditEvent


@transaction.atomic
def audit_record(
    *,
    org,
    actor,
    action: str,
    target_type: str = "",
    target_id: str | int = "",
    data: dict | None = None,
) -> AuditEvent:
    """Append one event to `org`'s chain and return it.

    The chain head row is locked for the rest of the transaction, so concurrent
    writers queue up instead of forking the chain; the unique (organisation, seq)
    constraint backs that up.
    """
    head = AuditChain.objects.select_for_update().filter(organisation=org).first()
    if head is None:
        # The head's insert trigger refuses a fresh head once another writer has appended
        # the first event, so the first writers take turns on the organisation's row.
        type(org).objects.select_for_update(no_key=True).only("pk").get(pk=org.pk)
        AuditChain.objects.get_or_create(organisation=org)
        head = AuditChain.objects.select_for_update().get(organisation=org)
    created_at = timezone.now().astimezone(UTC)
    actor_id = actor.pk if actor is not None and actor.is_authenticated else None
    actor_name = actor.get_username() if actor_id is not None else "system"
    fields = {
        "org_id": org.pk,
        "seq": head.last_seq + 1,
        "created_at": created_at,
        "actor_id": actor_id,
        "actor_name": actor_name,
        "action": action,
        "target_type": target_type,
        "target_id": str(target_id),
        "data": data or {},
        "prev_hash": head.last_hash,
    }
    digest = event_hash(**fields)
    event = AuditEvent.objects.create(
        organisation=org,
        seq=fields["seq"],
        created_at=created_at,
        actor_id=actor_id,
        actor_name=actor_name,
        action=action,
        target_type=target_type,
        target_id=fields["target_id"],
        data=fields["data"],
        prev_hash=head.last_hash,
        hash=digest,
    )
    head.last_seq = event.seq
    head.last_hash = digest
    head.save(update_fields=["last_seq", "last_hash"])
    return event


def audit_record_organisation_change(
    sender, *, org, actor, action: str, target_type, target_id, data, **kwargs
) -> AuditEvent:
    """Append the change organisations announced (organisations.events) and return the event.

    Raises ValueError when `action` is not an Action, so a misnamed event is never stored.
    """
    return audit_record(
        org=org,
        actor=actor,
        action=Action(action),
        target_type=target_type,
        target_id=target_id,
        data=data,
    )
