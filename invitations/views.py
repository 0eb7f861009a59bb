from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from intake.detect import HEAD_BYTES
from intake.errors import IntakeError
from intake.fields import build_record
from intake.limits import format_bytes
from intake.template_csv import template_csv_text
from invitations.advice import LINKEDIN_BUTTON
from invitations.forms import InvitationForm, UploadForm
from invitations.guidance import member_action_of
from invitations.models import Channel, Invitation, Status, Upload
from invitations.services import IntakeRejected, intake_limits, intake_summary, invitation_submit
from invitations.upload_limits import upload_too_large
from invitations.uploads import channel_of, imports_inline, upload_import_now, upload_receive
from organisations.access import org_view
from organisations.models import Capability
from policy.models import MemberAction
from policy.roster import RosterRejected
from policy.texts import localised

_PENDING = (Status.RECEIVED, Status.EVALUATING)


@org_view(Capability.SUBMIT)
def submit(request):
    form = InvitationForm(request.POST or None)
    errors: list[IntakeError] = []
    if request.method == "POST" and form.is_valid():
        values = form.as_values(recipient=request.user.email or request.user.get_username())
        record, errors = build_record(values, "form", None, intake_limits())
        if record is not None:
            try:
                invitation, created = invitation_submit(
                    org=request.org, submitter=request.user, channel=Channel.FORM, record=record
                )
            except IntakeRejected as exc:
                record, errors = None, exc.errors
        for error in errors:
            form.add_error(
                error.column if error.column in form.fields else None, localised(error.message)
            )
        if record is not None:
            if not created:
                messages.info(request, _("This invitation was submitted before; here it is."))
            else:
                messages.success(request, _("Submitted. The evaluation will follow shortly."))
            return redirect("invitation_detail", org_slug=request.org.slug, pk=invitation.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request, "invitations/submit.html", {"form": form, "upload": UploadForm()}, status=status
    )


@org_view(Capability.SUBMIT)
def upload(request):
    """Import a small upload at once; store a larger one for a worker and show its progress."""
    form = UploadForm(request.POST or None, request.FILES or None)
    errors: list[IntakeError] = []
    status = 200
    if request.method == "POST" and upload_too_large(request):
        name = request.upload_too_large if isinstance(request.upload_too_large, str) else ""
        limit = format_bytes(settings.VOUCH_MAX_UPLOAD_BYTES)
        errors = [IntakeError(name, None, None, _("the file is larger than %s") % limit)]
        status = 413
    elif request.method == "POST" and form.is_valid():
        uploaded = form.cleaned_data["file"]
        head = uploaded.file.read(HEAD_BYTES)
        uploaded.file.seek(0)
        channel = channel_of(head, uploaded.name)
        if not imports_inline(uploaded.size, head, uploaded.name):
            stored = upload_receive(
                org=request.org,
                submitter=request.user,
                content=uploaded.read(),
                filename=uploaded.name,
                channel=channel,
            )
            return redirect("invitation_upload_status", org_slug=request.org.slug, pk=stored.pk)
        try:
            outcome, roster = upload_import_now(
                org=request.org,
                submitter=request.user,
                fileobj=uploaded.file,
                filename=uploaded.name,
                channel=channel,
            )
        except (IntakeRejected, RosterRejected) as exc:
            errors = exc.errors
            status = 400
        else:
            summary = intake_summary(outcome, roster)
            if outcome.no_incoming and roster is None:
                messages.warning(request, summary)
            else:
                messages.success(request, summary)
            return redirect("invitation_mine", org_slug=request.org.slug)
    return render(
        request,
        "invitations/upload.html",
        {"form": form, "errors": errors, "filename": form.files.get("file")},
        status=status,
    )


@org_view(Capability.SUBMIT)
def upload_status(request, pk: int):
    """Show a stored upload's progress, then its result or every error; htmx polls the partial."""
    upload = Upload.objects.for_org(request.org).submitted_by(request.user).filter(pk=pk).first()
    if upload is None:
        raise Http404
    context = {"upload": upload}
    if request.htmx:
        return render(request, "invitations/partials/upload_progress.html", context)
    return render(request, "invitations/upload_status.html", context)


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
    context = {
        "page": page,
        "pending": pending,
        "buttons": LINKEDIN_BUTTON,
        "act_now": member_action_of(request.org.pk) == MemberAction.ACT_NOW,
    }
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
