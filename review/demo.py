"""Demo decisions: the demo reviewer decides a few demo invitations and reverses one."""

from django.contrib.auth import get_user_model

from invitations.models import Decision, Invitation
from organisations.demo import seeder


@seeder("decisions")
def seed_decisions(org, stdout) -> None:
    """Decide a few of the demo invitations in `org`; nothing if it has any decision."""
    from review.decisions import DecisionRefused, decision_current, decision_record

    if Decision.objects.filter(organisation=org).exists():
        return
    reviewer = (
        get_user_model().objects.filter(username="reviewer", memberships__organisation=org).first()
    )
    if reviewer is None:
        return
    decided = 0
    evaluated = list(Invitation.objects.for_org(org).filter(status="evaluated").order_by("pk"))
    by_name = {i.requester_name: i for i in evaluated}
    plan = [
        ("Sam Sellmore", None, ""),
        ("Crypto Chris", None, ""),
        ("Anna Schmidt", None, ""),
        ("Georg Weber", "accept", "Georg is our own Head of Finance."),
        ("Ivan Petrov", None, ""),
    ]
    for name, action, justification in plan:
        invitation = by_name.get(name)
        if invitation is None:
            continue
        try:
            decision_record(
                invitation=invitation,
                action=action or invitation.recommendation,
                actor=reviewer,
                justification=justification,
            )
            decided += 1
        except DecisionRefused:
            continue
    # One reversal: the reviewer learns Ivan is a supplier's new buyer after all.
    ivan = by_name.get("Ivan Petrov")
    current = decision_current(ivan) if ivan is not None else None
    if current is not None:
        target = "accept" if current.action != "accept" else "ignore"
        decision_record(
            invitation=ivan,
            action=target,
            actor=reviewer,
            justification="Ivan is the new buyer at our supplier Soylent; we know him now.",
            reverses=current,
        )
        decided += 1
    stdout.write(f"Demo decisions: {decided} recorded.")
