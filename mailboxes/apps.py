from django.apps import AppConfig


class MailboxesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "mailboxes"
    verbose_name = "Mailboxes"
