from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from organisations.models import Capability


class Channel(models.TextChoices):
    FORM = "form", _("Web form")
    CSV = "csv", _("CSV upload")
    JSONL = "jsonl", _("JSON-lines upload")
    EXPORT = "export", _("LinkedIn export")
    EMAIL = "email", _("Forwarded e-mail")
    INBOUND = "inbound", _("Mail gateway")
    API = "api", _("API")


class Status(models.TextChoices):
    RECEIVED = "received", _("Received")
    EVALUATING = "evaluating", _("Evaluating")
    EVALUATED = "evaluated", _("Evaluated")
    DECIDED = "decided", _("Decided")
    FAILED = "failed", _("Evaluation failed")


class Recommendation(models.TextChoices):
    ACCEPT = "accept", _("Accept")
    IGNORE = "ignore", _("Ignore")
    DONT_KNOW = "dont_know", _("I don't know this person")
    REPORT_SPAM = "report_spam", _("Report as spam")


class IntakeBatch(models.Model):
    """One upload or API call that brought in invitations."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="intake_batches"
    )
    submitter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    channel = models.CharField(max_length=10, choices=Channel.choices)
    filename = models.CharField(max_length=255, blank=True)
    file_format = models.CharField(max_length=30, blank=True)
    created_count = models.PositiveIntegerField(default=0)
    duplicate_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} {self.filename}".strip()


class UploadStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting for a worker")
    IMPORTING = "importing", _("Importing")
    IMPORTED = "imported", _("Imported")
    REJECTED = "rejected", _("Rejected")


class UploadQuerySet(models.QuerySet):
    def for_org(self, org) -> "UploadQuerySet":
        return self.filter(organisation=org)

    def submitted_by(self, user) -> "UploadQuerySet":
        return self.filter(submitter=user)

    def unfinished(self) -> "UploadQuerySet":
        return self.filter(status__in=[UploadStatus.QUEUED, UploadStatus.IMPORTING])


class Upload(models.Model):
    """A file a member uploaded, kept here until a worker has imported or rejected it whole.

    While the worker reads it, `rows_read`, `error_count` and `bytes_read` show its
    progress; at the end it holds the result (`batch` and counts) or every error.
    The file's bytes are dropped once it is finished.
    """

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="uploads"
    )
    submitter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    filename = models.CharField(max_length=255)
    channel = models.CharField(max_length=10, choices=Channel.choices)
    size = models.PositiveBigIntegerField()
    content = models.BinaryField(editable=False)
    status = models.CharField(
        max_length=10, choices=UploadStatus.choices, default=UploadStatus.QUEUED
    )
    claim = models.CharField(max_length=64, blank=True)
    claimed_at = models.DateTimeField(null=True)
    bytes_read = models.PositiveBigIntegerField(default=0)
    rows_read = models.PositiveIntegerField(default=0)
    error_count = models.PositiveIntegerField(default=0)
    errors = models.JSONField(default=list, blank=True)
    batch = models.ForeignKey(
        IntakeBatch, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The invitation an e-mail became (new or submitted before).
    invitation = models.ForeignKey(
        "Invitation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_count = models.PositiveIntegerField(default=0)
    duplicate_count = models.PositiveIntegerField(default=0)
    # Rows of an export left out on purpose: people already connected, invitations sent.
    connected_count = models.PositiveIntegerField(default=0)
    outgoing_count = models.PositiveIntegerField(default=0)
    roster_count = models.PositiveIntegerField(null=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True)

    objects = UploadQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.filename} ({self.status})"

    @property
    def finished(self) -> bool:
        return self.status in (UploadStatus.IMPORTED, UploadStatus.REJECTED)

    @property
    def percent(self) -> int:
        """Return how much of the file was read, 0 to 100 (100 once finished)."""
        if self.finished:
            return 100
        return min(99, self.bytes_read * 100 // self.size) if self.size else 0


class InvitationQuerySet(models.QuerySet):
    def for_org(self, org) -> "InvitationQuerySet":
        return self.filter(organisation=org)

    def submitted_by(self, user) -> "InvitationQuerySet":
        return self.filter(submitter=user)

    def visible_to(self, membership) -> "InvitationQuerySet":
        """Return the invitations `membership` may read: all of them with READ_ALL, else
        only those its user submitted (the rest are a 404, as if they did not exist)."""
        if membership.can(Capability.READ_ALL):
            return self
        return self.filter(submitter_id=membership.user_id)

    def pending_review(self) -> "InvitationQuerySet":
        return self.filter(status=Status.EVALUATED)

    def stuck(self, *, claimed_before, queued_before) -> "InvitationQuerySet":
        """Return invitations claimed before `claimed_before`, or queued before
        `queued_before` and never claimed since: their evaluation was lost or stalled."""
        return self.filter(
            Q(status=Status.EVALUATING, claimed_at__lt=claimed_before)
            | Q(status=Status.RECEIVED, enqueued_at__lt=queued_before)
        )

    def from_requester(self, requester_key: str) -> "InvitationQuerySet":
        return self.filter(requester_key=requester_key)


class Invitation(models.Model):
    """A LinkedIn invitation someone in the organisation received and submitted."""

    # Every index below starts with the organisation, and users and batches are rarely
    # deleted: single-column indexes on these keys would cost every insert and update
    # of the bulk pipeline an index write and save nothing.
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="invitations",
        db_index=False,
    )
    submitter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        db_index=False,
    )
    batch = models.ForeignKey(
        IntakeBatch, null=True, blank=True, on_delete=models.SET_NULL, db_index=False
    )
    channel = models.CharField(max_length=10, choices=Channel.choices)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.RECEIVED)

    ref = models.CharField(max_length=200, blank=True)
    recipient = models.CharField(max_length=254, blank=True)
    requester_name = models.CharField(max_length=300)
    requester_headline = models.CharField(max_length=500, blank=True)
    requester_company = models.CharField(max_length=300, blank=True)
    requester_industry = models.CharField(max_length=200, blank=True)
    requester_country = models.CharField(max_length=2, blank=True)
    requester_profile_url = models.CharField(max_length=500, blank=True)
    requester_has_photo = models.BooleanField(null=True)
    mutual_connections = models.PositiveIntegerField(null=True)
    message = models.TextField(blank=True)
    received_at = models.DateTimeField(null=True)
    worked_together = models.CharField(max_length=6, blank=True)
    recognises_name = models.CharField(max_length=3, blank=True)
    colleagues_connected = models.PositiveIntegerField(null=True)
    attachments = models.JSONField(default=list, blank=True)
    links = models.JSONField(default=list, blank=True)
    email_findings = models.JSONField(default=list, blank=True)
    raw_source = models.TextField(blank=True)

    # On PostgreSQL both keys use the "C" collation (migration 0008): they are only
    # compared for equality, and a language-aware collation would cost every index
    # insert and probe a strcoll() call.
    dedupe_key = models.CharField(max_length=64)
    requester_key = models.CharField(max_length=500)
    created_at = models.DateTimeField(auto_now_add=True)
    enqueued_at = models.DateTimeField(null=True)
    claimed_at = models.DateTimeField(null=True)
    # How often a worker took this invitation; past VOUCH_EVALUATION_MAX_ATTEMPTS it fails.
    attempts = models.PositiveSmallIntegerField(default=0, db_default=0)
    claim = models.CharField(max_length=64, blank=True)

    # The current evaluation, copied here so the review queue needs no join.
    evaluation = models.ForeignKey(
        "Evaluation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        db_index=False,
    )
    recommendation = models.CharField(max_length=12, choices=Recommendation.choices, blank=True)
    risk = models.FloatField(default=0)
    reasons = models.JSONField(default=list, blank=True)
    evaluated_at = models.DateTimeField(null=True)
    decision = models.CharField(max_length=12, choices=Recommendation.choices, blank=True)
    decided_at = models.DateTimeField(null=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "dedupe_key"], name="invitation_dedupe_unique"
            )
        ]
        indexes = [
            models.Index(fields=["organisation", "submitter", "-id"], name="inv_org_submitter"),
            models.Index(fields=["organisation", "requester_key"], name="inv_org_requester"),
            # The queue's indexes hold only invitations awaiting a decision: rows being
            # received, evaluated or decided then cost them no index writes.
            models.Index(
                fields=["organisation", "-risk", "id"],
                name="inv_queue_pending",
                condition=Q(status="evaluated"),
            ),
            models.Index(
                fields=["organisation", "recommendation", "-risk", "id"],
                name="inv_queue_pending_rec",
                condition=Q(status="evaluated"),
            ),
            models.Index(
                fields=["evaluation"],
                name="inv_evaluation",
                condition=Q(evaluation__isnull=False),
            ),
            models.Index(
                fields=["status", "claimed_at"],
                name="inv_stuck_claimed",
                condition=Q(status__in=["received", "evaluating"]),
            ),
        ]

    def __str__(self) -> str:
        return f"Invitation from {self.requester_name}"


class Evaluation(models.Model):
    """One run of the policy engine over one invitation, with the version it used."""

    # The unique constraint below starts with the invitation and serves its lookups.
    invitation = models.ForeignKey(
        Invitation, on_delete=models.CASCADE, related_name="evaluations", db_index=False
    )
    policy_version = models.ForeignKey(
        "policy.PolicyVersion", on_delete=models.PROTECT, related_name="evaluations"
    )
    recommendation = models.CharField(max_length=12, choices=Recommendation.choices)
    scores = models.JSONField(default=dict)
    hits = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True)
    duration_ms = models.FloatField(default=0)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["invitation", "policy_version"], name="one_evaluation_per_version"
            )
        ]

    def __str__(self) -> str:
        return f"{self.recommendation} under {self.policy_version}"


class DecisionQuerySet(models.QuerySet):
    def for_org(self, org) -> "DecisionQuerySet":
        return self.filter(organisation=org)


class Decision(models.Model):
    """A reviewer's decision on an invitation. Never edited: a reversal is a new decision."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="decisions"
    )
    invitation = models.ForeignKey(Invitation, on_delete=models.CASCADE, related_name="decisions")
    action = models.CharField(max_length=12, choices=Recommendation.choices)
    recommendation = models.CharField(max_length=12, choices=Recommendation.choices, blank=True)
    justification = models.TextField(blank=True)
    reverses = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="reversed_by"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    audit_seq = models.BigIntegerField(null=True, blank=True)

    objects = DecisionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.action} on {self.invitation_id}"


class NotificationTemplate(models.Model):
    """A manager's wording of the e-mail that tells a submitter the decision, per action."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="notification_templates",
    )
    action = models.CharField(max_length=12, choices=Recommendation.choices)
    language = models.CharField(max_length=5, default="en")
    subject = models.CharField(max_length=200)
    body = models.TextField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "action", "language"], name="one_template_per_action"
            )
        ]

    def __str__(self) -> str:
        return f"{self.action} ({self.language})"
