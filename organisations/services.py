"""Organisation and membership changes. Each one is audited."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from audit.models import Action
from audit.services import audit_record
from organisations.models import Membership, Organisation, Role

User = get_user_model()


class LastManagerError(ValidationError):
    pass


def _ensure_a_manager_remains(membership: Membership, new_role: str | None) -> None:
    """Raise LastManagerError when the change would leave the organisation without a manager."""
    if membership.role != Role.MANAGER or new_role == Role.MANAGER:
        return
    others = (
        Membership.objects.for_org(membership.organisation).managers().exclude(pk=membership.pk)
    )
    if not others.exists():
        raise LastManagerError(_("An organisation needs at least one manager."))


def _send_welcome(*, user, org: Organisation, request=None) -> None:
    """E-mail `user` a link to set their first password for `org`."""
    if request is not None:
        protocol, domain = request.scheme, request.get_host()
    else:
        protocol, _sep, domain = settings.SITE_URL.partition("://")
    context = {
        "user": user,
        "organisation": org,
        "protocol": protocol,
        "domain": domain,
        "uid": urlsafe_base64_encode(force_bytes(user.pk)),
        "token": default_token_generator.make_token(user),
    }
    subject = render_to_string("organisations/email/welcome_subject.txt", context).strip()
    body = render_to_string("organisations/email/welcome_body.txt", context)
    send_mail(subject, body, None, [user.email])


@transaction.atomic
def organisation_create(*, name: str, slug: str, first_manager=None) -> Organisation:
    """Create and return an organisation, with `first_manager` as its manager when given."""
    org = Organisation.objects.create(name=name, slug=slug)
    if first_manager is not None:
        Membership.objects.create(user=first_manager, organisation=org, role=Role.MANAGER)
    return org


@transaction.atomic
def membership_add(
    *, org: Organisation, email: str, role: str, actor, request=None
) -> tuple[Membership, bool]:
    """Add the user with `email` to `org` in `role`; return (membership, user_was_created).

    An unknown address gets a new account without a usable password and an
    e-mail with a link to set one. Raise ValidationError if already a member.
    """
    email = User.objects.normalize_email(email.strip()).lower()
    user = User.objects.filter(email__iexact=email).order_by("pk").first()
    created = user is None
    if created:
        user = User.objects.create_user(username=email, email=email)
        user.set_unusable_password()
        user.save(update_fields=["password"])
    elif Membership.objects.filter(user=user, organisation=org).exists():
        raise ValidationError(_("%(email)s is already a member.") % {"email": email})
    membership = Membership.objects.create(user=user, organisation=org, role=role)
    audit_record(
        org=org,
        actor=actor,
        action=Action.MEMBER_ADDED,
        target_type="user",
        target_id=user.pk,
        data={"email": email, "role": role, "new_account": created},
    )
    if created:
        # Sent after commit, so a rolled-back addition mails nobody.
        transaction.on_commit(lambda: _send_welcome(user=user, org=org, request=request))
    return membership, created


@transaction.atomic
def membership_change_role(*, membership: Membership, role: str, actor) -> Membership:
    """Give `membership` the role `role` and return it; refuse to demote the last manager."""
    if role not in Role.values:
        raise ValidationError(_("Unknown role."))
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if membership.role == role:
        return membership
    _ensure_a_manager_remains(membership, role)
    old = membership.role
    membership.role = role
    membership.save(update_fields=["role"])
    audit_record(
        org=membership.organisation,
        actor=actor,
        action=Action.MEMBER_ROLE_CHANGED,
        target_type="user",
        target_id=membership.user_id,
        data={"username": membership.user.get_username(), "from": old, "to": role},
    )
    return membership


@transaction.atomic
def membership_remove(*, membership: Membership, actor) -> None:
    """Remove `membership`; refuse to remove the last manager."""
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    _ensure_a_manager_remains(membership, None)
    audit_record(
        org=membership.organisation,
        actor=actor,
        action=Action.MEMBER_REMOVED,
        target_type="user",
        target_id=membership.user_id,
        data={"username": membership.user.get_username(), "role": membership.role},
    )
    membership.delete()
