"""Campaigns: one requester inviting several of the organisation's members.

A campaign is the set of an organisation's invitations that share a requester key
(invitations.services.requester_key_for: the normalised name, else the profile URL)
and were submitted by at least two different members. The queue shows a campaign
once, on the row of its riskiest, oldest pending invitation, and decides it at once;
each member's invitation can still be opened and decided on its own ("split out").
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Count, Max, Min
from django.utils import timezone

from invitations.models import Invitation

#: How many members' names a campaign row spells out; the rest are counted.
NAMES_SHOWN = 6


@dataclass
class Campaign:
    requester_key: str
    leader_id: int
    invitation_ids: list[int] = field(default_factory=list)
    members: list[str] = field(default_factory=list)

    @property
    def size(self) -> int:
        """Return how many pending invitations one decision on the campaign records."""
        return len(self.invitation_ids)

    @property
    def colleagues(self) -> int:
        """Return how many different members the requester invited."""
        return len(self.members)

    @property
    def names_shown(self) -> list[str]:
        return self.members[:NAMES_SHOWN]

    @property
    def names_more(self) -> int:
        return max(0, len(self.members) - NAMES_SHOWN)


def _member_name(user) -> str:
    if user is None:
        return "—"
    return user.get_full_name() or user.get_username()


def campaigns_pending(*, org, requester_keys) -> dict[str, Campaign]:
    """Return the pending campaigns among `requester_keys`, by key; singletons are left out.

    One query, ordered like the queue, so each campaign's leader is the invitation
    the queue meets first.
    """
    keys = {k for k in requester_keys if k}
    if not keys:
        return {}
    rows = (
        Invitation.objects.for_org(org)
        .pending_review()
        .filter(requester_key__in=keys)
        .select_related("submitter")
        .only("id", "risk", "requester_key", "submitter")
        .order_by("-risk", "id")
    )
    grouped: dict[str, list] = defaultdict(list)
    for row in rows:
        grouped[row.requester_key].append(row)
    found = {}
    for key, members in grouped.items():
        if len(members) < 2:
            continue
        names = []
        for row in members:
            name = _member_name(row.submitter)
            if name not in names:
                names.append(name)
        found[key] = Campaign(
            requester_key=key,
            leader_id=members[0].pk,
            invitation_ids=[row.pk for row in members],
            members=sorted(names, key=str.casefold),
        )
    return found


def campaigns_collapse(rows: list, *, org) -> list:
    """Return `rows` with each campaign shown once, on its leader; set `row.campaign`.

    A campaign's other invitations are dropped from the page wherever they fall,
    so it appears once even when it spans pages.
    """
    campaigns = campaigns_pending(org=org, requester_keys={row.requester_key for row in rows})
    shown = []
    for row in rows:
        campaign = campaigns.get(row.requester_key)
        if campaign is not None and campaign.leader_id != row.pk:
            continue
        row.campaign = campaign
        shown.append(row)
    return shown


def campaigns_recent(*, org, days: int = 30, limit: int = 10) -> list[dict]:
    """Return the biggest campaigns of the last `days`: requesters who invited ≥ 2 members.

    Each entry has requester_key, name, colleagues (distinct submitters), invitations,
    pending (still awaiting a decision) and last (newest submission).
    """
    since = timezone.now() - timedelta(days=days)
    rows = (
        Invitation.objects.for_org(org)
        .filter(created_at__gte=since, submitter__isnull=False)
        .values("requester_key")
        .annotate(
            colleagues=Count("submitter", distinct=True),
            invitations=Count("id"),
            name=Min("requester_name"),
            last=Max("created_at"),
        )
        .filter(colleagues__gte=2)
        .order_by("-colleagues", "-last")[:limit]
    )
    found = list(rows)
    pending = dict(
        Invitation.objects.for_org(org)
        .pending_review()
        .filter(requester_key__in=[r["requester_key"] for r in found])
        .values("requester_key")
        .annotate(n=Count("id"))
        .values_list("requester_key", "n")
    )
    for entry in found:
        entry["pending"] = pending.get(entry["requester_key"], 0)
    return found
