from django.apps import AppConfig


class MailboxesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "mailboxes"
    verbose_name = "Mailboxes"

    def ready(self) -> None:
        from mailboxes.views import settings_context
        from organisations.pages import SETTINGS, page_part_register

        page_part_register(SETTINGS, settings_context)
