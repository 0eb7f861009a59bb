import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from audit.models import Action, AuditEvent
from organisations.models import Membership, Role


def _url(org, name="members", **kw):
    return reverse(name, kwargs={"org_slug": org.slug, **kw})


@pytest.mark.django_db(transaction=True)
def test_a_manager_adds_a_new_person_by_email_and_they_get_a_link(org, manager, login):
    response = login(manager).post(_url(org), {"email": "Nina@Example.test", "role": "reviewer"})
    assert response.status_code == 302
    user = get_user_model().objects.get(email="nina@example.test")
    assert not user.has_usable_password()
    assert Membership.objects.get(user=user, organisation=org).role == Role.REVIEWER
    assert len(mail.outbox) == 1
    assert "/password/reset/" in mail.outbox[0].body
    event = AuditEvent.objects.get(action=Action.MEMBER_ADDED)
    assert event.data["role"] == "reviewer" and event.actor == manager


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
