"""The beat task polls every mailbox through a real Celery worker, end to end."""

import pytest

from invitations.models import Channel, Invitation, Status
from mailboxes.models import ForwardedMail, Mailbox, MailStatus
from mailboxes.services import mailbox_configure
from mailboxes.tasks import poll_mailboxes
from tests.invitations.conftest import wait_for
from tests.mailboxes.test_poll import FIXTURES, _forward_attached

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def test_the_beat_task_turns_forwards_into_evaluated_submissions(worker, org, member, dovecot):
    member.email = "mia.member@acme.example"
    member.save()
    mailbox_configure(org=org, url=dovecot.url())
    dovecot.deliver(_forward_attached(), (FIXTURES / "unknown_sender.eml").read_bytes())
    poll_mailboxes.delay()
    wait_for(lambda: ForwardedMail.objects.filter(moved_at__isnull=False).count() == 2)
    wait_for(lambda: Invitation.objects.filter(status=Status.EVALUATED).count() == 1)
    invitation = Invitation.objects.get()
    assert (invitation.submitter, invitation.channel) == (member, Channel.EMAIL)
    assert invitation.recommendation
    assert sorted(ForwardedMail.objects.values_list("status", flat=True)) == [
        MailStatus.SET_ASIDE,
        MailStatus.SUBMITTED,
    ]
    assert dovecot.folder("INBOX") == []
    polled = Mailbox.objects.get().last_polled_at
    poll_mailboxes.delay()
    wait_for(lambda: Mailbox.objects.get().last_polled_at > polled)
    assert Invitation.objects.count() == 1 and ForwardedMail.objects.count() == 2


def test_a_disabled_mailbox_is_not_polled(worker, org, member, dovecot):
    mailbox_configure(org=org, url=dovecot.url(), enabled=False)
    dovecot.deliver(_forward_attached())
    assert poll_mailboxes() == 0
    assert Mailbox.objects.get().last_polled_at is None
    assert len(dovecot.folder("INBOX")) == 1
