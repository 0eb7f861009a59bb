"""Verify organisations' audit hash chains.

    python manage.py verify_audit --org SLUG
    python manage.py verify_audit --all

Prints one line per organisation, e.g.
"OK: 1234 events, chain intact (head 9f3a1b2c4d5e…)" or
"TAMPERED at seq 17: hash mismatch (row altered)" (other reasons: "seq 17 missing
(row removed)", "seq out of order", "chain broken …", "chain head mismatch …").
Exits 0 when every chain checked is intact and 1 otherwise, so it can run from
cron or CI and alert on a non-zero status.
"""

import sys

from django.core.management.base import BaseCommand, CommandError

from audit.verify import verify_org
from organisations.models import Organisation


class Command(BaseCommand):
    help = "Verify the audit log hash chain of one organisation (--org) or of all (--all)."

    def add_arguments(self, parser):
        which = parser.add_mutually_exclusive_group(required=True)
        which.add_argument("--org", metavar="SLUG", help="the organisation's slug")
        which.add_argument("--all", action="store_true", help="every organisation")

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
