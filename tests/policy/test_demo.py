"""The policy's demo seeder: profile and a small roster, once."""

import io

import pytest
from django.contrib.auth import get_user_model

from organisations.models import Membership, Role
from policy.demo import seed_policy
from policy.models import OrgProfile, PolicyVersion, RosterContact

pytestmark = pytest.mark.django_db


def _state(org):
    return (
        list(OrgProfile.objects.filter(organisation=org).values_list("countries", "blocklist")),
        PolicyVersion.objects.for_org(org).count(),
        sorted(
            RosterContact.objects.for_org(org).values_list("name", "owner__username"),
            key=lambda row: (row[0], row[1] or ""),
        ),
    )


def test_the_seeder_fills_the_profile_and_a_roster_and_running_it_twice_changes_nothing(org):
    manager = get_user_model().objects.create(username="manager")
    Membership.objects.create(user=manager, organisation=org, role=Role.MANAGER)
    out = io.StringIO()
    seed_policy(org, out)
    first = _state(org)
    profile = OrgProfile.objects.get(organisation=org)
    assert profile.countries == ["DE", "AT", "CH"]
    assert profile.employers == ["Demo Agency"] and profile.clients and profile.blocklist
    assert first[1] == 1
    assert ("Lena Vogel", None) in first[2] and ("Anna Schmidt", "manager") in first[2]
    assert "roster contact(s) added" in out.getvalue()
    again = io.StringIO()
    seed_policy(org, again)
    assert _state(org) == first
    assert again.getvalue() == ""


def test_the_seeder_leaves_a_profile_the_user_changed_alone(org):
    OrgProfile.objects.create(organisation=org, countries=["FR"])
    seed_policy(org, io.StringIO())
    assert OrgProfile.objects.get(organisation=org).countries == ["FR"]
