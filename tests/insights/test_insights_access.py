"""Who may open the insights pages: auditors read, only managers simulate, outsiders see nothing."""

import pytest
from django.urls import reverse

from insights.models import Simulation
from policy.engine import default_policy

pytestmark = pytest.mark.django_db

AUDIT_PAGES = ["insights_dashboard", "insights_rules", "insights_csv"]


def _url(org, name, **kwargs):
    return reverse(name, kwargs={"org_slug": org.slug, **kwargs})


@pytest.mark.parametrize("role", ["member", "reviewer"])
def test_members_and_reviewers_may_not_open_the_dashboard(role, personas, org, login):
    client = login(personas[role])
    for name in AUDIT_PAGES:
        assert client.get(_url(org, name)).status_code == 403, name
    assert client.get(_url(org, "simulations")).status_code == 403


def test_compliance_reads_the_dashboard_but_may_not_simulate(compliance, org, login):
    client = login(compliance)
    for name in AUDIT_PAGES:
        assert client.get(_url(org, name)).status_code == 200, name
    assert client.get(_url(org, "insights_rule_invitations", rule="no_photo")).status_code == 200
    assert client.get(_url(org, "simulations")).status_code == 403
    assert client.post(_url(org, "simulation_start"), {}).status_code == 403
    simulation = Simulation.objects.create(organisation=org, policy_data=default_policy())
    assert client.get(_url(org, "simulation_detail", pk=simulation.pk)).status_code == 403
    assert Simulation.objects.count() == 1


def test_a_manager_opens_everything(manager, org, login):
    client = login(manager)
    for name in [*AUDIT_PAGES, "simulations"]:
        assert client.get(_url(org, name)).status_code == 200, name
    assert client.get(_url(org, "simulation_start")).status_code == 405


def test_an_outsider_gets_404_everywhere(outsider, org, login):
    client = login(outsider)
    simulation = Simulation.objects.create(organisation=org, policy_data=default_policy())
    for url in [
        *(_url(org, name) for name in [*AUDIT_PAGES, "simulations", "simulation_start"]),
        _url(org, "simulation_detail", pk=simulation.pk),
        _url(org, "insights_rule_invitations", rule="no_photo"),
    ]:
        assert client.get(url).status_code == 404, url
        assert client.post(url).status_code == 404, url


def test_the_menu_offers_the_dashboard_to_auditors_only(personas, org, login):
    for role, shown in [("member", False), ("reviewer", False), ("compliance", True)]:
        page = login(personas[role]).get(_url(org, "org_home"))
        assert (b'data-nav="insights_dashboard"' in page.content) is shown, role
