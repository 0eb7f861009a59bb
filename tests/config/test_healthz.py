import pytest
from django.test import override_settings


@pytest.mark.django_db
def test_healthz_answers_ok_when_database_and_broker_answer(client, settings):
    assert not settings.CELERY_TASK_ALWAYS_EAGER, "tests run against a real broker"
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "broker": "ok"}


@pytest.mark.django_db
def test_healthz_names_a_broker_that_is_down(client):
    with override_settings(CELERY_BROKER_URL="redis://127.0.0.1:1/0"):
        response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["database"] == "ok"
    assert body["broker"].startswith("error")
