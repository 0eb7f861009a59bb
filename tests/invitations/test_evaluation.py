"""The evaluation service: organisation signals, claims and idempotence (no worker needed)."""

from datetime import UTC, datetime

import pytest

from invitations.evaluation import invitations_claim, invitations_evaluate, invitations_sweep
from invitations.models import Channel, Evaluation, Invitation, Status
from invitations.services import invitation_submit
from policy.engine import normalise_name, normalise_profile_url
from policy.models import RosterContact, RosterSource

pytestmark = pytest.mark.django_db


def _submit(org, user, **record):
    invitation, _created = invitation_submit(
        org=org, submitter=user, channel=Channel.API, record=record
    )
    return invitation


def _mass_mailing(org, users, days, name="Mass Mailer"):
    return [
        _submit(
            org,
            user,
            requester_name=name,
            message="Hi, let's connect!",
            recipient=f"{user.username}@acme.example",
            received_at=datetime(2025, 3, day, 9, tzinfo=UTC),
        ).pk
        for user, day in zip(users, days, strict=True)
    ]


def _rules(invitation_id):
    return {h["rule"] for h in Evaluation.objects.get(invitation_id=invitation_id).hits}


def test_a_requester_inviting_many_colleagues_is_a_mass_inviter(org, member, reviewer, manager):
    # Received more than a year ago: the window counts back from each invitation's
    # received_at, not from now (issue 11). The first two had not yet reached three.
    ids = _mass_mailing(org, (member, reviewer, manager), (1, 2, 3))
    invitations_evaluate(invitation_ids=ids, claim="test")
    assert "mass_inviter" in _rules(ids[2])
    assert Invitation.objects.get(pk=ids[2]).recommendation == "report_spam"
    assert "mass_inviter" not in _rules(ids[0])


def test_invitations_outside_the_window_before_received_at_do_not_count(
    org, member, reviewer, manager
):
    ids = _mass_mailing(org, (member, reviewer, manager), (1, 2, 20), name="Slow Mailer")
    invitations_evaluate(invitation_ids=ids, claim="test")
    assert not any("mass_inviter" in _rules(i) for i in ids)


def test_one_invitation_alone_is_no_mass_inviter(org, member):
    invitation = _submit(org, member, requester_name="Single Sender", message="Hi")
    invitations_evaluate(invitation_ids=[invitation.pk], claim="test")
    assert "mass_inviter" not in {h["rule"] for h in invitation.evaluations.get().hits}


def test_colleagues_connected_on_the_roster_count_as_knowing_the_requester(
    org, member, reviewer, manager
):
    url = "https://www.linkedin.com/in/rosa-roster"
    for owner in (reviewer, manager):
        RosterContact.objects.create(
            organisation=org,
            owner=owner,
            source=RosterSource.LINKEDIN,
            name="Rosa Roster",
            name_key=normalise_name("Rosa Roster"),
            profile_url=url,
            profile_key=normalise_profile_url(url),
        )
    invitation = _submit(
        org,
        member,
        requester_name="Rosa Roster",
        requester_profile_url=url,
        requester_has_photo=True,
        message="Hi Mia, we worked together on the Initech migration project last spring.",
    )
    invitations_evaluate(invitation_ids=[invitation.pk], claim="test")
    rules = {h["rule"] for h in invitation.evaluations.get().hits}
    assert {"known_contact", "connected_to_colleagues"} <= rules
    assert Invitation.objects.get(pk=invitation.pk).recommendation == "accept"


def test_a_second_claim_takes_nothing_and_a_rerun_changes_nothing(org, member):
    invitation = _submit(org, member, requester_name="Claimed Once")
    assert [r["id"] for r in invitations_claim(invitation_ids=[invitation.pk], claim="a")] == [
        invitation.pk
    ]
    assert invitations_claim(invitation_ids=[invitation.pk], claim="b") == []
    assert invitations_evaluate(invitation_ids=[invitation.pk], claim="a") == 1
    assert invitations_evaluate(invitation_ids=[invitation.pk], claim="a") == 0
    assert Evaluation.objects.filter(invitation=invitation).count() == 1
    assert Invitation.objects.get(pk=invitation.pk).status == Status.EVALUATED


def test_a_new_policy_version_does_not_change_earlier_evaluations(org, member, manager):
    from policy.services import policy_draft_update, policy_ensure, policy_publish

    invitation = _submit(org, member, requester_name="Versioned", message="Buy now, only $99!")
    invitations_evaluate(invitation_ids=[invitation.pk], claim="v1")
    draft = policy_ensure(org=org).draft
    draft["rules"]["promotional"] = {**draft["rules"].get("promotional", {}), "enabled": False}
    policy_draft_update(org=org, data=draft, actor=manager)
    policy_publish(org=org, actor=manager, change_note="no promotional rule")
    invitation.refresh_from_db()
    assert invitation.evaluation.policy_version.number == 1
    assert invitation.recommendation == "report_spam"
    assert Evaluation.objects.filter(invitation=invitation).count() == 1


def test_each_claim_counts_an_attempt_and_the_last_one_ends_in_failed(org, member, settings):
    """A batch that keeps failing is not re-queued forever: after N claims it is failed."""
    settings.VOUCH_EVALUATION_MAX_ATTEMPTS = 3
    invitation = _submit(org, member, requester_name="Always Failing")
    for attempt in range(1, 4):
        assert invitations_claim(invitation_ids=[invitation.pk], claim=f"task-{attempt}")
        # The same task redelivered is no new attempt.
        invitations_claim(invitation_ids=[invitation.pk], claim=f"task-{attempt}")
        invitation.refresh_from_db()
        assert invitation.attempts == attempt
        requeued = invitations_sweep(stuck_after_seconds=0)
        invitation.refresh_from_db()
        if attempt < 3:
            assert (requeued, invitation.status) == (1, Status.RECEIVED)
    assert (requeued, invitation.status) == (0, Status.FAILED)
    assert invitation.get_status_display() == "Evaluation failed"
    assert invitations_sweep(stuck_after_seconds=0) == 0


def test_the_sweeper_leaves_a_claim_alone_until_the_task_time_limit_has_passed(org, member):
    invitation = _submit(org, member)
    invitations_claim(invitation_ids=[invitation.pk], claim="running")
    assert invitations_sweep() == 0
    invitation.refresh_from_db()
    assert (invitation.status, invitation.claim) == (Status.EVALUATING, "running")


def test_a_stuck_timeout_shorter_than_the_task_time_limit_is_a_configuration_error(settings):
    from invitations.checks import check_stuck_timeout

    assert settings.VOUCH_STUCK_AFTER_SECONDS > settings.CELERY_TASK_TIME_LIMIT
    assert check_stuck_timeout() == []
    settings.VOUCH_STUCK_AFTER_SECONDS = settings.CELERY_TASK_TIME_LIMIT - 60
    (error,) = check_stuck_timeout()
    assert error.id == "invitations.E001"


# The organisation's memory of earlier decisions (issue 11, item 6).

PITCH = "We help agencies like yours get 10x more leads. Book a demo this week!"


def _decided(org, submitter, reviewer, action, **record):
    from review.decisions import decision_record

    invitation = _submit(org, submitter, **record)
    invitations_evaluate(invitation_ids=[invitation.pk], claim="earlier")
    invitation.refresh_from_db()
    decision_record(
        invitation=invitation, action=action, actor=reviewer, justification="seen before"
    )
    return invitation


def test_a_requester_reported_as_spam_before_is_spam_even_when_known(org, member, reviewer):
    from django.utils import timezone

    _decided(
        org,
        member,
        reviewer,
        "report_spam",
        requester_name="Sam Spammer",
        requester_profile_url="https://www.linkedin.com/in/sam-spammer",
        recipient="member@acme.example",
        message=PITCH,
    )
    again = _submit(
        org,
        reviewer,
        requester_name="Sam Spammer",
        requester_profile_url="https://de.linkedin.com/in/Sam-Spammer/?trk=x",
        recipient="reviewer@acme.example",
        recognises_name="yes",
        message="Hi, we worked together at Globex on the billing migration in 2019.",
    )
    invitations_evaluate(invitation_ids=[again.pk], claim="test")
    evaluation = again.evaluations.get()
    memory = next(h for h in evaluation.hits if h["rule"] == "reported_as_spam_before")
    day = timezone.localdate()
    assert memory["en"] == (
        f"Reported as spam by a reviewer on {day.day} {day.strftime('%b')} {day.year}."
    )
    assert memory["deciding"] is True
    assert evaluation.hits[0]["rule"] == "reported_as_spam_before"
    assert evaluation.recommendation == "report_spam"
    assert Invitation.objects.get(pk=again.pk).reasons[0] == "spam"


def test_a_requester_accepted_for_a_colleague_counts_as_known(org, member, reviewer):
    _decided(
        org,
        member,
        reviewer,
        "accept",
        requester_name="Ada Accepted",
        requester_company="Globex GmbH",
        recipient="member@acme.example",
        worked_together="yes",
        message="Hi, we worked together at Globex on the billing migration in 2019.",
    )
    again = _submit(
        org,
        reviewer,
        requester_name="Ada Accepted",
        requester_company="Globex",
        recipient="reviewer@acme.example",
        mutual_connections=0,
        message=PITCH,
    )
    invitations_evaluate(invitation_ids=[again.pk], claim="test")
    evaluation = again.evaluations.get()
    rules = {h["rule"]: h for h in evaluation.hits}
    assert rules["accepted_before"]["weight"] < 0
    assert "no_one_knows_requester" not in rules
    # Known, so the pitch is not spam but not personal either.
    assert evaluation.recommendation == "ignore"


def test_memory_needs_the_same_person_not_just_the_same_name(org, member, reviewer):
    _decided(
        org,
        member,
        reviewer,
        "report_spam",
        requester_name="Common Name",
        requester_profile_url="https://www.linkedin.com/in/common-name-1",
        recipient="member@acme.example",
        message=PITCH,
    )
    other = _submit(
        org,
        reviewer,
        requester_name="Common Name",
        requester_profile_url="https://www.linkedin.com/in/common-name-2",
        recipient="reviewer@acme.example",
        message="Hi, we worked together at Globex on the billing migration in 2019.",
    )
    invitations_evaluate(invitation_ids=[other.pk], claim="test")
    assert "reported_as_spam_before" not in {h["rule"] for h in other.evaluations.get().hits}


def test_memory_can_be_switched_off_in_the_policy(org, member, reviewer, manager):
    from policy.services import policy_draft_update, policy_ensure, policy_publish

    draft = policy_ensure(org=org).draft
    draft["rules"]["reported_as_spam_before"] = {"enabled": False}
    policy_draft_update(org=org, data=draft, actor=manager)
    policy_publish(org=org, actor=manager, change_note="no memory")
    _decided(
        org,
        member,
        reviewer,
        "report_spam",
        requester_name="Forgotten Spammer",
        recipient="member@acme.example",
        message=PITCH,
    )
    again = _submit(
        org, reviewer, requester_name="Forgotten Spammer", recipient="r@acme.example", message="Hi"
    )
    invitations_evaluate(invitation_ids=[again.pk], claim="test")
    assert "reported_as_spam_before" not in {h["rule"] for h in again.evaluations.get().hits}
