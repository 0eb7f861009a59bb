"""Helpers shared by the benchmark commands (bench_pipeline, bench_queue, bench_simulate)."""

from django.db import connection


def bench_invitations_delete(org) -> None:
    """Remove all of `org`'s invitations, evaluations and intake batches with plain SQL.

    Benchmarks load hundreds of thousands of rows; the ORM's per-row cascade would
    take longer than the benchmark. Dead rows are vacuumed so the next run starts clean.
    """
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE invitations_invitation SET evaluation_id = NULL WHERE organisation_id = %s",
            [org.pk],
        )
        cursor.execute(
            "DELETE FROM invitations_evaluation WHERE invitation_id IN "
            "(SELECT id FROM invitations_invitation WHERE organisation_id = %s)",
            [org.pk],
        )
        cursor.execute("DELETE FROM invitations_invitation WHERE organisation_id = %s", [org.pk])
        cursor.execute("DELETE FROM invitations_intakebatch WHERE organisation_id = %s", [org.pk])
        if connection.vendor == "postgresql" and not connection.in_atomic_block:
            cursor.execute("VACUUM ANALYZE invitations_invitation")
            cursor.execute("VACUUM ANALYZE invitations_evaluation")
