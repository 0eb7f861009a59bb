from django.apps import AppConfig
from django.core import checks
from django.utils.translation import gettext_lazy as _


class InvitationsConfig(AppConfig):
    name = "invitations"
    verbose_name = _("Invitations")

    def ready(self) -> None:
        from invitations.checks import check_stuck_timeout

        checks.register(check_stuck_timeout)
