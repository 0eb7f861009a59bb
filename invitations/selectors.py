"""Reads of invitations that other apps show: figures, never querysets to build on.

Higher apps (insights, and organisations' overview page through organisations.pages)
read invitations here rather than through invitations.models, so that what they show
is defined once, beside the model.
"""

from datetime import datetime, timedelta

from django.db import connection
from django.db.models import DurationField, ExpressionWrapper, F

from invitations.models import Invitation, Status
from organisations.models import Capability


def median_time_to_decision(*, org, since: datetime | None = None) -> dict:
    """Return {"decided", "median"}: decided invitations and the median of decided - evaluated,
    over decisions taken since `since` (all of them when None)."""
    decided = Invitation.objects.for_org(org).filter(
        decided_at__isnull=False, evaluated_at__isnull=False
    )
    if since is not None:
        decided = decided.filter(decided_at__gte=since)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*), percentile_cont(0.5) WITHIN GROUP "
                "(ORDER BY EXTRACT(EPOCH FROM decided_at - evaluated_at)) "
                "FROM invitations_invitation WHERE organisation_id = %s "
                "AND decided_at IS NOT NULL AND evaluated_at IS NOT NULL "
                "AND (%s::timestamptz IS NULL OR decided_at >= %s::timestamptz)",
                [org.pk, since, since],
            )
            n, seconds = cursor.fetchone()
        median = timedelta(seconds=float(seconds)) if seconds is not None else None
        return {"decided": n, "median": median}
    # Portable: order by the duration in the database and read the middle one or two.
    n = decided.count()
    if not n:
        return {"decided": 0, "median": None}
    waits = (
        decided.annotate(
            wait=ExpressionWrapper(
                F("decided_at") - F("evaluated_at"), output_field=DurationField()
            )
        )
        .order_by("wait")
        .values_list("wait", flat=True)
    )
    middle = list(waits[(n - 1) // 2 : n // 2 + 1])
    return {"decided": n, "median": sum(middle, timedelta()) / len(middle)}


def invitation_home_figures(*, org, membership) -> dict:
    """Return the overview page's figures about invitations that `membership` acts on.

    A member who submits gets "mine_total" and "mine_pending" (their own, not decided
    yet); a member who reads all gets "queue_size" and "queue_oldest" (when the oldest
    invitation awaiting a decision arrived, None when none waits). The dict is empty for
    a member who does neither.
    """
    figures = {}
    if membership.can(Capability.SUBMIT):
        mine = Invitation.objects.for_org(org).submitted_by(membership.user_id)
        figures["mine_total"] = mine.count()
        figures["mine_pending"] = mine.filter(
            status__in=[Status.RECEIVED, Status.EVALUATING, Status.EVALUATED]
        ).count()
    if membership.can(Capability.READ_ALL):
        waiting = Invitation.objects.for_org(org).pending_review()
        figures["queue_size"] = waiting.count()
        figures["queue_oldest"] = (
            waiting.order_by("created_at").values_list("created_at", flat=True).first()
        )
    return figures
