"""The two-role database setup, and a check that warns when Vouch runs without it.

The owner role owns the tables and runs migrations; the runtime role is what the
web and worker processes connect as. The runtime role may read and write the
application's tables, but on the audit log only SELECT and INSERT (and moving the
chain head forward, which a trigger enforces); it deletes old events only through
`audit_retention_delete`, which runs as the owner and checks what it deletes.
"""

from django.core.checks import Warning as CheckWarning
from django.db import connections
from psycopg import sql

AUDIT_EVENTS = "audit_auditevent"
AUDIT_CHAIN = "audit_auditchain"
RETENTION_FUNCTION = "audit_retention_delete(bigint, bigint)"


def runtime_role_statements(*, runtime: str, owner: str, database: str, password: str = ""):
    """Return the SQL statements (psycopg Composables) that set up `runtime` under `owner`.

    Run them as `owner` (or a superuser) after `migrate`; they are idempotent.
    """
    role, owner_id, db = sql.Identifier(runtime), sql.Identifier(owner), sql.Identifier(database)
    create = sql.SQL(
        "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = {name}) "
        "THEN CREATE ROLE {role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS; "
        "END IF; END $$"
    ).format(name=sql.Literal(runtime), role=role)
    statements = [create]
    if password:
        statements.append(sql.SQL("ALTER ROLE {} PASSWORD {}").format(role, sql.Literal(password)))
    statements += [
        sql.SQL("GRANT CONNECT, TEMPORARY ON DATABASE {} TO {}").format(db, role),
        sql.SQL("GRANT USAGE ON SCHEMA public TO {}").format(role),
        sql.SQL("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {}").format(
            role
        ),
        sql.SQL("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {}").format(role),
        sql.SQL("REVOKE UPDATE, DELETE, TRUNCATE ON {} FROM {}").format(
            sql.Identifier(AUDIT_EVENTS), role
        ),
        sql.SQL("REVOKE DELETE, TRUNCATE ON {} FROM {}").format(sql.Identifier(AUDIT_CHAIN), role),
        sql.SQL("GRANT EXECUTE ON FUNCTION {} TO {}").format(sql.SQL(RETENTION_FUNCTION), role),
        sql.SQL(
            "ALTER DEFAULT PRIVILEGES FOR ROLE {} IN SCHEMA public "
            "GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {}"
        ).format(owner_id, role),
        sql.SQL(
            "ALTER DEFAULT PRIVILEGES FOR ROLE {} IN SCHEMA public "
            "GRANT USAGE, SELECT ON SEQUENCES TO {}"
        ).format(owner_id, role),
    ]
    return statements


def role_problems(cursor) -> list[str]:
    """Return why the role `cursor` is connected as voids the audit guarantees ([] if none)."""
    cursor.execute(
        "SELECT r.rolsuper, r.rolbypassrls, pg_get_userbyid(c.relowner) = current_user "
        "FROM pg_roles AS r LEFT JOIN pg_class AS c ON c.relname = %s AND c.relkind = 'r' "
        "WHERE r.rolname = current_user",
        [AUDIT_EVENTS],
    )
    row = cursor.fetchone()
    if row is None:
        return []
    superuser, _bypass, owner = row
    problems = []
    if superuser:
        problems.append("a superuser")
    if owner:
        problems.append(f"the owner of {AUDIT_EVENTS}")
    return problems


def check_database_role(app_configs=None, databases=None, **kwargs):
    """Django system check: warn when the app connects as a superuser or the audit table's owner."""
    warnings = []
    for alias in databases or []:
        connection = connections[alias]
        if connection.vendor != "postgresql":
            continue
        try:
            with connection.cursor() as cursor:
                problems = role_problems(cursor)
        except Exception:  # noqa: S112 - an unreachable database is reported elsewhere
            continue
        if problems:
            warnings.append(
                CheckWarning(
                    f"Database alias {alias!r} connects as {' and '.join(problems)}: such a "
                    "role can switch off the audit log's triggers, so its append-only and "
                    "forward-only guarantees do not hold against this application.",
                    hint="Run migrations as the owner and the app as a runtime role; see "
                    "`manage.py setup_db_roles` and README, 'Audit log guarantees'.",
                    id="audit.W001",
                )
            )
    return warnings
