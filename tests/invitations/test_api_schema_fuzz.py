"""Schemathesis generates requests from the API's own OpenAPI schema (/api/schema/) and sends
them through the WSGI application with a valid token: no request may end in a 5xx."""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from invitations.models import Invitation
from organisations.tokens import api_token_create


@schemathesis.serializer("message/rfc822")
def _raw_message(ctx, value) -> bytes:
    """Send a generated mail body as the bytes a gateway posts."""
    if isinstance(value, bytes):
        return value
    return str(value).encode("utf-8", "surrogatepass")


@pytest.fixture
def api_schema(db):
    """The schema, loaded through the WSGI application as every generated request is sent.

    Django's test client keeps the test's database connection open across requests; a
    WSGI call would close it at the end of each request, so that is switched off here too.
    """
    from django.core import signals
    from django.db import close_old_connections

    from config.wsgi import application

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield schemathesis.openapi.from_wsgi("/api/schema/", application)
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def api_key(org, manager):
    return api_token_create(org=org, name="schemathesis", user=manager, actor=manager)[1]


def test_no_generated_request_gets_a_server_error(api_schema, api_key):
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert {op.path for op in operations} >= {"/api/v1/invitations", "/api/v1/inbound-email"}
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=40,
            deadline=None,
            suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        )
        def call(case):
            before = Invitation.objects.count()
            response = case.call_and_validate(
                headers={"Authorization": f"Bearer {api_key}"}, checks=[not_a_server_error]
            )
            if 400 <= response.status_code < 500:
                assert Invitation.objects.count() == before

        call()
