import pytest
from django.test import override_settings

from tests.workers import wait_for


def test_healthz_answers_ok_when_database_broker_and_a_worker_answer(client, settings, worker):
    assert not settings.CELERY_TASK_ALWAYS_EAGER, "tests run against a real broker"
    response = wait_for(lambda: (r := client.get("/healthz")).status_code == 200 and r, 30)
    assert response.json() == {"database": "ok", "broker": "ok", "workers": "ok"}


@pytest.mark.django_db
def test_healthz_names_missing_workers_when_none_runs(client, empty_queue):
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert (body["database"], body["broker"]) == ("ok", "ok")
    assert body["workers"].startswith("missing")
    assert body["failing"] == ["workers"]


def test_healthz_names_missing_workers_after_the_last_worker_stopped(client, start_worker):
    worker = start_worker()
    wait_for(lambda: client.get("/healthz").status_code == 200, 30)
    worker.stop()
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["failing"] == ["workers"]


@pytest.mark.django_db
def test_healthz_names_a_broker_that_is_down(client):
    with override_settings(CELERY_BROKER_URL="redis://127.0.0.1:1/0"):
        response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["database"] == "ok"
    assert body["broker"].startswith("error")
    assert "broker" in body["failing"]
