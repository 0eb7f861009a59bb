from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from invitations.advice import LINKEDIN_BUTTON
from invitations.forms import InvitationForm, UploadForm
from invitations.intake.errors import IntakeError
from invitations.intake.fields import build_record
from invitations.intake.limits import DEFAULT_LIMITS
from invitations.intake.linkedin_export import open_linkedin_export
from invitations.intake.template_csv import template_csv_text
from invitations.models import Channel, Invitation, Status
from invitations.services import IntakeRejected, invitation_import_file, invitation_submit
from organisations.access import org_view
from organisations.models import Capability
from policy.models import RosterSource
from policy.roster import RosterRejected, roster_import_file

_PENDING = (Status.RECEIVED, Status.EVALUATING)


@org_view(Capability.SUBMIT)
def submit(request):
    form = InvitationForm(request.POST or None)
    errors: list[IntakeError] = []
    if request.method == "POST" and form.is_valid():
        values = form.as_values(recipient=request.user.email or request.user.get_username())
        record, errors = build_record(values, "form", None, DEFAULT_LIMITS)
        for error in errors:
            form.add_error(error.column if error.column in form.fields else None, error.message)
        if record is not None:
            invitation, created = invitation_submit(
                org=request.org, submitter=request.user, channel=Channel.FORM, record=record
            )
            if not created:
                messages.info(request, _("This invitation was submitted before; here it is."))
            return redirect("invitation_detail", org_slug=request.org.slug, pk=invitation.pk)
    return render(request, "invitations/submit.html", {"form": form, "upload": UploadForm()})


@org_view(Capability.SUBMIT)
def upload(request):
    form = UploadForm(request.POST or None, request.FILES or None)
    errors: list[IntakeError] = []
    if request.method == "POST" and form.is_valid():
        uploaded = form.cleaned_data["file"]
        try:
            outcome, roster = _import_upload(request, uploaded)
        except (IntakeRejected, RosterRejected) as exc:
            errors = exc.errors
        else:
            text = ngettext(
                "%(n)d invitation imported", "%(n)d invitations imported", outcome.created
            ) % {"n": outcome.created}
            if outcome.duplicates:
                text += "; " + ngettext(
                    "%(n)d was submitted before and skipped",
                    "%(n)d were submitted before and skipped",
                    outcome.duplicates,
                ) % {"n": outcome.duplicates}
            if roster is not None:
                text += "; " + ngettext(
                    "%(n)d connection added to your roster",
                    "%(n)d connections added to your roster",
                    roster.created,
                ) % {"n": roster.created}
            messages.success(request, text + ".")
            return redirect("invitation_mine", org_slug=request.org.slug)
    status = 400 if errors else 200
    return render(
        request,
        "invitations/upload.html",
        {"form": form, "errors": errors, "filename": form.files.get("file")},
        status=status,
    )


@transaction.atomic
def _import_upload(request, uploaded):
    """Import an uploaded file's invitations; from an export ZIP also the submitter's roster.

    Returns (intake outcome, roster outcome or None); both are stored or neither.
    """
    head = uploaded.file.read(4)
    uploaded.file.seek(0)
    channel = Channel.EXPORT if head[:2] == b"PK" else Channel.CSV
    outcome = invitation_import_file(
        org=request.org,
        submitter=request.user,
        channel=channel,
        fileobj=uploaded.file,
        filename=uploaded.name,
    )
    roster = None
    if channel == Channel.EXPORT:
        uploaded.file.seek(0)
        with open_linkedin_export(uploaded.file, uploaded.name) as export:
            has_connections = bool(export.connection_members) and not export.errors
        if has_connections:
            uploaded.file.seek(0)
            roster = roster_import_file(
                org=request.org,
                owner=request.user,
                source=RosterSource.LINKEDIN,
                fileobj=uploaded.file,
                filename=uploaded.name,
                actor=request.user,
            )
    return outcome, roster


@org_view(Capability.SUBMIT)
def template_csv(request):
    from django.http import HttpResponse

    response = HttpResponse(template_csv_text(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="vouch-invitations-template.csv"'
    return response


@org_view(Capability.SUBMIT)
def mine(request):
    rows = Invitation.objects.for_org(request.org).submitted_by(request.user).order_by("-id")
    page = Paginator(
        rows.only(
            "id",
            "requester_name",
            "requester_headline",
            "channel",
            "status",
            "recommendation",
            "decision",
            "created_at",
            "organisation_id",
        ),
        50,
    ).get_page(request.GET.get("page"))
    pending = any(inv.status in _PENDING for inv in page.object_list)
    context = {"page": page, "pending": pending, "buttons": LINKEDIN_BUTTON}
    if request.htmx:
        return render(request, "invitations/partials/mine_table.html", context)
    return render(request, "invitations/mine.html", context)


def _visible_invitation(request, pk: int) -> Invitation:
    """Return invitation `pk` of the request's organisation if this user may see it, else 404."""
    invitation = (
        Invitation.objects.for_org(request.org).visible_to(request.membership).filter(pk=pk).first()
    )
    if invitation is None:
        raise Http404
    return invitation


@org_view()
def detail(request, pk: int):
    invitation = _visible_invitation(request, pk)
    evaluation = invitation.evaluation
    context = {
        "invitation": invitation,
        "evaluation": evaluation,
        "button": LINKEDIN_BUTTON.get(invitation.decision or invitation.recommendation),
        "pending": invitation.status in _PENDING,
    }
    if request.htmx:
        return render(request, "invitations/partials/outcome.html", context)
    return render(request, "invitations/detail.html", context)
