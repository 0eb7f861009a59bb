"""Organisation and membership changes. Each one is audited (organisations.events)."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from organisations.events import organisation_change_announce
from organisations.models import MemberInvitation, Membership, Organisation, Role
from organisations.outbox import email_queue

User = get_user_model()


class LastManagerError(ValidationError):
    pass


def _lock_memberships(membership: Membership) -> Membership:
    """Lock every membership of `membership`'s organisation and return it freshly read.

    Role changes and removals in one organisation then run one after another, so two
    managers demoting each other at the same moment cannot both see the other remain.
    """
    rows = Membership.objects.filter(organisation_id=membership.organisation_id).order_by("pk")
    list(rows.select_for_update().values_list("pk", flat=True))
    return Membership.objects.select_related("organisation", "user").get(pk=membership.pk)


def _ensure_a_manager_remains(membership: Membership, new_role: str | None) -> None:
    """Raise LastManagerError when the change would leave the organisation without a manager.

    Call with the organisation's memberships locked (`_lock_memberships`).
    """
    if membership.role != Role.MANAGER or new_role == Role.MANAGER:
        return
    others = (
        Membership.objects.for_org(membership.organisation).managers().exclude(pk=membership.pk)
    )
    if not others.exists():
        raise LastManagerError(_("An organisation needs at least one manager."))


INVITATION_SALT = "vouch.member-invitation"


class InvitationInvalid(Exception):
    """A member invitation link is unknown, expired, already used or meant for someone else."""


def member_invitation_token(invitation: MemberInvitation) -> str:
    """Return the signed token of `invitation`'s link (valid VOUCH_MEMBER_INVITATION_DAYS)."""
    return signing.dumps({"i": invitation.pk, "e": invitation.email}, salt=INVITATION_SALT)


def member_invitation_from_token(token: str) -> MemberInvitation:
    """Return the pending invitation `token` names; raise InvitationInvalid otherwise."""
    max_age = timedelta(days=settings.VOUCH_MEMBER_INVITATION_DAYS)
    try:
        payload = signing.loads(token, salt=INVITATION_SALT, max_age=max_age)
    except signing.BadSignature as exc:
        raise InvitationInvalid from exc
    invitation = (
        MemberInvitation.objects.pending()
        .select_related("organisation")
        .filter(pk=payload.get("i"), email=payload.get("e"))
        .first()
    )
    if invitation is None:
        raise InvitationInvalid
    return invitation


def _invitation_email(invitation: MemberInvitation, *, request=None) -> tuple[str, str]:
    if request is not None:
        base = f"{request.scheme}://{request.get_host()}"
    else:
        base = settings.SITE_URL.rstrip("/")
    context = {
        "organisation": invitation.organisation,
        "role": invitation.get_role_display(),
        "link": base
        + reverse("member_join", kwargs={"token": member_invitation_token(invitation)}),
        "days": settings.VOUCH_MEMBER_INVITATION_DAYS,
    }
    subject = render_to_string("organisations/email/welcome_subject.txt", context).strip()
    body = render_to_string("organisations/email/welcome_body.txt", context)
    return subject, body


@transaction.atomic
def member_invite(*, org: Organisation, email: str, role: str, actor, request=None):
    """Invite `email` to join `org` in `role` and return the MemberInvitation.

    Whether or not the address has an account (here or in another organisation), the
    answer and the e-mail are the same: a signed link the person must follow to join.
    An earlier pending invitation of the same address is replaced. Raise
    ValidationError only if the address belongs to a member of `org` already.
    """
    if role not in Role.values:
        raise ValidationError(_("Unknown role."))
    email = User.objects.normalize_email(email.strip()).lower()
    if Membership.objects.for_org(org).filter(user__email__iexact=email).exists():
        raise ValidationError(_("%(email)s is already a member.") % {"email": email})
    MemberInvitation.objects.for_org(org).pending().filter(email=email).delete()
    invitation = MemberInvitation.objects.create(
        organisation=org, email=email, role=role, invited_by=actor
    )
    organisation_change_announce(
        org=org,
        actor=actor,
        action="member.invited",
        target_type="member_invitation",
        target_id=invitation.pk,
        data={"email": email, "role": role},
    )
    subject, body = _invitation_email(invitation, request=request)
    email_queue(
        org=org,
        recipient=email,
        subject=subject,
        body=body,
        kind="member_invitation",
        key=f"member_invitation:{invitation.pk}",
    )
    return invitation


@transaction.atomic
def member_invitation_accept(*, invitation: MemberInvitation, user=None, password: str = ""):
    """Accept `invitation` as `user`, or as a new account with `password`; return the membership.

    `user` must own the invited address. Without `user`, a new account is created for
    the address, which must not have one yet. Raise InvitationInvalid otherwise.
    """
    invitation = (
        MemberInvitation.objects.select_for_update()
        .select_related("organisation")
        .filter(pk=invitation.pk, accepted_at__isnull=True)
        .first()
    )
    if invitation is None:
        raise InvitationInvalid
    if user is None:
        if User.objects.filter(email__iexact=invitation.email).exists():
            raise InvitationInvalid
        user = User.objects.create_user(
            username=invitation.email, email=invitation.email, password=password
        )
    elif (user.email or "").lower() != invitation.email:
        raise InvitationInvalid
    org = invitation.organisation
    membership, created = Membership.objects.get_or_create(
        user=user, organisation=org, defaults={"role": invitation.role}
    )
    invitation.accepted_at, invitation.accepted_by = timezone.now(), user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    if created:
        organisation_change_announce(
            org=org,
            actor=user,
            action="member.added",
            target_type="user",
            target_id=user.pk,
            data={
                "email": invitation.email,
                "role": invitation.role,
                "invitation": invitation.pk,
                "invited_by": invitation.invited_by.get_username()
                if invitation.invited_by
                else None,
            },
        )
    return membership


@transaction.atomic
def membership_change_role(*, membership: Membership, role: str, actor) -> Membership:
    """Give `membership` the role `role` and return it; refuse to demote the last manager."""
    if role not in Role.values:
        raise ValidationError(_("Unknown role."))
    membership = _lock_memberships(membership)
    if membership.role == role:
        return membership
    _ensure_a_manager_remains(membership, role)
    old = membership.role
    membership.role = role
    membership.save(update_fields=["role"])
    organisation_change_announce(
        org=membership.organisation,
        actor=actor,
        action="member.role_changed",
        target_type="user",
        target_id=membership.user_id,
        data={"username": membership.user.get_username(), "from": old, "to": role},
    )
    return membership


@transaction.atomic
def membership_remove(*, membership: Membership, actor) -> None:
    """Remove `membership`; refuse to remove the last manager."""
    membership = _lock_memberships(membership)
    _ensure_a_manager_remains(membership, None)
    organisation_change_announce(
        org=membership.organisation,
        actor=actor,
        action="member.removed",
        target_type="user",
        target_id=membership.user_id,
        data={"username": membership.user.get_username(), "role": membership.role},
    )
    membership.delete()
