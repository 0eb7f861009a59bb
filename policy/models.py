from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class OrgProfile(models.Model):
    """What the policy knows about the organisation itself: where and in what it works."""

    organisation = models.OneToOneField(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="profile"
    )
    countries = models.JSONField(_("countries"), default=list, blank=True)
    industries = models.JSONField(_("industries"), default=list, blank=True)
    employers = models.JSONField(_("employers"), default=list, blank=True)
    clients = models.JSONField(_("clients"), default=list, blank=True)
    blocklist = models.JSONField(_("blocklist"), default=list, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Profile of {self.organisation}"

    def as_profile(self) -> dict:
        """Return the PROFILE.json shape the engine's OrgContext.from_profile takes."""
        return {
            "name": self.organisation.name,
            "countries": list(self.countries),
            "industries": list(self.industries),
            "employers": list(self.employers),
            "clients": list(self.clients),
            "known_contacts": [],
            "blocklist": list(self.blocklist),
        }


class MemberAction(models.TextChoices):
    """What a member may do with a recommendation before a reviewer decided."""

    WAIT = "wait", _("Members wait for a reviewer's decision")
    ACT_NOW = "act_now", _("Members may act on the recommendation at once")


class Policy(models.Model):
    """An organisation's policy: one editable draft; published states live in PolicyVersion.

    `member_action` applies at once when a manager changes it (it is guidance, not a rule
    the engine evaluates); each published version records the value it was published with.
    """

    organisation = models.OneToOneField(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="policy"
    )
    draft = models.JSONField()
    draft_updated_at = models.DateTimeField(auto_now=True)
    draft_updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    member_action = models.CharField(
        _("members and the recommendation"),
        max_length=8,
        choices=MemberAction.choices,
        default=MemberAction.WAIT,
    )

    class Meta:
        verbose_name_plural = "policies"

    def __str__(self) -> str:
        return f"Policy of {self.organisation}"


class PolicyVersionQuerySet(models.QuerySet):
    def for_org(self, org) -> "PolicyVersionQuerySet":
        return self.filter(organisation=org)

    def current(self):
        """Return the newest version, or None when nothing was published."""
        return self.order_by("-number").first()


class PolicyVersion(models.Model):
    """An immutable, numbered, published state of a policy."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="policy_versions"
    )
    number = models.PositiveIntegerField()
    data = models.JSONField()
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(auto_now_add=True)
    change_note = models.TextField(_("change note"))
    member_action = models.CharField(
        max_length=8, choices=MemberAction.choices, default=MemberAction.WAIT
    )

    objects = PolicyVersionQuerySet.as_manager()

    class Meta:
        ordering = ["organisation", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "number"], name="policy_version_unique")
        ]

    def __str__(self) -> str:
        return f"v{self.number}"


class RosterSource(models.TextChoices):
    LINKEDIN = "linkedin", _("LinkedIn Connections.csv")
    CSV = "csv", _("Contact list CSV")


class RosterContactQuerySet(models.QuerySet):
    def for_org(self, org) -> "RosterContactQuerySet":
        return self.filter(organisation=org)


class RosterContact(models.Model):
    """Someone the organisation knows: a colleague's LinkedIn connection or a CRM contact."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="roster"
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="roster_contacts",
        help_text=_("The colleague connected to this person; empty for a shared contact list."),
    )
    source = models.CharField(max_length=20, choices=RosterSource.choices)
    name = models.CharField(max_length=300)
    name_key = models.CharField(max_length=300, db_index=True)
    profile_url = models.CharField(max_length=500, blank=True)
    profile_key = models.CharField(max_length=500, blank=True, db_index=True)
    company = models.CharField(max_length=300, blank=True)
    position = models.CharField(max_length=300, blank=True)
    connected_on = models.DateField(null=True, blank=True)
    imported_at = models.DateTimeField(auto_now_add=True)

    objects = RosterContactQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        indexes = [
            models.Index(fields=["organisation", "profile_key"], name="roster_org_profile"),
            models.Index(fields=["organisation", "name_key"], name="roster_org_name"),
        ]

    def __str__(self) -> str:
        return self.name
