import pytest
from django.urls import reverse

from organisations.models import CAPABILITIES, Capability, Role
from organisations.navigation import NAV_ITEMS
from tests.urlwalk import fill, org_url_patterns


def test_it_covers_some_organisation_urls():
    assert len(org_url_patterns()) >= 4


@pytest.mark.django_db
def test_the_outsider_gets_404_on_every_organisation_url(org, manager, outsider, login):
    client = login(outsider)
    for route, _pattern in org_url_patterns():
        path = fill(route, org.slug)
        for method in ("get", "post"):
            response = getattr(client, method)(path)
            assert response.status_code == 404, (
                f"{method.upper()} {path} gave {response.status_code}"
            )


@pytest.mark.django_db
def test_an_unknown_organisation_is_a_404_too(manager, login):
    assert login(manager).get("/o/no-such-org/").status_code == 404


@pytest.mark.django_db
def test_an_anonymous_visitor_is_sent_to_login(org):
    from django.test import Client

    response = Client().get(f"/o/{org.slug}/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/?next=")


@pytest.mark.django_db
@pytest.mark.parametrize("role", [r.value for r in Role])
def test_each_role_opens_exactly_the_pages_its_capabilities_allow(role, personas, org, login):
    client = login(personas[role])
    checked = 0
    for route, pattern in org_url_patterns():
        capability = getattr(pattern.callback, "org_capability", "missing")
        if "<" in route.replace("<slug:org_slug>", "") or capability == "missing":
            continue
        if getattr(pattern.callback, "get_only_for_tests_skip", False):
            continue
        response = client.get(fill(route, org.slug))
        if response.status_code == 405:
            continue
        allowed = capability is None or capability in CAPABILITIES[role]
        expected = 200 if allowed else 403
        assert response.status_code == expected, f"{role} GET {route}: {response.status_code}"
        checked += 1
    assert checked >= 2


@pytest.mark.django_db
@pytest.mark.parametrize("role", [r.value for r in Role])
def test_the_menu_shows_each_role_only_its_pages(role, personas, org, login):
    response = login(personas[role]).get(reverse("org_home", kwargs={"org_slug": org.slug}))
    shown = {item["url_name"] for item in response.context["nav_items"]}
    for item in NAV_ITEMS:
        if item.url_name not in shown:
            continue
        assert item.capability is None or item.capability in CAPABILITIES[role]
    assert ("members" in shown) == (Capability.MANAGE in CAPABILITIES[role])
    assert response.content.count(b'data-nav="') == len(shown)


@pytest.mark.django_db
def test_compliance_may_read_but_never_manage(compliance, org, login):
    client = login(compliance)
    assert client.get(reverse("members", kwargs={"org_slug": org.slug})).status_code == 403


@pytest.mark.django_db
def test_post_without_csrf_token_is_rejected(manager, org):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(manager)
    url = reverse("members", kwargs={"org_slug": org.slug})
    response = client.post(url, {"email": "new@example.test", "role": "member"})
    assert response.status_code == 403
    page = client.get(url)
    token = page.cookies["csrftoken"].value
    response = client.post(
        url, {"email": "new@example.test", "role": "member", "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302


@pytest.mark.django_db
def test_a_user_in_two_organisations_can_switch_between_them(org, other_org, login):
    from organisations.models import Membership
    from tests.factories import UserFactory

    agent = UserFactory(username="agent")
    Membership.objects.create(user=agent, organisation=org, role=Role.REVIEWER)
    Membership.objects.create(user=agent, organisation=other_org, role=Role.MEMBER)
    client = login(agent)
    home = client.get("/")
    assert home.status_code == 200
    assert b"/o/acme/" in home.content and b"/o/globex/" in home.content
    page = client.get("/o/globex/")
    assert page.context["membership"].role == Role.MEMBER
