"""Who may open the policy pages: managers edit, readers read, outsiders see nothing."""

import pytest
from django.urls import reverse

from policy.models import Policy
from policy.services import policy_ensure

pytestmark = pytest.mark.django_db

MANAGER_PAGES = [
    ("get", "policy_edit", {}),
    ("post", "policy_edit", {}),
    ("get", "policy_diff", {}),
    ("post", "policy_publish", {}),
    ("get", "policy_versions", {}),
    ("get", "policy_version_export", {"number": 1}),
    ("get", "policy_draft_export", {}),
    ("get", "policy_import", {}),
    ("post", "policy_import", {}),
    ("get", "policy_profile", {}),
    ("post", "policy_profile", {}),
    ("post", "roster_upload_shared", {}),
    ("post", "roster_delete", {}),
]


@pytest.mark.parametrize("role", ["member", "reviewer", "compliance"])
def test_only_managers_open_the_manager_pages(role, personas, org, login):
    policy_ensure(org=org)
    client = login(personas[role])
    for method, name, kwargs in MANAGER_PAGES:
        path = reverse(name, kwargs={"org_slug": org.slug, **kwargs})
        response = getattr(client, method)(path)
        assert response.status_code == 403, f"{role} {method} {path}"


def test_the_manager_opens_every_page(org, manager, login):
    policy_ensure(org=org)
    client = login(manager)
    for name, kwargs in [
        ("policy_edit", {}),
        ("policy_published", {}),
        ("policy_diff", {}),
        ("policy_versions", {}),
        ("policy_version_export", {"number": 1}),
        ("policy_draft_export", {}),
        ("policy_import", {}),
        ("policy_profile", {}),
        ("roster", {}),
    ]:
        path = reverse(name, kwargs={"org_slug": org.slug, **kwargs})
        assert client.get(path).status_code == 200, path


@pytest.mark.parametrize(
    ("role", "published", "roster"),
    [("member", 403, 200), ("reviewer", 200, 200), ("compliance", 200, 403)],
)
def test_readers_see_the_published_policy_and_submitters_the_roster(
    role, published, roster, personas, org, login
):
    client = login(personas[role])
    assert client.get(reverse("policy_published", args=[org.slug])).status_code == published
    assert client.get(reverse("roster", args=[org.slug])).status_code == roster


def test_the_outsider_gets_404_even_for_an_existing_version(org, manager, outsider, login):
    policy_ensure(org=org)
    client = login(outsider)
    path = reverse("policy_version_export", kwargs={"org_slug": org.slug, "number": 1})
    assert client.get(path).status_code == 404
    for name in ("policy_edit", "roster", "roster_upload_mine", "policy_published"):
        assert client.post(reverse(name, args=[org.slug])).status_code == 404


def test_the_policy_menu_entries_lead_to_the_pages(org, manager, login):
    response = login(manager).get(reverse("org_home", args=[org.slug]))
    shown = {item["url_name"]: item["url"] for item in response.context["nav_items"]}
    assert shown["policy_edit"] == f"/o/{org.slug}/policy/"
    assert shown["roster"] == f"/o/{org.slug}/policy/roster/"


def test_an_empty_post_by_the_manager_is_refused_without_a_server_error(org, manager, login):
    policy_ensure(org=org)
    before = Policy.objects.get(organisation=org).draft
    client = login(manager)
    for name in (
        "policy_edit",
        "policy_publish",
        "policy_import",
        "policy_profile",
        "roster_upload_mine",
        "roster_upload_shared",
    ):
        response = client.post(reverse(name, args=[org.slug]))
        assert response.status_code == 400, name
    assert client.post(reverse("roster_delete", args=[org.slug])).status_code == 302
    assert Policy.objects.get(organisation=org).draft == before


def test_policy_validation_messages_follow_the_readers_language():
    from django.utils import translation

    from policy.engine import validate_policy
    from policy.texts import localised

    errors = validate_policy({"schema": 1, "thresholds": {"spam": "high"}, "mystery": 1})
    messages = {e.path: e.message for e in errors}
    assert messages["mystery"] == "unknown top-level key"  # the engine speaks English
    with translation.override("de"):
        assert localised(messages["mystery"]) == "unbekannter Schlüssel auf oberster Ebene"
        assert localised(messages["thresholds.spam"]) == "muss eine Zahl sein, erhalten: 'high'"
