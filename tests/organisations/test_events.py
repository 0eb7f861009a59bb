"""Changes organisations announces are recorded by audit, or not made at all."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from audit.models import AuditEvent
from audit.services import audit_record_organisation_change
from organisations.events import organisation_change_announce, organisation_changed
from organisations.models import ApiToken
from organisations.tokens import api_token_create

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def nothing_records():
    organisation_changed.disconnect(dispatch_uid="audit.organisation_changed")
    yield
    organisation_changed.connect(
        audit_record_organisation_change, dispatch_uid="audit.organisation_changed"
    )


def test_a_change_nothing_would_record_is_not_made(org, manager, nothing_records):
    with pytest.raises(ImproperlyConfigured):
        api_token_create(org=org, name="gateway", user=manager, actor=manager)
    assert not ApiToken.objects.exists()


def test_a_change_with_an_action_audit_does_not_know_is_not_recorded(org, manager):
    with pytest.raises(ValueError):
        organisation_change_announce(
            org=org, actor=manager, action="member.renamed", target_type="", target_id="", data={}
        )
    assert not AuditEvent.objects.exists()
