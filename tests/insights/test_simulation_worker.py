"""A simulation started from the page is run by a real Celery worker process."""

import pytest
from django.urls import reverse

from insights.models import Simulation, SimulationStatus
from policy.services import policy_draft_update
from tests.insights.conftest import build_history, promotional_off
from tests.invitations.conftest import wait_for

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def test_a_worker_runs_the_simulation_and_the_page_shows_the_result(
    worker, org, member, reviewer, manager, login
):
    build_history(org, member, reviewer)
    policy_draft_update(org=org, data=promotional_off(), actor=manager)
    client = login(manager)
    response = client.post(reverse("simulation_start", kwargs={"org_slug": org.slug}), {})
    assert response.status_code == 302
    simulation = Simulation.objects.get()

    def done():
        simulation.refresh_from_db()
        return simulation.status == SimulationStatus.DONE

    wait_for(done, timeout=60)
    assert (simulation.total, simulation.progress) == (10, 10)
    assert simulation.result["changed"] == 5
    assert simulation.result["agreed_before"] == 4
    assert simulation.result["agreed_after"] == 5
    partial = client.get(response["Location"], HTTP_HX_REQUEST="true")
    assert b"sim-matrix" in partial.content
    assert b"every 1s" not in partial.content


def test_a_large_history_split_over_processes_gives_the_same_figures(org, member, reviewer):
    from insights.simulation import simulate

    build_history(org, member, reviewer)
    serial = simulate(org=org, policy_data=promotional_off(), processes=1)
    split = simulate(org=org, policy_data=promotional_off(), processes=3)
    assert split == serial
    assert split["changed"] == 5
