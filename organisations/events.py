"""Changes to organisations, memberships and API tokens, announced for the audit log.

audit sits above organisations (README, "Layout"): it imports organisations' models and
access helper, so organisations cannot import audit back. Its services announce each
change here instead, and audit connects its recorder in AuditConfig.ready(). Signal.send
(not send_robust) runs the recorder in the service's transaction, as a direct call did:
the event is appended with the change, and an error while recording undoes the change.
"""

from django.core.exceptions import ImproperlyConfigured
from django.dispatch import Signal

organisation_changed = Signal()


def organisation_change_announce(
    *, org, actor, action: str, target_type: str, target_id: str | int, data: dict
) -> None:
    """Announce that `actor` changed `org`; `action` is the audit log's name for it.

    Raises ImproperlyConfigured when nothing records the change: every change is audited.
    """
    if not organisation_changed.has_listeners():
        raise ImproperlyConfigured("Nothing records organisation changes: is audit installed?")
    organisation_changed.send(
        sender=None,
        org=org,
        actor=actor,
        action=action,
        target_type=target_type,
        target_id=target_id,
        data=data,
    )
