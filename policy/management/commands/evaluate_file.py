"""Evaluate a file of invitations against a policy, without touching the database."""

import dataclasses
import json
from collections import Counter
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from invitations.intake.detect import read_invitations
from invitations.intake.errors import SKIPPED_CONNECTED, SKIPPED_OUTGOING
from invitations.intake.limits import IntakeLimits
from invitations.intake.linkedin_export import open_linkedin_export
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


def with_export_connections(org: OrgContext, handle, name: str) -> OrgContext:
    """Return `org` with the people of an export ZIP's Connections.csv as known contacts.

    Any other file leaves `org` as it is; errors in Connections.csv are reported by the
    invitations stream, which yields them first.
    """
    if handle.read(4)[:2] != b"PK":
        handle.seek(0)
        return org
    handle.seek(0)
    names, urls = set(), set()
    with open_linkedin_export(handle, name) as export:
        if export.connection_members and not export.errors:
            for row in export.connections():
                if row.record is not None:
                    names.add(row.record["name"])
                    urls.add(row.record["profile_url"])
    handle.seek(0)
    return dataclasses.replace(
        org,
        known_contact_names=org.known_contact_names | names,
        known_contact_urls=org.known_contact_urls | urls,
    )


class Command(BaseCommand):
    help = (
        "Evaluate every invitation in FILE (JSON lines, the CSV template, LinkedIn's "
        "Invitations.csv or whole data-export ZIP, or one .eml) against the default policy or "
        "--policy, and print one result per invitation. A ZIP's Connections.csv counts as "
        "known contacts, and invitations from those people are skipped as already connected. "
        "Nothing is read from or written to the database."
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
        skipped: Counter = Counter()
        with handle:
            org = with_export_connections(org, handle, path.name)
            limits = IntakeLimits(authserv_ids=settings.VOUCH_AUTHSERV_ID)
            for row in read_invitations(handle, path.name, limits):
                if row.errors:
                    errors.extend(row.errors)
                    continue
                if row.skipped:
                    skipped[row.skipped] += 1
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
        if not results and not skipped[SKIPPED_CONNECTED]:
            sent = skipped[SKIPPED_OUTGOING]
            detail = f": all {sent} are OUTGOING, invitations the member sent" if sent else ""
            raise CommandError(f"{path.name}: no incoming invitations{detail}.")
        if skipped[SKIPPED_CONNECTED] or skipped[SKIPPED_OUTGOING]:
            self.stderr.write(
                f"{path.name}: {skipped[SKIPPED_CONNECTED]} already connected, skipped; "
                f"{skipped[SKIPPED_OUTGOING]} outgoing, skipped; {len(results)} evaluated."
            )
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
