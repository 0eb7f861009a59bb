"""The evaluation service: organisation signals, claims and idempotence (no worker needed)."""

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


def test_a_requester_inviting_many_colleagues_is_a_mass_inviter(org, member, reviewer, manager):
    ids = [
        _submit(
            org,
            user,
            requester_name="Mass Mailer",
            message="Hi, let's connect!",
            recipient=f"{user.username}@acme.example",
        ).pk
        for user in (member, reviewer, manager)
    ]
    invitations_evaluate(invitation_ids=ids, claim="test")
    hits = Evaluation.objects.get(invitation_id=ids[0]).hits
    assert "mass_inviter" in {h["rule"] for h in hits}
    assert Invitation.objects.get(pk=ids[0]).recommendation == "report_spam"


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
