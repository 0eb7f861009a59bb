import pytest
from django.urls import reverse

from audit.models import Action
from audit.services import audit_record


@pytest.mark.django_db
def test_the_log_names_recommendation_and_decision_in_words(org, compliance, reviewer, login):
    audit_record(
        org=org,
        actor=reviewer,
        action=Action.DECISION,
        target_type="invitation",
        target_id=7,
        data={
            "invitation_id": 7,
            "requester_name": "Dana Doe",
            "recommendation": "dont_know",
            "decision": "report_spam",
            "justification": "Known spammer",
            "policy_version": 1,
            "reverses": None,
        },
    )
    page = login(compliance).get(reverse("audit_log", kwargs={"org_slug": org.slug}))
    text = page.content.decode()
    assert "I don&#x27;t know this person → Report as spam" in text
    assert "dont_know →" not in text
