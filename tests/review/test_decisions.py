"""Recording decisions: the justification rule, reversals, audit events, bulk all-or-nothing."""

import pytest
from django.core import mail

from audit.models import Action, AuditEvent
from invitations.models import Decision, Invitation, Status
from review.decisions import DecisionRefused, decision_record, decisions_record_bulk
from tests.invitations.fixtures import make_invitation

pytestmark = pytest.mark.django_db

DATA_KEYS = {
    "invitation_id",
    "requester_name",
    "recommendation",
    "decision",
    "justification",
    "policy_version",
    "reverses",
}


def _snapshot(decision: Decision) -> dict:
    return {f.attname: getattr(decision, f.attname) for f in Decision._meta.concrete_fields}


def test_following_the_recommendation_needs_no_justification(org, member, reviewer):
    invitation = make_invitation(org, member, requester_name="Sam")
    decision = decision_record(invitation=invitation, action="report_spam", actor=reviewer)
    invitation.refresh_from_db()
    assert invitation.status == Status.DECIDED
    assert invitation.decision == "report_spam" and invitation.decided_at is not None
    assert decision.recommendation == "report_spam" and decision.decided_by == reviewer
    assert decision.reverses is None and decision.justification == ""


def test_a_decision_is_audited_with_exactly_the_keys_compliance_filters_on(org, member, reviewer):
    invitation = make_invitation(org, member, requester_name="Sam")
    decision = decision_record(invitation=invitation, action="report_spam", actor=reviewer)
    event = AuditEvent.objects.get(organisation=org, action=Action.DECISION)
    assert set(event.data) == DATA_KEYS
    assert event.data == {
        "invitation_id": invitation.pk,
        "requester_name": "Sam",
        "recommendation": "report_spam",
        "decision": "report_spam",
        "justification": "",
        "policy_version": 1,
        "reverses": None,
    }
    assert event.actor_id == reviewer.pk and event.target_id == str(invitation.pk)
    assert decision.audit_seq == event.seq


@pytest.mark.parametrize("justification", ["", "   \n "])
def test_deciding_against_the_recommendation_without_justification_is_refused(
    justification, org, member, reviewer
):
    invitation = make_invitation(org, member)
    with pytest.raises(DecisionRefused) as refused:
        decision_record(
            invitation=invitation, action="accept", actor=reviewer, justification=justification
        )
    assert refused.value.code == "justification"
    assert "justification" in refused.value.message
    invitation.refresh_from_db()
    assert invitation.status == Status.EVALUATED and invitation.decision == ""
    assert not Decision.objects.exists() and not AuditEvent.objects.exists()


def test_deciding_against_the_recommendation_with_a_justification_is_recorded(
    org, member, reviewer
):
    invitation = make_invitation(org, member)
    decision = decision_record(
        invitation=invitation, action="accept", actor=reviewer, justification="  Our client  "
    )
    assert decision.justification == "Our client"
    event = AuditEvent.objects.get(action=Action.DECISION)
    assert event.data["recommendation"] == "report_spam" and event.data["decision"] == "accept"
    assert event.data["justification"] == "Our client"


def test_an_unknown_action_is_refused(org, member, reviewer):
    invitation = make_invitation(org, member)
    with pytest.raises(DecisionRefused):
        decision_record(invitation=invitation, action="delete", actor=reviewer)


def test_an_invitation_not_yet_evaluated_cannot_be_decided(org, member, reviewer):
    invitation = make_invitation(org, member, status=Status.EVALUATING)
    with pytest.raises(DecisionRefused) as refused:
        decision_record(invitation=invitation, action="report_spam", actor=reviewer)
    assert refused.value.code == "pending"


def test_a_second_decision_must_reverse_the_first_with_a_justification(org, member, reviewer):
    invitation = make_invitation(org, member)
    first = decision_record(invitation=invitation, action="report_spam", actor=reviewer)
    with pytest.raises(DecisionRefused) as refused:
        decision_record(invitation=invitation, action="ignore", actor=reviewer, justification="x")
    assert refused.value.code == "already_decided"
    with pytest.raises(DecisionRefused) as refused:
        decision_record(invitation=invitation, action="ignore", actor=reviewer, reverses=first)
    assert refused.value.code == "justification"
    assert Decision.objects.count() == 1


def test_a_reversal_is_a_new_decision_and_nothing_is_edited(org, member, reviewer, manager):
    invitation = make_invitation(org, member)
    first = decision_record(invitation=invitation, action="report_spam", actor=reviewer)
    before = _snapshot(Decision.objects.get(pk=first.pk))
    second = decision_record(
        invitation=invitation,
        action="accept",
        actor=manager,
        justification="She is our new client's CEO",
        reverses=first.pk,
    )
    assert _snapshot(Decision.objects.get(pk=first.pk)) == before
    assert second.reverses_id == first.pk and second.pk != first.pk
    invitation.refresh_from_db()
    assert invitation.decision == "accept" and invitation.status == Status.DECIDED
    events = list(AuditEvent.objects.filter(organisation=org).order_by("seq"))
    assert [e.action for e in events] == [Action.DECISION, Action.DECISION_REVERSED]
    assert set(events[1].data) == DATA_KEYS
    assert events[1].data["reverses"] == events[0].seq == first.audit_seq
    assert events[1].data["decision"] == "accept"
    assert events[1].data["justification"] == "She is our new client's CEO"


def test_a_reversal_chain_always_reverses_the_decision_in_force(org, member, reviewer):
    invitation = make_invitation(org, member)
    first = decision_record(invitation=invitation, action="report_spam", actor=reviewer)
    second = decision_record(
        invitation=invitation, action="ignore", actor=reviewer, justification="a", reverses=first
    )
    # Reversing the first again is stale: the second is in force now.
    with pytest.raises(DecisionRefused) as refused:
        decision_record(
            invitation=invitation,
            action="accept",
            actor=reviewer,
            justification="b",
            reverses=first,
        )
    assert refused.value.code == "stale"
    third = decision_record(
        invitation=invitation,
        action="report_spam",
        actor=reviewer,
        justification="back to spam",
        reverses=second,
    )
    chain = list(Decision.objects.filter(invitation=invitation).order_by("id"))
    assert [d.reverses_id for d in chain] == [None, first.pk, second.pk]
    assert third.reverses.reverses == first
    seqs = [d.audit_seq for d in chain]
    reversed_events = AuditEvent.objects.filter(action=Action.DECISION_REVERSED).order_by("seq")
    assert [e.data["reverses"] for e in reversed_events] == seqs[:2]
    invitation.refresh_from_db()
    assert invitation.decision == "report_spam"


def test_a_reversal_to_the_same_action_is_refused(org, member, reviewer):
    invitation = make_invitation(org, member)
    first = decision_record(invitation=invitation, action="report_spam", actor=reviewer)
    with pytest.raises(DecisionRefused) as refused:
        decision_record(
            invitation=invitation,
            action="report_spam",
            actor=reviewer,
            justification="again",
            reverses=first,
        )
    assert refused.value.code == "same_action"


def test_a_decision_of_another_invitation_cannot_be_reversed_here(org, member, reviewer):
    one, two = make_invitation(org, member), make_invitation(org, member)
    first = decision_record(invitation=one, action="report_spam", actor=reviewer)
    decision_record(invitation=two, action="report_spam", actor=reviewer)
    with pytest.raises(DecisionRefused):
        decision_record(
            invitation=two, action="ignore", actor=reviewer, justification="x", reverses=first
        )


def test_the_submitter_is_told_after_commit(
    org, member, reviewer, django_capture_on_commit_callbacks, eager_tasks
):
    invitation = make_invitation(org, member)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        decision_record(invitation=invitation, action="report_spam", actor=reviewer)
        assert len(mail.outbox) == 0
    assert len(callbacks) == 1
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [member.email]


def test_a_refused_decision_tells_nobody(org, member, reviewer, django_capture_on_commit_callbacks):
    invitation = make_invitation(org, member)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(DecisionRefused):
        decision_record(invitation=invitation, action="accept", actor=reviewer)
    assert mail.outbox == []


# --- bulk -------------------------------------------------------------------------------


def test_bulk_records_one_decision_and_one_audit_event_per_invitation(
    org, member, reviewer, django_capture_on_commit_callbacks, eager_tasks
):
    made = [make_invitation(org, member, requester_key="name:sam") for _ in range(4)]
    with django_capture_on_commit_callbacks(execute=True):
        decisions = decisions_record_bulk(
            org=org, invitation_ids=[i.pk for i in made], action="report_spam", actor=reviewer
        )
    assert len(decisions) == 4 and len({d.pk for d in decisions}) == 4
    events = AuditEvent.objects.filter(action=Action.DECISION)
    assert sorted(e.data["invitation_id"] for e in events) == sorted(i.pk for i in made)
    assert all(set(e.data) == DATA_KEYS for e in events)
    assert set(Invitation.objects.values_list("status", flat=True)) == {Status.DECIDED}
    assert len(mail.outbox) == 4


def test_bulk_needs_a_justification_if_any_differs_from_its_recommendation(org, member, reviewer):
    same = make_invitation(org, member)
    differs = make_invitation(org, member, recommendation="dont_know")
    ids = [same.pk, differs.pk]
    with pytest.raises(DecisionRefused) as refused:
        decisions_record_bulk(org=org, invitation_ids=ids, action="report_spam", actor=reviewer)
    assert refused.value.code == "justification"
    assert not Decision.objects.exists() and not AuditEvent.objects.exists()
    decisions = decisions_record_bulk(
        org=org, invitation_ids=ids, action="report_spam", actor=reviewer, justification="Same bot"
    )
    assert {d.justification for d in decisions} == {"Same bot"}


def test_bulk_is_all_or_nothing_when_one_is_already_decided(org, member, reviewer):
    open_one = make_invitation(org, member)
    decided = make_invitation(org, member)
    decision_record(invitation=decided, action="report_spam", actor=reviewer)
    with pytest.raises(DecisionRefused) as refused:
        decisions_record_bulk(
            org=org, invitation_ids=[open_one.pk, decided.pk], action="report_spam", actor=reviewer
        )
    assert refused.value.code == "not_open"
    open_one.refresh_from_db()
    assert open_one.status == Status.EVALUATED
    assert Decision.objects.count() == 1 and AuditEvent.objects.count() == 1


def test_bulk_refuses_invitations_of_another_organisation(org, other_org, member, reviewer):
    ours = make_invitation(org, member)
    theirs = make_invitation(other_org, None)
    with pytest.raises(DecisionRefused) as refused:
        decisions_record_bulk(
            org=org, invitation_ids=[ours.pk, theirs.pk], action="report_spam", actor=reviewer
        )
    assert refused.value.code == "missing"
    assert not Decision.objects.exists()


def test_bulk_rolls_back_everything_when_a_later_write_fails(org, member, reviewer, monkeypatch):
    made = [make_invitation(org, member) for _ in range(3)]
    import review.decisions as decisions

    original = decisions.audit_record
    calls = {"n": 0}

    def failing_third(**kwargs):
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("disk full")
        return original(**kwargs)

    monkeypatch.setattr(decisions, "audit_record", failing_third)
    with pytest.raises(RuntimeError):
        decisions_record_bulk(
            org=org, invitation_ids=[i.pk for i in made], action="report_spam", actor=reviewer
        )
    assert not Decision.objects.exists() and not AuditEvent.objects.exists()
    assert set(Invitation.objects.values_list("status", flat=True)) == {Status.EVALUATED}


def test_bulk_with_nothing_selected_is_refused(org, reviewer):
    with pytest.raises(DecisionRefused):
        decisions_record_bulk(org=org, invitation_ids=[], action="report_spam", actor=reviewer)


def test_a_mail_server_that_is_down_is_tried_again_later(org, member, reviewer, settings):
    from organisations.models import EmailStatus, OutboundEmail
    from organisations.outbox import email_send

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 1, 2
    decision = decision_record(
        invitation=make_invitation(org, member), action="report_spam", actor=reviewer
    )
    email = OutboundEmail.objects.get(key=f"decision:{decision.pk}")
    assert email_send(email_id=email.pk) is False
    email.refresh_from_db()
    assert email.status == EmailStatus.PENDING and email.attempts == 1
    assert email.next_attempt_at > email.created_at
