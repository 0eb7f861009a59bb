from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("invitations", "0009_evaluation_attempts"),
        ("invitations", "0009_upload_imported_by_worker"),
    ]

    operations = [
        migrations.AddField(
            model_name="upload",
            name="connected_count",
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddField(
            model_name="upload",
            name="outgoing_count",
            field=models.PositiveIntegerField(default=0),
        ),
    ]
