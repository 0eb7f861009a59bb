"""What a member is told to do now: wait for a reviewer (with this month's median), or act."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from invitations.guidance import member_guidance, wait_text
from invitations.models import Invitation
from policy.models import MemberAction, Policy, PolicyVersion
from policy.services import policy_ensure, policy_member_action_set, policy_publish
from review.decisions import decision_record
from tests.invitations.fixtures import make_invitation

pytestmark = pytest.mark.django_db


def _decided_after(org, member, reviewer, hours: float):
    invitation = make_invitation(org, member)
    decision_record(invitation=invitation, action="report_spam", actor=reviewer)
    decided = timezone.now()
    Invitation.objects.filter(pk=invitation.pk).update(
        evaluated_at=decided - timedelta(hours=hours), decided_at=decided
    )


def test_by_default_a_member_waits_and_is_told_this_months_median(org, member, reviewer):
    for hours in (1, 3, 20):
        _decided_after(org, member, reviewer, hours)
    waiting = make_invitation(org, member, recommendation="ignore")
    guidance = member_guidance(invitation=waiting)
    assert guidance.mode == "wait"
    assert guidance.text == (
        "Wait: a reviewer decides, usually within a day (median this month: 3 h)."
    )


def test_a_slow_month_says_how_many_days_and_no_history_says_an_e_mail_follows(
    org, member, reviewer
):
    assert "e-mail" in wait_text(org=org)
    _decided_after(org, member, reviewer, 60)
    assert wait_text(org=org) == (
        "Wait: a reviewer decides, usually within 3 days (median this month: 2 days)."
    )


def test_when_members_may_act_the_page_names_the_button(org, member, login):
    policy_member_action_set(org=org, value=MemberAction.ACT_NOW)
    invitation = make_invitation(org, member, recommendation="ignore")
    url = reverse("invitation_detail", kwargs={"org_slug": org.slug, "pk": invitation.pk})
    html = login(member).get(url).content.decode()
    assert "You can press Ignore on LinkedIn now." in html
    assert 'data-guidance="act_now"' in html


def test_a_decision_replaces_the_guidance_with_the_button_of_the_decision(org, member, reviewer):
    invitation = make_invitation(org, member)
    decision_record(invitation=invitation, action="report_spam", actor=reviewer)
    guidance = member_guidance(invitation=invitation)
    assert guidance.mode == "decided" and "Report as spam" in guidance.text


def test_only_a_manager_changes_the_setting_and_a_published_version_records_it(
    org, manager, reviewer, login
):
    url = reverse("policy_member_action", kwargs={"org_slug": org.slug})
    assert login(reviewer).post(url, {"member_action": "act_now"}).status_code == 403
    assert login(manager).post(url, {"member_action": "nonsense"}).status_code == 302
    assert policy_ensure(org=org).member_action == MemberAction.WAIT
    login(manager).post(url, {"member_action": "act_now"})
    assert Policy.objects.get(organisation=org).member_action == MemberAction.ACT_NOW
    version = policy_publish(org=org, actor=manager, change_note="Members may act")
    assert PolicyVersion.objects.get(pk=version.pk).member_action == MemberAction.ACT_NOW
    editor = login(manager).get(reverse("policy_edit", kwargs={"org_slug": org.slug}))
    assert (
        'value="act_now"' in editor.content.decode() and 'id="guidance"' in editor.content.decode()
    )


def test_my_submissions_separates_recommendation_and_decision_with_a_legend(
    org, member, reviewer, login
):
    make_invitation(org, member, requester_name="Open Olga", recommendation="ignore")
    decided = make_invitation(org, member, requester_name="Decided Dan")
    decision_record(invitation=decided, action="report_spam", actor=reviewer)
    html = login(member).get(reverse("invitation_mine", kwargs={"org_slug": org.slug})).content
    html = html.decode()
    assert 'id="mine-legend"' in html
    assert html.count('data-column="recommendation"') == 2
    assert html.count('data-column="decision"') == 2
    assert "Wait for the decision" in html and "not yet" in html
