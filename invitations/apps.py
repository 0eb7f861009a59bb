from django.apps import AppConfig
from django.core import checks
from django.utils.translation import gettext_lazy as _


class InvitationsConfig(AppConfig):
    name = "invitations"
    verbose_name = _("Invitations")

    def ready(self) -> None:
        from invitations.checks import check_stuck_timeout
        from invitations.selectors import invitation_home_figures
        from organisations.pages import HOME, page_part_register

        checks.register(check_stuck_timeout)
        page_part_register(HOME, invitation_home_figures)
