from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class Action(models.TextChoices):
    DECISION = "decision", _("Decision")
    DECISION_REVERSED = "decision.reversed", _("Decision reversed")
    POLICY_PUBLISHED = "policy.published", _("Policy published")
    MEMBER_ADDED = "member.added", _("Member added")
    MEMBER_INVITED = "member.invited", _("Member invited")
    MEMBER_ROLE_CHANGED = "member.role_changed", _("Role changed")
    MEMBER_REMOVED = "member.removed", _("Member removed")
    TOKEN_CREATED = "token.created", _("API token created")
    TOKEN_REVOKED = "token.revoked", _("API token revoked")
    EXPORT = "export", _("Audit log exported")
    RETENTION = "retention", _("Old events removed")
    RETENTION_CHANGED = "retention.changed", _("Retention period changed")
    ROSTER_IMPORTED = "roster.imported", _("Roster imported")


class AuditChain(models.Model):
    """The head of one organisation's hash chain; locked to append, so chains cannot fork."""

    organisation = models.OneToOneField(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="audit_chain"
    )
    last_seq = models.BigIntegerField(default=0)
    last_hash = models.CharField(max_length=64, default="0" * 64)

    def __str__(self) -> str:
        return f"{self.organisation_id}@{self.last_seq}"


class AuditEventQuerySet(models.QuerySet):
    def for_org(self, org) -> "AuditEventQuerySet":
        return self.filter(organisation=org)


class AuditEvent(models.Model):
    """One append-only, hash-chained record. Database triggers reject UPDATE and DELETE."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="audit_events"
    )
    seq = models.BigIntegerField()
    created_at = models.DateTimeField(db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        db_constraint=False,
    )
    actor_name = models.CharField(max_length=254, blank=True)
    action = models.CharField(max_length=40, choices=Action.choices, db_index=True)
    target_type = models.CharField(max_length=40, blank=True)
    target_id = models.CharField(max_length=64, blank=True)
    data = models.JSONField(default=dict)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["organisation", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "seq"], name="audit_seq_unique"),
        ]
        indexes = [models.Index(fields=["organisation", "-created_at"], name="audit_org_time")]

    def __str__(self) -> str:
        return f"#{self.seq} {self.action}"

    @property
    def is_override(self) -> bool:
        """True for a decision that differs from the policy's recommendation."""
        data = self.data if isinstance(self.data, dict) else {}
        recommendation, decision = data.get("recommendation"), data.get("decision")
        return recommendation is not None and decision is not None and recommendation != decision


#: The shortest retention period a manager may set: a log that forgets within days
#: proves little, and a short period would let a manager erase recent history quickly.
MIN_RETENTION_DAYS = 30
MAX_RETENTION_DAYS = 36_500


class AuditSettings(models.Model):
    """Per-organisation audit log settings; no row, or no period, means keep events forever."""

    organisation = models.OneToOneField(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="audit_settings"
    )
    retention_days = models.PositiveIntegerField(
        _("retention period (days)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(MIN_RETENTION_DAYS), MaxValueValidator(MAX_RETENTION_DAYS)],
        help_text=_("Events older than this are removed nightly. Empty: keep forever."),
    )
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("audit settings")
        verbose_name_plural = _("audit settings")

    def __str__(self) -> str:
        return f"{self.organisation_id}: {self.retention_days or 'forever'}"
