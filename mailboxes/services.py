"""The organisation's forwarding mailbox: configure it, and turn its mails into submissions."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import timedelta
from email import policy
from email.header import decode_header, make_header
from email.parser import BytesHeaderParser
from email.utils import parseaddr, parsedate_to_datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from intake.email_auth import counted_auth_results
from intake.email_bounds import email_bounds_errors
from intake.limits import format_bytes
from invitations.models import Channel
from invitations.services import IntakeRejected, intake_limits, invitation_submit
from invitations.uploads import email_parse_limited
from mailboxes.imap import ImapSession, MailboxAddress, MailboxUnavailable, parse_mailbox_url
from mailboxes.models import ForwardedMail, Mailbox, MailStatus
from mailboxes.secrets import SecretUnreadable, secret_decrypt, secret_encrypt
from organisations.models import Capability, Membership

FOLDERS = {
    MailStatus.SUBMITTED: ("Vouch", "Processed"),
    MailStatus.SET_ASIDE: ("Vouch", "Unknown sender"),
    MailStatus.REJECTED: ("Vouch", "Rejected"),
}


def mailbox_address(mailbox: Mailbox) -> MailboxAddress:
    """Return the address to connect to, with the decrypted password; raise SecretUnreadable."""
    return MailboxAddress(
        mailbox.use_tls,
        mailbox.host,
        mailbox.port,
        mailbox.username,
        secret_decrypt(mailbox.password_encrypted),
        mailbox.folder,
    )


def mailbox_check(*, address: MailboxAddress) -> None:
    """Log into `address` and open its folder; raise MailboxUnavailable saying what failed."""
    with ImapSession(address, timeout=min(settings.VOUCH_IMAP_TIMEOUT_SECONDS, 15)):
        pass


@transaction.atomic
def mailbox_configure(*, org, url: str, enabled: bool = True, check: bool = True) -> Mailbox:
    """Set `org`'s mailbox from imaps://user:password@host:port/FOLDER; return it.

    A URL without a password keeps the stored one when user and server are unchanged.
    With `check`, the login is tried first. Raises ValueError (bad URL, no password)
    or MailboxUnavailable (the server refused); nothing is saved then.
    """
    address = parse_mailbox_url(url)
    current = Mailbox.objects.for_org(org).select_for_update().first()
    if not address.password:
        same = current is not None and (current.host, current.username) == (
            address.host,
            address.username,
        )
        if not same:
            raise ValueError("needs the password: imaps://user:password@host/INBOX")
        try:
            address = MailboxAddress(
                address.use_tls,
                address.host,
                address.port,
                address.username,
                secret_decrypt(current.password_encrypted),
                address.folder,
            )
        except SecretUnreadable as exc:
            raise ValueError(str(exc)) from exc
    if check and enabled:
        mailbox_check(address=address)
    mailbox = current or Mailbox(organisation=org)
    mailbox.use_tls = address.use_tls
    mailbox.host = address.host
    mailbox.port = address.port
    mailbox.username = address.username
    mailbox.password_encrypted = secret_encrypt(address.password)
    mailbox.folder = address.folder
    mailbox.enabled = enabled
    mailbox.last_error = ""
    mailbox.save()
    return mailbox


def mailbox_remove(*, org) -> bool:
    """Forget `org`'s mailbox (the log of taken mails stays); return whether there was one."""
    deleted, _by_model = Mailbox.objects.for_org(org).delete()
    return bool(deleted)


def _member_for(org, address: str):
    """Return (user, why not) for the sender `address`: the one member who may submit."""
    if "@" not in address:
        return None, "the mail has no sender address"
    memberships = list(
        Membership.objects.for_org(org)
        .filter(user__email__iexact=address, user__is_active=True)
        .select_related("user")
    )
    if not memberships:
        return None, f"{address} is not the address of a member"
    if len(memberships) > 1:
        return None, f"{address} is the address of {len(memberships)} members"
    membership = memberships[0]
    if not membership.can(Capability.SUBMIT):
        return None, f"{address} belongs to a {membership.get_role_display()}, who does not submit"
    return membership.user, ""


def _forged(message) -> str:
    """Return why the sender address is forged, judged by the Authentication-Results that
    counts (the receiving server's, as e-mail intake reads it), else ""."""
    counted = counted_auth_results(
        [str(value) for value in message.get_all("Authentication-Results", [])],
        settings.VOUCH_AUTHSERV_ID,
    )
    if any(method == "dmarc" and result == "fail" for method, result, _ in counted.results):
        return "the sender address failed DMARC at the receiving server: it may be forged"
    return ""


def _headers(raw: bytes) -> dict:
    try:
        message = BytesHeaderParser(policy=policy.compat32).parsebytes(raw)
    except Exception:  # the header parser is lenient; anything else is unreadable
        return {
            "forged": "",
            "name": "",
            "address": "",
            "subject": "",
            "message_id": "",
            "date": None,
        }

    def header(name: str) -> str:
        value = message.get(name, "")
        return " ".join(str(value).split())

    name, address = parseaddr(header("From"))
    try:
        date = parsedate_to_datetime(header("Date")) if header("Date") else None
        if date is not None and timezone.is_naive(date):
            date = timezone.make_aware(date, timezone.get_fixed_timezone(0))
    except (TypeError, ValueError, IndexError):
        date = None

    def decoded(value: str) -> str:
        try:
            return str(make_header(decode_header(value)))
        except (UnicodeError, LookupError, ValueError):
            return value

    return {
        "forged": _forged(message),
        "name": decoded(name)[:300],
        "address": address.casefold()[:320],
        "subject": decoded(header("Subject"))[:998],
        "message_id": header("Message-ID")[:998],
        "date": date,
    }


@transaction.atomic
def forwarded_mail_take(*, org, raw: bytes, size: int | None = None) -> tuple[ForwardedMail, bool]:
    """Turn one raw mail of `org`'s mailbox into a submission, or set it aside.

    Returns (the ForwardedMail, whether it is new). A mail taken before (same bytes)
    is returned as it is, so fetching again after a dropped connection duplicates
    nothing. Mail from a member who may submit goes through e-mail intake and the
    submission service; intake errors make it REJECTED with the errors recorded; any
    other sender, or a member's address that failed DMARC, makes it SET_ASIDE. With
    `size`, `raw` is only the header of a mail of that size, too large to take: REJECTED.
    """
    fingerprint = hashlib.sha256(raw + (b"" if size is None else b"\0%d" % size)).hexdigest()
    existing = ForwardedMail.objects.for_org(org).filter(fingerprint=fingerprint).first()
    if existing is not None:
        return existing, False
    # CPython's header parser can take minutes on a small hostile header: bounds first.
    hostile = [] if size is not None else email_bounds_errors(raw, "forwarded.eml", intake_limits())
    headers = _headers(b"" if hostile else raw)
    mail = ForwardedMail(
        organisation=org,
        fingerprint=fingerprint,
        message_id=headers["message_id"],
        sender=headers["address"],
        sender_name=headers["name"],
        subject=headers["subject"],
        sent_at=headers["date"],
        size=len(raw) if size is None else size,
    )
    submitter, why_not = _member_for(org, headers["address"])
    if submitter is not None and headers["forged"]:
        submitter, why_not = None, headers["forged"]
    if hostile:
        mail.status, mail.error = MailStatus.REJECTED, _joined(hostile)
    elif submitter is None:
        mail.status, mail.error = MailStatus.SET_ASIDE, why_not
    else:
        mail.submitter = submitter
        _submit(mail, org=org, raw=raw, size=size)
    mail.folder = "/".join(FOLDERS[mail.status])
    try:
        with transaction.atomic():
            mail.save()
    except IntegrityError:
        # A concurrent poll took the same mail first: everything above is rolled back.
        transaction.set_rollback(True)
        return ForwardedMail.objects.for_org(org).get(fingerprint=fingerprint), False
    return mail, True


def _joined(errors) -> str:
    return "; ".join(str(e) for e in errors)


def _submit(mail: ForwardedMail, *, org, raw: bytes, size: int | None) -> None:
    """Submit the invitation in a member's mail, or mark the mail REJECTED with the reason.

    The mail is parsed in a child process under time and memory limits, as uploaded mail is,
    and what its columns cannot hold is refused here, so no mail stops the poll behind it.
    """
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    if size is not None:
        mail.status = MailStatus.REJECTED
        mail.error = f"the e-mail is {format_bytes(size)}; the limit is {format_bytes(limit)}"
        return
    record, errors = email_parse_limited(raw, "forwarded.eml")
    if errors or record is None:
        mail.status, mail.error = MailStatus.REJECTED, _joined(errors) or "no invitation found"
        return
    try:
        invitation, _created = invitation_submit(
            org=org, submitter=mail.submitter, channel=Channel.EMAIL, record=record
        )
    except IntakeRejected as exc:
        mail.status, mail.error = MailStatus.REJECTED, _joined(exc.errors)
        return
    mail.status, mail.invitation = MailStatus.SUBMITTED, invitation


@dataclass
class PollOutcome:
    taken: dict[str, int] = field(default_factory=dict)
    moved_again: int = 0
    error: str = ""
    skipped: bool = False


def _lease(mailbox_id: int) -> Mailbox | None:
    now = timezone.now()
    until = now + timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT)
    won = (
        Mailbox.objects.filter(pk=mailbox_id, enabled=True)
        .filter(Q(lease_until__isnull=True) | Q(lease_until__lt=now))
        .update(lease_until=until)
    )
    return Mailbox.objects.select_related("organisation").get(pk=mailbox_id) if won else None


def mailbox_poll(*, mailbox_id: int) -> PollOutcome:
    """Take every waiting mail of one mailbox and move it to its Vouch folder.

    Each mail is stored (committed) before it is moved, so a connection lost at any
    point loses nothing: an unmoved mail is fetched again next time and recognised by
    its fingerprint. Only one poll of a mailbox runs at a time; a second one returns
    with `skipped`. Connection problems are recorded on the mailbox, not raised.
    """
    mailbox = _lease(mailbox_id)
    if mailbox is None:
        return PollOutcome(skipped=True)
    outcome = PollOutcome()
    org = mailbox.organisation
    try:
        _take_all(mailbox, org, outcome)
    except (MailboxUnavailable, SecretUnreadable) as exc:
        outcome.error = str(exc)
    finally:
        Mailbox.objects.filter(pk=mailbox.pk).update(
            lease_until=None, last_polled_at=timezone.now(), last_error=outcome.error[:2000]
        )
    return outcome


def _take_all(mailbox: Mailbox, org, outcome: PollOutcome) -> None:
    address = mailbox_address(mailbox)
    with ImapSession(address, timeout=settings.VOUCH_IMAP_TIMEOUT_SECONDS) as session:
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        for uid in session.uids(settings.VOUCH_MAILBOX_BATCH):
            size = session.size(uid)
            if size is None:
                continue
            # A mail beyond the limit is never downloaded whole: its header tells who sent it.
            oversize = size > limit
            raw = session.fetch_header(uid) if oversize else session.fetch(uid)
            if raw is None:
                continue
            mail, new = forwarded_mail_take(org=org, raw=raw, size=size if oversize else None)
            session.move(uid, FOLDERS[MailStatus(mail.status)])
            ForwardedMail.objects.filter(pk=mail.pk).update(moved_at=timezone.now())
            if new:
                outcome.taken[mail.status] = outcome.taken.get(mail.status, 0) + 1
            else:
                outcome.moved_again += 1


def mailboxes_due() -> list[int]:
    """Return the ids of the enabled mailboxes, to poll one task each."""
    return list(Mailbox.objects.enabled().order_by("pk").values_list("pk", flat=True))
