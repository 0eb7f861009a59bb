"""Polling the organisation's mailbox against a real Dovecot server started by the tests."""

from pathlib import Path

import pytest

from invitations.models import Channel, Invitation
from mailboxes.models import ForwardedMail, Mailbox, MailStatus
from mailboxes.services import mailbox_configure, mailbox_poll

FIXTURES = Path(__file__).parent / "fixtures"
REAL = Path(__file__).parents[1] / "intake" / "fixtures" / "real"

pytestmark = pytest.mark.django_db


def _forward_attached(sender: str = "mia.member@acme.example") -> bytes:
    """A member's forward with the genuine 2016 LinkedIn invitation attached as message/rfc822."""
    inner = (REAL / "imapdigester_test_linkedin_invitations_INCOMING_1.eml").read_bytes()
    return (
        (
            f"From: Mia Member <{sender}>\r\n"
            "To: intake@vouch.test\r\n"
            "Subject: Fwd: Paul, please add me to your LinkedIn network\r\n"
            "Date: Tue, 3 May 2016 08:00:00 +0200\r\n"
            "Message-ID: <fwd-attached-1@acme.example>\r\n"
            "MIME-Version: 1.0\r\n"
            'Content-Type: multipart/mixed; boundary="b1"\r\n\r\n'
            "--b1\r\nContent-Type: text/plain\r\n\r\nDo I know him?\r\n"
            "--b1\r\nContent-Type: message/rfc822\r\nContent-Disposition: attachment\r\n\r\n"
        ).encode()
        + inner
        + b"\r\n--b1--\r\n"
    )


def _nested_too_deep() -> bytes:
    """A member's mail whose MIME parts nest deeper than intake reads: intake rejects it."""
    head = (
        "From: mia.member@acme.example\r\nTo: intake@vouch.test\r\nSubject: odd\r\n"
        "Date: Tue, 10 Mar 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n"
    )
    body = "Content-Type: text/plain\r\n\r\nhello\r\n"
    for depth in range(8):
        body = (
            f'Content-Type: multipart/mixed; boundary="d{depth}"\r\n\r\n'
            f"--d{depth}\r\n{body}--d{depth}--\r\n"
        )
    return (head + body).encode()


@pytest.fixture
def mia(org, member):
    member.email = "mia.member@acme.example"
    member.save()
    return member


@pytest.fixture
def mailbox(org, dovecot):
    return mailbox_configure(org=org, url=dovecot.url())


def test_forwards_inline_and_attached_become_the_members_submissions(org, mia, mailbox, dovecot):
    dovecot.deliver((FIXTURES / "forward_inline_de.eml").read_bytes(), _forward_attached())
    outcome = mailbox_poll(mailbox_id=mailbox.pk)
    assert outcome.error == "" and outcome.taken == {MailStatus.SUBMITTED: 2}
    invitations = Invitation.objects.for_org(org).order_by("requester_name")
    assert [(i.requester_name, i.submitter, i.channel) for i in invitations] == [
        ("Lars Brenner", mia, Channel.EMAIL),
        ("Michael McAuliffe", mia, Channel.EMAIL),
    ]
    lars = invitations[0]
    assert lars.message.startswith("wir haben uns letzte Woche beim FinTech-Stammtisch")
    mails = ForwardedMail.objects.for_org(org)
    assert {m.invitation for m in mails} == set(invitations)
    assert all(m.moved_at is not None for m in mails)
    assert dovecot.folder("INBOX") == []
    assert len(dovecot.folder("Vouch/Processed")) == 2


def test_mail_from_an_unknown_sender_is_set_aside_and_moved(org, mia, mailbox, dovecot):
    dovecot.deliver((FIXTURES / "unknown_sender.eml").read_bytes())
    outcome = mailbox_poll(mailbox_id=mailbox.pk)
    assert outcome.taken == {MailStatus.SET_ASIDE: 1}
    assert not Invitation.objects.exists()
    (mail,) = ForwardedMail.objects.for_org(org)
    assert (mail.sender, mail.sender_name, mail.status) == (
        "olivia@elsewhere.example",
        "Olivia Outsider",
        MailStatus.SET_ASIDE,
    )
    assert mail.error == "olivia@elsewhere.example is not the address of a member"
    assert dovecot.folder("INBOX") == []
    assert len(dovecot.folder("Vouch/Unknown sender")) == 1


def test_mail_from_a_compliance_officer_is_set_aside_as_they_do_not_submit(
    org, compliance, mailbox, dovecot
):
    dovecot.deliver(_forward_attached(sender=compliance.email))
    mailbox_poll(mailbox_id=mailbox.pk)
    (mail,) = ForwardedMail.objects.for_org(org)
    assert mail.status == MailStatus.SET_ASIDE
    assert "who does not submit" in mail.error


def test_a_mail_that_fails_intake_is_rejected_with_the_error_and_moved(org, mia, mailbox, dovecot):
    dovecot.deliver(_nested_too_deep())
    mailbox_poll(mailbox_id=mailbox.pk)
    (mail,) = ForwardedMail.objects.for_org(org)
    assert mail.status == MailStatus.REJECTED
    assert "nests MIME parts more than" in mail.error
    assert mail.submitter == mia and not Invitation.objects.exists()
    assert len(dovecot.folder("Vouch/Rejected")) == 1


def test_polling_again_reads_nothing_twice(org, mia, mailbox, dovecot):
    dovecot.deliver(_forward_attached())
    mailbox_poll(mailbox_id=mailbox.pk)
    again = mailbox_poll(mailbox_id=mailbox.pk)
    assert again.taken == {} and again.moved_again == 0
    assert Invitation.objects.count() == 1 and ForwardedMail.objects.count() == 1


def test_a_connection_dropped_mid_fetch_loses_nothing_and_duplicates_nothing(
    org, mia, mailbox, dovecot, dropping_proxy
):
    first = (FIXTURES / "forward_inline_de.eml").read_bytes()
    dovecot.deliver(first, _forward_attached(), (FIXTURES / "unknown_sender.eml").read_bytes())
    proxy = dropping_proxy(b"BODY.PEEK[]", nth=2, pass_bytes=200)
    Mailbox.objects.filter(pk=mailbox.pk).update(port=proxy.port)

    broken = mailbox_poll(mailbox_id=mailbox.pk)
    assert proxy.dropped.is_set()
    assert "FETCH" in broken.error
    assert broken.taken == {MailStatus.SUBMITTED: 1}
    assert Mailbox.objects.get(pk=mailbox.pk).last_error == broken.error
    assert len(dovecot.folder("INBOX")) == 2

    Mailbox.objects.filter(pk=mailbox.pk).update(port=dovecot.port)
    healed = mailbox_poll(mailbox_id=mailbox.pk)
    assert healed.error == ""
    assert healed.taken == {MailStatus.SUBMITTED: 1, MailStatus.SET_ASIDE: 1}
    assert Invitation.objects.count() == 2 and ForwardedMail.objects.count() == 3
    assert dovecot.folder("INBOX") == []
    assert Mailbox.objects.get(pk=mailbox.pk).last_error == ""


def test_a_connection_dropped_before_the_move_only_moves_the_mail_next_time(
    org, mia, mailbox, dovecot, dropping_proxy
):
    dovecot.deliver(_forward_attached())
    proxy = dropping_proxy(b"MOVE", forward_trigger=False)
    Mailbox.objects.filter(pk=mailbox.pk).update(port=proxy.port)
    broken = mailbox_poll(mailbox_id=mailbox.pk)
    assert proxy.dropped.is_set() and "MOVE" in broken.error
    assert Invitation.objects.count() == 1
    assert len(dovecot.folder("INBOX")) == 1

    Mailbox.objects.filter(pk=mailbox.pk).update(port=dovecot.port)
    healed = mailbox_poll(mailbox_id=mailbox.pk)
    assert healed.taken == {} and healed.moved_again == 1
    assert Invitation.objects.count() == 1 and ForwardedMail.objects.count() == 1
    assert dovecot.folder("INBOX") == [] and len(dovecot.folder("Vouch/Processed")) == 1


def test_a_server_that_is_down_is_recorded_on_the_mailbox(org, mia, mailbox, dovecot):
    dovecot.stop()
    outcome = mailbox_poll(mailbox_id=mailbox.pk)
    assert outcome.error.startswith(f"cannot connect to 127.0.0.1:{dovecot.port}")
    stored = Mailbox.objects.get(pk=mailbox.pk)
    assert stored.last_error == outcome.error and stored.lease_until is None


def test_a_poll_already_running_makes_a_second_one_a_no_op(org, mia, mailbox, dovecot):
    from django.utils import timezone

    Mailbox.objects.filter(pk=mailbox.pk).update(
        lease_until=timezone.now() + timezone.timedelta(minutes=5)
    )
    dovecot.deliver(_forward_attached())
    assert mailbox_poll(mailbox_id=mailbox.pk).skipped
    assert not ForwardedMail.objects.exists()


def test_a_server_without_move_gets_copy_delete_and_expunge(org, mia, dovecot_without_move):
    server = dovecot_without_move
    mailbox = mailbox_configure(org=org, url=server.url())
    server.deliver(_forward_attached(), (FIXTURES / "unknown_sender.eml").read_bytes())
    outcome = mailbox_poll(mailbox_id=mailbox.pk)
    assert outcome.error == ""
    assert outcome.taken == {MailStatus.SUBMITTED: 1, MailStatus.SET_ASIDE: 1}
    assert server.folder("INBOX") == []
    assert len(server.folder("Vouch/Processed")) == 1
    assert len(server.folder("Vouch/Unknown sender")) == 1


def test_a_members_address_that_failed_dmarc_is_set_aside_as_possibly_forged(
    org, mia, mailbox, dovecot
):
    forged = (
        b"Authentication-Results: mx.acme.example; spf=fail smtp.mailfrom=acme.example;\r\n"
        b" dkim=none; dmarc=fail (p=none) header.from=acme.example\r\n"
        b"Authentication-Results: relay.elsewhere.example; dmarc=pass\r\n"
    ) + _forward_attached()
    dovecot.deliver(forged)
    mailbox_poll(mailbox_id=mailbox.pk)
    (mail,) = ForwardedMail.objects.for_org(org)
    assert mail.status == MailStatus.SET_ASIDE and mail.submitter is None
    assert "failed DMARC" in mail.error
    assert not Invitation.objects.exists()


def test_only_the_topmost_authentication_results_count(org, mia, mailbox, dovecot):
    relayed = (
        b"Authentication-Results: mx.acme.example; dmarc=pass header.from=acme.example\r\n"
        b"Authentication-Results: relay.elsewhere.example; dmarc=fail\r\n"
    ) + _forward_attached()
    dovecot.deliver(relayed)
    mailbox_poll(mailbox_id=mailbox.pk)
    assert ForwardedMail.objects.get().status == MailStatus.SUBMITTED


def test_a_mail_beyond_the_size_limit_is_rejected_without_downloading_it(
    org, mia, mailbox, dovecot, settings
):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 4096
    big = _forward_attached().replace(b"Do I know him?", b"Do I know him? " + b"x" * 20_000)
    dovecot.deliver(big)
    outcome = mailbox_poll(mailbox_id=mailbox.pk)
    assert outcome.taken == {MailStatus.REJECTED: 1}
    (mail,) = ForwardedMail.objects.for_org(org)
    # The server counts the size with CRLF line ends, as it would send the mail.
    assert mail.size >= len(big) and mail.submitter == mia
    assert mail.error == f"the e-mail is {mail.size:,} bytes; the limit is 4,096 bytes"
    assert mail.subject == "Fwd: Paul, please add me to your LinkedIn network"
    assert len(dovecot.folder("Vouch/Rejected")) == 1
    assert mailbox_poll(mailbox_id=mailbox.pk).taken == {}


def test_a_mail_the_submission_refuses_is_rejected_and_the_poll_goes_on(
    org, mia, mailbox, dovecot, monkeypatch
):
    from intake.errors import IntakeError
    from invitations.services import IntakeRejected, invitation_submit

    def refuse_the_first(**kwargs):
        if not ForwardedMail.objects.exists() and not Invitation.objects.exists():
            refusal = IntakeError("forwarded.eml", None, "requester_name", "is too long")
            raise IntakeRejected([refusal])
        return invitation_submit(**kwargs)

    monkeypatch.setattr("mailboxes.services.invitation_submit", refuse_the_first)
    dovecot.deliver(_forward_attached())
    dovecot.deliver(_forward_attached().replace(b"fwd-attached-1", b"fwd-attached-2"))
    outcome = mailbox_poll(mailbox_id=mailbox.pk)
    assert outcome.error == ""
    assert outcome.taken == {MailStatus.REJECTED: 1, MailStatus.SUBMITTED: 1}
    rejected = ForwardedMail.objects.get(status=MailStatus.REJECTED)
    assert "requester_name" in rejected.error and "is too long" in rejected.error
    assert len(dovecot.folder("Vouch/Rejected")) == 1


def test_a_hostile_header_is_rejected_before_any_parser_reads_it(org, mia, mailbox, dovecot):
    hostile = b"From: mia.member@acme.example " + b"(" * 100_000 + b"\r\n" + _forward_attached()
    dovecot.deliver(hostile)
    dovecot.deliver(_forward_attached())
    outcome = mailbox_poll(mailbox_id=mailbox.pk)
    assert outcome.taken == {MailStatus.REJECTED: 1, MailStatus.SUBMITTED: 1}
    rejected = ForwardedMail.objects.get(status=MailStatus.REJECTED)
    assert rejected.error and rejected.submitter is None
    assert len(dovecot.folder("Vouch/Rejected")) == 1
