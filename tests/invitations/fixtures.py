"""Invitations made directly with the ORM, already evaluated: no Celery, no engine.

Shared by the tests of several apps (review, API, insights, browser); it holds no tests itself.
"""

import itertools
from datetime import timedelta

from django.utils import timezone

from invitations.models import Evaluation, Invitation, Status
from policy.services import policy_current_version

_counter = itertools.count(1)

HITS = {
    "report_spam": [
        {
            "rule": "promotional",
            "reason": "spam",
            "weight": 3,
            "en": "The note sells something.",
            "de": "Die Notiz verkauft etwas.",
        },
        {
            "rule": "links_in_note",
            "reason": "spam",
            "weight": 2,
            "en": "The note contains links.",
            "de": "Die Notiz enthält Links.",
        },
        {
            "rule": "no_photo",
            "reason": "spam",
            "weight": 1,
            "en": "No profile photo.",
            "de": "Kein Profilfoto.",
        },
    ],
    "dont_know": [
        {
            "rule": "no_mutual",
            "reason": "unknown",
            "weight": 2,
            "en": "No mutual connections.",
            "de": "Keine gemeinsamen Kontakte.",
        }
    ],
    "ignore": [
        {
            "rule": "default_note",
            "reason": "not_personal",
            "weight": 2,
            "en": "LinkedIn's default note.",
            "de": "LinkedIns Standardtext.",
        }
    ],
    "accept": [],
}
REASONS = {
    "report_spam": ["spam"],
    "dont_know": ["unknown"],
    "ignore": ["not_personal"],
    "accept": [],
}


def make_invitation(org, submitter, *, recommendation="report_spam", risk=5.0, **fields):
    """Return an evaluated invitation of `org` with its Evaluation under the current version."""
    n = next(_counter)
    version = policy_current_version(org=org)
    values = {
        "organisation": org,
        "submitter": submitter,
        "channel": "form",
        "status": Status.EVALUATED,
        "requester_name": f"Requester {n}",
        "requester_headline": "Growth hacker",
        "requester_company": "Spamco",
        "message": "Hello",
        "dedupe_key": f"key-{n}",
        "requester_key": f"name:requester {n}",
        "recommendation": recommendation,
        "risk": risk,
        "reasons": REASONS[recommendation],
        "evaluated_at": timezone.now(),
    }
    values.update(fields)
    created_at = values.pop("created_at", None)
    invitation = Invitation.objects.create(**values)
    evaluation = Evaluation.objects.create(
        invitation=invitation,
        policy_version=version,
        recommendation=recommendation,
        scores={},
        hits=HITS[recommendation],
    )
    update = {"evaluation": evaluation}
    if created_at is not None:
        update["created_at"] = created_at
    Invitation.objects.filter(pk=invitation.pk).update(**update)
    invitation.refresh_from_db()
    return invitation


def days_ago(n: float):
    return timezone.now() - timedelta(days=n)
