"""The REST API's decision endpoint: recorded as on the web, refused with a code and a 4xx."""

import pytest

from audit.models import Action, AuditEvent
from invitations.models import Decision
from tests.invitations.fixtures import make_invitation

pytestmark = pytest.mark.django_db


def test_a_reviewers_decision_is_recorded_as_on_the_web(api, org, member):
    invitation = make_invitation(org, member)
    url = f"/api/v1/invitations/{invitation.pk}/decision"
    response = api["reviewer"].post(url, {"action": "report_spam"})
    assert response.status_code == 201
    decision = Decision.objects.get(invitation=invitation)
    assert response.json()["id"] == decision.pk and response["Location"].endswith(
        f"/api/v1/invitations/{invitation.pk}"
    )
    assert AuditEvent.objects.filter(organisation=org, action=Action.DECISION).count() == 1
    again = api["manager"].post(url, {"action": "ignore", "justification": "changed my mind"})
    assert again.status_code == 409
    assert again.json()["errors"][0]["code"] == "already_decided"
    reversal = api["manager"].post(
        url, {"action": "ignore", "justification": "a colleague knows her", "reverses": decision.pk}
    )
    assert reversal.status_code == 201 and reversal.json()["reverses"] == decision.pk


def test_a_decision_against_the_recommendation_needs_a_justification(api, org, member):
    invitation = make_invitation(org, member)
    url = f"/api/v1/invitations/{invitation.pk}/decision"
    response = api["reviewer"].post(url, {"action": "accept"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["code"] == "justification"
    typo = api["reviewer"].post(url, {"action": "accept", "justifcation": "known"})
    assert typo.status_code == 400
    assert typo.json()["errors"][0]["field"] == "justifcation"
    assert not Decision.objects.filter(invitation=invitation).exists()
