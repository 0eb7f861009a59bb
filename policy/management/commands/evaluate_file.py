"""Evaluate a file of invitations against a policy, without touching the database."""

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from invitations.intake.detect import read_invitations
from invitations.intake.limits import IntakeLimits
from policy.engine import Facts, OrgContext, PolicyInvalid, compile_policy, evaluate


def load_policy_file(path: str) -> dict:
    """Return the policy data in a version export (its "policy" key) or a bare policy file."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CommandError(f"{path}: cannot read the policy: {exc}") from exc
    if isinstance(data, dict) and isinstance(data.get("policy"), dict):
        data = data["policy"]
    if not isinstance(data, dict):
        raise CommandError(f"{path}: a policy is a JSON object")
    return data


def load_profile_file(path: str) -> OrgContext:
    """Return the organisation context described by a PROFILE.json file."""
    try:
        return OrgContext.from_profile(json.loads(Path(path).read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, ValueError) as exc:
        raise CommandError(f"{path}: cannot read the profile: {exc}") from exc


class Command(BaseCommand):
    help = (
        "Evaluate every invitation in FILE (JSON lines, the CSV template, LinkedIn's "
        "Invitations.csv, or one .eml) against the default policy or --policy, and print one "
        "result per invitation. Nothing is read from or written to the database."
    )
    requires_system_checks: list = []

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--profile", required=True, help="PROFILE.json of the organisation")
        parser.add_argument("--policy", help="a policy version export or policy JSON")
        parser.add_argument("--format", choices=["jsonl", "table"], default="jsonl")
        parser.add_argument("--lang", choices=["en", "de"], default="en")

    def handle(self, *args, **options):
        org = load_profile_file(options["profile"])
        try:
            policy = compile_policy(
                load_policy_file(options["policy"]) if options["policy"] else None
            )
        except PolicyInvalid as exc:
            lines = "\n".join(f"  {e.path}: {e.message}" for e in exc.errors)
            raise CommandError(f"{options['policy']}: the policy is invalid:\n{lines}") from exc
        path = Path(options["file"])
        try:
            handle = path.open("rb")
        except OSError as exc:
            raise CommandError(f"{path}: {exc.strerror}") from exc
        results, errors = [], []
        with handle:
            limits = IntakeLimits(authserv_ids=settings.VOUCH_AUTHSERV_ID)
            for row in read_invitations(handle, path.name, limits):
                if row.errors:
                    errors.extend(row.errors)
                    continue
                if errors or row.record is None:
                    continue
                ref = row.record.get("ref") or f"line {row.line}" if row.line else path.name
                try:
                    facts = Facts.from_mapping(row.record, org)
                except ValueError as exc:
                    errors.append(f"{path.name}, line {row.line}: {exc}")
                    continue
                results.append((ref, evaluate(facts, policy)))
        if errors:
            for error in errors:
                self.stderr.write(str(error))
            raise CommandError(f"{path.name}: {len(errors)} error(s); nothing was evaluated.")
        lang = options["lang"]
        if options["format"] == "jsonl":
            for ref, result in results:
                out = {"ref": ref, **result.to_dict(lang)}
                self.stdout.write(json.dumps(out, ensure_ascii=False))
        else:
            self._table(results, lang)

    def _table(self, results, lang: str) -> None:
        width = max([len(str(ref)) for ref, _r in results] + [3])
        self.stdout.write(f"{'ref':<{width}}  {'recommendation':<14}  reasons")
        for ref, result in results:
            reasons = "; ".join(h.explanation(lang) for h in result.hits if h.weight > 0)
            self.stdout.write(f"{ref!s:<{width}}  {result.recommendation:<14}  {reasons}")
