"""A genuine LinkedIn mail, an imitation and a non-invitation, through the upload page and the
inbound endpoint to a real worker's evaluation (or a clear refusal)."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from invitations.models import Invitation, Status, Upload
from organisations.tokens import api_token_create
from tests.invitations.conftest import wait_for

MAIL = Path(__file__).parents[1] / "intake" / "fixtures" / "mail"
GENUINE = MAIL / "genuine" / "invitation_de_qp.eml"
IMITATION = MAIL / "imitation" / "reply_to_spoofed_sender.eml"
INMAIL = MAIL / "not_invitation" / "inmail_de.eml"
INMAIL_SENTENCE = "This is a LinkedIn InMail, not a connection invitation"
pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def _upload(client, org, path: Path):
    upload = io.BytesIO(path.read_bytes())
    upload.name = path.name
    return client.post(
        reverse("invitation_upload", kwargs={"org_slug": org.slug}), {"file": upload}
    )


def _inbound(client, key: str, path: Path):
    return client.post(
        "/api/v1/inbound-email",
        data=path.read_bytes(),
        content_type="message/rfc822",
        headers={"authorization": f"Bearer {key}"},
    )


def _evaluated(org):
    invitations = Invitation.objects.for_org(org)
    return lambda: invitations.exists() and not invitations.exclude(status=Status.EVALUATED)


def _imitation_hit(invitation) -> dict:
    (hit,) = [h for h in invitation.evaluation.hits if h["rule"] == "linkedin_imitation"]
    return hit


def test_a_genuine_mail_uploaded_is_evaluated_as_genuine(worker, org, member, login):
    response = _upload(login(member), org, GENUINE)
    assert response.status_code == 302, response.content.decode()
    wait_for(_evaluated(org))
    invitation = Invitation.objects.for_org(org).get()
    assert invitation.requester_name == "Jördis Kranich"
    assert invitation.message.startswith("Wir haben uns letzte Woche auf der Logimat")
    assert invitation.recommendation != "report_spam"
    hit = _imitation_hit(invitation)
    assert hit["weight"] == 0.0
    assert "genuine LinkedIn mail" in hit["en"]


def test_an_imitation_uploaded_is_recommended_as_spam(worker, org, member, login):
    assert _upload(login(member), org, IMITATION).status_code == 302
    wait_for(_evaluated(org))
    invitation = Invitation.objects.for_org(org).get()
    assert invitation.recommendation == "report_spam"
    assert _imitation_hit(invitation)["en"].startswith("The e-mail imitates LinkedIn: ")


def test_a_non_invitation_uploaded_is_refused_with_what_it_is(worker, org, member, login):
    client = login(member)
    response = _upload(client, org, INMAIL)
    assert response.status_code == 302
    wait_for(lambda: Upload.objects.filter(status="rejected").exists())
    assert INMAIL_SENTENCE in client.get(response["Location"]).content.decode()
    assert not Invitation.objects.exists()


def test_the_inbound_endpoint_takes_a_genuine_mail_and_an_imitation_and_refuses_an_inmail(
    worker, org, manager, client
):
    _token, key = api_token_create(org=org, name="gateway", user=manager, actor=manager)
    refused = _inbound(client, key, INMAIL)
    assert refused.status_code == 202
    receipt = refused["Location"]
    wait_for(lambda: _receipt(client, key, receipt)["status"] == "rejected")
    assert [e["message"] for e in _receipt(client, key, receipt)["errors"]] == [INMAIL_SENTENCE]
    assert not Invitation.objects.exists()
    for mail in (GENUINE, IMITATION):
        accepted = _inbound(client, key, mail)
        assert accepted.status_code == 202
        # One at a time, so the invitations' order is the mails' order.
        wait_for(lambda r=accepted["Location"]: _receipt(client, key, r)["status"] == "imported")
    wait_for(_evaluated(org))
    genuine, imitation = Invitation.objects.for_org(org).order_by("pk")
    assert genuine.recommendation != "report_spam"
    assert imitation.recommendation == "report_spam"


def _receipt(client, key: str, url: str) -> dict:
    return client.get(url, headers={"authorization": f"Bearer {key}"}).json()


def test_evaluate_file_exits_non_zero_with_the_refusal(tmp_path, capsys):
    profile = tmp_path / "profile.json"
    profile.write_text("{}")
    with pytest.raises(CommandError):
        call_command("evaluate_file", str(INMAIL), "--profile", str(profile))
    assert f"{INMAIL.name}: {INMAIL_SENTENCE}" in capsys.readouterr().err
