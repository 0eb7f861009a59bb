"""Persona fixtures shared by every test: one user per role in `org`, an outsider, and an
API client per persona."""

import json

import pytest
import redis
from django.conf import settings
from django.test import Client

from organisations.models import Role
from organisations.tokens import api_token_create
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from tests.workers import WorkerProcess


def pytest_configure(config):
    """Hash test passwords with a fast hasher: PBKDF2's deliberate slowness is for production,
    and every persona fixture pays it otherwise."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def org(db):
    return OrganisationFactory(name="Acme Consulting", slug="acme")


@pytest.fixture
def other_org(db):
    return OrganisationFactory(name="Globex", slug="globex")


def _persona(org, username: str, role: str):
    user = UserFactory(username=username, first_name=username.title())
    MembershipFactory(user=user, organisation=org, role=role)
    return user


@pytest.fixture
def member(org):
    return _persona(org, "mia", Role.MEMBER)


@pytest.fixture
def reviewer(org):
    return _persona(org, "rui", Role.REVIEWER)


@pytest.fixture
def compliance(org):
    return _persona(org, "clara", Role.COMPLIANCE)


@pytest.fixture
def manager(org):
    return _persona(org, "max", Role.MANAGER)


@pytest.fixture
def outsider(other_org):
    """A manager, but of another organisation: everything of `org` must be a 404 to them."""
    return _persona(other_org, "otto", Role.MANAGER)


@pytest.fixture
def personas(member, reviewer, compliance, manager, outsider):
    return {
        "member": member,
        "reviewer": reviewer,
        "compliance": compliance,
        "manager": manager,
        "outsider": outsider,
    }


@pytest.fixture
def login():
    """Return a function that gives a test client logged in as the given user."""

    def _login(user) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return _login


class Api:
    """A test client speaking JSON with one user's organisation token."""

    def __init__(self, user, org, manager):
        _token, key = api_token_create(
            org=org, name=f"{user.username}-token", user=user, actor=manager
        )
        self.token = _token
        self.client = Client(headers={"authorization": f"Bearer {key}"})

    def get(self, path, **params):
        return self.client.get(path, params)

    def post(self, path, data):
        return self.client.post(path, json.dumps(data), content_type="application/json")


@pytest.fixture
def api(personas, org, other_org, manager):
    """Return {role: Api}; the outsider's token belongs to their own organisation."""

    def _make(role):
        user = personas[role]
        if role == "outsider":
            return Api(user, other_org, user)
        return Api(user, org, manager)

    return {role: _make(role) for role in personas}


@pytest.fixture(autouse=True)
def _each_test_starts_in_the_default_language():
    """Forget the language a previous test's request left active on this thread.

    LocaleMiddleware activates the request's language and leaves it active afterwards; in
    production the next request sets its own, but a plain test after a German page would
    otherwise read German.
    """
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(autouse=True, scope="session")
def _flush_may_clear_the_audit_log():
    """Let pytest-django's flush between transactional tests empty the append-only audit table.

    Production code never truncates it; only this test-database reset is allowed to,
    by switching the guard off for the flush statement alone.
    """
    from django.core.management.commands import flush
    from django.db import connections

    original = flush.Command.handle

    def handle(self, **options):
        connection = connections[options.get("database", "default")]
        if connection.vendor != "postgresql":
            return original(self, **options)
        with connection.cursor() as cursor:
            cursor.execute("ALTER TABLE audit_auditevent DISABLE TRIGGER audit_event_no_truncate")
        try:
            return original(self, **options)
        finally:
            with connection.cursor() as cursor:
                cursor.execute(
                    "ALTER TABLE audit_auditevent ENABLE TRIGGER audit_event_no_truncate"
                )

    flush.Command.handle = handle
    yield
    flush.Command.handle = original


@pytest.fixture
def empty_queue():
    """Start from an empty broker database, so no task of an earlier test is delivered."""
    redis.Redis.from_url(settings.CELERY_BROKER_URL).flushdb()


@pytest.fixture
def start_worker(transactional_db, empty_queue):
    """Return a function that starts worker processes; all are stopped after the test."""
    workers: list[WorkerProcess] = []

    def _start(**kwargs) -> WorkerProcess:
        worker = WorkerProcess(**kwargs)
        workers.append(worker)
        return worker

    yield _start
    for worker in workers:
        worker.stop()


@pytest.fixture
def worker(start_worker):
    """One worker process with two child processes, stopped after the test."""
    return start_worker()


@pytest.fixture
def eager_tasks():
    """Run Celery tasks in-process for a test that checks what a task does, not its delivery."""
    from config.celery import app

    before = (app.conf.task_always_eager, app.conf.task_eager_propagates)
    app.conf.task_always_eager, app.conf.task_eager_propagates = True, True
    yield
    app.conf.task_always_eager, app.conf.task_eager_propagates = before
