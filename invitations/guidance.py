"""What a member should do now with an invitation they submitted, in one sentence.

The organisation's policy says whether members may act on a recommendation at once or
wait for a reviewer (policy.models.MemberAction); while they wait they are told how long
a decision usually takes, from this month's median time to decision.
"""

import math
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from invitations.advice import LINKEDIN_BUTTON
from invitations.models import Invitation, Status
from invitations.selectors import median_time_to_decision
from policy.models import MemberAction, Policy

ACT_NOW = {
    "accept": gettext_lazy("You can press Accept on LinkedIn now."),
    "ignore": gettext_lazy("You can press Ignore on LinkedIn now."),
    "dont_know": gettext_lazy(
        "You can press Ignore on LinkedIn now, then choose “I don't know this person”."
    ),
    "report_spam": gettext_lazy(
        "You can press Ignore on LinkedIn now, then “Report as spam”. "
        "Do not open attachments or links."
    ),
}


@dataclass(frozen=True)
class Guidance:
    mode: str  # "decided", "act_now" or "wait"
    text: str


def member_action_of(org_id: int) -> str:
    """Return the organisation's MemberAction; WAIT when it has no policy yet."""
    value = (
        Policy.objects.filter(organisation_id=org_id)
        .values_list("member_action", flat=True)
        .first()
    )
    return value or MemberAction.WAIT


def _hours_text(seconds: float) -> str:
    if seconds < 3600:
        minutes = max(1, round(seconds / 60))
        return _("%(n)d min") % {"n": minutes}
    if seconds < 2 * 86400:
        return _("%(n)d h") % {"n": round(seconds / 3600)}
    return _("%(n)d days") % {"n": round(seconds / 86400)}


def wait_text(*, org) -> str:
    """Return "Wait: a reviewer decides, usually within …" with this month's median."""
    now = timezone.localtime()
    month_start = now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    median = median_time_to_decision(org=org, since=month_start)["median"]
    if median is None:
        return _("Wait: a reviewer decides, and you get an e-mail with the decision.")
    seconds = median.total_seconds()
    if seconds <= 86400:
        usually = _("usually within a day")
    else:
        usually = _("usually within %(n)d days") % {"n": math.ceil(seconds / 86400)}
    return _("Wait: a reviewer decides, %(usually)s (median this month: %(median)s).") % {
        "usually": usually,
        "median": _hours_text(seconds),
    }


def member_guidance(*, invitation: Invitation) -> Guidance | None:
    """Return what the submitter should do now, or None while the invitation is evaluated."""
    if invitation.decision:
        return Guidance("decided", str(LINKEDIN_BUTTON.get(invitation.decision, "")))
    if invitation.status != Status.EVALUATED or not invitation.recommendation:
        return None
    if member_action_of(invitation.organisation_id) == MemberAction.ACT_NOW:
        return Guidance("act_now", str(ACT_NOW.get(invitation.recommendation, "")))
    return Guidance("wait", wait_text(org=invitation.organisation))
