"""Remove audit events older than each organisation's retention period.

    python manage.py apply_audit_retention               # every organisation with a period
    python manage.py apply_audit_retention --org SLUG    # one organisation
    python manage.py apply_audit_retention --dry-run     # only say what would go

Managers set the period on the audit log page (empty = keep forever, the default).
For each organisation, in one transaction, the command appends a `retention` event
recording what it removes (count, seq range, cutoff, and the hash of the last removed
event) and then deletes the oldest events created before the cutoff. The database
refuses DELETE on the audit table at any other time. `verify_audit` still passes
afterwards: the first remaining event is anchored by the retention record.
Celery beat runs the same work nightly as `audit.tasks.apply_retention`.
"""

from django.core.management.base import BaseCommand, CommandError

from audit.retention import apply_retention, apply_retention_everywhere
from organisations.models import Organisation


class Command(BaseCommand):
    help = "Remove audit events older than the organisation's retention period (recorded)."

    def add_arguments(self, parser):
        parser.add_argument("--org", metavar="SLUG", help="only this organisation")
        parser.add_argument(
            "--dry-run", action="store_true", help="report what would be removed; change nothing"
        )

    def handle(self, *args, org=None, dry_run=False, **options):
        if org:
            found = Organisation.objects.filter(slug=org).first()
            if found is None:
                raise CommandError(f"No organisation with slug {org!r}.")
            results = [apply_retention(found, dry_run=dry_run)]
        else:
            results = apply_retention_everywhere(dry_run=dry_run)
            if not results:
                self.stdout.write("No organisation has a retention period; nothing to do.")
        for result in results:
            self.stdout.write(str(result))
