"""Insights pages: the dashboard and its CSV figures, per-rule statistics, and simulations.

The dashboard and rule statistics are for everyone who audits (managers and compliance);
simulating a draft is for managers, who own the policy.
"""

from __future__ import annotations

import csv
from datetime import timedelta

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import dateformat
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from audit.export import safe_cell
from insights import stats
from insights.forms import SimulationForm
from insights.models import Simulation
from insights.services import simulation_create
from insights.svg import Series, horizontal_bars, stacked_bars
from invitations.models import Invitation, Recommendation
from invitations.selectors import median_time_to_decision
from organisations.access import org_view
from organisations.models import Capability
from organisations.params import whole_number
from policy.engine import PolicyInvalid, diff_policies
from policy.services import policy_ensure
from policy.texts import active_language, localised
from review.campaigns import campaigns_recent

RULE_PAGE_SIZE = 50


def _labels() -> dict[str, str]:
    labels = {value: str(label) for value, label in Recommendation.choices}
    labels[stats.PENDING] = _("Not evaluated yet")
    return labels


def duration_text(value: timedelta | None) -> str:
    """Return a short human reading of a duration: "2 d 3 h", "4 h 5 min", "40 s"."""
    if value is None:
        return "—"
    seconds = max(int(value.total_seconds()), 0)
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, seconds = divmod(rest, 60)
    if days:
        return _("%(d)d d %(h)d h") % {"d": days, "h": hours}
    if hours:
        return _("%(h)d h %(m)d min") % {"h": hours, "m": minutes}
    if minutes:
        return _("%(m)d min") % {"m": minutes}
    return _("%(s)d s") % {"s": seconds}


def _percent(rate: float | None) -> str:
    return "—" if rate is None else f"{rate * 100:.0f} %"


# --- dashboard ----------------------------------------------------------------------------


def _weekly_figure(org) -> dict:
    labels = _labels()
    weeks = stats.weekly_counts(org=org)
    keys = [*Recommendation.values, stats.PENDING]
    series = [Series(key, labels[key]) for key in keys]
    # Django's date format speaks the active language ("1 Dez" in German), strftime does not.
    columns = [(dateformat.format(w["week"], "j M"), w["counts"]) for w in weeks]
    total = sum(sum(w["counts"].values()) for w in weeks)
    chart = stacked_bars(
        title=_("Invitations per week by recommendation"),
        desc=ngettext(
            "%(n)d invitation in the last %(w)d weeks.",
            "%(n)d invitations in the last %(w)d weeks.",
            total,
        )
        % {"n": total, "w": len(weeks)},
        columns=columns,
        series=series,
    )
    rows = [
        {
            "week": w["week"],
            "counts": [w["counts"][k] for k in keys],
            "total": sum(w["counts"].values()),
        }
        for w in weeks
    ]
    return {"chart": chart, "rows": rows, "series": series, "total": total}


#: How far back the dashboard looks for campaigns (one requester inviting many members).
CAMPAIGN_DAYS = 30


@org_view(Capability.AUDIT)
def dashboard(request):
    org = request.org
    lang = active_language()
    overrides = stats.overrides_by_rule(org=org, lang=lang)
    requesters = stats.top_spam_requesters(org=org)
    companies = stats.top_spam_companies(org=org)
    queue = stats.queue_state(org=org)
    median = median_time_to_decision(org=org)
    overall = stats.overall_override(org=org)
    context = {
        "weekly": _weekly_figure(org),
        "overall": overall,
        "overrides": overrides,
        "overrides_chart": horizontal_bars(
            title=_("Share of decisions against the recommendation, per rule"),
            desc=_("Rules whose hits were decided, the most often overridden first."),
            rows=[(s.title, s.override_rate or 0) for s in overrides[: stats.TOP]],
            value_format="{:.0%}",
            max_value=1,
            css_class="series-override",
        ),
        "requesters": requesters,
        "requesters_chart": horizontal_bars(
            title=_("Requesters most often reported as spam"),
            desc=_("Decided as spam, or recommended as spam and not decided yet."),
            rows=[(r["name"], r["count"]) for r in requesters],
            css_class="series-report_spam",
        ),
        "companies": companies,
        "companies_chart": horizontal_bars(
            title=_("Companies most often reported as spam"),
            desc=_("Decided as spam, or recommended as spam and not decided yet."),
            rows=[(c["name"], c["count"]) for c in companies],
            css_class="series-report_spam",
        ),
        "queue": queue,
        "oldest_age": duration_text(queue["oldest_age"]),
        "median": median,
        "median_text": duration_text(median["median"]),
        "overall_rate": _percent(overall["rate"]),
        "figures": FIGURES,
        "campaigns": campaigns_recent(org=org, days=CAMPAIGN_DAYS),
        "campaign_days": CAMPAIGN_DAYS,
    }
    return render(request, "insights/dashboard.html", context)


# --- CSV downloads -------------------------------------------------------------------------


def _weekly_rows(org, lang):
    keys = [*Recommendation.values, stats.PENDING]
    yield ["week_starting", *keys, "total"]
    for week in stats.weekly_counts(org=org):
        counts = [week["counts"][k] for k in keys]
        yield [week["week"].isoformat(), *counts, sum(counts)]


def _override_rows(org, lang):
    yield ["rule", "title", "decided", "overridden", "override_rate"]
    for s in stats.overrides_by_rule(org=org, lang=lang):
        yield [s.rule, s.title, s.decided, s.overridden, s.override_rate]


def _rule_rows(org, lang):
    yield ["rule", "title", "custom", "hits", "decided", "overridden", "override_rate"]
    for s in stats.rule_stats(org=org, lang=lang):
        rate = "" if s.override_rate is None else s.override_rate
        yield [s.rule, s.title, int(s.custom), s.hits, s.decided, s.overridden, rate]


def _requester_rows(org, lang):
    yield ["requester", "requester_key", "count", "last_submitted"]
    for r in stats.top_spam_requesters(org=org):
        yield [r["name"], r["key"], r["count"], r["last"].isoformat() if r["last"] else ""]


def _company_rows(org, lang):
    yield ["company", "count", "requesters"]
    for c in stats.top_spam_companies(org=org):
        yield [c["name"], c["count"], c["requesters"]]


FIGURES = {
    "weekly": _weekly_rows,
    "overrides": _override_rows,
    "spam_requesters": _requester_rows,
    "spam_companies": _company_rows,
    "rules": _rule_rows,
}


@org_view(Capability.AUDIT)
def figure_csv(request):
    figure = request.GET.get("figure") or "weekly"
    rows = FIGURES.get(figure)
    if rows is None:
        raise Http404
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="vouch-{request.org.slug}-{figure}.csv"'
    )
    writer = csv.writer(response)
    for row in rows(request.org, active_language()):
        writer.writerow([safe_cell(cell) for cell in row])
    return response


# --- per-rule statistics -------------------------------------------------------------------


@org_view(Capability.AUDIT)
def rules(request):
    rule_list = stats.rule_stats(org=request.org, lang=active_language())
    decided = [s for s in rule_list if s.decided]
    chart = horizontal_bars(
        title=_("Share of decisions against the recommendation, per rule"),
        desc=_("Only rules whose hits were decided."),
        rows=[(s.title, s.override_rate or 0) for s in decided],
        value_format="{:.0%}",
        max_value=1,
        css_class="series-override",
    )
    return render(request, "insights/rules.html", {"rules": rule_list, "chart": chart})


@org_view(Capability.AUDIT)
def rule_invitations(request, rule: str):
    if not stats.RULE_ID_RE.match(rule):
        raise Http404
    show = request.GET.get("show", "")
    if show not in ("", "decided", "overridden"):
        show = ""
    before = whole_number(request.GET.get("before"), minimum=1)
    ids, next_before = stats.rule_invitation_ids(
        org=request.org, rule=rule, show=show, before=before, size=RULE_PAGE_SIZE
    )
    found = {
        inv.pk: inv
        for inv in Invitation.objects.for_org(request.org)
        .filter(pk__in=ids)
        .only(
            "id",
            "requester_name",
            "requester_company",
            "recommendation",
            "decision",
            "created_at",
            "evaluation_id",
        )
    }
    hits = stats.evaluation_hits([inv.evaluation_id for inv in found.values()])
    labels = _labels()
    rows = []
    for pk in ids:
        inv = found.get(pk)
        if inv is None:
            continue
        hit = next(
            (
                h
                for h in hits.get(inv.evaluation_id, [])
                if isinstance(h, dict) and h.get("rule") == rule
            ),
            None,
        )
        rows.append(
            {
                "invitation": inv,
                "hit": hit,
                "recommendation_label": labels.get(inv.recommendation, ""),
                "decision_label": labels.get(inv.decision, ""),
                "overridden": bool(inv.decision) and inv.decision != inv.recommendation,
                "url": reverse("review_detail", kwargs={"org_slug": request.org.slug, "pk": pk}),
            }
        )
    return render(
        request,
        "insights/rule_invitations.html",
        {
            "rule": rule,
            "title": stats.rule_title(rule, active_language()),
            "rows": rows,
            "show": show,
            "next_before": next_before,
            "paged": before is not None,
        },
    )


# --- simulations ---------------------------------------------------------------------------


def _simulations_page(request, form: SimulationForm, status: int = 200):
    rows = Simulation.objects.for_org(request.org).select_related("requested_by", "base_version")
    page = Paginator(rows.order_by("-id"), 25).get_page(request.GET.get("page"))
    policy = policy_ensure(org=request.org)
    return render(
        request,
        "insights/simulations.html",
        {"page": page, "form": form, "policy": policy},
        status=status,
    )


@org_view(Capability.MANAGE)
def simulations(request):
    return _simulations_page(request, SimulationForm())


@org_view(Capability.MANAGE)
@require_POST
def simulation_start(request):
    form = SimulationForm(request.POST)
    if not form.is_valid():
        return _simulations_page(request, form, status=400)
    policy = policy_ensure(org=request.org)
    try:
        simulation = simulation_create(
            org=request.org,
            actor=request.user,
            policy_data=policy.draft,
            period_from=form.cleaned_data["period_from"],
            period_to=form.cleaned_data["period_to"],
        )
    except PolicyInvalid:
        messages.error(request, _("The draft is not valid; fix it before simulating it."))
        return redirect("policy_edit", org_slug=request.org.slug)
    return redirect("simulation_detail", org_slug=request.org.slug, pk=simulation.pk)


def _matrix(result: dict, labels: dict[str, str]) -> list[dict]:
    keys = list(Recommendation.values)
    matrix = result.get("matrix") or {}
    rows = []
    for old in keys + [k for k in matrix if k not in keys]:
        counts = matrix.get(old) or {}
        cells = [{"to": new, "count": counts.get(new, 0), "same": new == old} for new in keys]
        rows.append(
            {
                "from": old,
                "label": labels.get(old, old or "—"),
                "cells": cells,
                "total": sum(c["count"] for c in cells),
            }
        )
    return rows


@org_view(Capability.MANAGE)
def simulation_detail(request, pk: int):
    simulation = get_object_or_404(
        Simulation.objects.for_org(request.org).select_related("requested_by", "base_version"),
        pk=pk,
    )
    labels = _labels()
    lang = active_language()
    context = {"simulation": simulation, "labels": labels}
    result = simulation.result if simulation.status == "done" else None
    if result:
        changed = []
        for item in result.get("changed_items", []):
            changed.append(
                {
                    **item,
                    "from_label": labels.get(item["from"], item["from"]),
                    "to_label": labels.get(item["to"], item["to"]),
                    "decision_label": labels.get(item["decision"], ""),
                    "added": [(r, stats.rule_title(r, lang)) for r in item["rules_added"]],
                    "removed": [(r, stats.rule_title(r, lang)) for r in item["rules_removed"]],
                    "url": reverse(
                        "review_detail", kwargs={"org_slug": request.org.slug, "pk": item["id"]}
                    ),
                }
            )
        context.update(
            {
                "result": result,
                "matrix": _matrix(result, labels),
                "columns": [(k, labels[k]) for k in Recommendation.values],
                "changed": changed,
                "agreement_before": _percent(result.get("agreement_before")),
                "agreement_after": _percent(result.get("agreement_after")),
                "rule_changes": [
                    {"rule": r, "title": stats.rule_title(r, lang), **counts}
                    for r, counts in (result.get("rule_changes") or {}).items()
                ],
            }
        )
    if request.htmx:
        return render(request, "insights/partials/simulation_status.html", context)
    base = simulation.base_version.data if simulation.base_version else None
    context["changes"] = [
        {"path": c.path, "description": localised(c.message)}
        for c in diff_policies(base, simulation.policy_data)
    ]
    return render(request, "insights/simulation_detail.html", context)
