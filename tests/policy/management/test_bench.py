"""The engine benchmark's data and timing, and the command that prints them."""

import json
from io import StringIO

from policy.engine import compile_policy, evaluate
from policy.management.bench import generate_facts, run_benchmark

POLICY = compile_policy()


def test_generated_benchmark_facts_are_varied_and_reproducible():
    first = generate_facts(400, seed=1)
    assert first == generate_facts(400, seed=1)
    outcomes = {evaluate(f, POLICY).recommendation for f in first}
    assert outcomes == {"accept", "ignore", "dont_know", "report_spam"}
    rules = {h.rule for f in first for h in evaluate(f, POLICY).hits}
    assert {"default_text", "promotional", "shortened_link", "no_photo", "known_contact"} <= rules


def test_run_benchmark_reports_n_seconds_and_rate():
    report = run_benchmark(200)
    assert report["n"] == 200
    assert report["seconds"] >= 0
    assert report["per_s"] > 0


def test_the_management_command_prints_one_json_line():
    from policy.management.commands.bench_engine import Command

    out = StringIO()
    Command(stdout=out).handle(n=50, seed=0)
    line = out.getvalue().strip()
    assert "\n" not in line
    assert json.loads(line)["n"] == 50
