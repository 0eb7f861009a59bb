"""Campaigns: one requester inviting several members, shown once in the queue, decided once."""

import pytest
from django.core import mail
from django.urls import reverse

from audit.models import Action, AuditEvent
from invitations.models import Decision, Invitation, Status
from organisations.models import Role
from review.campaigns import campaigns_collapse, campaigns_pending, campaigns_recent
from review.decisions import DecisionRefused, campaign_decide, decision_record
from review.forms import search_parse
from review.selectors import queue_page
from tests.factories import MembershipFactory, UserFactory
from tests.invitations.fixtures import make_invitation

pytestmark = pytest.mark.django_db

SPAM_NOTE = (
    "Hi! I help consultancies like yours get 50 new B2B leads a month with our done-for-you "
    "outreach service. Book a free 15-minute demo call this week: https://calendly.example/x"
)


def _colleague(org, username):
    user = UserFactory(username=username, first_name=username.title())
    MembershipFactory(user=user, organisation=org, role=Role.MEMBER)
    return user


def test_a_spam_run_to_three_members_is_one_queue_row_decided_once_with_three_e_mails(
    org, member, reviewer, login, django_capture_on_commit_callbacks, eager_tasks
):
    members = [member, _colleague(org, "noah"), _colleague(org, "lena")]
    for person in members:
        with django_capture_on_commit_callbacks(execute=True):
            response = login(person).post(
                reverse("invitation_submit", kwargs={"org_slug": org.slug}),
                {
                    "requester_name": "Gary Growth",
                    "requester_headline": "Lead generation expert",
                    "requester_company": "LeadMachine Ltd",
                    "requester_has_photo": "false",
                    "message": SPAM_NOTE,
                },
            )
        assert response.status_code == 302
    run = list(Invitation.objects.for_org(org).order_by("pk"))
    assert len(run) == 3 and {i.status for i in run} == {Status.EVALUATED}
    assert {i.recommendation for i in run} == {"report_spam"}

    client = login(reviewer)
    queue = client.get(reverse("review_queue", kwargs={"org_slug": org.slug}))
    rows = queue.context["rows"]
    assert len(rows) == 1 and rows[0].campaign.colleagues == 3
    html = queue.content.decode()
    assert "invited 3 colleagues" in html
    assert all(name in html for name in ("Mia", "Noah", "Lena"))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("review_campaign_decide", kwargs={"org_slug": org.slug}),
            {"requester_key": run[0].requester_key, "action": "report_spam"},
        )
    assert response.status_code == 302
    assert Decision.objects.filter(decided_by=reviewer, action="report_spam").count() == 3
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in members)
    events = AuditEvent.objects.filter(action=Action.DECISION).order_by("seq")
    assert sorted(e.data["invitation_id"] for e in events) == [i.pk for i in run]
    for event in events:
        assert event.data["campaign"]["requester_key"] == run[0].requester_key
        assert event.data["campaign"]["size"] == 3
        assert event.data["campaign"]["requester_name"] == "Gary Growth"
    assert not Invitation.objects.for_org(org).pending_review().exists()


def test_the_campaign_shows_once_on_its_riskiest_oldest_invitation(org, member, reviewer):
    other = _colleague(org, "noah")
    low = make_invitation(org, member, risk=1.0, requester_key="name:gary")
    high = make_invitation(org, other, risk=9.0, requester_key="name:gary")
    alone = make_invitation(org, member, risk=5.0)
    rows, _cursor = queue_page(org=org)
    shown = campaigns_collapse(rows, org=org)
    assert [r.pk for r in shown] == [high.pk, alone.pk]
    assert shown[0].campaign.invitation_ids == [high.pk, low.pk]
    assert shown[0].campaign.members == ["Mia", "Noah"]
    assert shown[1].campaign is None


def test_filtering_by_the_requester_lists_the_campaign_one_by_one_to_split_a_member_out(
    org, member, reviewer, login
):
    other = _colleague(org, "noah")
    mine = make_invitation(org, member, requester_key="name:gary")
    theirs = make_invitation(org, other, requester_key="name:gary")
    client = login(reviewer)
    url = reverse("review_queue", kwargs={"org_slug": org.slug})
    listed = client.get(url, {"requester": "name:gary"}).context["rows"]
    assert sorted(r.pk for r in listed) == sorted([mine.pk, theirs.pk])
    decision_record(invitation=theirs, action="ignore", actor=reviewer, justification="knows her")
    decisions = campaign_decide(
        org=org, requester_key="name:gary", action="report_spam", actor=reviewer
    )
    assert [d.invitation_id for d in decisions] == [mine.pk]
    theirs.refresh_from_db()
    assert theirs.decision == "ignore"


def test_a_campaign_decision_against_a_recommendation_needs_a_justification(org, member, reviewer):
    make_invitation(org, member, requester_key="name:gary")
    make_invitation(org, member, requester_key="name:gary", recommendation="dont_know")
    with pytest.raises(DecisionRefused) as refused:
        campaign_decide(org=org, requester_key="name:gary", action="report_spam", actor=reviewer)
    assert refused.value.code == "justification"
    assert not Decision.objects.exists()


def test_another_organisations_invitations_never_join_a_campaign(org, other_org, member, reviewer):
    ours = make_invitation(org, member, requester_key="name:gary")
    make_invitation(other_org, None, requester_key="name:gary")
    assert campaigns_pending(org=org, requester_keys={"name:gary"}) == {}
    decisions = campaign_decide(
        org=org, requester_key="name:gary", action="report_spam", actor=reviewer
    )
    assert [d.invitation_id for d in decisions] == [ours.pk]
    assert Invitation.objects.filter(organisation=other_org, status=Status.EVALUATED).count() == 1


def test_a_campaign_with_nothing_pending_is_refused(org, reviewer):
    with pytest.raises(DecisionRefused):
        campaign_decide(org=org, requester_key="name:nobody", action="ignore", actor=reviewer)


def test_the_dashboard_list_counts_colleagues_and_pending_invitations(org, member, reviewer):
    other = _colleague(org, "noah")
    make_invitation(org, member, requester_key="name:gary", requester_name="Gary")
    decided = make_invitation(org, other, requester_key="name:gary", requester_name="Gary")
    make_invitation(org, member, requester_key="name:solo")
    decision_record(invitation=decided, action="report_spam", actor=reviewer)
    found = campaigns_recent(org=org)
    assert [(c["name"], c["colleagues"], c["invitations"], c["pending"]) for c in found] == [
        ("Gary", 2, 2, 1)
    ]


@pytest.mark.parametrize(
    ("text", "filters", "free"),
    [
        ("recommendation:spam", {"recommendation": "report_spam"}, ""),
        ("rec:accept from:alice", {"recommendation": "accept", "submitter_name": "alice"}, ""),
        ("channel:email crypto", {"channel": "email"}, "crypto"),
        ("channel:csv", {"channel": "csv"}, ""),
        ('from:"Anna Lee" reason:unknown', {"submitter_name": "Anna Lee", "reason": "unknown"}, ""),
        ("Re: hello", {}, "Re: hello"),
        ("recommendation:dont_know", {"recommendation": "dont_know"}, ""),
    ],
)
def test_the_search_bar_understands_its_keys(text, filters, free):
    parsed, rest, problems = search_parse(text)
    assert parsed == filters and rest == free and problems == []


def test_a_search_key_with_a_value_it_does_not_know_says_so(org, member, reviewer, login):
    _filters, _free, problems = search_parse("channel:fax")
    assert problems and "fax" in problems[0] and "email" in problems[0]
    make_invitation(org, member)
    url = reverse("review_queue", kwargs={"org_slug": org.slug})
    html = login(reviewer).get(url, {"q": "channel:fax"}).content.decode()
    assert 'role="alert"' in html and "fax" in html


def test_the_search_bar_filters_by_submitter_and_channel(org, member, reviewer, login):
    make_invitation(org, member, requester_name="From Mia", channel="email")
    make_invitation(org, reviewer, requester_name="From Rui", channel="email")
    make_invitation(org, member, requester_name="Mia by form", channel="form")
    url = reverse("review_queue", kwargs={"org_slug": org.slug})
    response = login(reviewer).get(url, {"q": "from:mia channel:email"})
    assert [r.requester_name for r in response.context["rows"]] == ["From Mia"]
