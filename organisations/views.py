from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.i18n import set_language

from organisations import services
from organisations.access import org_view
from organisations.forms import AddMemberForm, ApiTokenForm, ChangeRoleForm, JoinForm
from organisations.models import (
    ApiToken,
    Capability,
    MemberInvitation,
    Membership,
    OutboundEmail,
)
from organisations.outbox import email_retry
from organisations.pages import HOME, SETTINGS, page_context
from organisations.preferences import remember_language
from organisations.tokens import api_token_create, api_token_revoke

User = get_user_model()


@login_required
def home(request):
    """Send a user with one organisation straight to it; list them otherwise."""
    memberships = list(Membership.objects.for_user(request.user).select_related("organisation"))
    if len(memberships) == 1:
        return redirect("org_home", org_slug=memberships[0].organisation.slug)
    return render(request, "organisations/home.html", {"memberships": memberships})


@require_POST
def language_switch(request):
    """Switch the language like Django's set_language, and remember it for a logged-in user."""
    response = set_language(request)
    remember_language(request.user, request.POST.get("language", ""))
    return response


@org_view()
def org_home(request):
    """The organisation's overview: for each role, the few figures it acts on.

    The figures come from the apps that own them (organisations.pages).
    """
    context = page_context(HOME, org=request.org, membership=request.membership)
    return render(request, "organisations/org_home.html", context)


@org_view(Capability.MANAGE)
def members(request):
    """Members and pending invitations; adding someone always sends an invitation link."""
    form = AddMemberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invitation = services.member_invite(
                org=request.org,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                actor=request.user,
                request=request,
            )
        except ValidationError as exc:
            form.add_error("email", exc)
        else:
            messages.success(
                request,
                _("Invitation sent to %(email)s. They join once they accept it.")
                % {"email": invitation.email},
            )
            return redirect("members", org_slug=request.org.slug)
    rows = Membership.objects.for_org(request.org).select_related("user").order_by("user__username")
    pending = MemberInvitation.objects.for_org(request.org).pending().select_related("invited_by")
    return render(
        request,
        "organisations/members.html",
        {"form": form, "rows": rows, "role_form": ChangeRoleForm(), "pending": pending},
    )


def member_join(request, token: str):
    """Accept an invitation to an organisation from the signed link that was e-mailed.

    An address with an account must log in as that account first; a new address
    chooses a password here. Anything wrong with the link is a 404.
    """
    try:
        invitation = services.member_invitation_from_token(token)
    except services.InvitationInvalid as exc:
        raise Http404 from exc
    has_account = User.objects.filter(email__iexact=invitation.email).exists()
    if has_account and not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if has_account and (request.user.email or "").lower() != invitation.email:
        return render(
            request, "organisations/join.html", {"invitation": invitation, "wrong_user": True}
        )
    form = None if has_account else JoinForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and (form is None or form.is_valid()):
        try:
            if form is None:
                services.member_invitation_accept(invitation=invitation, user=request.user)
            else:
                membership = services.member_invitation_accept(
                    invitation=invitation, password=form.cleaned_data["new_password1"]
                )
                login(request, membership.user, backend=settings.AUTHENTICATION_BACKENDS[-1])
        except services.InvitationInvalid as exc:
            raise Http404 from exc
        messages.success(request, _("Welcome to %(org)s.") % {"org": invitation.organisation.name})
        return redirect("org_home", org_slug=invitation.organisation.slug)
    return render(request, "organisations/join.html", {"invitation": invitation, "form": form})


@org_view(Capability.MANAGE)
@require_POST
def member_role(request, membership_id: int):
    membership = get_object_or_404(Membership.objects.for_org(request.org), pk=membership_id)
    form = ChangeRoleForm(request.POST)
    if form.is_valid():
        try:
            services.membership_change_role(
                membership=membership, role=form.cleaned_data["role"], actor=request.user
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Role changed."))
    return redirect("members", org_slug=request.org.slug)


@org_view(Capability.MANAGE)
@require_POST
def member_remove(request, membership_id: int):
    membership = get_object_or_404(Membership.objects.for_org(request.org), pk=membership_id)
    try:
        services.membership_remove(membership=membership, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Member removed."))
    return redirect("members", org_slug=request.org.slug)


@org_view(Capability.MANAGE)
def api_tokens(request):
    form = ApiTokenForm(request.POST or None, org=request.org, initial={"user": request.user})
    new_key = None
    if request.method == "POST" and form.is_valid():
        _token, new_key = api_token_create(
            org=request.org,
            name=form.cleaned_data["name"],
            user=form.cleaned_data["user"],
            actor=request.user,
        )
        form = ApiTokenForm(org=request.org, initial={"user": request.user})
    tokens = ApiToken.objects.for_org(request.org).select_related("user", "created_by")
    return render(
        request,
        "organisations/api_tokens.html",
        {"form": form, "tokens": tokens, "new_key": new_key},
    )


@org_view(Capability.MANAGE)
@require_POST
def api_token_revoke_view(request, token_id: int):
    token = get_object_or_404(ApiToken.objects.for_org(request.org), pk=token_id)
    api_token_revoke(token=token, actor=request.user)
    messages.success(request, _("Token revoked."))
    return redirect("api_tokens", org_slug=request.org.slug)


@org_view(Capability.MANAGE)
def outbox(request):
    """E-mails not sent yet or given up on, newest first, with why the last attempt failed."""
    emails = OutboundEmail.objects.for_org(request.org).unsent()[:200]
    return render(request, "organisations/outbox.html", {"emails": emails})


@org_view(Capability.MANAGE)
@require_POST
def outbox_retry(request, email_id: int):
    email = get_object_or_404(OutboundEmail.objects.for_org(request.org), pk=email_id)
    email_retry(email=email)
    messages.success(request, _("The e-mail will be sent again."))
    return redirect("outbox", org_slug=request.org.slug)


def settings_page(request, *, context: dict | None = None, status: int = 200):
    """Return the organisation's settings page: the sections apps registered (organisations.pages),
    with `context` replacing what they return (a section's form with its errors, say)."""
    page = page_context(SETTINGS, org=request.org, membership=request.membership)
    page.update(context or {})
    return render(request, "organisations/settings.html", page, status=status)


@org_view(Capability.MANAGE)
def org_settings(request):
    return settings_page(request)
