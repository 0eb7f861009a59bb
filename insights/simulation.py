"""Backtesting a policy draft: evaluate it over past invitations and compare the outcome.

The draft is run through the same `evaluate_rows` the pipeline uses, in chunks of
CHUNK invitations, and each new recommendation is compared with the one the
invitation got when it was evaluated, and with the reviewer's decision where there
is one. Nothing about the invitations is written: only the Simulation row.
"""

from __future__ import annotations

import heapq
import json
import logging
import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db import connection, connections
from django.db.models import F
from django.utils import timezone

from insights.models import Simulation, SimulationStatus
from insights.stats import positive_rules
from invitations.evaluation import FACT_FIELDS, evaluate_rows
from invitations.models import Invitation, Recommendation
from organisations.models import Organisation
from policy.engine import PolicyInvalid, compile_policy

logger = logging.getLogger(__name__)

CHUNK = 2000
CHANGED_LIMIT = 500
RECOMMENDATIONS = tuple(Recommendation.values)
_JSON_FACTS = ("attachments", "email_findings")


# --- loading past invitations ------------------------------------------------------------


def _day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _period_bounds(period_from: date | None, period_to: date | None):
    """Return (since, before) datetimes for an inclusive range of local days."""
    since = _day_start(period_from) if period_from else None
    before = _day_start(period_to + timedelta(days=1)) if period_to else None
    return since, before


def past_invitations(*, org, period_from: date | None = None, period_to: date | None = None):
    """Return the queryset of `org`'s evaluated invitations submitted in the period (or ever)."""
    since, before = _period_bounds(period_from, period_to)
    rows = Invitation.objects.for_org(org).filter(evaluation__isnull=False)
    if since is not None:
        rows = rows.filter(created_at__gte=since)
    if before is not None:
        rows = rows.filter(created_at__lt=before)
    return rows


_PG_COLUMNS = ", ".join(f"i.{name}" for name in FACT_FIELDS)
# The old evaluation's rules are reduced to an array in the database: no hits JSON to parse.
_PG_SQL = f"""
    SELECT {_PG_COLUMNS}, i.recommendation, i.decision,
        ARRAY(
            SELECT h->>'rule'
            FROM jsonb_array_elements(
                CASE WHEN jsonb_typeof(e.hits) = 'array' THEN e.hits ELSE '[]'::jsonb END
            ) AS h
            WHERE jsonb_typeof(h->'weight') = 'number' AND (h->'weight')::float8 > 0
        )
    FROM invitations_invitation AS i
    JOIN invitations_evaluation AS e ON e.id = i.evaluation_id
    WHERE i.organisation_id = %s {{period}}
    ORDER BY i.requester_key, i.id
"""  # noqa: S608 - only constant column names are interpolated
_KEYS = (*FACT_FIELDS, "recommendation", "decision", "old_rules")


def _chunks_postgresql(org, since, before, size: int, part) -> Iterator[list[dict]]:
    period, params = "", [org.pk]
    if since is not None:
        period += " AND i.created_at >= %s"
        params.append(since)
    if before is not None:
        period += " AND i.created_at < %s"
        params.append(before)
    if part is not None:
        # One requester's invitations all fall into the same part.
        period += " AND mod(hashtext(i.requester_key)::bigint + 2147483648, %s) = %s"
        params += [part[1], part[0]]
    # One sorted scan streamed through a server-side cursor: far cheaper than
    # thousands of index look-ups, and memory stays at one chunk.
    with connection.chunked_cursor() as cursor:
        cursor.execute(_PG_SQL.format(period=period), params)
        while batch := cursor.fetchmany(size):
            rows = [dict(zip(_KEYS, row, strict=True)) for row in batch]
            for row in rows:
                # Django's psycopg setup hands jsonb back as text in a raw cursor.
                for key in _JSON_FACTS:
                    value = row[key]
                    if isinstance(value, str):
                        row[key] = [] if value == "[]" else json.loads(value)
                row["old_rules"] = {rule for rule in row["old_rules"] if rule}
            yield rows


def _chunks_portable(queryset, size: int) -> Iterator[list[dict]]:
    rows = queryset.order_by("requester_key", "pk").values(
        *FACT_FIELDS, "recommendation", "decision", "evaluation__hits"
    )
    chunk: list[dict] = []
    for row in rows.iterator(chunk_size=size):
        row["old_rules"] = positive_rules(row.pop("evaluation__hits"))
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def iter_chunks(
    *,
    org,
    period_from: date | None = None,
    period_to: date | None = None,
    size: int = CHUNK,
    part: tuple[int, int] | None = None,
) -> Iterator[list[dict]]:
    """Yield the rows of `org`'s past invitations in the period, `size` at a time.

    Each row holds FACT_FIELDS plus the recommendation and decision it got, and
    `old_rules`: the rules its current evaluation fired with a positive weight.
    Rows come grouped by requester, so each chunk's look-ups of a requester's other
    invitations (the mass-inviter signal) touch few requesters. `part` (k, n) limits
    the rows to the k-th of n disjoint parts, by requester (PostgreSQL only).
    """
    if connection.vendor == "postgresql":
        since, before = _period_bounds(period_from, period_to)
        yield from _chunks_postgresql(org, since, before, size, part)
    else:
        queryset = past_invitations(org=org, period_from=period_from, period_to=period_to)
        yield from _chunks_portable(queryset, size)


# --- comparing ---------------------------------------------------------------------------


class Tally:
    """The running comparison of old and new recommendations, and with decisions."""

    def __init__(self, changed_limit: int | None = None):
        self.total = 0
        self.changed = 0
        self.decided = 0
        self.agree_before = 0
        self.agree_after = 0
        self.matrix = {a: dict.fromkeys(RECOMMENDATIONS, 0) for a in RECOMMENDATIONS}
        self._changed: list[tuple[int, dict]] = []
        self.changed_limit = CHANGED_LIMIT if changed_limit is None else changed_limit
        self.rule_changes: dict[str, dict[str, int]] = {}

    def add(self, row: dict, result) -> None:
        old, new = row["recommendation"] or "", result.recommendation
        decision = row["decision"] or ""
        self.total += 1
        self.matrix.setdefault(old, dict.fromkeys(RECOMMENDATIONS, 0))
        self.matrix[old][new] = self.matrix[old].get(new, 0) + 1
        if decision:
            self.decided += 1
            self.agree_before += old == decision
            self.agree_after += new == decision
        if old == new:
            return
        self.changed += 1
        new_rules = {hit.rule for hit in result.hits if hit.weight > 0}
        added = sorted(new_rules - row["old_rules"])
        removed = sorted(row["old_rules"] - new_rules)
        for rule in added:
            self.rule_changes.setdefault(rule, {"added": 0, "removed": 0})["added"] += 1
        for rule in removed:
            self.rule_changes.setdefault(rule, {"added": 0, "removed": 0})["removed"] += 1
        # Rows do not come in id order: keep the `changed_limit` lowest ids in a max-heap.
        if len(self._changed) >= self.changed_limit and -self._changed[0][0] < row["id"]:
            return
        item = {
            "id": row["id"],
            "requester_name": row["requester_name"],
            "from": old,
            "to": new,
            "decision": decision,
            "rules_added": added,
            "rules_removed": removed,
        }
        if len(self._changed) >= self.changed_limit:
            heapq.heapreplace(self._changed, (-row["id"], item))
        else:
            heapq.heappush(self._changed, (-row["id"], item))

    def merge(self, other: Tally) -> None:
        """Add the counts of `other`, a tally of different invitations, to this one."""
        self.total += other.total
        self.changed += other.changed
        self.decided += other.decided
        self.agree_before += other.agree_before
        self.agree_after += other.agree_after
        for old, row in other.matrix.items():
            mine = self.matrix.setdefault(old, dict.fromkeys(RECOMMENDATIONS, 0))
            for new, n in row.items():
                mine[new] = mine.get(new, 0) + n
        for rule, counts in other.rule_changes.items():
            mine = self.rule_changes.setdefault(rule, {"added": 0, "removed": 0})
            mine["added"] += counts["added"]
            mine["removed"] += counts["removed"]
        # Entries are (-id, item): the largest keys are the lowest ids.
        entries = self._changed + other._changed
        self._changed = heapq.nlargest(self.changed_limit, entries, key=lambda e: e[0])
        heapq.heapify(self._changed)

    def result(self) -> dict:
        def share(count: int) -> float | None:
            return round(count / self.decided, 4) if self.decided else None

        return {
            "total": self.total,
            "changed": self.changed,
            "matrix": self.matrix,
            "decided": self.decided,
            "agreed_before": self.agree_before,
            "agreed_after": self.agree_after,
            "agreement_before": share(self.agree_before),
            "agreement_after": share(self.agree_after),
            "rule_changes": dict(sorted(self.rule_changes.items())),
            "changed_items": [item for _key, item in sorted(self._changed, reverse=True)],
        }


PARALLEL_FROM = 20_000  # invitations; fewer are not worth starting processes for


def _progress(simulation_id: int | None, count: int) -> None:
    if simulation_id is not None:
        Simulation.objects.filter(pk=simulation_id, status=SimulationStatus.RUNNING).update(
            progress=F("progress") + count, heartbeat_at=timezone.now()
        )


def _tally_part(
    org, policy_data: dict, period_from, period_to, part, simulation_id: int | None
) -> Tally:
    """Return the Tally of one part (or, with `part` None, all) of the past invitations."""
    policy = compile_policy(policy_data)
    tally = Tally()
    for rows in iter_chunks(org=org, period_from=period_from, period_to=period_to, part=part):
        by_id = {row["id"]: row for row in rows}
        for invitation_id, result, _seconds in evaluate_rows(org=org, rows=rows, policy=policy):
            tally.add(by_id[invitation_id], result)
        _progress(simulation_id, len(rows))
    return tally


def _tally_part_in_child(org_id: int, *args) -> Tally:
    return _tally_part(Organisation.objects.get(pk=org_id), *args)


def _processes(total: int, processes: int | None) -> int:
    """Return how many processes to simulate `total` invitations with."""
    if processes is None:
        processes = min(os.cpu_count() or 1, 4) if total >= PARALLEL_FROM else 1
    # Forked processes need connections of their own, so the parent must close its
    # own first: impossible inside a transaction, and pointless without PostgreSQL.
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        return 1
    # A Celery pool process is a daemon and may not start processes of its own.
    if multiprocessing.current_process().daemon:
        return 1
    return max(processes, 1)


def simulate(
    *,
    org,
    policy_data: dict,
    period_from: date | None = None,
    period_to: date | None = None,
    simulation_id: int | None = None,
    processes: int | None = None,
) -> dict:
    """Return the comparison of `policy_data` with what happened to `org`'s past invitations.

    Raises PolicyInvalid if the policy is invalid. With `simulation_id`, that stored
    simulation's total and progress are kept up to date. Large histories are split by
    requester over several processes (`processes`, by default one per CPU, at most 4).
    """
    compile_policy(policy_data)
    total = past_invitations(org=org, period_from=period_from, period_to=period_to).count()
    if simulation_id is not None:
        Simulation.objects.filter(pk=simulation_id).update(
            total=total, progress=0, heartbeat_at=timezone.now()
        )
    n = _processes(total, processes)
    if n == 1:
        return _tally_part(org, policy_data, period_from, period_to, None, simulation_id).result()
    connections.close_all()
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=n, mp_context=context) as pool:
        futures = [
            pool.submit(
                _tally_part_in_child,
                org.pk,
                policy_data,
                period_from,
                period_to,
                (k, n),
                simulation_id,
            )
            for k in range(n)
        ]
        tally = Tally()
        for future in futures:
            tally.merge(future.result())
    return tally.result()


# --- the stored simulation ----------------------------------------------------------------


def _stale_before() -> datetime:
    return timezone.now() - timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT)


def simulation_claim(*, simulation_id: int) -> bool:
    """Take a queued simulation (or one whose worker died mid-run); return True if taken.

    A conditional UPDATE, so two deliveries of the same task cannot both run it.
    """
    now = timezone.now()
    queued = Simulation.objects.filter(pk=simulation_id, status=SimulationStatus.QUEUED)
    if queued.update(status=SimulationStatus.RUNNING, started_at=now, heartbeat_at=now):
        return True
    abandoned = Simulation.objects.filter(
        pk=simulation_id, status=SimulationStatus.RUNNING, heartbeat_at__lt=_stale_before()
    )
    return bool(abandoned.update(progress=0, started_at=now, heartbeat_at=now))


def simulation_run(*, simulation_id: int) -> bool:
    """Run the simulation if it is still to be run; return True if this call ran it.

    Running it again after it finished changes nothing.
    """
    if not simulation_claim(simulation_id=simulation_id):
        return False
    simulation = Simulation.objects.select_related("organisation").get(pk=simulation_id)
    rows = Simulation.objects.filter(pk=simulation_id, status=SimulationStatus.RUNNING)
    try:
        result = simulate(
            org=simulation.organisation,
            policy_data=simulation.policy_data,
            period_from=simulation.period_from,
            period_to=simulation.period_to,
            simulation_id=simulation_id,
        )
    except PolicyInvalid as exc:
        message = "; ".join(f"{e.path}: {e.message}" for e in exc.errors)
        rows.update(status=SimulationStatus.FAILED, error=message, finished_at=timezone.now())
        return True
    except Exception as exc:
        logger.exception("simulation %s failed", simulation_id)
        rows.update(
            status=SimulationStatus.FAILED,
            error=f"{type(exc).__name__}: {exc}"[:2000],
            finished_at=timezone.now(),
        )
        raise
    rows.update(
        status=SimulationStatus.DONE,
        result=result,
        progress=result["total"],
        total=result["total"],
        finished_at=timezone.now(),
    )
    return True
