"""Compliance pages of the audit log: search, event detail, verification, export, retention."""

import json

from django.contrib import messages
from django.db import transaction
from django.http import HttpResponseBadRequest, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from audit.export import CONTENT_TYPES, WRITERS
from audit.forms import AuditFilterForm, ExportForm, RetentionForm
from audit.models import Action, AuditChain, AuditEvent, AuditSettings
from audit.services import audit_record
from audit.verify import check_event, verify_org
from organisations.access import org_view
from organisations.models import Capability
from organisations.params import whole_number

PAGE_SIZE = 50


def _filter_query(request) -> str:
    """Return the current query string without paging and format, for links."""
    params = request.GET.copy()
    for key in ("before", "format"):
        params.pop(key, None)
    return params.urlencode()


def _settings_for(org) -> AuditSettings:
    return AuditSettings.objects.filter(organisation=org).first() or AuditSettings(organisation=org)


def _render_log(request, *, retention_form=None, status=200):
    form = AuditFilterForm(request.GET)
    rows, next_before = [], None
    before = whole_number(request.GET.get("before"), minimum=1)
    if form.is_valid():
        events = form.filter(AuditEvent.objects.for_org(request.org))
        if before is not None:
            events = events.filter(seq__lt=before)
        rows = list(events.order_by("-seq")[: PAGE_SIZE + 1])
        if len(rows) > PAGE_SIZE:
            rows = rows[:PAGE_SIZE]
            next_before = rows[-1].seq
    audit_settings = _settings_for(request.org)
    if retention_form is None and request.membership.can(Capability.MANAGE):
        retention_form = RetentionForm(instance=audit_settings)
    return render(
        request,
        "audit/log.html",
        {
            "form": form,
            "rows": rows,
            "paged": before is not None,
            "next_before": next_before,
            "filter_query": _filter_query(request),
            "audit_settings": audit_settings,
            "retention_form": retention_form,
        },
        status=status,
    )


@org_view(Capability.AUDIT)
@require_GET
def audit_log(request):
    return _render_log(request)


@org_view(Capability.AUDIT)
@require_GET
def audit_event(request, seq: int):
    event = get_object_or_404(AuditEvent.objects.for_org(request.org), seq=seq)
    events = AuditEvent.objects.for_org(request.org)
    data = event.data if isinstance(event.data, dict) else {}
    reverses = data.get("reverses")
    reversed_by = None
    if event.action in (Action.DECISION, Action.DECISION_REVERSED):
        reversed_by = (
            events.filter(data__reverses=event.seq).order_by("seq").values_list("seq", flat=True)
        ).first()
    return render(
        request,
        "audit/event.html",
        {
            "event": event,
            "check": check_event(event),
            "data_text": json.dumps(event.data, indent=2, ensure_ascii=False, sort_keys=True),
            "reverses": reverses
            if isinstance(reverses, int) and not isinstance(reverses, bool)
            else None,
            "reversed_by": reversed_by,
            "previous_seq": event.seq - 1 if events.filter(seq=event.seq - 1).exists() else None,
            "next_seq": event.seq + 1 if events.filter(seq=event.seq + 1).exists() else None,
        },
    )


@org_view(Capability.AUDIT)
@require_GET
def audit_verify(request):
    result = verify_org(request.org)
    bad_event_exists = (
        result.first_bad_seq is not None
        and AuditEvent.objects.for_org(request.org).filter(seq=result.first_bad_seq).exists()
    )
    return render(
        request,
        "audit/verify.html",
        {"result": result, "bad_event_exists": bad_event_exists, "checked_at": timezone.now()},
    )


@org_view(Capability.AUDIT)
@require_GET
def audit_export(request):
    """Stream the filtered events (oldest first) as CSV or JSON lines.

    The export is recorded in the log before the first byte is sent, with the
    filters and the row count; the rows are those up to the head at that moment.
    """
    form = ExportForm(request.GET)
    if not form.is_valid():
        errors = "; ".join(f"{name}: {' '.join(errs)}" for name, errs in form.errors.items())
        return HttpResponseBadRequest(
            _("Invalid export filters: %(errors)s") % {"errors": errors},
            content_type="text/plain; charset=utf-8",
        )
    org = request.org
    fmt = form.cleaned_data["format"]
    upto = (
        AuditChain.objects.filter(organisation=org).values_list("last_seq", flat=True).first() or 0
    )
    events = form.filter(AuditEvent.objects.for_org(org)).filter(seq__lte=upto).order_by("seq")
    count = events.count()
    audit_record(
        org=org,
        actor=request.user,
        action=Action.EXPORT,
        target_type="audit_log",
        target_id=org.slug,
        data={"format": fmt, "filters": form.active_filters(), "count": count, "upto_seq": upto},
    )
    stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
    response = StreamingHttpResponse(
        WRITERS[fmt](events.iterator(chunk_size=1000)), content_type=CONTENT_TYPES[fmt]
    )
    response["Content-Disposition"] = f'attachment; filename="vouch-audit-{org.slug}-{stamp}.{fmt}"'
    response["Cache-Control"] = "no-store"
    return response


@org_view(Capability.MANAGE)
@require_POST
def audit_settings(request):
    """Change the organisation's retention period (managers); the change is audited."""
    with transaction.atomic():
        instance, _created = AuditSettings.objects.select_for_update().get_or_create(
            organisation=request.org
        )
        old = instance.retention_days
        form = RetentionForm(request.POST, instance=instance)
        if form.is_valid():
            saved = form.save(commit=False)
            saved.updated_by = request.user
            saved.save()
            if old != saved.retention_days:
                audit_record(
                    org=request.org,
                    actor=request.user,
                    action=Action.RETENTION_CHANGED,
                    target_type="audit_settings",
                    target_id=request.org.slug,
                    data={"from_days": old, "to_days": saved.retention_days},
                )
            messages.success(request, _("Retention period saved."))
            return redirect("audit_log", org_slug=request.org.slug)
    return _render_log(request, retention_form=form, status=400)
