from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PolicyConfig(AppConfig):
    name = "policy"
    verbose_name = _("Policy")

    def ready(self) -> None:
        from organisations.pages import HOME, page_part_register
        from policy.selectors import policy_home_figures

        page_part_register(HOME, policy_home_figures)
