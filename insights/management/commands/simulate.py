"""Simulate a policy over an organisation's past invitations and print the comparison."""

import json
from datetime import date

from django.core.management.base import BaseCommand, CommandError

from insights.simulation import simulate
from organisations.models import Organisation
from policy.engine import PolicyInvalid
from policy.offline import load_policy_file


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise CommandError(f"{text!r} is not a date like 2026-01-31") from exc


class Command(BaseCommand):
    help = (
        "Replay POLICY.json (a version export or a bare policy) over the evaluated "
        "invitations of organisation SLUG submitted in the period, compare with the "
        "recommendations given and the reviewers' decisions, and print the result as JSON. "
        "Nothing is stored."
    )

    def add_arguments(self, parser):
        parser.add_argument("--org", required=True, help="organisation slug")
        parser.add_argument("--policy", required=True, help="a policy version export or policy")
        parser.add_argument("--from", dest="period_from", help="first day, YYYY-MM-DD")
        parser.add_argument("--to", dest="period_to", help="last day, YYYY-MM-DD")
        parser.add_argument(
            "--changed", type=int, default=None, help="list at most this many changed items"
        )

    def handle(self, *args, **options):
        org = Organisation.objects.filter(slug=options["org"]).first()
        if org is None:
            raise CommandError(f"no organisation {options['org']!r}")
        policy_data = load_policy_file(options["policy"])
        period_from = _date(options["period_from"]) if options["period_from"] else None
        period_to = _date(options["period_to"]) if options["period_to"] else None
        if period_from and period_to and period_from > period_to:
            raise CommandError("--from is after --to")
        try:
            result = simulate(
                org=org, policy_data=policy_data, period_from=period_from, period_to=period_to
            )
        except PolicyInvalid as exc:
            lines = "\n".join(f"  {e.path}: {e.message}" for e in exc.errors)
            raise CommandError(f"{options['policy']}: the policy is invalid:\n{lines}") from exc
        if options["changed"] is not None:
            result["changed_items"] = result["changed_items"][: max(options["changed"], 0)]
        self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))
