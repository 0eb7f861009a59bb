"""Known histories for the insights tests.

`history` runs real invitations through the real engine and records real decisions,
so a simulation can be checked against exact figures. `make_invitation` builds an
evaluated invitation straight with the ORM, with chosen times and hits, for the
dashboard figures.
"""

import itertools
import time
from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from invitations.evaluation import invitations_evaluate
from invitations.models import Channel, Evaluation, Invitation, Status
from invitations.services import invitation_submit
from policy.engine import default_policy
from policy.services import policy_current_version
from review.decisions import decision_record

_counter = itertools.count(1)

PROMO_DE = "Hallo Max, kostenloses Erstgespräch für Ihre Marketingstrategie, jetzt 20% Rabatt!"
PROMO_LINK = (
    "Hi Max, we help companies like yours get 10x more leads. Book a demo: https://bit.ly/3xYz"
)
DEFAULT_NOTE = "I'd like to add you to my professional network on LinkedIn."
PERSONAL = (
    "Hi Max, we met at the DMEXCO conference in Cologne last week - great talk on "
    "attribution. Would love to stay in touch."
)

# name: (record, expected recommendation now, under PROMOTIONAL_OFF, decision or None)
HISTORY = {
    "promo_1": (
        {"requester_name": "Paula Promo", "message": PROMO_DE, "mutual_connections": 0},
        "report_spam",
        "dont_know",
        "report_spam",
    ),
    "promo_2": (
        {"requester_name": "Petra Pitch", "message": PROMO_DE, "mutual_connections": 0},
        "report_spam",
        "dont_know",
        "dont_know",
    ),
    "promo_3": (
        {"requester_name": "Pete Pusher", "message": PROMO_DE, "mutual_connections": 0},
        "report_spam",
        "dont_know",
        None,
    ),
    "promo_known_1": (
        {"requester_name": "Karl Known", "message": PROMO_DE, "mutual_connections": 4},
        "report_spam",
        "ignore",
        "ignore",
    ),
    "promo_known_2": (
        {"requester_name": "Klara Known", "message": PROMO_DE, "mutual_connections": 4},
        "report_spam",
        "ignore",
        None,
    ),
    "link_1": (
        {"requester_name": "<script>alert(1)</script>", "message": PROMO_LINK},
        "report_spam",
        "report_spam",
        "report_spam",
    ),
    "link_2": (
        {"requester_name": "Lars Link", "message": PROMO_LINK, "mutual_connections": 0},
        "report_spam",
        "report_spam",
        None,
    ),
    "stranger_1": (
        {"requester_name": "Sam Stranger", "message": DEFAULT_NOTE, "mutual_connections": 0},
        "dont_know",
        "dont_know",
        "dont_know",
    ),
    "stranger_2": (
        {"requester_name": "Sara Stranger", "message": DEFAULT_NOTE, "mutual_connections": 0},
        "dont_know",
        "dont_know",
        "ignore",
    ),
    "personal": (
        {
            "requester_name": "Pia Personal",
            "message": PERSONAL,
            "mutual_connections": 5,
            "worked_together": "yes",
        },
        "accept",
        "accept",
        "accept",
    ),
}


def promotional_off() -> dict:
    """Return the default policy with the "promotional" rule switched off."""
    draft = default_policy()
    draft["rules"]["promotional"]["enabled"] = False
    return draft


def build_history(org, submitter, reviewer) -> dict[str, Invitation]:
    """Submit, evaluate and decide HISTORY in `org`; return {name: invitation}."""
    made = {}
    for name, (record, *_rest) in HISTORY.items():
        record = {"requester_has_photo": True, "recipient": "max@acme.example", **record}
        invitation, _created = invitation_submit(
            org=org, submitter=submitter, channel=Channel.FORM, record=record
        )
        made[name] = invitation
    ids = [inv.pk for inv in made.values()]
    invitations_evaluate(invitation_ids=ids, claim="test-history")
    # A worker may have claimed some first (the pipeline tests run one): wait for it.
    deadline = time.monotonic() + 60
    while Invitation.objects.filter(pk__in=ids, status=Status.EVALUATED).count() < len(ids):
        assert time.monotonic() < deadline, "history not evaluated"
        time.sleep(0.1)
    for name, (_record, expected, _after, decision) in HISTORY.items():
        invitation = made[name]
        invitation.refresh_from_db()
        assert invitation.recommendation == expected, name
        if decision:
            decision_record(
                invitation=invitation,
                action=decision,
                actor=reviewer,
                justification="" if decision == expected else "Reviewer knows better.",
            )
        invitation.refresh_from_db()
    return made


@pytest.fixture
def history(org, member, reviewer):
    return build_history(org, member, reviewer)


def monday_noon(weeks_ago: int) -> datetime:
    """Return noon on Monday of the week `weeks_ago` weeks before this one, local time."""
    today = timezone.localtime().date()
    monday = today - timedelta(days=today.weekday()) - timedelta(weeks=weeks_ago)
    return timezone.make_aware(datetime.combine(monday, datetime.min.time()) + timedelta(hours=12))


def make_invitation(
    org,
    *,
    name: str,
    recommendation: str = "",
    hits: list | None = None,
    company: str = "",
    created_at: datetime | None = None,
    decision: str = "",
    decided_after: timedelta | None = None,
) -> Invitation:
    """Return an invitation of `org` made with the ORM: evaluated when `recommendation` is set,
    decided `decided_after` its evaluation when `decision` is set."""
    n = next(_counter)
    created_at = created_at or timezone.now()
    values = {
        "organisation": org,
        "channel": Channel.FORM,
        "status": Status.RECEIVED,
        "requester_name": name,
        "requester_company": company,
        "dedupe_key": f"insights-{n}",
        "requester_key": f"name:{name.lower()}",
    }
    invitation = Invitation.objects.create(**values)
    update = {"created_at": created_at}
    if recommendation:
        evaluation = Evaluation.objects.create(
            invitation=invitation,
            policy_version=policy_current_version(org=org),
            recommendation=recommendation,
            scores={},
            hits=[
                {"rule": rule, "reason": "spam", "weight": weight, "en": rule, "de": rule}
                for rule, weight in (hits or [])
            ],
        )
        evaluated_at = created_at + timedelta(minutes=1)
        update.update(
            status=Status.EVALUATED,
            evaluation=evaluation,
            recommendation=recommendation,
            evaluated_at=evaluated_at,
        )
        if decision:
            update.update(
                status=Status.DECIDED,
                decision=decision,
                decided_at=evaluated_at + (decided_after or timedelta()),
            )
    Invitation.objects.filter(pk=invitation.pk).update(**update)
    invitation.refresh_from_db()
    return invitation


@pytest.fixture
def dashboard_data(org):
    """A known history for the dashboard; see test_dashboard.py for the expected figures."""
    h = timedelta(hours=1)
    spammer = "<script>alert(1)</script>"
    return {
        "anna": make_invitation(
            org,
            name="Anna Accept",
            recommendation="accept",
            created_at=monday_noon(0),
            decision="accept",
            decided_after=1 * h,
        ),
        "ben": make_invitation(
            org,
            name="Ben Accept",
            recommendation="accept",
            company="Bencorp",
            hits=[("no_context", 1.0)],
            created_at=monday_noon(0),
            decision="report_spam",
            decided_after=3 * h,
        ),
        "spam_new": make_invitation(
            org,
            name=spammer,
            recommendation="report_spam",
            company=" SPAMCO",
            hits=[("promotional", 1.0), ("links_in_note", 0.5)],
            created_at=monday_noon(0),
        ),
        "pending": make_invitation(org, name="Pat Pending", created_at=monday_noon(0)),
        "ida": make_invitation(
            org,
            name="Ida Ignore",
            recommendation="ignore",
            hits=[("default_text", 1.0)],
            created_at=monday_noon(1),
        ),
        "dirk": make_invitation(
            org,
            name="Dirk Dunno",
            recommendation="dont_know",
            hits=[("no_one_knows_requester", 1.0), ("default_text", 1.0)],
            created_at=monday_noon(1),
            decision="ignore",
            decided_after=5 * h,
        ),
        "spam_old": make_invitation(
            org,
            name=spammer,
            recommendation="report_spam",
            company="Spamco",
            hits=[("promotional", 1.0), ("no_photo", 0.5)],
            created_at=monday_noon(3),
            decision="report_spam",
            decided_after=2 * h,
        ),
        "spam_overridden": make_invitation(
            org,
            name=spammer,
            recommendation="report_spam",
            company="spamco ",
            hits=[("promotional", 1.0), ("no_photo", 0.0)],
            created_at=monday_noon(3),
            decision="accept",
            decided_after=4 * h,
        ),
        "olga": make_invitation(
            org,
            name="Old Olga",
            recommendation="accept",
            hits=[("crypto-words", 2.0)],
            created_at=monday_noon(13),
            decision="accept",
            decided_after=10 * h,
        ),
    }
