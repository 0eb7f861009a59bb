"""A broker-fault drill with real workers, beat, a private redis-server and PostgreSQL.

    python manage.py bench_faults [--decisions 30]

Starts its own redis-server on a free port (the configured Redis is left alone) and
prints one JSON object:

- `healthz_without_worker`: /healthz status and body while no worker runs;
- `broker_hung`: seconds a submission, a decision and /healthz take while Redis is
  frozen with SIGSTOP, and their status codes;
- `broker_down`: the same while Redis is stopped;
- `recovery_after_wipe_seconds`: invitations queued, Redis wiped (FLUSHALL), then a
  worker and beat with default settings start: seconds until all are evaluated;
- `notifications`: decisions recorded while Redis was down, while the mail server was
  down, and normally; how many e-mails were sent, failed, and lost.

Needs PostgreSQL (DATABASE_URL); run it on a database of its own, it keeps its data.
"""

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.urls import reverse

from config.publish import broker_use, publish_resume
from config.redis_server import PrivateRedis
from config.worker_process import ROOT, WorkerProcess
from invitations.models import Channel, Decision, Invitation, Status
from invitations.services import invitation_submit
from organisations.models import EmailStatus, Membership, Organisation, OutboundEmail, Role
from policy.services import policy_ensure


def _timed(call) -> tuple[object, float]:
    started = time.monotonic()
    result = call()
    return result, round(time.monotonic() - started, 2)


def _wait(condition, timeout: float) -> float | None:
    """Return the seconds until `condition()` held, or None after `timeout`."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if condition():
            return round(time.monotonic() - started, 1)
        time.sleep(0.5)
    return None


class Command(BaseCommand):
    help = "Measure request times, /healthz, recovery and lost e-mails under broker faults."

    def add_arguments(self, parser):
        parser.add_argument("--decisions", type=int, default=30)

    def handle(self, *args, decisions: int, **options):
        if connection.vendor != "postgresql":
            raise CommandError("bench_faults needs DATABASE_URL (PostgreSQL).")
        from config.celery import app

        self.server = PrivateRedis()
        self.processes: list = []
        settings.CELERY_BROKER_URL = self.server.url
        settings.CELERY_TASK_ALWAYS_EAGER = app.conf.task_always_eager = False
        broker_use(self.server.url)
        self.tmp = Path(tempfile.mkdtemp(prefix="vouch-faults-"))
        stamp = time.strftime("%Y%m%d%H%M%S")
        self.org = Organisation.objects.create(name=f"Fault drill {stamp}", slug=f"faults-{stamp}")
        policy_ensure(org=self.org)
        users = get_user_model().objects
        self.member = users.create_user(f"faults-member-{stamp}", f"m{stamp}@example.test")
        self.reviewer = users.create_user(f"faults-reviewer-{stamp}", f"r{stamp}@example.test")
        Membership.objects.create(user=self.member, organisation=self.org, role=Role.MEMBER)
        Membership.objects.create(user=self.reviewer, organisation=self.org, role=Role.REVIEWER)
        try:
            report = {
                "healthz_without_worker": self._healthz(),
                "broker_hung": self._requests(self.server.hang, self.server.resume),
                "broker_down": self._requests(self.server.stop, self.server.start),
                "recovery_after_wipe_seconds": self._wipe(),
                "notifications": self._notifications(decisions),
            }
        finally:
            publish_resume()
            for process in reversed(self.processes):
                process.stop()
            self.server.stop()
        self.stdout.write(json.dumps(report, indent=2))

    def _client(self, user) -> Client:
        client = Client()
        client.force_login(user)
        return client

    def _healthz(self) -> dict:
        response = Client().get("/healthz")
        return {"status": response.status_code, "body": response.json()}

    def _evaluated(self) -> Invitation:
        record = {"requester_name": f"Evaluated {time.monotonic_ns()}", "message": "Hello"}
        invitation, _created = invitation_submit(
            org=self.org, submitter=self.member, channel=Channel.API, record=record
        )
        Invitation.objects.filter(pk=invitation.pk).update(
            status=Status.EVALUATED, recommendation="ignore"
        )
        return invitation

    def _requests(self, fault, repair) -> dict:
        decided = self._evaluated()
        member, reviewer = self._client(self.member), self._client(self.reviewer)
        member.get("/healthz")
        fault()
        try:
            submit, submit_s = _timed(
                lambda: member.post(
                    reverse("invitation_submit", kwargs={"org_slug": self.org.slug}),
                    {"requester_name": f"Fault {time.monotonic_ns()}", "message": "Hi"},
                )
            )
            decide, decide_s = _timed(
                lambda: reviewer.post(
                    reverse("review_decide", kwargs={"org_slug": self.org.slug, "pk": decided.pk}),
                    {"action": "ignore"},
                )
            )
            health, health_s = _timed(lambda: Client().get("/healthz"))
        finally:
            repair()
            publish_resume()
        return {
            "submit": {"status": submit.status_code, "seconds": submit_s},
            "decide": {"status": decide.status_code, "seconds": decide_s},
            "healthz": {"status": health.status_code, "seconds": health_s},
        }

    def _beat(self) -> None:
        env = {**os.environ, "CELERY_BROKER_URL": self.server.url, "REDIS_URL": self.server.url}
        process = subprocess.Popen(  # noqa: S603 - our own interpreter, fixed arguments
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "config",
                "beat",
                "-s",
                str(self.tmp / "beat-schedule"),
                "-l",
                "WARNING",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )

        class Beat:
            def stop(self) -> None:
                os.killpg(process.pid, signal.SIGTERM)
                process.wait(20)

        self.processes.append(Beat())

    def _wipe(self) -> float | None:
        client = self._client(self.member)
        names = [f"Wiped {time.monotonic_ns()} {n}" for n in range(20)]
        for name in names:
            client.post(
                reverse("invitation_submit", kwargs={"org_slug": self.org.slug}),
                {"requester_name": name, "message": "Hello"},
            )
        self.server.wipe()
        started = time.monotonic()
        self.worker = WorkerProcess(extra_env={"CELERY_BROKER_URL": self.server.url})
        self.processes.append(self.worker)
        self._beat()
        waiting = Invitation.objects.filter(requester_name__in=names)
        done = _wait(lambda: not waiting.exclude(status=Status.EVALUATED).exists(), 600)
        return None if done is None else round(time.monotonic() - started, 1)

    def _notifications(self, n: int) -> dict:
        mails = self.tmp / "mails"
        invitations = [self._evaluated() for _ in range(n)]
        reviewer = self._client(self.reviewer)
        third = max(n // 3, 1)

        def decide(batch):
            for invitation in batch:
                reviewer.post(
                    reverse(
                        "review_decide", kwargs={"org_slug": self.org.slug, "pk": invitation.pk}
                    ),
                    {"action": "ignore"},
                )

        self.server.stop()
        decide(invitations[:third])
        self.server.start()
        publish_resume()
        self.worker.stop()
        self.worker = WorkerProcess(
            extra_env={"CELERY_BROKER_URL": self.server.url, "EMAIL_URL": "smtp://127.0.0.1:1"}
        )
        decide(invitations[third : 2 * third])
        _wait(lambda: False, 5)
        self.worker.stop()
        self.worker = WorkerProcess(
            extra_env={"CELERY_BROKER_URL": self.server.url, "EMAIL_URL": f"filemail:///{mails}"}
        )
        self.processes.append(self.worker)
        decide(invitations[2 * third :])
        emails = OutboundEmail.objects.filter(organisation=self.org, kind="decision")
        decided = Decision.objects.filter(organisation=self.org).count()
        settled = _wait(lambda: not emails.exclude(status=EmailStatus.SENT).exists(), 600)
        files = sorted(mails.glob("*.log")) if mails.exists() else []
        delivered = sum(f.read_text(errors="replace").count("\nSubject: ") for f in files)
        sent = emails.filter(status=EmailStatus.SENT).count()
        return {
            "decisions": decided,
            "decided_while_redis_down": third + 1,
            "decided_while_smtp_down": third,
            "queued": emails.count(),
            "sent": sent,
            "delivered_to_mail_files": delivered,
            "failed": emails.filter(status=EmailStatus.FAILED).count(),
            "lost": decided - sent,
            "seconds_until_all_sent": settled,
        }
