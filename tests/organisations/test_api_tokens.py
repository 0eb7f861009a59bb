import pytest
from django.urls import reverse

from audit.models import Action, AuditEvent
from organisations.models import ApiToken


@pytest.mark.django_db
def test_a_manager_creates_a_token_that_is_shown_once_and_works(
    org, manager, member, login, client
):
    page = login(manager).post(
        reverse("api_tokens", kwargs={"org_slug": org.slug}),
        {"name": "CRM sync", "user": member.pk},
    )
    key = page.context["new_key"]
    assert key.startswith("vch_") and key in page.content.decode()
    token = ApiToken.objects.get()
    assert token.key_hash != key and key not in token.key_hash
    assert AuditEvent.objects.filter(action=Action.TOKEN_CREATED).count() == 1
    again = login(manager).get(reverse("api_tokens", kwargs={"org_slug": org.slug}))
    assert key not in again.content.decode()
    response = client.get("/api/v1/invitations/999999", headers={"authorization": f"Bearer {key}"})
    assert response.status_code == 404


@pytest.mark.django_db
def test_a_revoked_token_stops_working_and_the_revocation_is_audited(org, manager, login, client):
    from organisations.tokens import api_token_create

    token, key = api_token_create(org=org, name="gateway", user=manager, actor=manager)
    login(manager).post(
        reverse("api_token_revoke", kwargs={"org_slug": org.slug, "token_id": token.pk})
    )
    response = client.get("/api/v1/invitations/1", headers={"authorization": f"Bearer {key}"})
    assert response.status_code == 401
    assert AuditEvent.objects.filter(action=Action.TOKEN_REVOKED).count() == 1


@pytest.mark.django_db
def test_a_token_stops_working_when_its_user_leaves(org, manager, member, client):
    from organisations.models import Membership
    from organisations.tokens import api_token_create

    _token, key = api_token_create(org=org, name="x", user=member, actor=manager)
    Membership.objects.filter(user=member).delete()
    response = client.get("/api/v1/invitations/1", headers={"authorization": f"Bearer {key}"})
    assert response.status_code == 401


@pytest.mark.django_db
def test_requests_without_a_token_are_refused(client):
    assert (
        client.post("/api/v1/invitations", {}, content_type="application/json").status_code == 401
    )


@pytest.mark.django_db
def test_the_openapi_schema_is_served(client):
    response = client.get("/api/schema/")
    assert response.status_code == 200
    assert b"/api/v1/invitations" in response.content
