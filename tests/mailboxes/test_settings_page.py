"""The organisation's settings page: managers set the mailbox; the password stays secret."""

import pytest
from django.urls import reverse

from mailboxes.models import ForwardedMail, Mailbox, MailStatus
from mailboxes.secrets import secret_decrypt
from tests.mailboxes.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def _url(name: str, org) -> str:
    return reverse(name, kwargs={"org_slug": org.slug})


def test_the_settings_page_is_in_the_managers_navigation_only(org, manager, member, login):
    page = login(manager).get(_url("org_home", org)).content.decode()
    assert _url("org_settings", org) in page
    home = login(member).get(_url("org_home", org)).content.decode()
    assert _url("org_settings", org) not in home


@pytest.mark.parametrize("persona", ["member", "reviewer", "compliance"])
def test_only_managers_may_open_or_change_the_settings(org, persona, request, login):
    client = login(request.getfixturevalue(persona))
    assert client.get(_url("org_settings", org)).status_code == 403
    assert client.post(_url("mailbox_save", org), {"url": "imap://a:b@c/INBOX"}).status_code == 403
    assert client.get(_url("forwarded_mail", org)).status_code == 403
    assert not Mailbox.objects.exists()


def test_another_organisations_manager_gets_a_404(org, outsider, login):
    client = login(outsider)
    assert client.get(_url("org_settings", org)).status_code == 404
    assert client.get(_url("forwarded_mail", org)).status_code == 404


def test_a_manager_sets_the_mailbox_and_the_password_is_stored_encrypted(
    org, manager, login, dovecot
):
    client = login(manager)
    response = client.post(
        _url("mailbox_save", org), {"url": dovecot.url(), "enabled": "on"}, follow=True
    )
    assert response.status_code == 200
    mailbox = Mailbox.objects.get(organisation=org)
    assert (mailbox.host, mailbox.port, mailbox.username, mailbox.folder) == (
        "127.0.0.1",
        dovecot.port,
        "intake@vouch.test",
        "INBOX",
    )
    assert PASSWORD not in mailbox.password_encrypted
    assert secret_decrypt(mailbox.password_encrypted) == PASSWORD
    page = client.get(_url("org_settings", org)).content.decode()
    assert f"imap://intake%40vouch.test@127.0.0.1:{dovecot.port}/INBOX" in page
    assert "s3cret" not in page and "s3cret" not in response.content.decode()


def test_saving_without_the_password_keeps_the_stored_one(org, manager, login, dovecot):
    client = login(manager)
    client.post(_url("mailbox_save", org), {"url": dovecot.url(), "enabled": "on"})
    before = Mailbox.objects.get().password_encrypted
    bare = f"imap://intake%40vouch.test@127.0.0.1:{dovecot.port}/INBOX"
    response = client.post(_url("mailbox_save", org), {"url": bare})
    assert response.status_code == 302
    mailbox = Mailbox.objects.get()
    assert secret_decrypt(mailbox.password_encrypted) == PASSWORD
    assert mailbox.password_encrypted != before and not mailbox.enabled


def test_the_password_may_be_given_in_its_own_field(org, manager, login, dovecot):
    bare = f"imap://intake%40vouch.test@127.0.0.1:{dovecot.port}/INBOX"
    response = login(manager).post(
        _url("mailbox_save", org), {"url": bare, "password": PASSWORD, "enabled": "on"}
    )
    assert response.status_code == 302
    assert secret_decrypt(Mailbox.objects.get().password_encrypted) == PASSWORD


def test_a_wrong_password_is_refused_without_echoing_it(org, manager, login, dovecot):
    wrong = dovecot.url(password="not-the-password-123")
    response = login(manager).post(_url("mailbox_save", org), {"url": wrong, "enabled": "on"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Vouch could not open the mailbox: the server refused the login" in page
    assert "not-the-password-123" not in page
    assert not Mailbox.objects.exists()


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("https://user:pw@mail.example.com/INBOX", "must start with imaps://"),
        ("imaps://mail.example.com/INBOX", "names no user"),
        ("imaps://user@mail.example.com/INBOX", "needs the password"),
        ("imaps://user:pw@mail.example.com:99999/INBOX", "is not a mailbox address"),
    ],
)
def test_a_bad_address_says_what_is_wrong(org, manager, login, url, problem):
    response = login(manager).post(_url("mailbox_save", org), {"url": url, "enabled": "on"})
    assert response.status_code == 400
    assert problem in response.content.decode()
    assert not Mailbox.objects.exists()


def test_a_manager_removes_the_mailbox(org, manager, login, dovecot):
    client = login(manager)
    client.post(_url("mailbox_save", org), {"url": dovecot.url(), "enabled": "on"})
    assert client.post(_url("mailbox_remove", org)).status_code == 302
    assert not Mailbox.objects.exists()


def test_set_aside_mail_is_listed_for_managers_as_plain_text(org, other_org, manager, login):
    ForwardedMail.objects.create(
        organisation=org,
        fingerprint="a" * 64,
        sender="olivia@elsewhere.example",
        sender_name="<b>Olivia</b>",
        subject="Fwd: <script>alert(1)</script> add me",
        status=MailStatus.SET_ASIDE,
        error="olivia@elsewhere.example is not the address of a member",
    )
    ForwardedMail.objects.create(
        organisation=other_org,
        fingerprint="b" * 64,
        sender="theirs@globex.example",
        subject="Globex only",
        status=MailStatus.SET_ASIDE,
    )
    page = login(manager).get(_url("forwarded_mail", org)).content.decode()
    assert "olivia@elsewhere.example is not the address of a member" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert" not in page
    assert "Globex only" not in page
    settings_page = login(manager).get(_url("org_settings", org)).content.decode()
    assert "Forwarded mail: 1 set aside or rejected" in settings_page
