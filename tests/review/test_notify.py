"""Telling the submitter: EN and DE wording, managers' placeholders, no injection."""

import json
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core import mail

from invitations.models import NotificationTemplate
from organisations.models import EmailStatus, OutboundEmail
from review.decisions import decision_record
from review.notify import (
    PLACEHOLDERS,
    decision_words,
    default_wording,
    fill_placeholders,
    language_of,
    unknown_placeholders,
)
from tests.invitations.fixtures import make_invitation
from tests.review.mail import send_decision_email

pytestmark = pytest.mark.django_db

#: The built-in e-mails as the hand-written English and German templates rendered them,
#: placeholders left in: the catalogue-based templates must say exactly the same.
DECISION_EMAILS = json.loads(
    (Path(__file__).parent / "decision_emails.json").read_text(encoding="utf-8")
)


def _decide(org, submitter, reviewer, action="report_spam", **fields):
    invitation = make_invitation(org, submitter, **fields)
    return decision_record(
        invitation=invitation, action=action, actor=reviewer, justification="checked"
    )


def test_the_english_e_mail_says_the_decision_and_the_button_to_press(org, member, reviewer):
    decision = _decide(org, member, reviewer, requester_name="Sam Spammer")
    assert send_decision_email(decision) is True
    message = mail.outbox[0]
    assert message.to == [member.email]
    assert "Sam Spammer" in message.subject and "spam" in message.subject
    assert "Report as spam" in message.body
    assert "Press “Ignore”, then “Report as spam”" in message.body
    assert f"/o/{org.slug}/invitations/{decision.invitation_id}/" in message.body


def test_the_german_e_mail_is_sent_when_german_is_the_default(org, member, reviewer, settings):
    settings.LANGUAGE_CODE = "de"
    decision = _decide(org, member, reviewer, action="dont_know", requester_name="Sam")
    send_decision_email(decision)
    message = mail.outbox[0]
    assert "Lehnen Sie die Einladung von Sam ab" in message.subject
    assert "Ich kenne diese Person nicht" in message.body
    assert "Ignorieren" in message.body
    assert "Press" not in message.body


@pytest.mark.parametrize("key", sorted(DECISION_EMAILS))
def test_the_built_in_wording_reads_as_the_hand_written_english_and_german_e_mails(key):
    language, action, *reversal = key.split()
    values = {k: "{" + k + "}" for k in PLACEHOLDERS}
    subject, body = default_wording(action, language, values, reversal=bool(reversal))
    assert subject == DECISION_EMAILS[key]["subject"]
    assert body == "".join(DECISION_EMAILS[key]["body"])


def test_the_decision_and_button_words_come_from_the_german_catalogue():
    assert decision_words("dont_know", "de") == (
        "Ich kenne diese Person nicht",
        "Klicken Sie auf „Ignorieren“ und wählen Sie dann „Ich kenne diese Person nicht“.",
    )


def test_a_third_language_needs_only_a_catalogue_not_another_set_of_templates():
    values = {"requester_name": "Jane Roe", "decision": "D", "button": "B", "link": "L"}
    subject, body = default_wording("accept", "fr", values, reversal=True)
    assert subject.strip() == "Acceptez l'invitation de Jane Roe"
    assert body.startswith("Cette décision remplace une décision antérieure")
    assert "Bonne nouvelle : un examinateur a étudié l'invitation LinkedIn de Jane Roe" in body
    assert "Détails : L" in body


def test_the_submitters_own_language_wins_over_the_default(settings):
    settings.LANGUAGE_CODE = "en"
    assert language_of(SimpleNamespace(language="de-AT")) == "de"
    assert language_of(SimpleNamespace(language="it")) == "en"
    assert language_of(SimpleNamespace()) == "en"
    assert language_of(None) == "en"


def test_a_reversal_e_mail_says_it_replaces_the_earlier_decision(org, member, reviewer):
    first = _decide(org, member, reviewer)
    second = decision_record(
        invitation=first.invitation,
        action="accept",
        actor=reviewer,
        justification="known",
        reverses=first,
    )
    send_decision_email(second)
    assert "replaces an earlier decision" in mail.outbox[0].body
    assert "Press “Accept”." in mail.outbox[0].body


def test_a_managers_wording_fills_the_four_placeholders(org, member, reviewer, settings):
    NotificationTemplate.objects.create(
        organisation=org,
        action="report_spam",
        language="en",
        subject="[{decision}] {requester_name}",
        body="Do this: {button}\nSee {link}\nKeep {unknown} and {{braces}} as written.",
    )
    decision = _decide(org, member, reviewer, requester_name="Sam")
    send_decision_email(decision)
    message = mail.outbox[0]
    assert message.subject == "[Report as spam] Sam"
    assert "Do this: Press “Ignore”, then “Report as spam”" in message.body
    link = f"{settings.SITE_URL}/o/{org.slug}/invitations/{decision.invitation_id}/"
    assert f"See {link}\n" in message.body
    assert "Keep {unknown} and {{braces}} as written." in message.body


def test_a_managers_wording_is_never_rendered_as_a_template_or_code(org, member, reviewer):
    NotificationTemplate.objects.create(
        organisation=org,
        action="report_spam",
        language="en",
        subject="{requester_name.__class__}",
        body="{% now 'Y' %} {{ settings.SECRET_KEY }} {requester_name.__init__.__globals__} "
        "{decision!r} {button:>40} {link[0]}",
    )
    decision = _decide(org, member, reviewer)
    send_decision_email(decision)
    message = mail.outbox[0]
    assert message.subject == "{requester_name.__class__}"
    assert "{% now 'Y' %}" in message.body and "{{ settings.SECRET_KEY }}" in message.body
    assert "{requester_name.__init__.__globals__}" in message.body
    assert "{decision!r} {button:>40} {link[0]}" in message.body
    assert "class 'str'" not in message.body


def test_fill_placeholders_only_knows_the_four_names():
    values = {"requester_name": "Eve", "decision": "D", "button": "B", "link": "L"}
    assert fill_placeholders("{requester_name}/{decision}/{button}/{link}", values) == "Eve/D/B/L"
    assert fill_placeholders("{ } { { }} {0} {}", values) == "{ } { { }} {0} {}"
    assert unknown_placeholders("{requester_name} {name} {x.y}") == ["name", "x.y"]


def test_no_html_reaches_the_e_mail_and_links_in_names_are_defanged(org, member, reviewer):
    decision = _decide(
        org,
        member,
        reviewer,
        requester_name="<b>Eve</b><script>alert(1)</script>\nBcc: victim@example.test https://evil.example/x",
    )
    send_decision_email(decision)
    message = mail.outbox[0]
    assert message.alternatives == [] and message.content_subtype == "plain"
    assert "\n" not in message.subject and "Bcc" not in message.extra_headers
    assert message.bcc == []
    assert "<script>alert(1)</script>" in message.body  # plain text, shown as written
    assert "&lt;" not in message.body
    assert "https://evil.example" not in message.body and "evil[.]example" in message.body


def test_nobody_is_told_when_the_submitter_has_no_address(org, reviewer):
    from tests.factories import UserFactory

    silent = UserFactory(username="silent", email="")
    decision = _decide(org, silent, reviewer)
    assert send_decision_email(decision) is False
    assert mail.outbox == []


def test_a_failing_mail_server_leaves_the_e_mail_in_the_outbox(org, member, reviewer, monkeypatch):
    decision = _decide(org, member, reviewer)

    def broken(*args, **kwargs):
        raise OSError("connection refused")

    monkeypatch.setattr("organisations.outbox.send_mail", broken)
    assert send_decision_email(decision) is False
    email = OutboundEmail.objects.get(key=f"decision:{decision.pk}")
    assert (email.status, email.attempts) == (EmailStatus.PENDING, 1)
    assert email.last_error == "OSError: connection refused"
