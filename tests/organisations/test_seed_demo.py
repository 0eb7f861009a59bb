import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from organisations.models import Membership, Organisation


def _snapshot():
    from django.apps import apps

    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label in {"organisations", "policy", "invitations", "audit", "auth"}
    }


@pytest.mark.django_db
def test_seed_demo_creates_one_user_per_role_and_running_it_twice_changes_nothing(capsys):
    call_command("seed_demo")
    first = _snapshot()
    call_command("seed_demo")
    assert _snapshot() == first
    org = Organisation.objects.get(slug="demo")
    roles = set(Membership.objects.for_org(org).values_list("role", flat=True))
    assert roles == {"member", "reviewer", "compliance", "manager"}
    assert get_user_model().objects.get(username="manager").check_password("manager-demo-pass")
    assert "manager-demo-pass" in capsys.readouterr().out
