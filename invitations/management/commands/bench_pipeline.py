"""Measure intake and evaluation end to end with real worker processes, Redis and PostgreSQL."""

import csv
import json
import resource
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from config.worker_process import WorkerProcess
from intake.template_csv import TEMPLATE_HEADER
from invitations.management.bench import bench_invitations_delete
from invitations.models import Channel, Invitation, Status
from invitations.services import invitation_import_file
from organisations.models import Membership, Organisation, Role
from policy.management.bench import generate_records
from policy.services import policy_ensure


def write_csv(path: Path, n: int, seed: int) -> None:
    """Write `n` generated invitations to `path` in the CSV template, streaming."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=TEMPLATE_HEADER, extrasaction="ignore")
        writer.writeheader()
        for record in generate_records(n, seed):
            row = {k: v for k, v in record.items() if k in TEMPLATE_HEADER}
            row["attachments"] = "|".join(record["attachments"])
            row["requester_has_photo"] = {True: "true", False: "false", None: ""}[
                record["requester_has_photo"]
            ]
            # Every row goes to another colleague, so no two rows are the same invitation.
            number = int(record["ref"].removeprefix("bench-"))
            row["recipient"] = f"colleague{number}@muster.example"
            # The engine's generator draws from a hundred names; real requesters are many
            # more, each inviting a few colleagues, so give every name about five rows.
            if not record["requester_name"].startswith("Known"):
                row["requester_name"] = f"{record['requester_name']} {number % 20_000:05d}"
            row["received_at"] = f"2026-11-{1 + number % 25:02d}T10:00:00Z"
            writer.writerow(row)


def _tree_peak_rss_kb(pid: int) -> int:
    """Return the summed peak RSS (VmHWM) of process `pid` and its children, in KiB."""
    total = 0
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        pids += [int(p) for p in children.read_text().split()]
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total


class Command(BaseCommand):
    help = (
        "Generate a CSV of N invitations, import it through the real intake service, let real "
        "Celery worker processes evaluate it, and print one JSON object with import and "
        "end-to-end rates and the peak memory of all processes. Needs PostgreSQL and Redis."
    )

    def add_arguments(self, parser):
        parser.add_argument("-n", type=int, default=100_000)
        parser.add_argument("--workers", type=int, default=2, help="worker processes")
        parser.add_argument("--seed", type=int, default=0)
        parser.add_argument("--keep", action="store_true", help="keep the benchmark data")

    def handle(self, *args, **options):
        if settings.CELERY_TASK_ALWAYS_EAGER or connection.vendor != "postgresql":
            raise CommandError("bench_pipeline needs DATABASE_URL (PostgreSQL) and REDIS_URL.")
        n = options["n"]
        org, user = self._bench_org()
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "bench.csv"
            write_csv(path, n, options["seed"])
            worker = WorkerProcess(concurrency=options["workers"])
            try:
                started = time.perf_counter()
                with path.open("rb") as handle:
                    outcome = invitation_import_file(
                        org=org,
                        submitter=user,
                        channel=Channel.CSV,
                        fileobj=handle,
                        filename=path.name,
                    )
                imported = time.perf_counter()
                evaluated = self._wait_evaluated(org, outcome.created, worker)
                finished = time.perf_counter()
                worker_rss = _tree_peak_rss_kb(worker.pid)
            finally:
                worker.stop()
        own_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        result = {
            "n": n,
            "import_per_s": round(outcome.created / (imported - started)),
            "end_to_end_per_s": round(evaluated / (finished - started)),
            "import_seconds": round(imported - started, 2),
            "end_to_end_seconds": round(finished - started, 2),
            "peak_rss_mb": round((own_rss + worker_rss) / 1024, 1),
            "workers": options["workers"],
        }
        if not options["keep"]:
            self._clean(org)
        self.stdout.write(json.dumps(result))

    def _bench_org(self):
        org, _ = Organisation.objects.get_or_create(
            slug="bench-pipeline", defaults={"name": "Pipeline benchmark"}
        )
        self._clean(org)
        user, _ = get_user_model().objects.get_or_create(username="bench-pipeline")
        Membership.objects.get_or_create(
            user=user, organisation=org, defaults={"role": Role.MEMBER}
        )
        policy_ensure(org=org)
        return org, user

    def _wait_evaluated(self, org, expected: int, worker, timeout: float = 600) -> int:
        """Return how many invitations are evaluated, once none is left unfinished.

        Each poll looks at the small partial index of unfinished invitations, not at a
        count of the evaluated ones, so polling takes no noticeable time from the
        workers being measured.
        """
        deadline = time.monotonic() + timeout
        rows = Invitation.objects.for_org(org)
        unfinished = rows.filter(status__in=[Status.RECEIVED, Status.EVALUATING])
        while time.monotonic() < deadline:
            if not unfinished.exists():
                return rows.filter(status=Status.EVALUATED).count()
            if not worker.alive():
                raise CommandError("the worker died during the benchmark")
            time.sleep(0.05)
        raise CommandError(f"not all of {expected} invitations were evaluated within {timeout}s")

    def _clean(self, org) -> None:
        bench_invitations_delete(org)
