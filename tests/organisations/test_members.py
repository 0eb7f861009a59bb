import contextlib
import re
import threading

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import connection
from django.test import Client
from django.urls import reverse

from audit.models import Action, AuditEvent
from organisations import services
from organisations.models import EmailStatus, Membership, OutboundEmail, Role
from tests.factories import MembershipFactory, UserFactory


def _url(org, name="members", **kw):
    return reverse(name, kwargs={"org_slug": org.slug, **kw})


def _invite(client, org, email, role="reviewer"):
    return client.post(_url(org), {"email": email, "role": role}, follow=True)


def _link_in(email) -> str:
    return re.search(r"https?://\S+/join/\S+/", email.body).group(0)


@pytest.mark.django_db
def test_the_answer_is_the_same_whether_or_not_the_address_has_an_account(
    org, manager, outsider, login
):
    client = login(manager)
    known = _invite(client, org, outsider.email)
    unknown = _invite(client, org, "nobody-here@example.test")

    def shown(response, address) -> list[str]:
        return [str(m).replace(address, "ADDRESS") for m in response.context["messages"]]

    assert known.status_code == unknown.status_code == 200
    assert known.redirect_chain == unknown.redirect_chain
    assert shown(known, outsider.email) == shown(unknown, "nobody-here@example.test")
    assert shown(known, outsider.email) == [
        "Invitation sent to ADDRESS. They join once they accept it."
    ]
    emails = OutboundEmail.objects.filter(kind="member_invitation").order_by("pk")
    assert [e.recipient for e in emails] == [outsider.email, "nobody-here@example.test"]
    assert emails[0].subject == emails[1].subject
    assert re.sub(r"/join/\S+", "", emails[0].body) == re.sub(r"/join/\S+", "", emails[1].body)
    assert not get_user_model().objects.filter(email="nobody-here@example.test").exists()


@pytest.mark.django_db
def test_another_tenants_user_joins_only_by_accepting_the_link_sent_to_them(
    org, manager, outsider, login
):
    _invite(login(manager), org, outsider.email, role="member")
    assert not Membership.objects.filter(user=outsider, organisation=org).exists()
    (email,) = OutboundEmail.objects.filter(kind="member_invitation")
    link = _link_in(email)
    path = link[link.index("/join/") :]
    assert Client().get(path).status_code == 302, "an existing account must log in first"
    assert login(manager).post(path).status_code == 200, "not for the manager's account"
    assert not Membership.objects.filter(user=outsider, organisation=org).exists()
    response = login(outsider).post(path)
    assert response.status_code == 302
    assert Membership.objects.get(user=outsider, organisation=org).role == Role.MEMBER
    event = AuditEvent.objects.get(action=Action.MEMBER_ADDED)
    assert event.actor == outsider and event.data["invited_by"] == manager.username
    assert login(outsider).post(path).status_code == 404, "a link works once"


@pytest.mark.django_db
def test_a_new_address_chooses_a_password_on_the_link_and_is_logged_in(org, manager, login):
    _invite(login(manager), org, "Nina@Example.test")
    (email,) = OutboundEmail.objects.filter(kind="member_invitation")
    assert email.recipient == "nina@example.test"
    path = _link_in(email)[_link_in(email).index("/join/") :]
    client = Client()
    weak = client.post(path, {"new_password1": "short", "new_password2": "short"})
    assert weak.status_code == 200 and not get_user_model().objects.filter(
        email="nina@example.test"
    )
    strong = "a long enough passphrase 42"
    done = client.post(path, {"new_password1": strong, "new_password2": strong}, follow=True)
    assert done.status_code == 200
    user = get_user_model().objects.get(email="nina@example.test")
    assert user.check_password(strong)
    assert Membership.objects.get(user=user, organisation=org).role == Role.REVIEWER
    assert done.wsgi_request.user == user


@pytest.mark.django_db
def test_a_tampered_or_expired_link_is_a_404(org, manager, login, settings):
    _invite(login(manager), org, "nina@example.test")
    path = _link_in(OutboundEmail.objects.get(kind="member_invitation"))
    path = path[path.index("/join/") :]
    assert Client().get(path.replace("/join/", "/join/x")).status_code == 404
    settings.VOUCH_MEMBER_INVITATION_DAYS = 0
    assert Client().get(path).status_code == 404


@pytest.mark.django_db(transaction=True)
def test_the_invitation_e_mail_is_sent_through_the_outbox(org, manager, login, eager_tasks):
    _invite(login(manager), org, "nina@example.test")
    (message,) = mail.outbox
    assert message.to == ["nina@example.test"]
    assert "/join/" in message.body
    assert OutboundEmail.objects.get().status == EmailStatus.SENT


@pytest.mark.django_db
def test_adding_an_existing_member_again_shows_an_error(org, manager, member, login):
    response = login(manager).post(_url(org), {"email": member.email, "role": "member"})
    assert response.status_code == 200
    assert "already a member" in response.content.decode()


@pytest.mark.django_db
def test_a_manager_changes_a_role_and_it_is_audited(org, manager, member, login):
    membership = Membership.objects.get(user=member, organisation=org)
    login(manager).post(_url(org, "member_role", membership_id=membership.pk), {"role": "reviewer"})
    membership.refresh_from_db()
    assert membership.role == Role.REVIEWER
    event = AuditEvent.objects.get(action=Action.MEMBER_ROLE_CHANGED)
    assert event.data == {"username": "mia", "from": "member", "to": "reviewer"}


@pytest.mark.django_db
def test_the_last_manager_cannot_be_demoted(org, manager, login):
    membership = Membership.objects.get(user=manager, organisation=org)
    response = login(manager).post(
        _url(org, "member_role", membership_id=membership.pk), {"role": "member"}, follow=True
    )
    membership.refresh_from_db()
    assert membership.role == Role.MANAGER
    assert "at least one manager" in response.content.decode()


@pytest.mark.django_db
def test_a_manager_removes_a_member(org, manager, member, login):
    membership = Membership.objects.get(user=member, organisation=org)
    login(manager).post(_url(org, "member_remove", membership_id=membership.pk))
    assert not Membership.objects.filter(pk=membership.pk).exists()
    assert AuditEvent.objects.filter(action=Action.MEMBER_REMOVED).count() == 1


@pytest.mark.django_db
def test_a_manager_cannot_touch_memberships_of_another_organisation(org, manager, outsider, login):
    theirs = Membership.objects.get(user=outsider)
    response = login(manager).post(
        _url(org, "member_role", membership_id=theirs.pk), {"role": "member"}
    )
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.role == Role.MANAGER


@pytest.mark.django_db(transaction=True)
def test_two_managers_demoting_each_other_at_once_leave_one_manager(org, manager, monkeypatch):
    other = UserFactory(username="moe")
    MembershipFactory(user=other, organisation=org, role=Role.MANAGER)
    mine, theirs = (Membership.objects.get(user=u, organisation=org) for u in (manager, other))
    both_checked = threading.Barrier(2)
    check = services._ensure_a_manager_remains

    def check_then_wait(membership, new_role):
        check(membership, new_role)
        # Without serialisation both demotions pass the check before either commits.
        with contextlib.suppress(threading.BrokenBarrierError):
            both_checked.wait(timeout=3)

    monkeypatch.setattr(services, "_ensure_a_manager_remains", check_then_wait)
    outcomes = []

    def demote(membership, actor):
        try:
            services.membership_change_role(membership=membership, role=Role.MEMBER, actor=actor)
            outcomes.append("demoted")
        except services.LastManagerError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [
        threading.Thread(target=demote, args=(theirs, manager)),
        threading.Thread(target=demote, args=(mine, other)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert sorted(outcomes) == ["demoted", "refused"]
    assert Membership.objects.for_org(org).managers().count() == 1
