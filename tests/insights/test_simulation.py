"""Simulating a draft over a known history: exact figures, the stored run, the CLI."""

import json
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from insights.models import Simulation, SimulationStatus
from insights.services import simulation_create
from insights.simulation import simulate, simulation_run
from invitations.models import Invitation
from policy.engine import PolicyInvalid, default_policy
from policy.services import policy_current_version
from tests.insights.conftest import HISTORY, promotional_off

pytestmark = pytest.mark.django_db

CHANGED = ["promo_1", "promo_2", "promo_3", "promo_known_1", "promo_known_2"]


def _matrix(**cells) -> dict:
    keys = ("accept", "ignore", "dont_know", "report_spam")
    matrix = {a: dict.fromkeys(keys, 0) for a in keys}
    for name, count in cells.items():
        old, new = name.split("__")
        matrix[old][new] = count
    return matrix


EXPECTED_MATRIX = _matrix(
    report_spam__dont_know=3,
    report_spam__ignore=2,
    report_spam__report_spam=2,
    dont_know__dont_know=2,
    accept__accept=1,
)


def test_switching_off_a_rule_changes_exactly_the_invitations_it_decided(org, history):
    result = simulate(org=org, policy_data=promotional_off())
    assert result["total"] == 10
    assert result["changed"] == 5
    assert result["matrix"] == EXPECTED_MATRIX
    changed = {item["id"]: item for item in result["changed_items"]}
    assert set(changed) == {history[name].pk for name in CHANGED}
    for name in CHANGED:
        item = changed[history[name].pk]
        assert item["from"] == "report_spam"
        assert item["to"] == HISTORY[name][2]
        assert item["rules_removed"] == ["promotional"]
        assert item["rules_added"] == []
        assert item["requester_name"] == history[name].requester_name
        assert item["decision"] == (HISTORY[name][3] or "")
    assert [item["id"] for item in result["changed_items"]] == sorted(changed)
    assert result["rule_changes"] == {"promotional": {"added": 0, "removed": 5}}


def test_agreement_with_reviewers_is_counted_before_and_after(org, history):
    result = simulate(org=org, policy_data=promotional_off())
    # Seven decided: four matched the recommendation given, five match the draft's.
    assert result["decided"] == 7
    assert (result["agreed_before"], result["agreed_after"]) == (4, 5)
    assert result["agreement_before"] == round(4 / 7, 4)
    assert result["agreement_after"] == round(5 / 7, 4)


def test_the_published_policy_itself_changes_nothing(org, history):
    result = simulate(org=org, policy_data=policy_current_version(org=org).data)
    assert result["changed"] == 0
    assert result["changed_items"] == []
    assert result["agreement_before"] == result["agreement_after"]


def test_only_invitations_submitted_in_the_period_are_replayed(org, history):
    old = [history["promo_1"].pk, history["personal"].pk]
    Invitation.objects.filter(pk__in=old).update(created_at=timezone.now() - timedelta(days=40))
    today = timezone.localdate()
    recent = simulate(org=org, policy_data=promotional_off(), period_from=today - timedelta(days=7))
    assert (recent["total"], recent["changed"]) == (8, 4)
    earlier = simulate(org=org, policy_data=promotional_off(), period_to=today - timedelta(days=7))
    assert (earlier["total"], earlier["changed"]) == (2, 1)


def test_invitations_not_evaluated_yet_and_other_organisations_are_left_out(
    org, other_org, history, manager
):
    from tests.insights.conftest import build_history

    Invitation.objects.filter(pk=history["personal"].pk).update(evaluation=None)
    build_history(other_org, None, _other_reviewer(other_org))
    assert simulate(org=org, policy_data=promotional_off())["total"] == 9


def _other_reviewer(other_org):
    from organisations.models import Role
    from tests.factories import MembershipFactory, UserFactory

    user = UserFactory(username="ola")
    MembershipFactory(user=user, organisation=other_org, role=Role.REVIEWER)
    return user


def test_the_changed_list_is_capped_at_the_lowest_ids(org, history, monkeypatch):
    from insights import simulation

    monkeypatch.setattr(simulation, "CHANGED_LIMIT", 2)
    result = simulation.simulate(org=org, policy_data=promotional_off())
    ids = sorted(history[name].pk for name in CHANGED)
    assert result["changed"] == 5
    assert [item["id"] for item in result["changed_items"]] == ids[:2]


def test_a_stored_simulation_runs_once_and_keeps_its_result(org, history, manager):
    simulation = Simulation.objects.create(
        organisation=org,
        requested_by=manager,
        policy_data=promotional_off(),
        base_version=policy_current_version(org=org),
    )
    assert simulation_run(simulation_id=simulation.pk) is True
    simulation.refresh_from_db()
    assert simulation.status == SimulationStatus.DONE
    assert (simulation.progress, simulation.total) == (10, 10)
    assert simulation.result["matrix"] == EXPECTED_MATRIX
    finished = simulation.finished_at
    assert simulation_run(simulation_id=simulation.pk) is False
    simulation.refresh_from_db()
    assert simulation.finished_at == finished


def test_a_run_abandoned_by_a_dead_worker_is_taken_again(org, history, manager):
    simulation = Simulation.objects.create(
        organisation=org,
        policy_data=promotional_off(),
        status=SimulationStatus.RUNNING,
        heartbeat_at=timezone.now() - timedelta(hours=2),
        progress=3,
    )
    assert simulation_run(simulation_id=simulation.pk) is True
    simulation.refresh_from_db()
    assert simulation.status == SimulationStatus.DONE
    alive = Simulation.objects.create(
        organisation=org,
        policy_data=promotional_off(),
        status=SimulationStatus.RUNNING,
        heartbeat_at=timezone.now(),
    )
    assert simulation_run(simulation_id=alive.pk) is False


def test_an_invalid_policy_fails_the_simulation_with_the_reason(org, manager):
    broken = default_policy()
    broken["thresholds"]["spam"] = "high"
    simulation = Simulation.objects.create(organisation=org, policy_data=broken)
    simulation_run(simulation_id=simulation.pk)
    simulation.refresh_from_db()
    assert simulation.status == SimulationStatus.FAILED
    assert "thresholds.spam" in simulation.error
    with pytest.raises(PolicyInvalid):
        simulation_create(org=org, actor=manager, policy_data=broken)
    assert Simulation.objects.count() == 1


def test_the_cli_prints_the_same_result_as_json(org, history, tmp_path, capsys):
    path = tmp_path / "draft.json"
    path.write_text(json.dumps({"format": "vouch-policy", "policy": promotional_off()}))
    call_command("simulate", "--org", org.slug, "--policy", str(path))
    result = json.loads(capsys.readouterr().out)
    assert result["total"] == 10
    assert result["changed"] == 5
    assert result["matrix"] == EXPECTED_MATRIX
    assert result["agreement_before"] == round(4 / 7, 4)
    assert Simulation.objects.count() == 0


def test_the_cli_takes_a_bare_policy_and_a_period(org, history, tmp_path, capsys):
    path = tmp_path / "draft.json"
    path.write_text(json.dumps(promotional_off()))
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    call_command("simulate", "--org", org.slug, "--policy", str(path), "--from", tomorrow)
    assert json.loads(capsys.readouterr().out)["total"] == 0


def test_the_cli_refuses_an_unknown_organisation_or_an_invalid_policy(org, tmp_path):
    from django.core.management.base import CommandError

    path = tmp_path / "draft.json"
    path.write_text(json.dumps({"thresholds": {"spam": "high"}}))
    with pytest.raises(CommandError, match="no organisation"):
        call_command("simulate", "--org", "nope", "--policy", str(path))
    with pytest.raises(CommandError, match="invalid"):
        call_command("simulate", "--org", org.slug, "--policy", str(path))


# --- pages ------------------------------------------------------------------------------


def test_the_draft_editor_links_to_the_simulation_page(org, manager, login):
    page = login(manager).get(reverse("policy_edit", kwargs={"org_slug": org.slug}))
    assert reverse("simulations", kwargs={"org_slug": org.slug}).encode() in page.content


def test_starting_a_simulation_stores_the_saved_draft_and_shows_its_progress(
    org, history, manager, login, django_capture_on_commit_callbacks
):
    from policy.services import policy_draft_update

    policy_draft_update(org=org, data=promotional_off(), actor=manager)
    client = login(manager)
    url = reverse("simulation_start", kwargs={"org_slug": org.slug})
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(url, {"period_from": "", "period_to": ""})
    assert len(callbacks) == 1  # the task is queued once the transaction commits
    simulation = Simulation.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "simulation_detail", kwargs={"org_slug": org.slug, "pk": simulation.pk}
    )
    assert simulation.policy_data == promotional_off()
    assert simulation.status == SimulationStatus.QUEUED
    page = client.get(response["Location"])
    assert b'hx-trigger="every 1s"' in page.content
    assert b"<progress" in page.content
    partial = client.get(response["Location"], HTTP_HX_REQUEST="true")
    assert b"<html" not in partial.content and b"<progress" in partial.content


def test_a_finished_simulation_shows_the_matrix_agreement_and_changed_list(
    org, history, manager, login
):
    simulation = Simulation.objects.create(
        organisation=org,
        requested_by=manager,
        policy_data=promotional_off(),
        base_version=policy_current_version(org=org),
    )
    simulation_run(simulation_id=simulation.pk)
    client = login(manager)
    url = reverse("simulation_detail", kwargs={"org_slug": org.slug, "pk": simulation.pk})
    page = client.get(url)
    text = page.content.decode()
    assert page.status_code == 200
    assert 'hx-trigger="every 1s"' not in text
    assert '<tr data-from="report_spam"><th scope="row">Report as spam</th>' in text
    assert '<td data-to="dont_know" class="moved">3</td>' in text
    assert "57 % → 71 %" in text
    for name in CHANGED:
        link = reverse("review_detail", kwargs={"org_slug": org.slug, "pk": history[name].pk})
        assert f'href="{link}"' in text
    assert "Promotional content" in text
    assert "<script>alert" not in text
    listing = client.get(reverse("simulations", kwargs={"org_slug": org.slug}))
    assert "5 / 10" in listing.content.decode()


def test_a_period_that_ends_before_it_starts_is_refused(org, manager, login):
    response = login(manager).post(
        reverse("simulation_start", kwargs={"org_slug": org.slug}),
        {"period_from": "2026-05-02", "period_to": "2026-05-01"},
    )
    assert response.status_code == 400
    assert Simulation.objects.count() == 0


def test_another_organisations_simulation_is_not_found(org, other_org, manager, login):
    theirs = Simulation.objects.create(organisation=other_org, policy_data=default_policy())
    url = reverse("simulation_detail", kwargs={"org_slug": org.slug, "pk": theirs.pk})
    assert login(manager).get(url).status_code == 404


# The organisation's memory and the mass-inviter window, replayed like every rule (issue 11).


def _submit_and_evaluate(org, submitter, **record):
    from invitations.evaluation import invitations_evaluate
    from invitations.models import Channel
    from invitations.services import invitation_submit

    invitation, _created = invitation_submit(
        org=org, submitter=submitter, channel=Channel.FORM, record=record
    )
    invitations_evaluate(invitation_ids=[invitation.pk], claim="sim-memory")
    invitation.refresh_from_db()
    return invitation


def test_the_memory_rule_is_replayed_and_can_be_switched_off(org, member, reviewer):
    from review.decisions import decision_record

    first = _submit_and_evaluate(
        org,
        member,
        requester_name="Sam Spammer",
        recipient="member@acme.example",
        mutual_connections=0,
        message="We help agencies like yours get 10x more leads. Book a demo this week!",
    )
    decision_record(invitation=first, action="report_spam", actor=reviewer)
    again = _submit_and_evaluate(
        org,
        reviewer,
        requester_name="Sam Spammer",
        recipient="reviewer@acme.example",
        requester_has_photo=True,
        worked_together="yes",
        message="Hi, we worked together at Globex on the billing migration in 2019.",
    )
    assert again.recommendation == "report_spam"
    assert simulate(org=org, policy_data=default_policy())["changed"] == 0
    draft = default_policy()
    draft["rules"]["reported_as_spam_before"]["enabled"] = False
    result = simulate(org=org, policy_data=draft)
    assert [(i["id"], i["from"], i["to"]) for i in result["changed_items"]] == [
        (again.pk, "report_spam", "accept")
    ]
    assert result["rule_changes"] == {"reported_as_spam_before": {"added": 0, "removed": 1}}


def test_the_mass_inviter_window_is_replayed_from_each_invitations_arrival(
    org, member, reviewer, manager
):
    from datetime import UTC, datetime

    made = [
        _submit_and_evaluate(
            org,
            user,
            requester_name="Mass Mailer",
            recipient=f"{user.username}@acme.example",
            message="Hi, let's connect!",
            received_at=datetime(2025, 3, day, 9, tzinfo=UTC),
        )
        for user, day in zip((member, reviewer, manager), (1, 2, 3), strict=True)
    ]
    assert made[2].recommendation == "report_spam"
    # More than a year later, a window counted back from now would find nobody.
    assert simulate(org=org, policy_data=default_policy())["changed"] == 0
    draft = default_policy()
    draft["rules"]["mass_inviter"]["params"]["window_days"] = 1
    result = simulate(org=org, policy_data=draft)
    assert result["rule_changes"] == {"mass_inviter": {"added": 0, "removed": 1}}
