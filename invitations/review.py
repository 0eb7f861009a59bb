"""The review queue, the reviewer's view of one invitation, deciding, and e-mail wording.

The queue lists invitations awaiting a decision, riskiest first and, at equal risk,
oldest first (ids grow with submission time). It pages with an opaque keyset cursor
over (risk, id), never OFFSET, so page 20,000 costs what page 1 costs: every page is
at most two range scans of the index (organisation, -risk, id) of pending invitations.
"""

import base64
import binascii
import math
import shlex
from datetime import datetime, time, timedelta
from urllib.parse import quote

from django import forms
from django.contrib import messages
from django.db import connection
from django.db.models import Q
from django.db.models.fields.json import KeyTransform
from django.http import Http404, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from invitations import notify
from invitations.advice import LINKEDIN_BUTTON
from invitations.campaigns import campaigns_collapse, campaigns_pending
from invitations.decisions import (
    BULK_LIMIT,
    JUSTIFICATION_MAX,
    DecisionRefused,
    campaign_decide,
    decision_record,
    decisions_record_bulk,
)
from invitations.models import (
    Channel,
    Decision,
    Evaluation,
    Invitation,
    NotificationTemplate,
    Recommendation,
    Status,
)
from organisations.access import org_view
from organisations.models import Capability, Membership

PAGE_SIZE = 50
RELATED_LIMIT = 50
REASON_CHOICES = [
    ("unknown", gettext_lazy("Unknown requester")),
    ("not_personal", gettext_lazy("Not personalised")),
    ("spam", gettext_lazy("Looks like spam")),
]
_ROW_FIELDS = (
    "id",
    "organisation_id",
    "requester_name",
    "requester_headline",
    "requester_company",
    "channel",
    "status",
    "recommendation",
    "decision",
    "risk",
    "reasons",
    "created_at",
    "evaluation_id",
    "requester_key",
)


# --- the cursor -------------------------------------------------------------------------


def cursor_encode(risk: float, pk: int) -> str:
    """Return the opaque cursor for "after the row with this risk and id"."""
    raw = f"{float(risk)!r}:{int(pk)}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def cursor_decode(cursor: str | None) -> tuple[float, int] | None:
    """Return (risk, id) from a cursor, or None when it is missing or not one of ours."""
    if not cursor or len(cursor) > 100:
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        risk_text, _sep, pk_text = raw.rpartition(":")
        risk, pk = float(risk_text), int(pk_text)
    except (ValueError, binascii.Error, UnicodeDecodeError):
        return None
    if not math.isfinite(risk) or pk < 1:
        return None
    return risk, pk


# --- filters ----------------------------------------------------------------------------


class QueueFilterForm(forms.Form):
    q = forms.CharField(
        label=gettext_lazy("Search"),
        required=False,
        max_length=200,
        widget=forms.TextInput(
            attrs={
                "type": "search",
                "placeholder": gettext_lazy(
                    "Name, company, headline — or recommendation:spam from:alice channel:email"
                ),
            }
        ),
    )
    recommendation = forms.ChoiceField(
        label=gettext_lazy("Recommendation"),
        required=False,
        choices=[("", gettext_lazy("Any"))] + list(Recommendation.choices),
    )
    reason = forms.ChoiceField(
        label=gettext_lazy("Reason"),
        required=False,
        choices=[("", gettext_lazy("Any"))] + REASON_CHOICES,
    )
    channel = forms.ChoiceField(
        label=gettext_lazy("Channel"),
        required=False,
        choices=[("", gettext_lazy("Any"))] + list(Channel.choices),
    )
    submitter = forms.TypedChoiceField(
        label=gettext_lazy("Submitted by"), required=False, coerce=int, empty_value=None
    )
    requester = forms.CharField(label=gettext_lazy("Requester"), required=False, max_length=500)
    date_from = forms.DateField(
        label=gettext_lazy("Submitted from"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    date_to = forms.DateField(
        label=gettext_lazy("Submitted until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args, org, **kwargs):
        super().__init__(*args, **kwargs)
        people = (
            Membership.objects.for_org(org)
            .select_related("user")
            .order_by("user__username")
            .values_list("user_id", "user__username")
        )
        self.fields["submitter"].choices = [("", _("Anyone"))] + list(people)


#: The keys the search bar understands, each naming the filter it sets.
SEARCH_KEYS = {
    "recommendation": "recommendation",
    "rec": "recommendation",
    "from": "submitter_name",
    "by": "submitter_name",
    "channel": "channel",
    "reason": "reason",
    "requester": "requester",
}


def _match_choice(value: str, choices) -> str | None:
    """Return the choice whose value or label `value` names (exactly, else as a part of it)."""
    wanted = value.casefold().replace("-", "_")
    labels = [(code, code.casefold(), str(label).casefold()) for code, label in choices]
    for code, lowered, label in labels:
        if wanted in (lowered, label):
            return code
    for code, lowered, label in labels:
        if wanted in lowered or wanted in label.replace("-", ""):
            return code
    return None


def search_parse(text: str) -> tuple[dict, str, list[str]]:
    """Return (filters, free text, problems) of a search like `recommendation:spam from:alice`.

    Keys name filters (SEARCH_KEYS); a value may be quoted ("from:\"Anna Lee\"") and may
    name a choice by its code or its words in the active language ("channel:email",
    "recommendation:spam"). A value that names no choice is a problem to show, never
    silently dropped; words without a known key stay free text.
    """
    try:
        words = shlex.split(text or "")
    except ValueError:
        words = (text or "").split()
    filters: dict = {}
    free: list[str] = []
    problems: list[str] = []
    choices = {
        "recommendation": Recommendation.choices,
        "channel": Channel.choices,
        "reason": REASON_CHOICES,
    }
    for word in words:
        key, sep, value = word.partition(":")
        target = SEARCH_KEYS.get(key.casefold()) if sep else None
        if target is None or not value:
            free.append(word)
            continue
        if target in choices:
            code = _match_choice(value, choices[target])
            if code is None:
                problems.append(
                    _("“%(value)s” is not a %(key)s; try one of: %(choices)s.")
                    % {
                        "value": value,
                        "key": key,
                        "choices": ", ".join(c for c, _label in choices[target]),
                    }
                )
                continue
            filters[target] = code
        else:
            filters[target] = value
    return filters, " ".join(free), problems


def _day_start(day) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def queue_filter(queryset, data: dict):
    """Return `queryset` narrowed by the cleaned filter values in `data`."""
    if data.get("recommendation"):
        queryset = queryset.filter(recommendation=data["recommendation"])
    if data.get("reason"):
        if connection.vendor == "postgresql":
            queryset = queryset.filter(reasons__contains=[data["reason"]])
        else:  # SQLite, the embedded default, has no JSON containment.
            queryset = queryset.filter(reasons__icontains=f'"{data["reason"]}"')
    if data.get("channel"):
        queryset = queryset.filter(channel=data["channel"])
    if data.get("submitter"):
        queryset = queryset.filter(submitter_id=data["submitter"])
    if data.get("date_from"):
        queryset = queryset.filter(created_at__gte=_day_start(data["date_from"]))
    if data.get("date_to"):
        queryset = queryset.filter(created_at__lt=_day_start(data["date_to"] + timedelta(days=1)))
    submitter_name = (data.get("submitter_name") or "").strip()
    if submitter_name:
        queryset = queryset.filter(
            Q(submitter__username__iexact=submitter_name)
            | Q(submitter__first_name__iexact=submitter_name)
            | Q(submitter__email__istartswith=submitter_name + "@")
            | Q(submitter__email__iexact=submitter_name)
        )
    requester = (data.get("requester") or "").strip()
    if requester:
        queryset = queryset.filter(
            Q(requester_key=requester) | Q(requester_name__icontains=requester)
        )
    text = (data.get("q") or "").strip()
    if text:
        queryset = queryset.filter(
            Q(requester_name__icontains=text)
            | Q(requester_company__icontains=text)
            | Q(requester_headline__icontains=text)
        )
    return queryset


def queue_page(*, org, filters: dict | None = None, after=None, size: int = PAGE_SIZE):
    """Return (rows, next_cursor) of the queue after the (risk, id) position `after`.

    Rows come riskiest first, then oldest first. After a cursor the page is the rest of
    the cursor's risk (ids above it) followed by lower risks: two index range scans, so
    many equal risks cost nothing, unlike an OR condition that Postgres would filter.
    """
    base = queue_filter(
        Invitation.objects.for_org(org).pending_review().only(*_ROW_FIELDS), filters or {}
    )
    want = size + 1
    if after is None:
        rows = list(base.order_by("-risk", "id")[:want])
    else:
        risk, pk = after
        rows = list(base.filter(risk=risk, id__gt=pk).order_by("id")[:want])
        if len(rows) < want:
            rows += list(base.filter(risk__lt=risk).order_by("-risk", "id")[: want - len(rows)])
    next_cursor = (
        cursor_encode(rows[size - 1].risk, rows[size - 1].pk) if len(rows) > size else None
    )
    return rows[:size], next_cursor


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


def attach_top_reasons(rows, count: int = 2) -> None:
    """Set `row.top_hits` to the first `count` rule hits of each row's evaluation, in one query."""
    ids = {row.evaluation_id for row in rows if row.evaluation_id}
    found: dict[int, list] = {}
    if ids:
        transforms = {f"h{n}": KeyTransform(str(n), "hits") for n in range(count)}
        for values in Evaluation.objects.filter(pk__in=ids).values("pk", **transforms):
            found[values["pk"]] = [values[f"h{n}"] for n in range(count) if values[f"h{n}"]]
    for row in rows:
        row.top_hits = [h for h in found.get(row.evaluation_id, []) if isinstance(h, dict)]


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
        return render(request, "invitations/review/partials/queue_table.html", context)
    return render(request, "invitations/review/queue.html", context)


class DecideForm(forms.Form):
    action = forms.ChoiceField(
        label=gettext_lazy("Decision"), choices=Recommendation.choices, widget=forms.RadioSelect
    )
    justification = forms.CharField(
        label=gettext_lazy("Justification"),
        required=False,
        max_length=JUSTIFICATION_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "Required when you decide against the recommendation, and for every reversal."
        ),
    )
    reverses = forms.IntegerField(required=False, widget=forms.HiddenInput)


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


def queue_neighbours(*, org, invitation: Invitation) -> tuple[int | None, int | None]:
    """Return the ids of the pending invitations just before and just after `invitation`
    in queue order (riskiest first, then oldest), or None at either end."""
    pending = Invitation.objects.for_org(org).pending_review().exclude(pk=invitation.pk)
    risk, pk = invitation.risk, invitation.pk
    after = (
        pending.filter(Q(risk=risk, id__gt=pk) | Q(risk__lt=risk))
        .order_by("-risk", "id")
        .values_list("id", flat=True)
        .first()
    )
    before = (
        pending.filter(Q(risk=risk, id__lt=pk) | Q(risk__gt=risk))
        .order_by("risk", "-id")
        .values_list("id", flat=True)
        .first()
    )
    return before, after


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
        .only(*_ROW_FIELDS, "submitter_id")
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
    return render(request, "invitations/review/detail.html", context)


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
    return render(request, "invitations/review/partials/row.html", context)


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
    return render(request, "invitations/review/detail.html", context, status=400)


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
    return render(request, "invitations/review/notification_templates.html", context, status=status)
