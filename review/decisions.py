"""Recording reviewers' decisions. Nothing here ever edits a decision: a reversal is a new one.

Each decision is one Decision row plus one audit event (DECISION, or DECISION_REVERSED
for a decision that reverses the current one), written in the same transaction as the
invitation's denormalised `decision`/`decided_at`; the submitter is told after commit.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from audit.models import Action
from audit.services import audit_record
from invitations.models import Decision, Invitation, Recommendation, Status
from review.notify import notify_decision_queue

#: The most invitations one bulk decision may cover.
BULK_LIMIT = 500
JUSTIFICATION_MAX = 4000
_DECIDABLE = (Status.EVALUATED, Status.DECIDED)


class DecisionRefused(Exception):
    """A decision was not recorded; `message` says why in words for the reviewer."""

    def __init__(self, message: str, code: str = "invalid"):
        super().__init__(message)
        self.message = message
        self.code = code


@dataclass(frozen=True)
class _Check:
    invitation: Invitation
    current: Decision | None


def decision_current(invitation: Invitation) -> Decision | None:
    """Return the decision in force on `invitation`: the newest one nobody reversed, or None."""
    return (
        Decision.objects.filter(invitation_id=invitation.pk, reversed_by__isnull=True)
        .order_by("-id")
        .first()
    )


def needs_justification(*, action: str, recommendation: str, reversal: bool = False) -> bool:
    """Return True when a decision must come with a written justification."""
    return reversal or action != recommendation


def _check(
    *, invitation: Invitation, action: str, justification: str, reverses: Decision | None
) -> _Check:
    """Raise DecisionRefused unless `action` may be recorded on the locked `invitation`."""
    if action not in Recommendation.values:
        raise DecisionRefused(_("Choose one of the four LinkedIn actions."), "action")
    if invitation.status not in _DECIDABLE:
        raise DecisionRefused(
            _("This invitation is not evaluated yet; it can be decided once it is."), "pending"
        )
    current = decision_current(invitation)
    if current is None:
        if reverses is not None:
            raise DecisionRefused(_("There is no decision to reverse."), "nothing_to_reverse")
    else:
        if reverses is None:
            raise DecisionRefused(
                _(
                    "This invitation was already decided (%(action)s). "
                    "A new decision must reverse that one, with a justification."
                )
                % {"action": current.get_action_display()},
                "already_decided",
            )
        if reverses.pk != current.pk:
            raise DecisionRefused(
                _(
                    "The decision you meant to reverse is no longer the current one; "
                    "reload the page and look at the history first."
                ),
                "stale",
            )
        if action == current.action:
            raise DecisionRefused(
                _("The invitation is already decided as “%(action)s”.")
                % {"action": current.get_action_display()},
                "same_action",
            )
    if len(justification) > JUSTIFICATION_MAX:
        raise DecisionRefused(
            _("The justification is too long (at most %(n)d characters).")
            % {"n": JUSTIFICATION_MAX},
            "too_long",
        )
    if not justification and needs_justification(
        action=action, recommendation=invitation.recommendation, reversal=current is not None
    ):
        if current is not None:
            message = _("Reversing a decision needs a written justification.")
        else:
            message = _(
                "“%(action)s” differs from the policy's recommendation (“%(rec)s”): "
                "write a justification."
            ) % {
                "action": Recommendation(action).label,
                "rec": invitation.get_recommendation_display() or "—",
            }
        raise DecisionRefused(message, "justification")
    return _Check(invitation=invitation, current=current)


def _record(
    *, checked: _Check, action: str, actor, justification: str, campaign: dict | None = None
) -> Decision:
    """Write the audit event, the Decision and the invitation's copy; queue the notification.

    `campaign` (requester key, size) is recorded in the audit event when the decision
    was taken once for a whole campaign.
    """
    invitation, current = checked.invitation, checked.current
    evaluation = invitation.evaluation
    version = evaluation.policy_version.number if evaluation is not None else None
    event = audit_record(
        org=invitation.organisation,
        actor=actor,
        action=Action.DECISION_REVERSED if current is not None else Action.DECISION,
        target_type="invitation",
        target_id=invitation.pk,
        data={
            "invitation_id": invitation.pk,
            "requester_name": invitation.requester_name,
            "recommendation": invitation.recommendation or None,
            "decision": action,
            "justification": justification,
            "policy_version": version,
            "reverses": current.audit_seq if current is not None else None,
            **({"campaign": campaign} if campaign is not None else {}),
        },
    )
    decision = Decision.objects.create(
        organisation_id=invitation.organisation_id,
        invitation=invitation,
        action=action,
        recommendation=invitation.recommendation,
        justification=justification,
        reverses=current,
        decided_by=actor if actor is not None and actor.is_authenticated else None,
        audit_seq=event.seq,
    )
    now = timezone.now()
    Invitation.objects.filter(pk=invitation.pk).update(
        status=Status.DECIDED, decision=action, decided_at=now
    )
    invitation.status, invitation.decision, invitation.decided_at = Status.DECIDED, action, now

    # The e-mail is stored with the decision (the outbox) and sent by a worker, so a
    # bulk decision does not wait on the mail server and no fault loses the e-mail.
    decision.invitation = invitation
    notify_decision_queue(decision=decision)
    return decision


def _locked(queryset):
    return queryset.select_for_update(of=("self",)).select_related(
        "organisation", "evaluation__policy_version"
    )


@transaction.atomic
def decision_record(
    *, invitation: Invitation, action: str, actor, justification: str = "", reverses=None
) -> Decision:
    """Record `actor`'s decision on `invitation` and return it; raise DecisionRefused.

    The invitation row is locked for the transaction, so two reviewers cannot both
    decide it: the second one finds the first decision and must reverse it.
    A decision that differs from the recommendation, and every reversal, needs a
    justification. `reverses` (a Decision or its id) must be the decision in force.
    """
    locked = _locked(Invitation.objects.filter(pk=invitation.pk)).get()
    if isinstance(reverses, int):
        reverses = Decision.objects.filter(pk=reverses, invitation_id=locked.pk).first()
        if reverses is None:
            raise DecisionRefused(_("That decision does not belong to this invitation."), "stale")
    elif reverses is not None and reverses.invitation_id != locked.pk:
        raise DecisionRefused(_("That decision does not belong to this invitation."), "stale")
    justification = (justification or "").strip()
    checked = _check(
        invitation=locked, action=action, justification=justification, reverses=reverses
    )
    decision = _record(checked=checked, action=action, actor=actor, justification=justification)
    invitation.status, invitation.decision, invitation.decided_at = (
        locked.status,
        locked.decision,
        locked.decided_at,
    )
    return decision


@transaction.atomic
def decisions_record_bulk(
    *, org, invitation_ids, action: str, actor, justification: str = ""
) -> list[Decision]:
    """Record one `action` on each of `invitation_ids` of `org`: all of them, or none.

    Each invitation gets its own Decision and audit event. Bulk decisions never
    reverse: every invitation must be awaiting a decision. A justification is
    required when the action differs from any of their recommendations.
    """
    ids = sorted({int(i) for i in invitation_ids})
    if not ids:
        raise DecisionRefused(_("Select at least one invitation."), "empty")
    if len(ids) > BULK_LIMIT:
        raise DecisionRefused(
            _("Decide at most %(n)d invitations at once.") % {"n": BULK_LIMIT}, "too_many"
        )
    if action not in Recommendation.values:
        raise DecisionRefused(_("Choose one of the four LinkedIn actions."), "action")
    # Lock in id order, so two bulk decisions over overlapping sets cannot deadlock.
    invitations = list(_locked(Invitation.objects.for_org(org).filter(pk__in=ids)).order_by("pk"))
    if len(invitations) != len(ids):
        raise DecisionRefused(_("Some of the selected invitations do not exist."), "missing")
    not_open = [i for i in invitations if i.status != Status.EVALUATED]
    if not_open:
        raise DecisionRefused(
            ngettext(
                "%(n)d selected invitation is not awaiting a decision (%(names)s); "
                "nothing was recorded.",
                "%(n)d selected invitations are not awaiting a decision (%(names)s); "
                "nothing was recorded.",
                len(not_open),
            )
            % {"n": len(not_open), "names": ", ".join(i.requester_name for i in not_open[:5])},
            "not_open",
        )
    return _record_many(
        invitations=invitations,
        action=action,
        actor=actor,
        justification=justification,
        differing_message=lambda n: ngettext(
            "%(n)d selected invitation has a different recommendation than “%(action)s”: "
            "write a justification.",
            "%(n)d selected invitations have a different recommendation than “%(action)s”: "
            "write a justification.",
            n,
        ),
    )


def _record_many(
    *, invitations, action, actor, justification, differing_message, campaign=None
) -> list[Decision]:
    """Record `action` on each of the locked, pending `invitations`, or raise DecisionRefused.

    A justification is required when any recommendation differs; `differing_message(n)`
    words that refusal for n invitations.
    """
    justification = (justification or "").strip()
    differing = [i for i in invitations if i.recommendation != action]
    if differing and not justification:
        raise DecisionRefused(
            differing_message(len(differing))
            % {"n": len(differing), "action": Recommendation(action).label},
            "justification",
        )
    checks = [
        _check(invitation=i, action=action, justification=justification, reverses=None)
        for i in invitations
    ]
    return [
        _record(
            checked=c, action=action, actor=actor, justification=justification, campaign=campaign
        )
        for c in checks
    ]


@transaction.atomic
def campaign_decide(
    *, org, requester_key: str, action: str, actor, justification: str = ""
) -> list[Decision]:
    """Record one `action` on every pending invitation of `org` from `requester_key`.

    Returns the decisions, one per invitation, each with an audit event that names the
    campaign (its requester key and size); each submitter is notified. All or none: the
    rules of a bulk decision apply. Raises DecisionRefused when nothing is pending.
    """
    if action not in Recommendation.values:
        raise DecisionRefused(_("Choose one of the four LinkedIn actions."), "action")
    invitations = list(
        _locked(Invitation.objects.for_org(org).pending_review())
        .filter(requester_key=requester_key)
        .order_by("pk")
    )
    if not invitations:
        raise DecisionRefused(
            _("Nothing from this requester awaits a decision any more."), "not_open"
        )
    campaign = {
        "requester_key": requester_key,
        "requester_name": invitations[0].requester_name,
        "size": len(invitations),
        "invitation_ids": [i.pk for i in invitations],
    }
    return _record_many(
        invitations=invitations,
        action=action,
        actor=actor,
        justification=justification,
        differing_message=lambda n: ngettext(
            "%(n)d invitation of this campaign has a different recommendation than "
            "“%(action)s”: write a justification.",
            "%(n)d invitations of this campaign have a different recommendation than "
            "“%(action)s”: write a justification.",
            n,
        ),
        campaign=campaign,
    )
