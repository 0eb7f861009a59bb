from django.apps import AppConfig
from django.core import checks
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "audit"
    verbose_name = _("Audit log")

    def ready(self) -> None:
        from audit.roles import check_database_role
        from audit.services import audit_record_organisation_change
        from organisations.events import organisation_changed

        checks.register(check_database_role, checks.Tags.database)
        organisation_changed.connect(
            audit_record_organisation_change, dispatch_uid="audit.organisation_changed"
        )
