"""Reads behind the review queue: its pages, filters, neighbours and each row's top reasons.

The queue lists invitations awaiting a decision, riskiest first and, at equal risk,
oldest first (ids grow with submission time). It pages with an opaque keyset cursor
over (risk, id), never OFFSET, so page 20,000 costs what page 1 costs: every page is
at most two range scans of the index (organisation, -risk, id) of pending invitations.
"""

from datetime import datetime, time, timedelta

from django.db import connection
from django.db.models import Q
from django.db.models.fields.json import KeyTransform
from django.utils import timezone

from invitations.models import Evaluation, Invitation
from review.cursor import cursor_encode

PAGE_SIZE = 50
ROW_FIELDS = (
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
        Invitation.objects.for_org(org).pending_review().only(*ROW_FIELDS), filters or {}
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
