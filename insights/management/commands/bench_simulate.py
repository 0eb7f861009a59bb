"""Measure how long simulating a draft over N past invitations takes."""

import json
import time
from unittest import mock

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import connection, transaction

from insights.simulation import simulate
from intake.errors import ParsedRow
from invitations import services
from invitations.evaluation import invitations_evaluate
from invitations.management.bench import bench_invitations_delete
from invitations.models import Channel, Invitation
from organisations.models import Membership, Organisation, Role
from policy.management.bench import generate_records
from policy.services import policy_current_version, policy_ensure

SLUG = "bench-simulate"
EVALUATE_CHUNK = 2000


def bench_draft(published: dict) -> dict:
    """Return a draft that differs from `published` in ways that change recommendations."""
    draft = json.loads(json.dumps(published))
    draft["rules"]["promotional"]["enabled"] = False
    draft["rules"]["no_context"]["enabled"] = False
    draft["thresholds"]["unknown"] = 1.5
    return draft


class Command(BaseCommand):
    help = (
        "Create (once) an organisation with N evaluated and partly decided invitations, then "
        "time the simulation of a changed draft over all of them and print one JSON object."
    )

    def add_arguments(self, parser):
        parser.add_argument("-n", type=int, default=100_000)
        parser.add_argument("--seed", type=int, default=0)
        parser.add_argument("--rebuild", action="store_true", help="generate the data again")
        parser.add_argument(
            "--processes", type=int, default=None, help="default: one per CPU, at most 4"
        )

    def handle(self, *args, **options):
        n = options["n"]
        org = self._org(n, options["seed"], options["rebuild"])
        draft = bench_draft(policy_current_version(org=org).data)
        started = time.perf_counter()
        result = simulate(org=org, policy_data=draft, processes=options["processes"])
        seconds = time.perf_counter() - started
        self.stdout.write(
            json.dumps(
                {
                    "n": result["total"],
                    "seconds": round(seconds, 2),
                    "per_s": round(result["total"] / seconds) if seconds else 0,
                    "changed": result["changed"],
                    "agreement_before": result["agreement_before"],
                    "agreement_after": result["agreement_after"],
                    "database": connection.vendor,
                    "processes": options["processes"] or "auto",
                }
            )
        )

    def _org(self, n: int, seed: int, rebuild: bool):
        org, _created = Organisation.objects.get_or_create(
            slug=SLUG, defaults={"name": "Simulation benchmark"}
        )
        policy_ensure(org=org)
        have = Invitation.objects.for_org(org).filter(evaluation__isnull=False).count()
        if have == n and not rebuild:
            return org
        self._clean(org)
        user, _created = get_user_model().objects.get_or_create(username=SLUG)
        Membership.objects.get_or_create(
            user=user, organisation=org, defaults={"role": Role.MEMBER}
        )
        self.stderr.write(f"generating {n} evaluated invitations…")
        started = time.perf_counter()
        rows = (
            ParsedRow(line=i + 1, record=self._record(record, i))
            for i, record in enumerate(generate_records(n, seed))
        )
        # Evaluated right here, below, so nothing needs to wait for a worker.
        with mock.patch.object(services, "_enqueue", lambda ids: None):
            outcome = services.invitation_import(
                org=org, submitter=user, channel=Channel.CSV, rows=rows, filename="bench.csv"
            )
        ids = outcome.created_ids
        for start in range(0, len(ids), EVALUATE_CHUNK):
            invitations_evaluate(invitation_ids=ids[start : start + EVALUATE_CHUNK], claim="bench")
        self._history(org)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE invitations_invitation")
            cursor.execute("ANALYZE invitations_evaluation")
        self.stderr.write(f"generated in {time.perf_counter() - started:.1f}s")
        return org

    @staticmethod
    def _record(record: dict, number: int) -> dict:
        record = dict(record)
        record["recipient"] = f"colleague{number}@muster.example"
        # The generator draws from a few hundred names, so every requester would be a
        # mass inviter; here each one invites two colleagues, as most real ones do.
        record["requester_name"] = f"{record['requester_name']} {number // 2}"
        slug = record["requester_name"].lower().replace(" ", "-")
        record["requester_profile_url"] = f"https://www.linkedin.com/in/{slug}/"
        record["attachments"] = list(record["attachments"])
        record["email_findings"] = [list(f) for f in record["email_findings"]]
        record.pop("recent_invites_to_colleagues", None)
        return record

    @staticmethod
    def _history(org) -> None:
        """Spread the invitations over 12 weeks and decide about half of them."""
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(
                "UPDATE invitations_invitation SET "
                "created_at = evaluated_at - (id %% 84) * interval '1 day', "
                "evaluated_at = evaluated_at - (id %% 84) * interval '1 day' "
                "WHERE organisation_id = %s",
                [org.pk],
            )
            cursor.execute(
                "UPDATE invitations_invitation SET status = 'decided', "
                "decided_at = evaluated_at + (id %% 7) * interval '1 hour', "
                "decision = CASE WHEN id %% 4 = 0 THEN 'ignore' ELSE recommendation END "
                "WHERE organisation_id = %s AND id %% 2 = 0",
                [org.pk],
            )

    @staticmethod
    def _clean(org) -> None:
        bench_invitations_delete(org)
