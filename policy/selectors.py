"""Reads of policies that other apps show (organisations' overview page, through
organisations.pages)."""

from organisations.models import Capability
from policy.models import PolicyVersion


def policy_home_figures(*, org, membership) -> dict:
    """Return {"policy_version": the newest published version, None before the first} for a
    member who reads all invitations, who sees it beside the queue; {} for anyone else."""
    if not membership.can(Capability.READ_ALL):
        return {}
    return {"policy_version": PolicyVersion.objects.for_org(org).current()}
