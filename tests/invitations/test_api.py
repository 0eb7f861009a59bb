"""The REST API: the web's access rules per role, listing, submitting, the schema (deciding:
tests/review/test_api.py)."""

import json
from datetime import timedelta

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.utils import timezone

from invitations.models import Invitation, Status
from tests.invitations.fixtures import make_invitation

pytestmark = pytest.mark.django_db

ROLES = ("member", "reviewer", "compliance", "manager", "outsider")
ONE = {"requester_name": "Jane Roe", "message": "Hi Anna, we met at the Berlin meetup."}


@pytest.fixture
def own_and_other(org, member, reviewer):
    """(an invitation the member submitted, one a reviewer submitted)."""
    return make_invitation(org, member), make_invitation(org, reviewer)


def _route_statuses(api, role, own, other, fresh) -> dict[str, int]:
    client = api[role]
    return {
        "GET list": client.get("/api/v1/invitations").status_code,
        "GET own": client.get(f"/api/v1/invitations/{own.pk}").status_code,
        "GET other": client.get(f"/api/v1/invitations/{other.pk}").status_code,
        "POST invitation": client.post("/api/v1/invitations", {**ONE, "ref": role}).status_code,
        "POST decision": client.post(
            f"/api/v1/invitations/{fresh.pk}/decision", {"action": "report_spam"}
        ).status_code,
        # An empty body is refused (400) by whoever may submit, before any parsing.
        "POST inbound": client.client.post(
            "/api/v1/inbound-email", b"", content_type="message/rfc822"
        ).status_code,
    }


EXPECTED = {
    "member": {
        "GET list": 200,
        "GET own": 200,
        "GET other": 404,
        "POST invitation": 201,
        "POST decision": 403,
        "POST inbound": 400,
    },
    "reviewer": {
        "GET list": 200,
        "GET own": 200,
        "GET other": 200,
        "POST invitation": 201,
        "POST decision": 201,
        "POST inbound": 400,
    },
    "compliance": {
        "GET list": 200,
        "GET own": 200,
        "GET other": 200,
        "POST invitation": 403,
        "POST decision": 403,
        "POST inbound": 403,
    },
    "manager": {
        "GET list": 200,
        "GET own": 200,
        "GET other": 200,
        "POST invitation": 201,
        "POST decision": 201,
        "POST inbound": 400,
    },
    "outsider": {
        "GET list": 200,
        "GET own": 404,
        "GET other": 404,
        "POST invitation": 201,
        "POST decision": 404,
        "POST inbound": 400,
    },
}


@pytest.mark.parametrize("role", ROLES)
def test_every_api_route_answers_each_role_as_the_web_does(role, api, org, member, own_and_other):
    own, other = own_and_other
    fresh = make_invitation(org, member)
    assert _route_statuses(api, role, own, other, fresh) == EXPECTED[role]


def test_compliance_cannot_submit_and_nothing_is_stored(api, org):
    before = Invitation.objects.count()
    response = api["compliance"].post("/api/v1/invitations", ONE)
    assert response.status_code == 403
    assert Invitation.objects.count() == before


def test_a_members_list_holds_only_their_own_invitations(api, own_and_other):
    own, other = own_and_other
    ids = {row["id"] for row in api["member"].get("/api/v1/invitations").json()["results"]}
    assert ids == {own.pk}
    ids = {row["id"] for row in api["reviewer"].get("/api/v1/invitations").json()["results"]}
    assert ids == {own.pk, other.pk}
    assert api["outsider"].get("/api/v1/invitations").json()["results"] == []


def test_a_token_acts_with_its_users_current_role(api, org, member, own_and_other):
    from organisations.models import Membership, Role

    _own, other = own_and_other
    assert api["member"].get(f"/api/v1/invitations/{other.pk}").status_code == 404
    Membership.objects.filter(user=member, organisation=org).update(role=Role.COMPLIANCE)
    assert api["member"].get(f"/api/v1/invitations/{other.pk}").status_code == 200
    assert api["member"].post("/api/v1/invitations", ONE).status_code == 403


def test_a_misspelt_field_is_refused_by_name_and_nothing_is_stored(api):
    before = Invitation.objects.count()
    response = api["member"].post(
        "/api/v1/invitations", {"requester_name": "Sam", "mesage": "We worked at Bosch"}
    )
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["field"] == "mesage" and error["item"] == 1
    assert "did you mean 'message'" in error["message"]
    assert Invitation.objects.count() == before


def test_unknown_fields_in_a_list_are_named_with_their_item(api):
    response = api["member"].post(
        "/api/v1/invitations", [ONE, {**ONE, "ref": "b", "colour": "red", "sender": "x"}]
    )
    assert response.status_code == 400
    fields = {(e["item"], e["field"]) for e in response.json()["errors"]}
    assert fields == {(2, "colour"), (2, "sender")}
    assert not Invitation.objects.filter(requester_name="Jane Roe").exists()


def test_a_new_invitation_answers_201_with_its_location_status_and_recommendation(api):
    response = api["member"].post("/api/v1/invitations", ONE)
    assert response.status_code == 201
    body = response.json()
    assert response["Location"] == body["url"]
    assert body["url"].endswith(f"/api/v1/invitations/{body['id']}")
    invitation = Invitation.objects.get(pk=body["id"])
    assert body["status"] == invitation.status
    assert body["recommendation"] == (invitation.recommendation or None)
    assert body["duplicate"] is False
    again = api["member"].post("/api/v1/invitations", ONE)
    assert again.status_code == 200 and again.json()["duplicate"] is True
    assert again["Location"] == body["url"]
    detail = api["member"].client.get(response["Location"])
    assert detail.status_code == 200 and detail.json()["id"] == body["id"]


def test_the_detail_gives_status_recommendation_hits_and_decisions(api, org, member, reviewer):
    invitation = make_invitation(org, member)
    api["reviewer"].post(f"/api/v1/invitations/{invitation.pk}/decision", {"action": "report_spam"})
    body = api["member"].get(f"/api/v1/invitations/{invitation.pk}").json()
    assert body["status"] == Status.DECIDED
    assert body["recommendation"] == "report_spam" and body["decision"] == "report_spam"
    assert body["hits"] and {"rule", "reason", "weight", "explanation"} <= set(body["hits"][0])
    [decision] = body["decisions"]
    assert decision["action"] == "report_spam" and decision["decided_by"] == reviewer.username


def test_the_list_filters_and_pages_with_a_cursor(api, org, member):
    old = make_invitation(
        org, member, recommendation="ignore", created_at=timezone.now() - timedelta(days=9)
    )
    spam = [make_invitation(org, member, recommendation="report_spam") for _ in range(5)]
    email = make_invitation(org, member, recommendation="ignore", channel="email")
    client = api["reviewer"]

    def ids(**params):
        return {r["id"] for r in client.get("/api/v1/invitations", **params).json()["results"]}

    assert ids(recommendation="report_spam") == {i.pk for i in spam}
    assert ids(channel="email") == {email.pk}
    since = (timezone.now() - timedelta(days=1)).isoformat()
    assert old.pk not in ids(submitted_since=since) and email.pk in ids(submitted_since=since)
    assert ids(status="decided") == set()
    seen, url = [], "/api/v1/invitations?page_size=2"
    while url:
        page = client.client.get(url).json()
        assert len(page["results"]) <= 2
        seen += [r["id"] for r in page["results"]]
        url = page["next"]
    assert seen == sorted({old.pk, email.pk, *(i.pk for i in spam)}, reverse=True)


def test_an_unknown_or_invalid_filter_is_a_400_naming_it(api):
    response = api["reviewer"].get("/api/v1/invitations", recomendation="report_spam")
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["field"] == "recomendation" and "recommendation" in error["message"]
    response = api["reviewer"].get("/api/v1/invitations", status="lost")
    assert response.status_code == 400 and response.json()["errors"][0]["field"] == "status"
    response = api["reviewer"].get("/api/v1/invitations", cursor="garbage")
    assert response.status_code == 400 and response.json()["errors"][0]["field"] == "cursor"
    response = api["reviewer"].get(
        "/api/v1/invitations", submitted_since="0001-01-01T00:00:00+01:00"
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "submitted_since"


def test_requests_beyond_the_tokens_rate_are_throttled(api, settings):
    settings.VOUCH_API_THROTTLE_RATE = "2/minute"
    client = api["member"]
    caches["throttle"].delete(f"vouch:throttle:token:{client.token.pk}")
    statuses = [client.get("/api/v1/invitations").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    # Each token has its own count.
    assert api["reviewer"].get("/api/v1/invitations").status_code == 200


def test_the_openapi_schema_documents_every_route_and_validates():
    from io import StringIO

    out = StringIO()
    call_command(
        "spectacular", "--validate", "--fail-on-warn", "--format", "openapi-json", stdout=out
    )
    schema = json.loads(out.getvalue())
    paths = schema["paths"]
    assert set(paths["/api/v1/invitations"]) >= {"get", "post"}
    assert "get" in paths["/api/v1/invitations/{id}"]
    assert "post" in paths["/api/v1/invitations/{id}/decision"]
    assert "post" in paths["/api/v1/inbound-email"]
    params = {p["name"] for p in paths["/api/v1/invitations"]["get"]["parameters"]}
    assert {"status", "recommendation", "channel", "submitted_since", "cursor"} <= params
