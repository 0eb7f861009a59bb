"""`manage.py judge_report CORPUS.jsonl`: how the policy judges a labelled corpus of notes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from policy.engine import RECOMMENDATIONS
from policy.judge import KNOWN, LABELS, STRANGER, CorpusError, Report, judge, read_corpus
from policy.offline import compile_policy_option, load_profile_data

_TITLES = {STRANGER: "As a stranger's invitation", KNOWN: "As a known colleague's invitation"}
# (metric, title, unit, the target as text, whether a value meets it)
_FIGURES = (
    ("agreement_pct", "agreement with the article", "%", ">= 90%", lambda v: v >= 90),
    (
        "spam_strangers_reported_pct",
        "advertising/scam strangers -> report_spam",
        "%",
        ">= 85%",
        lambda v: v >= 85,
    ),
    ("strangers_accepted", "strangers accepted", "", "0", lambda v: v == 0),
    (
        "other_strangers_reported_pct",
        "non-advertising strangers -> report_spam",
        "%",
        "<= 2%",
        lambda v: v <= 2,
    ),
    (
        "known_without_context_accepted_pct",
        "known colleagues without context accepted",
        "%",
        "<= 10%",
        lambda v: v <= 10,
    ),
    ("known_reported", "known colleagues -> report_spam", "", "0", lambda v: v == 0),
)


class Command(BaseCommand):
    help = (
        "Evaluate every note of a labelled corpus (JSON lines: id, lang, shape, label, note) "
        "once as a stranger's and once as a known colleague's invitation, and print the "
        "confusion matrix of the outcome the article expects against the recommendation."
    )
    requires_system_checks: list = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="the corpus, JSON lines")
        parser.add_argument("--profile", help="PROFILE.json of the organisation")
        parser.add_argument("--policy", help="a policy version export or policy JSON")
        parser.add_argument("--format", choices=["table", "json"], default="table")
        parser.add_argument(
            "--verbose", action="store_true", help="list every disagreement with its reason"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        try:
            with path.open(encoding="utf-8") as handle:
                notes = read_corpus(handle, path.name)
        except OSError as exc:
            raise CommandError(f"{path}: {exc.strerror}") from exc
        except UnicodeDecodeError as exc:
            raise CommandError(f"{path}: is not UTF-8 text: {exc}") from exc
        except CorpusError as exc:
            raise CommandError(str(exc)) from exc
        profile = load_profile_data(options["profile"]) if options["profile"] else None
        policy = compile_policy_option(options["policy"])
        try:
            report = judge(notes, policy=policy, profile=profile)
        except ValueError as exc:
            raise CommandError(f"{options['profile']}: cannot read the profile: {exc}") from exc
        if options["format"] == "json":
            data = report.to_dict()
            if not options["verbose"]:
                del data["disagreements"]
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
        else:
            self._table(report, verbose=options["verbose"])

    def _table(self, report: Report, *, verbose: bool) -> None:
        width = max(len(r) for r in (*RECOMMENDATIONS, *LABELS)) + 2
        header = " " * (width + 9) + "".join(f"{r:>{width}}" for r in RECOMMENDATIONS)
        for side in (STRANGER, KNOWN):
            matrix = report.sides[side].matrix
            self.stdout.write(f"{_TITLES[side]} (rows: expected, columns: recommended)")
            self.stdout.write(header)
            for want in RECOMMENDATIONS:
                if sum(matrix[want].values()):
                    cells = "".join(f"{matrix[want][got]:>{width}}" for got in RECOMMENDATIONS)
                    self.stdout.write(f"  expect {want:<{width}}{cells}")
            self.stdout.write("  by label:")
            for label, got in report.sides[side].by_label.items():
                if sum(got.values()):
                    cells = "".join(f"{got[rec]:>{width}}" for rec in RECOMMENDATIONS)
                    self.stdout.write(f"         {label:<{width}}{cells}")
            self.stdout.write("")
        metrics = report.metrics()
        self.stdout.write(f"{metrics['notes']} notes, each judged twice")
        for key, title, unit, target, met in _FIGURES:
            value = f"{metrics[key]}{unit}"
            verdict = "ok" if met(metrics[key]) else "MISSED"
            self.stdout.write(f"  {title:<46} {value:>7}   target {target:<7} {verdict}")
        by_lang = ", ".join(f"{k} {v}%" for k, v in metrics["agreement_by_lang_pct"].items())
        self.stdout.write(f"  agreement by language: {by_lang}")
        if verbose:
            self.stdout.write("")
            self.stdout.write(f"{len(report.disagreements)} disagreements:")
            for d in report.disagreements:
                note = " ".join(d.note.split())
                note = note if len(note) <= 90 else note[:89] + "…"
                self.stdout.write(
                    f"  {d.id:<8} {d.side:<8} {d.label:<10} expected {d.expected:<11} "
                    f"got {d.got:<11} {d.reason:<18} {note}"
                )
