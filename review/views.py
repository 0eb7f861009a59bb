"""The review queue, the reviewer's view of one invitation, deciding, and e-mail wording.

The queue's reads live in review.selectors, its filter form in review.forms and its
cursor in review.cursor.
"""

from urllib.parse import quote

from django.contrib import messages
from django.http import Http404, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from invitations.advice import LINKEDIN_BUTTON
from invitations.models import (
    Decision,
    Invitation,
    NotificationTemplate,
    Recommendation,
    Status,
)
from organisations.access import org_view
from organisations.models import Capability
from review import notify
from review.campaigns import campaigns_collapse, campaigns_pending
from review.cursor import cursor_decode
from review.decisions import (
    BULK_LIMIT,
    DecisionRefused,
    campaign_decide,
    decision_record,
    decisions_record_bulk,
)
from review.forms import DecideForm, QueueFilterForm, search_parse
from review.selectors import (
    PAGE_SIZE,
    ROW_FIELDS,
    attach_top_reasons,
    queue_neighbours,
    queue_page,
)

RELATED_LIMIT = 50


def _labels(choices) -> list[tuple[str, str]]:
    """Return choices with their labels translated once, not once per row."""
    return [(value, str(label)) for value, label in choices]


def decorate_rows(rows, *, org) -> None:
    """Give each row its links and recommendation label, computed once per page, not per tag."""
    prefix = reverse("review_queue", kwargs={"org_slug": org.slug})
    labels = dict(_labels(Recommendation.choices))
    for row in rows:
        row.detail_url = f"{prefix}{row.pk}/"
        row.decide_url = f"{prefix}{row.pk}/decide/"
        row.recommendation_label = labels.get(row.recommendation, "")
        row.decision_label = labels.get(row.decision, "")
        row.campaign = getattr(row, "campaign", None)
        if row.campaign is not None:
            row.campaign_url = f"{prefix}?requester={quote(row.requester_key, safe='')}"
            row.campaign_decide_url = f"{prefix}campaign/decide/"


# --- pages ------------------------------------------------------------------------------


def _can_decide(request) -> bool:
    return request.membership.can(Capability.REVIEW)


def _querystring(form) -> str:
    """Return the filter part of the query string, without the cursor."""
    params = QueryDict(mutable=True)
    if form.is_bound:
        for name in form.fields:
            value = form.data.get(name)
            if value:
                params[name] = value
    return params.urlencode()


#: The filters behind "More filters"; the search bar sets the rest.
MORE_FILTERS = (
    "recommendation",
    "reason",
    "channel",
    "submitter",
    "requester",
    "date_from",
    "date_to",
)


@org_view(Capability.READ_ALL)
def queue(request):
    form = QueueFilterForm(request.GET or None, org=request.org)
    filters = dict(form.cleaned_data) if form.is_bound and form.is_valid() else {}
    searched, free_text, problems = search_parse(filters.get("q", ""))
    filters.update(searched)
    filters["q"] = free_text
    after = cursor_decode(request.GET.get("after"))
    rows, next_cursor = queue_page(org=request.org, filters=filters, after=after, size=PAGE_SIZE)
    # Filtering by one requester lists a campaign's invitations one by one: the way
    # to split a member's invitation out of it and decide it alone.
    if not filters.get("requester"):
        rows = campaigns_collapse(rows, org=request.org)
    attach_top_reasons(rows)
    decorate_rows(rows, org=request.org)
    filter_query = _querystring(form)
    context = {
        "form": form,
        "rows": rows,
        "next_cursor": next_cursor,
        "paged": after is not None,
        "filter_query": filter_query,
        "search_problems": problems,
        "more_filters": [form[name] for name in MORE_FILTERS],
        "more_filters_open": any(filters.get(name) for name in MORE_FILTERS if name != "q"),
        "can_decide": _can_decide(request),
        "actions": _labels(Recommendation.choices),
        "bulk_limit": BULK_LIMIT,
        "now": timezone.now(),
    }
    if request.htmx and not request.htmx.boosted:
        return render(request, "review/partials/queue_table.html", context)
    return render(request, "review/queue.html", context)


def _reviewable(request, pk: int) -> Invitation:
    invitation = (
        Invitation.objects.for_org(request.org)
        .select_related("evaluation__policy_version", "submitter")
        .filter(pk=pk)
        .first()
    )
    if invitation is None:
        raise Http404
    return invitation


def _detail_context(request, invitation: Invitation, form: DecideForm | None = None) -> dict:
    history = list(
        Decision.objects.filter(invitation=invitation)
        .select_related("decided_by", "reverses")
        .order_by("id")
    )
    reversed_ids = {d.reverses_id for d in history if d.reverses_id}
    current = next((d for d in reversed(history) if d.pk not in reversed_ids), None)
    for entry in history:
        entry.is_current = entry is current
        entry.is_reversed = entry.pk in reversed_ids
    if form is None:
        form = DecideForm(
            initial={
                "action": invitation.recommendation if current is None else None,
                "reverses": current.pk if current is not None else None,
            }
        )
    related = list(
        Invitation.objects.for_org(request.org)
        .from_requester(invitation.requester_key)
        .exclude(pk=invitation.pk)
        .only(*ROW_FIELDS, "submitter_id")
        .order_by("-id")[:RELATED_LIMIT]
    )
    before, after = queue_neighbours(org=request.org, invitation=invitation)

    def _url(pk):
        return reverse("review_detail", kwargs={"org_slug": request.org.slug, "pk": pk})

    return {
        "previous_url": _url(before) if before else None,
        "next_url": _url(after) if after else None,
        "invitation": invitation,
        "evaluation": invitation.evaluation,
        "button": LINKEDIN_BUTTON.get(invitation.decision or invitation.recommendation),
        "pending": invitation.status in (Status.RECEIVED, Status.EVALUATING),
        "history": list(reversed(history)),
        "current": current,
        "form": form,
        "can_decide": _can_decide(request)
        and invitation.status in (Status.EVALUATED, Status.DECIDED),
        "related": related,
        "related_limit": RELATED_LIMIT,
    }


@org_view(Capability.READ_ALL)
def detail(request, pk: int):
    invitation = _reviewable(request, pk)
    context = _detail_context(request, invitation)
    if request.htmx and request.htmx.target == "outcome":
        return render(request, "invitations/partials/outcome.html", context)
    return render(request, "review/detail.html", context)


def _queue_row(request, invitation: Invitation, *, error: str | None, done: str | None = None):
    """Return the queue row of `invitation` after a decision, saying what happened."""
    attach_top_reasons([invitation])
    decorate_rows([invitation], org=request.org)
    context = {
        "row": invitation,
        "can_decide": True,
        "error": error,
        "done": done,
        "now": timezone.now(),
        "actions": _labels(Recommendation.choices),
    }
    return render(request, "review/partials/row.html", context)


@org_view(Capability.REVIEW)
@require_POST
def decide(request, pk: int):
    invitation = _reviewable(request, pk)
    form = DecideForm(request.POST)
    from_queue = request.POST.get("from") == "queue"
    error = None
    if form.is_valid():
        try:
            decision_record(
                invitation=invitation,
                action=form.cleaned_data["action"],
                actor=request.user,
                justification=form.cleaned_data["justification"],
                reverses=form.cleaned_data["reverses"],
            )
        except DecisionRefused as exc:
            error = exc.message
    else:
        error = " ".join(e for errors in form.errors.values() for e in errors)
    if from_queue and request.htmx:
        # htmx swaps only 2xx answers: an error is shown in the row, with status 200.
        return _queue_row(request, _reviewable(request, pk), error=error)
    if error is None:
        messages.success(request, _("Decision recorded; the submitter is told by e-mail."))
        if request.POST.get("then") == "next":
            _before, after = queue_neighbours(org=request.org, invitation=invitation)
            if after is not None:
                return redirect("review_detail", org_slug=request.org.slug, pk=after)
        return redirect("review_detail", org_slug=request.org.slug, pk=invitation.pk)
    if form.is_valid():
        form.add_error(None, error)
    invitation = _reviewable(request, pk)
    context = _detail_context(request, invitation, form=form)
    return render(request, "review/detail.html", context, status=400)


@org_view(Capability.REVIEW)
@require_POST
def bulk(request):
    back = QueryDict(request.POST.get("back", "")).urlencode()
    target = reverse("review_queue", kwargs={"org_slug": request.org.slug})
    if back:
        target += "?" + back
    try:
        ids = [int(i) for i in request.POST.getlist("ids")]
    except ValueError:
        ids = []
    action = request.POST.get("action", "")
    justification = request.POST.get("justification", "")
    try:
        decisions = decisions_record_bulk(
            org=request.org,
            invitation_ids=ids,
            action=action,
            actor=request.user,
            justification=justification,
        )
    except DecisionRefused as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request,
            ngettext("%(n)d decision recorded.", "%(n)d decisions recorded.", len(decisions))
            % {"n": len(decisions)},
        )
    return redirect(target)


@org_view(Capability.REVIEW)
@require_POST
def campaign_decision(request):
    """Decide every pending invitation of one requester at once (a campaign)."""
    requester_key = request.POST.get("requester_key", "")
    leader = request.POST.get("leader", "")
    error = None
    decisions = []
    try:
        decisions = campaign_decide(
            org=request.org,
            requester_key=requester_key,
            action=request.POST.get("action", ""),
            actor=request.user,
            justification=request.POST.get("justification", ""),
        )
    except DecisionRefused as exc:
        error = exc.message
    done = ngettext(
        "%(n)d decision recorded; each colleague is told by e-mail.",
        "%(n)d decisions recorded; each colleague is told by e-mail.",
        len(decisions),
    ) % {"n": len(decisions)}
    if request.htmx and leader.isdigit():
        invitation = _reviewable(request, int(leader))
        invitation.campaign = None
        if error is not None:
            invitation.campaign = campaigns_pending(
                org=request.org, requester_keys={requester_key}
            ).get(requester_key)
        return _queue_row(request, invitation, error=error, done=None if error else done)
    if error is None:
        messages.success(request, done)
    else:
        messages.error(request, error)
    return redirect("review_queue", org_slug=request.org.slug)


# --- e-mail wording ---------------------------------------------------------------------


@org_view(Capability.MANAGE)
def notification_templates(request):
    language = request.GET.get("language") or request.POST.get("language") or ""
    if language not in notify.LANGUAGES:
        language = notify.language_of(None)
    stored = {
        t.action: t
        for t in NotificationTemplate.objects.filter(organisation=request.org, language=language)
    }
    posted_action = request.POST.get("action") if request.method == "POST" else None
    if posted_action is not None and posted_action not in Recommendation.values:
        posted_action = None
    status = 200
    if posted_action is not None:
        here = reverse("notification_templates", kwargs={"org_slug": request.org.slug})
        here += f"?language={language}"
        if request.POST.get("reset"):
            notify.notification_template_reset(
                org=request.org, action=posted_action, language=language
            )
            messages.success(request, _("The built-in wording applies again."))
            return redirect(here)
        posted = notify.NotificationTemplateForm(request.POST, prefix=posted_action)
        if posted.is_valid():
            notify.notification_template_save(
                org=request.org,
                action=posted_action,
                language=language,
                subject=posted.cleaned_data["subject"],
                body=posted.cleaned_data["body"],
            )
            messages.success(request, _("Wording saved."))
            return redirect(here)
        status = 400
    sections = []
    for action, label in Recommendation.choices:
        if action == posted_action:
            form = posted
        else:
            template = stored.get(action)
            if template is not None:
                initial = {"subject": template.subject, "body": template.body}
            else:
                subject, body = notify.default_wording_with_placeholders(action, language)
                initial = {"subject": " ".join(subject.split()), "body": body.strip()}
            form = notify.NotificationTemplateForm(initial=initial, prefix=action)
        sections.append(
            {"action": action, "label": label, "form": form, "custom": action in stored}
        )
    context = {
        "sections": sections,
        "language": language,
        "languages": notify.LANGUAGES,
        "placeholders": notify.PLACEHOLDERS,
    }
    return render(request, "review/notification_templates.html", context, status=status)
