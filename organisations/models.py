from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    MEMBER = "member", _("Member")
    REVIEWER = "reviewer", _("Reviewer")
    COMPLIANCE = "compliance", _("Compliance")
    MANAGER = "manager", _("Manager")


class Capability(models.TextChoices):
    """What a role may do; views ask for a capability, never for a role by name."""

    SUBMIT = "submit"
    REVIEW = "review"
    READ_ALL = "read_all"
    AUDIT = "audit"
    MANAGE = "manage"


CAPABILITIES: dict[str, frozenset[str]] = {
    Role.MEMBER: frozenset({Capability.SUBMIT}),
    Role.REVIEWER: frozenset({Capability.SUBMIT, Capability.REVIEW, Capability.READ_ALL}),
    # Compliance reads everything and changes nothing: no submit, no review.
    Role.COMPLIANCE: frozenset({Capability.READ_ALL, Capability.AUDIT}),
    Role.MANAGER: frozenset(
        {
            Capability.SUBMIT,
            Capability.REVIEW,
            Capability.READ_ALL,
            Capability.AUDIT,
            Capability.MANAGE,
        }
    ),
}


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class MembershipQuerySet(models.QuerySet):
    def for_org(self, org: Organisation) -> "MembershipQuerySet":
        return self.filter(organisation=org)

    def for_user(self, user) -> "MembershipQuerySet":
        return self.filter(user=user)

    def managers(self) -> "MembershipQuerySet":
        return self.filter(role=Role.MANAGER)


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="one_membership_per_org")
        ]
        ordering = ["organisation__name", "user__username"]

    def __str__(self) -> str:
        return f"{self.user} in {self.organisation} as {self.role}"

    @property
    def capabilities(self) -> frozenset[str]:
        return CAPABILITIES[self.role]

    def can(self, capability: str) -> bool:
        """Return True when this membership's role grants `capability`."""
        return capability in CAPABILITIES[self.role]


class ApiTokenQuerySet(models.QuerySet):
    def for_org(self, org: Organisation) -> "ApiTokenQuerySet":
        return self.filter(organisation=org)

    def active(self) -> "ApiTokenQuerySet":
        return self.filter(revoked_at__isnull=True)


class ApiToken(models.Model):
    """A per-organisation API key. Only its SHA-256 is stored; the key is shown once."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(max_length=12, db_index=True)
    key_hash = models.CharField(max_length=64, unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="api_tokens",
        help_text=_("Submissions made with this token are recorded as this user's."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class UserPreference(models.Model):
    """What a user chose for themselves: today only the language Vouch speaks to them."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="preference"
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)

    def __str__(self) -> str:
        return f"{self.user}: {self.language}"


class EmailStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


class OutboundEmailQuerySet(models.QuerySet):
    def for_org(self, org: Organisation) -> "OutboundEmailQuerySet":
        return self.filter(organisation=org)

    def unsent(self) -> "OutboundEmailQuerySet":
        return self.exclude(status=EmailStatus.SENT)


class OutboundEmail(models.Model):
    """One e-mail Vouch owes someone, stored with the change that caused it (the outbox).

    Written in the same transaction as the decision or invitation it tells about, so
    neither a broker nor a database fault between the change and the sending loses it;
    a worker sends it and retries with backoff until it is sent or marked failed.
    """

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="outbound_emails"
    )
    kind = models.CharField(_("kind"), max_length=40)
    # Makes queueing idempotent: one e-mail per decision, invitation or anchor.
    key = models.CharField(max_length=120, unique=True, null=True, blank=True)
    recipient = models.EmailField(_("recipient"), max_length=254)
    subject = models.CharField(_("subject"), max_length=255)
    body = models.TextField()
    status = models.CharField(
        _("status"), max_length=10, choices=EmailStatus.choices, default=EmailStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField()
    claimed_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    objects = OutboundEmailQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                name="outbox_due",
                condition=models.Q(status__in=["pending", "sending"]),
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} to {self.recipient}: {self.status}"


class MemberInvitationQuerySet(models.QuerySet):
    def for_org(self, org: Organisation) -> "MemberInvitationQuerySet":
        return self.filter(organisation=org)

    def pending(self) -> "MemberInvitationQuerySet":
        return self.filter(accepted_at__isnull=True)


class MemberInvitation(models.Model):
    """A manager's invitation for an e-mail address to join an organisation in a role.

    Nobody joins an organisation without following the signed link sent to the
    address, whether or not the address already has an account anywhere.
    """

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="member_invitations"
    )
    email = models.EmailField(_("e-mail address"), max_length=254)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    objects = MemberInvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.email} to {self.organisation_id} as {self.role}"
