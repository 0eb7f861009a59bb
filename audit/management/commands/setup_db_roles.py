"""Create or update the runtime database role that Vouch's web and workers connect as.

    python manage.py setup_db_roles --runtime vouch_app            # print the SQL
    python manage.py setup_db_roles --runtime vouch_app --apply    # run it now

Run it as the owner role that ran `migrate` (DATABASE_URL pointing at the owner),
after every migration that adds tables. The runtime role may read and write the
application's tables, but only SELECT and INSERT audit events; see README,
"Audit log guarantees".
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from audit.roles import runtime_role_statements


class Command(BaseCommand):
    help = "Create the runtime database role (INSERT/SELECT only on the audit log)."

    def add_arguments(self, parser):
        parser.add_argument("--runtime", required=True, metavar="ROLE", help="runtime role name")
        parser.add_argument("--password", default="", help="set this login password")
        parser.add_argument("--apply", action="store_true", help="run the SQL instead of printing")

    def handle(self, *args, runtime, password, apply, **options):
        if connection.vendor != "postgresql":
            raise CommandError("Database roles need PostgreSQL.")
        with connection.cursor() as cursor:
            cursor.execute("SELECT current_user, current_database()")
            owner, database = cursor.fetchone()
            if owner == runtime:
                raise CommandError("Run this as the owner role, not as the runtime role.")
            statements = runtime_role_statements(
                runtime=runtime, owner=owner, database=database, password=password
            )
            for statement in statements:
                text = statement.as_string(cursor.connection)
                if apply:
                    cursor.execute(text)
                else:
                    self.stdout.write(text + ";")
        if apply:
            self.stdout.write(f"Runtime role {runtime!r} set up under owner {owner!r}.")
