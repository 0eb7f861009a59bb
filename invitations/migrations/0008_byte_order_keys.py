from django.db import migrations

KEYS = (("dedupe_key", 64), ("requester_key", 500))


def _alter(collation: str):
    def alter(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for column, length in KEYS:
            schema_editor.execute(
                f"ALTER TABLE invitations_invitation ALTER COLUMN {column} "
                f"TYPE varchar({length}) COLLATE {collation}"
            )

    return alter


class Migration(migrations.Migration):
    """Compare the dedupe and requester keys byte by byte on PostgreSQL (see the model)."""

    dependencies = [("invitations", "0007_pending_queue_indexes")]

    operations = [
        migrations.RunPython(
_alter('"C"'), _alter('"default"')
        )
    ]
