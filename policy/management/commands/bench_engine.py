"""`manage.py bench_engine -n 100000`: time the policy engine and print one JSON line."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from policy.management.bench import run_benchmark


class Command(BaseCommand):
    help = "Evaluate N generated invitations with the default policy; print {n, seconds, per_s}."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("-n", type=int, default=100_000, help="number of invitations")
        parser.add_argument("--seed", type=int, default=0, help="random seed for the data")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["n"] < 1:
            self.stderr.write("n must be at least 1")
            raise SystemExit(2)
        self.stdout.write(json.dumps(run_benchmark(options["n"], seed=options["seed"])))
