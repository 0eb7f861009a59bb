"""Verify organisations' audit hash chains.

    python manage.py verify_audit --org SLUG
    python manage.py verify_audit --all
    python manage.py verify_audit --org SLUG --export-anchor > acme-anchor.json
    python manage.py verify_audit --org SLUG --anchor acme-anchor.json

Prints one line per organisation, e.g.
"OK: 1234 events, chain intact (head 9f3a1b2c4d5e…)" or
"TAMPERED at seq 17: hash mismatch (row altered)" (other reasons: "seq 17 missing
(row removed)", "seq out of order", "chain broken …", "chain head mismatch …").
Exits 0 when every chain checked is intact and 1 otherwise, so it can run from
cron or CI and alert on a non-zero status.

--export-anchor prints the chain head signed with VOUCH_AUDIT_ANCHOR_KEY; keep it
outside the database. --anchor FILE then also fails if any event up to that anchor
changed or was removed (a re-hashed tail, the newest events cut and the head moved
back), unless a recorded retention run removed it.
"""

import json
import sys

from django.core.management.base import BaseCommand, CommandError

from audit.anchor import AnchorError, anchor_check, anchor_export, anchor_read
from audit.verify import verify_org
from organisations.models import Organisation


class Command(BaseCommand):
    help = "Verify the audit log hash chain of one organisation (--org) or of all (--all)."

    def add_arguments(self, parser):
        which = parser.add_mutually_exclusive_group(required=True)
        which.add_argument("--org", metavar="SLUG", help="the organisation's slug")
        which.add_argument("--all", action="store_true", help="every organisation")
        anchor = parser.add_mutually_exclusive_group()
        anchor.add_argument(
            "--export-anchor", action="store_true", help="print the signed chain head (with --org)"
        )
        anchor.add_argument(
            "--anchor", metavar="FILE", help="also check nothing changed up to this anchor"
        )

    def handle(self, *args, **options):
        every = options["all"]
        if every:
            orgs = list(Organisation.objects.order_by("slug"))
        else:
            slug = options["org"]
            found = Organisation.objects.filter(slug=slug).first()
            if found is None:
                raise CommandError(f"No organisation with slug {slug!r}.")
            orgs = [found]
        if options["export_anchor"] or options["anchor"]:
            if every:
                raise CommandError("--export-anchor and --anchor need --org SLUG.")
            self._anchor(orgs[0], options)
            return
        intact = True
        for organisation in orgs:
            result = verify_org(organisation)
            line = f"{organisation.slug}: {result}" if every else str(result)
            if result.ok:
                self.stdout.write(line)
            else:
                intact = False
                self.stderr.write(line)
        if not intact:
            sys.exit(1)

    def _anchor(self, organisation, options) -> None:
        try:
            if options["export_anchor"]:
                self.stdout.write(json.dumps(anchor_export(organisation), sort_keys=True))
                return
            path = options["anchor"]
            try:
                with open(path, encoding="utf-8") as handle:
                    text = handle.read(65536)
            except OSError as exc:
                raise CommandError(f"Cannot read {path}: {exc.strerror}.") from exc
            verdict = anchor_check(organisation, anchor_read(text, source=path))
        except AnchorError as exc:
            raise CommandError(str(exc)) from exc
        if verdict.ok:
            self.stdout.write(str(verdict))
        else:
            self.stderr.write(str(verdict))
            sys.exit(1)
