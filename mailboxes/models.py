from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation


class MailboxQuerySet(models.QuerySet):
    def for_org(self, org: Organisation) -> "MailboxQuerySet":
        return self.filter(organisation=org)

    def enabled(self) -> "MailboxQuerySet":
        return self.filter(enabled=True)


class Mailbox(models.Model):
    """The IMAP mailbox an organisation's members forward doubtful invitations to."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="mailbox"
    )
    use_tls = models.BooleanField(default=True)
    host = models.CharField(max_length=255)
    port = models.PositiveIntegerField()
    username = models.CharField(max_length=255)
    # Fernet token (mailboxes.secrets); never the password itself.
    password_encrypted = models.TextField()
    folder = models.CharField(max_length=255, default="INBOX")
    enabled = models.BooleanField(_("enabled"), default=True)
    # While a poll runs, no other poll of this mailbox starts before this moment.
    lease_until = models.DateTimeField(null=True, blank=True)
    last_polled_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = MailboxQuerySet.as_manager()

    def __str__(self) -> str:
        return self.address

    @property
    def address(self) -> str:
        """Return the mailbox URL without its password, as shown to people."""
        from mailboxes.imap import MailboxAddress

        return MailboxAddress(
            self.use_tls, self.host, self.port, self.username, "", self.folder
        ).url()


class MailStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    SET_ASIDE = "set_aside", _("Set aside: unknown sender")
    REJECTED = "rejected", _("Rejected")


class ForwardedMailQuerySet(models.QuerySet):
    def for_org(self, org: Organisation) -> "ForwardedMailQuerySet":
        return self.filter(organisation=org)

    def needing_attention(self) -> "ForwardedMailQuerySet":
        return self.exclude(status=MailStatus.SUBMITTED)


class ForwardedMail(models.Model):
    """One mail taken from the organisation's mailbox, and what became of it.

    The fingerprint (SHA-256 of the raw message) makes taking a mail idempotent: a mail
    fetched again after a dropped connection is recognised and only moved.
    """

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="forwarded_mails"
    )
    fingerprint = models.CharField(max_length=64)
    message_id = models.CharField(max_length=998, blank=True)
    sender = models.CharField(_("sender"), max_length=320, blank=True)
    sender_name = models.CharField(max_length=300, blank=True)
    subject = models.CharField(_("subject"), max_length=998, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    size = models.PositiveIntegerField(default=0)
    status = models.CharField(_("status"), max_length=20, choices=MailStatus.choices)
    error = models.TextField(blank=True)
    submitter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    invitation = models.ForeignKey(
        "invitations.Invitation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    folder = models.CharField(max_length=255, blank=True)
    taken_at = models.DateTimeField(auto_now_add=True)
    moved_at = models.DateTimeField(null=True, blank=True)

    objects = ForwardedMailQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "fingerprint"], name="forwarded_mail_once_per_org"
            )
        ]
        indexes = [
            models.Index(fields=["organisation", "status", "-taken_at"], name="forwarded_mail_list")
        ]
        ordering = ["-taken_at", "-id"]

    def __str__(self) -> str:
        return f"{self.sender}: {self.subject}"
