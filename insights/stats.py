"""The figures of the insights dashboard and the per-rule statistics.

Everything is aggregated in the database: PostgreSQL does the heavy lifting
(jsonb_array_elements over evaluation hits, percentile_cont for the median); on
SQLite, the embedded default, a portable fallback computes the same figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db import connection
from django.db.models import Count, F, Max, Min, Q
from django.db.models.functions import Lower, Trim, TruncWeek
from django.utils import timezone

from invitations.models import Evaluation, Invitation, Recommendation, Status
from policy.engine import RULES_BY_ID
from policy.engine.texts import translate

WEEKS = 12
TOP = 10
PENDING = "pending"  # the series of invitations not evaluated yet
RULE_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")


# --- invitations per week ---------------------------------------------------------------


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def weekly_counts(*, org, weeks: int = WEEKS, now: datetime | None = None) -> list[dict]:
    """Return [{"week": monday, "counts": {recommendation or "pending": n}}] oldest first.

    Weeks start on Monday in the display time zone; the current week is the last one,
    and weeks without invitations are there with zeros.
    """
    now = timezone.localtime(now or timezone.now())
    first = week_start(now.date()) - timedelta(weeks=weeks - 1)
    since = timezone.make_aware(datetime.combine(first, datetime.min.time()))
    keys = [*Recommendation.values, PENDING]
    table = {first + timedelta(weeks=n): dict.fromkeys(keys, 0) for n in range(weeks)}
    rows = (
        Invitation.objects.for_org(org)
        .filter(created_at__gte=since)
        .annotate(week=TruncWeek("created_at"))
        .values("week", "recommendation")
        .annotate(n=Count("id"))
        .order_by()
    )
    for row in rows:
        week = row["week"]
        day = timezone.localtime(week).date() if isinstance(week, datetime) else week
        key = row["recommendation"] or PENDING
        if day in table:
            table[day][key] = table[day].get(key, 0) + row["n"]
    return [{"week": day, "counts": counts} for day, counts in table.items()]


# --- spam ------------------------------------------------------------------------------


def _reported_as_spam(org):
    """Invitations decided as spam, or recommended as spam and not decided yet."""
    return Invitation.objects.for_org(org).filter(
        Q(decision=Recommendation.REPORT_SPAM)
        | Q(decision="", recommendation=Recommendation.REPORT_SPAM)
    )


def top_spam_requesters(*, org, limit: int = TOP) -> list[dict]:
    """Return [{"key", "name", "count", "last"}] of the requesters most often taken for spam."""
    rows = (
        _reported_as_spam(org)
        .values("requester_key")
        .annotate(count=Count("id"), name=Max("requester_name"), last=Max("created_at"))
        .order_by("-count", "requester_key")[:limit]
    )
    return [
        {"key": r["requester_key"], "name": r["name"], "count": r["count"], "last": r["last"]}
        for r in rows
    ]


def top_spam_companies(*, org, limit: int = TOP) -> list[dict]:
    """Return [{"name", "count", "requesters"}] of the companies most often taken for spam."""
    rows = (
        _reported_as_spam(org)
        .exclude(requester_company="")
        .annotate(company_key=Lower(Trim("requester_company")))
        .values("company_key")
        .annotate(
            count=Count("id"),
            name=Max("requester_company"),
            requesters=Count("requester_key", distinct=True),
        )
        .order_by("-count", "company_key")[:limit]
    )
    return [{"name": r["name"], "count": r["count"], "requesters": r["requesters"]} for r in rows]


# --- the queue -----------------------------------------------------------------------------


def queue_state(*, org, now: datetime | None = None) -> dict:
    """Return {"size", "oldest", "oldest_age"}: invitations awaiting a decision."""
    now = now or timezone.now()
    row = (
        Invitation.objects.for_org(org)
        .filter(status=Status.EVALUATED)
        .aggregate(size=Count("id"), oldest=Min("created_at"))
    )
    oldest = row["oldest"]
    return {
        "size": row["size"],
        "oldest": oldest,
        "oldest_age": (now - oldest) if oldest else None,
    }


# --- rules ------------------------------------------------------------------------------


@dataclass
class RuleStat:
    rule: str
    title: str
    custom: bool
    hits: int = 0
    decided: int = 0
    overridden: int = 0

    @property
    def override_rate(self) -> float | None:
        return round(self.overridden / self.decided, 4) if self.decided else None

    @property
    def override_percent(self) -> str:
        rate = self.override_rate
        return "—" if rate is None else f"{rate * 100:.0f} %"


_PG_RULE_SQL = """
    SELECT h.rule, count(*),
        count(*) FILTER (WHERE i.decision <> ''),
        count(*) FILTER (WHERE i.decision <> '' AND i.decision <> i.recommendation)
    FROM invitations_invitation AS i
    JOIN invitations_evaluation AS e ON e.id = i.evaluation_id
    CROSS JOIN LATERAL (
        SELECT DISTINCT x->>'rule' AS rule
        FROM jsonb_array_elements(
            CASE WHEN jsonb_typeof(e.hits) = 'array' THEN e.hits ELSE '[]'::jsonb END
        ) AS x
        WHERE jsonb_typeof(x->'weight') = 'number' AND (x->'weight')::float8 <> 0
    ) AS h
    WHERE i.organisation_id = %s AND h.rule IS NOT NULL
    GROUP BY h.rule
"""


def _rules_weighted(hits, keep) -> set[str]:
    """Return the ids of the rules in stored `hits` whose numeric weight `keep` accepts."""
    out = set()
    for hit in hits if isinstance(hits, list) else ():
        if not isinstance(hit, dict) or not hit.get("rule"):
            continue
        weight = hit.get("weight")
        if isinstance(weight, int | float) and not isinstance(weight, bool) and keep(weight):
            out.add(str(hit["rule"]))
    return out


def positive_rules(hits) -> set[str]:
    """Return the ids of the rules in `hits` that fired with a positive weight."""
    return _rules_weighted(hits, lambda weight: weight > 0)


def fired_rules(hits) -> set[str]:
    """Return the ids of the rules in `hits` that fired with a weight, for or against
    accepting: a known contact (negative weight) counts as much as a spam signal."""
    return _rules_weighted(hits, lambda weight: weight != 0)


def _rule_counts_portable(org) -> dict[str, tuple[int, int, int]]:
    counts: dict[str, list[int]] = {}
    rows = (
        Invitation.objects.for_org(org)
        .filter(evaluation__isnull=False)
        .values_list("evaluation__hits", "decision", "recommendation")
    )
    for hits, decision, recommendation in rows.iterator(chunk_size=2000):
        for rule in fired_rules(hits):
            entry = counts.setdefault(rule, [0, 0, 0])
            entry[0] += 1
            if decision:
                entry[1] += 1
                entry[2] += decision != recommendation
    return {rule: tuple(v) for rule, v in counts.items()}


def rule_title(rule: str, lang: str = "en") -> str:
    spec = RULES_BY_ID.get(rule)
    if spec is None:
        return rule
    return translate(spec.title, lang)


def rule_stats(*, org, lang: str = "en") -> list[RuleStat]:
    """Return one RuleStat per built-in rule and per custom rule seen in `org`'s evaluations.

    A rule "hit" an invitation when it fired with a non-zero weight in the invitation's
    current evaluation; it was overridden when the decision differs from the recommendation.
    Built-in rules come in catalogue order, then custom rules by name.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(_PG_RULE_SQL, [org.pk])
            counts = {rule: (hits, dec, over) for rule, hits, dec, over in cursor.fetchall()}
    else:
        counts = _rule_counts_portable(org)
    stats = [
        RuleStat(rule, rule_title(rule, lang), False, *counts.get(rule, (0, 0, 0)))
        for rule in RULES_BY_ID
    ]
    custom = sorted(set(counts) - set(RULES_BY_ID))
    stats += [RuleStat(rule, rule, True, *counts[rule]) for rule in custom]
    return stats


def overrides_by_rule(*, org, lang: str = "en") -> list[RuleStat]:
    """Return the rules with decided hits, the most often overridden share first."""
    stats = [s for s in rule_stats(org=org, lang=lang) if s.decided]
    return sorted(stats, key=lambda s: (-(s.override_rate or 0), -s.decided, s.rule))


def overall_override(*, org) -> dict:
    """Return {"decided", "overridden", "rate"} over all decided invitations."""
    row = (
        Invitation.objects.for_org(org)
        .exclude(decision="")
        .aggregate(
            decided=Count("id"),
            overridden=Count("id", filter=~Q(decision=F("recommendation"))),
        )
    )
    decided = row["decided"]
    rate = round(row["overridden"] / decided, 4) if decided else None
    return {"decided": decided, "overridden": row["overridden"], "rate": rate}


# --- invitations a rule hit, newest first, by keyset -----------------------------------------


_PG_RULE_PAGE_SQL = """
    SELECT i.id FROM invitations_invitation AS i
    JOIN invitations_evaluation AS e ON e.id = i.evaluation_id
    WHERE i.organisation_id = %s AND i.id < %s {extra}
      AND jsonb_typeof(e.hits) = 'array'
      AND e.hits @> jsonb_build_array(jsonb_build_object('rule', %s::text))
      AND EXISTS (
        SELECT 1 FROM jsonb_array_elements(e.hits) AS x
        WHERE x->>'rule' = %s AND jsonb_typeof(x->'weight') = 'number'
          AND (x->'weight')::float8 <> 0
      )
    ORDER BY i.id DESC
    LIMIT %s
"""
_FILTERS = {
    "decided": "AND i.decision <> ''",
    "overridden": "AND i.decision <> '' AND i.decision <> i.recommendation",
    "": "",
}


def rule_invitation_ids(
    *, org, rule: str, show: str = "", before: int | None = None, size: int = 50
) -> tuple[list[int], int | None]:
    """Return (ids, next_before): a page of invitations `rule` hit, newest first.

    `show` is "" (all), "decided" or "overridden"; `before` is the keyset cursor.
    """
    before = before if before and before > 0 else 2**63 - 1
    extra = _FILTERS.get(show, "")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                _PG_RULE_PAGE_SQL.format(extra=extra),  # constant fragments only
                [org.pk, before, rule, rule, size + 1],
            )
            ids = [row[0] for row in cursor.fetchall()]
    else:
        rows = Invitation.objects.for_org(org).filter(evaluation__isnull=False, pk__lt=before)
        if show == "decided":
            rows = rows.exclude(decision="")
        elif show == "overridden":
            rows = rows.exclude(decision="").exclude(decision=F("recommendation"))
        ids = []
        candidates = rows.order_by("-pk").values_list("pk", "evaluation__hits")
        for pk, hits in candidates.iterator(chunk_size=500):
            if rule in fired_rules(hits):
                ids.append(pk)
                if len(ids) > size:
                    break
    next_before = ids[size - 1] if len(ids) > size else None
    return ids[:size], next_before


def evaluation_hits(ids: list[int]) -> dict[int, list]:
    """Return {evaluation id: hits} for the given evaluation ids."""
    return dict(Evaluation.objects.filter(pk__in=ids).values_list("pk", "hits"))
