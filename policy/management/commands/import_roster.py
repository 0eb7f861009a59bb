"""Import a member's known contacts from a file, as the roster page does."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from organisations.models import Capability, Membership
from policy.models import RosterSource
from policy.roster import RosterRejected, roster_format, roster_import_file


class Command(BaseCommand):
    help = (
        "Import FILE into the roster of --org for --user: LinkedIn's Connections.csv or the "
        "whole data-export ZIP become the member's LinkedIn connections, a plain CSV "
        "(name,profile_url,company) their own contact list; each replaces the member's earlier "
        "import of the same kind. With --shared the file is the organisation's shared contact "
        "list instead (managers only). A file with any error changes nothing and every error "
        "is printed with file, line and column."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--org", required=True, help="the organisation's slug")
        parser.add_argument("--user", required=True, help="the member's username")
        parser.add_argument(
            "--shared", action="store_true", help="import the shared contact list (managers)"
        )
        parser.add_argument(
            "--append", action="store_true", help="keep the earlier entries of the same kind"
        )

    def handle(self, *args, **options):
        membership = (
            Membership.objects.select_related("organisation", "user")
            .filter(organisation__slug=options["org"], user__username=options["user"])
            .first()
        )
        if membership is None:
            raise CommandError(
                f"{options['user']} is not a member of an organisation {options['org']!r}."
            )
        needed = Capability.MANAGE if options["shared"] else Capability.SUBMIT
        if not membership.can(needed):
            raise CommandError(
                f"{options['user']} is {membership.get_role_display()} in {options['org']} "
                f"and may not import {'the shared list' if options['shared'] else 'contacts'}."
            )
        path = Path(options["file"])
        try:
            handle = path.open("rb")
        except OSError as exc:
            raise CommandError(f"{path}: {exc.strerror}") from exc
        with handle:
            if options["shared"] or roster_format(handle, path.name) == "roster_csv":
                source = RosterSource.CSV
            else:
                source = RosterSource.LINKEDIN
            try:
                outcome = roster_import_file(
                    org=membership.organisation,
                    owner=None if options["shared"] else membership.user,
                    source=source,
                    fileobj=handle,
                    filename=path.name,
                    actor=membership.user,
                    replace=not options["append"],
                )
            except RosterRejected as exc:
                for error in exc.errors:
                    self.stderr.write(str(error))
                raise CommandError(
                    f"{path.name}: {len(exc.errors)} error(s); nothing was imported."
                ) from exc
        whose = "the shared list" if options["shared"] else f"{options['user']}'s roster"
        self.stdout.write(
            f"{path.name}: {outcome.created} contacts imported into {whose} "
            f"({RosterSource(source).label}); {outcome.replaced} earlier entries replaced; "
            f"{outcome.skipped} repeated or empty rows skipped."
        )
