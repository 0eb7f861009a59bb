"""Evaluating claimed invitations against the organisation's published policy.

The flow for one batch: claim rows with a conditional UPDATE (so two deliveries
of the same work cannot both take it), build facts, run the pure engine, then
store Evaluations and copy the outcome onto the invitations in one transaction.
"""

import json
import logging
import time
from collections import defaultdict
from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.db.models import CharField, F, Q, Value
from django.db.models.functions import Cast, Coalesce, NullIf
from django.utils import timezone

from intake.records import INPUT_FIELDS
from invitations.models import Evaluation, Invitation, Status
from organisations.models import Organisation
from policy.engine import (
    Facts,
    evaluate,
    normalise_company,
    normalise_name,
    normalise_profile_url,
)
from policy.engine.messages import Message, Written, from_data
from policy.services import (
    compiled_version,
    org_context,
    policy_current_version,
    roster_matches,
)

logger = logging.getLogger(__name__)

# What the engine reads from an invitation row.
FACT_FIELDS = (
    "id",
    "organisation_id",
    *INPUT_FIELDS,
    "email_findings",
    "requester_key",
    "created_at",
)


def risk_of(scores: dict[str, float]) -> float:
    """Return one number to sort the queue by: spam counts most, then unknown, then lazy."""
    return round(
        3 * scores.get("spam", 0) + 2 * scores.get("unknown", 0) + scores.get("not_personal", 0),
        4,
    )


def hits_for_storage(result) -> list[dict]:
    """Return the rule hits as stored on an Evaluation: the ones that set the recommendation
    first, marked `deciding`, each with its explanation as message data (translated when
    read) and as English text (for exports and older readers)."""
    return [
        {
            "rule": hit.rule,
            "reason": hit.reason,
            "weight": hit.weight,
            "en": hit.explanation_en,
            "message": hit.message.to_data(),
            "deciding": i < result.deciding,
        }
        for i, hit in enumerate(result.hits)
    ]


def stored_hit_message(hit: dict) -> Message:
    """Return the explanation of a stored rule hit as a Message to translate when shown.

    Hits stored before explanations were messages hold an English and a German text
    ({"en", "de"}); other languages get the English one."""
    if "message" in hit:
        return from_data(hit["message"])
    english = hit.get("en") or ""
    return Written({"en": english, "de": hit.get("de") or ""}, Message(english))


def reasons_of(result) -> list[str]:
    """Return the reasons of the hits that set the recommendation (in their order), then the
    other reasons with a positive score, strongest first."""
    deciding = list(dict.fromkeys(hit.reason for hit in result.hits[: result.deciding]))
    scored = [
        (score, reason)
        for reason, score in result.scores.items()
        if score > 0 and reason not in deciding
    ]
    return deciding + [reason for _score, reason in sorted(scored, reverse=True)]


def _commit_without_waiting(cursor) -> None:
    """Let this transaction's commit return before its WAL reaches the disk.

    Claims and evaluations can be derived again: if the database server crashes in
    the fraction of a second before the flush, the invitations are found received
    or evaluating afterwards and the sweeper queues them again. A submission or a
    decision is never committed this way.
    """
    cursor.execute("SET LOCAL synchronous_commit = off")


def invitations_claim(*, invitation_ids: list[int], claim: str) -> list[dict]:
    """Mark the given invitations as being evaluated under `claim`; return the rows now held.

    Only invitations still `received`, or already held by the same claim (a task
    redelivered after its worker died), are taken; anything else is left alone. A
    concurrent claimer waits for the row lock, then sees the new status and skips it.
    """
    now = timezone.now()
    if connection.vendor == "postgresql":
        columns = ", ".join(FACT_FIELDS)
        with transaction.atomic(), connection.cursor() as cursor:
            _commit_without_waiting(cursor)
            cursor.execute(
                "UPDATE invitations_invitation SET status = 'evaluating', claim = %s, "  # noqa: S608
                "claimed_at = %s, attempts = attempts + (status = 'received')::int "
                "WHERE id = ANY(%s) AND (status = 'received' OR "
                f"(status = 'evaluating' AND claim = %s)) RETURNING {columns}",
                [claim, now, list(invitation_ids), claim],
            )
            rows = [dict(zip(FACT_FIELDS, row, strict=True)) for row in cursor.fetchall()]
        # Django's psycopg setup hands jsonb back as text, for JSONField to decode.
        for row in rows:
            for key in ("attachments", "email_findings"):
                if isinstance(row[key], str):
                    row[key] = json.loads(row[key])
        return rows
    with transaction.atomic():
        rows = Invitation.objects.filter(pk__in=invitation_ids).filter(
            Q(status=Status.RECEIVED) | Q(status=Status.EVALUATING, claim=claim)
        )
        ids = list(rows.select_for_update().values_list("pk", flat=True))
        Invitation.objects.filter(pk__in=ids, status=Status.RECEIVED).update(
            attempts=F("attempts") + 1
        )
        Invitation.objects.filter(pk__in=ids).update(
            status=Status.EVALUATING, claim=claim, claimed_at=now
        )
        return list(Invitation.objects.filter(pk__in=ids).values(*FACT_FIELDS))


def _reference_time(row: dict):
    """Return when the invitation arrived: its received_at, else when it was submitted."""
    return row.get("received_at") or row.get("created_at") or timezone.now()


def _mass_invite_counts(*, org_id: int, rows: list[dict], window_days: int) -> dict:
    """Return {(requester key, reference time): how many different colleagues that requester
    invited in the `window_days` before that time}, counting back from each invitation's own
    arrival (received_at, else submission), not from now. One query for all `rows`."""
    pairs = sorted({(row["requester_key"], _reference_time(row)) for row in rows})
    if not pairs:
        return {}
    window = timedelta(days=window_days)
    if connection.vendor == "postgresql":
        # Arrays instead of thousands of placeholders: psycopg's client-side binding parses
        # every placeholder of a query in Python. Joined as a set of rows, the keys are
        # planned as one index probe each.
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT k.key, k.ref, COUNT(DISTINCT COALESCE(NULLIF(i.recipient, ''), "
                "i.submitter_id::text)) "
                "FROM unnest(%s::text[], %s::timestamptz[]) AS k(key, ref) "
                "JOIN invitations_invitation AS i "
                "ON i.organisation_id = %s AND i.requester_key = k.key "
                "WHERE COALESCE(i.received_at, i.created_at) BETWEEN k.ref - %s AND k.ref "
                "GROUP BY k.key, k.ref",
                [[p[0] for p in pairs], [p[1] for p in pairs], org_id, window],
            )
            return {(key, ref): n for key, ref, n in cursor.fetchall()}
    earliest = min(ref for _key, ref in pairs) - window
    colleague = Coalesce(
        NullIf("recipient", Value("")),
        Cast("submitter_id", output_field=CharField()),
    )
    found = (
        Invitation.objects.filter(
            organisation_id=org_id, requester_key__in={key for key, _ref in pairs}
        )
        .filter(
            Q(received_at__gte=earliest) | Q(received_at__isnull=True, created_at__gte=earliest)
        )
        .annotate(colleague=colleague)
        .values_list("requester_key", "received_at", "created_at", "colleague")
    )
    by_key: dict[str, list] = defaultdict(list)
    for key, received_at, created_at, who in found:
        by_key[key].append((received_at or created_at, who))
    return {
        (key, ref): len({who for at, who in by_key[key] if ref - window <= at <= ref})
        for key, ref in pairs
    }


def _same_requester(row: dict, earlier: dict) -> bool:
    """Return whether `earlier` (an invitation with the same requester key) came from the same
    person as `row`: by profile URL when both have one, else by name and company."""
    url = normalise_profile_url(row["requester_profile_url"])
    earlier_url = normalise_profile_url(earlier["requester_profile_url"])
    if url and earlier_url:
        return url == earlier_url
    same_name = normalise_name(row["requester_name"]) == normalise_name(earlier["requester_name"])
    return same_name and normalise_company(row["requester_company"]) == normalise_company(
        earlier["requester_company"]
    )


_MEMORY = {"report_spam": "reported_spam_on", "accept": "accepted_before_on"}


def _memory(*, org_id: int, rows: list[dict], windows: dict[str, int]) -> dict[int, dict]:
    """Return {invitation id: {"reported_spam_on": date, "accepted_before_on": date}}: the day
    of the latest earlier decision of each kind about the same requester in the organisation,
    within `windows` ({decision: days}) before the invitation was submitted. Invitations with
    no such decision are missing. One query for all `rows`."""
    if not windows or not rows:
        return {}
    refs = {row["id"]: row.get("created_at") or timezone.now() for row in rows}
    since = min(refs.values()) - timedelta(days=max(windows.values()))
    keys = sorted({row["requester_key"] for row in rows})
    columns = (
        "id",
        "requester_key",
        "requester_name",
        "requester_company",
        "requester_profile_url",
        "decision",
        "decided_at",
    )
    if connection.vendor == "postgresql":
        # An array, not thousands of placeholders (see _mass_invite_counts).
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {', '.join('i.' + c for c in columns)} "  # noqa: S608 - constants
                "FROM unnest(%s::text[]) AS k(key) JOIN invitations_invitation AS i "
                "ON i.organisation_id = %s AND i.requester_key = k.key "
                "WHERE i.decision = ANY(%s) AND i.decided_at >= %s ORDER BY i.decided_at",
                [keys, org_id, list(windows), since],
            )
            earlier = [dict(zip(columns, found, strict=True)) for found in cursor.fetchall()]
    else:
        earlier = (
            Invitation.objects.filter(
                organisation_id=org_id,
                requester_key__in=keys,
                decision__in=list(windows),
                decided_at__gte=since,
            )
            .values(*columns)
            .order_by("decided_at")
        )
    by_key: dict[str, list[dict]] = defaultdict(list)
    for item in earlier:
        by_key[item["requester_key"]].append(item)
    out: dict[int, dict] = {}
    for row in rows:
        ref = refs[row["id"]]
        for item in by_key.get(row["requester_key"], ()):
            days = windows[item["decision"]]
            if (
                item["id"] != row["id"]
                and ref - timedelta(days=days) <= item["decided_at"] <= ref
                and _same_requester(row, item)
            ):
                day = timezone.localtime(item["decided_at"]).date()
                out.setdefault(row["id"], {})[_MEMORY[item["decision"]]] = day
    return out


def _memory_windows(policy) -> dict[str, int]:
    """Return {decision: window in days} for the memory rules `policy` has enabled."""
    windows = {}
    if policy.weights.get("reported_as_spam_before") is not None:
        windows["report_spam"] = policy.params["reported_as_spam_before"]["window_days"]
    if policy.weights.get("accepted_before") is not None:
        windows["accept"] = policy.params["accepted_before"]["window_days"]
    return windows


def evaluate_rows(*, org: Organisation, rows: list[dict], policy) -> list:
    """Return [(invitation_id, result, seconds)] for `rows` (dicts of FACT_FIELDS) of `org`.

    The organisation's signals are looked up once for all rows: roster matches,
    colleagues connected, how many colleagues each requester invited in the policy's
    mass-inviter window before the invitation arrived, and the organisation's earlier
    decisions about the same requester. Used by the pipeline and by simulation alike.
    """
    matches = roster_matches(
        org=org,
        name_keys={normalise_name(r["requester_name"]) for r in rows},
        profile_keys={normalise_profile_url(r["requester_profile_url"]) for r in rows},
    )
    context = org_context(org=org, matches=matches)
    counts = _mass_invite_counts(
        org_id=org.pk, rows=rows, window_days=policy.params["mass_inviter"]["window_days"]
    )
    memory = _memory(org_id=org.pk, rows=rows, windows=_memory_windows(policy))
    out = []
    for row in rows:
        row["recent_invites_to_colleagues"] = counts.get(
            (row["requester_key"], _reference_time(row))
        )
        row.update(memory.get(row["id"], {}))
        started = time.perf_counter()
        try:
            facts = Facts.from_mapping(row, context)
        except ValueError:
            # Stored rows were validated at intake; if one still cannot be read,
            # evaluate what can be trusted rather than leave it stuck forever.
            logger.exception("invitation %s has unreadable facts", row["id"])
            facts = Facts.from_mapping(
                {"requester_name": row["requester_name"], "message": row["message"]}, context
            )
        result = evaluate(facts, policy)
        out.append((row["id"], result, time.perf_counter() - started))
    return out


def _evaluate_org_rows(org: Organisation, rows: list[dict]) -> tuple[object, list[tuple]]:
    """Return (version, [(invitation_id, result, seconds)]) under `org`'s current version."""
    version = policy_current_version(org=org)
    results = evaluate_rows(org=org, rows=rows, policy=compiled_version(version))
    return version, results


def _store_postgresql(version, results, claim: str, now) -> int:
    """COPY the results into a staging table, then insert and update in two statements.

    COPY goes through psycopg's C writer, where binding arrays of thousands of JSON
    strings as query parameters would be quoted in Python, row by row.
    """
    with connection.cursor() as cursor:
        _commit_without_waiting(cursor)
        cursor.execute(
            "CREATE TEMP TABLE IF NOT EXISTS evaluation_stage (inv bigint, rec text, "
            "scores jsonb, hits jsonb, ms float8, risk float8, reasons jsonb) ON COMMIT DROP"
        )
        with cursor.connection.cursor().copy("COPY evaluation_stage FROM STDIN") as copy:
            for invitation_id, result, seconds in results:
                copy.write_row(
                    (
                        invitation_id,
                        result.recommendation,
                        json.dumps(result.scores),
                        json.dumps(hits_for_storage(result), ensure_ascii=False),
                        seconds * 1000,
                        risk_of(result.scores),
                        json.dumps(reasons_of(result)),
                    )
                )
        cursor.execute(
            """
            INSERT INTO invitations_evaluation
                (invitation_id, policy_version_id, recommendation, scores, hits, created_at,
                 duration_ms)
            SELECT inv, %s, rec, scores, hits, %s, ms FROM evaluation_stage
            ON CONFLICT (invitation_id, policy_version_id) DO NOTHING
            """,
            [version.pk, now],
        )
        cursor.execute(
            """
            UPDATE invitations_invitation AS i
            SET status = 'evaluated', claim = '', evaluated_at = %s, evaluation_id = e.id,
                recommendation = e.recommendation, risk = v.risk, reasons = v.reasons
            FROM evaluation_stage AS v, invitations_evaluation AS e
            WHERE i.id = v.inv AND e.invitation_id = v.inv AND e.policy_version_id = %s
              AND i.status = 'evaluating' AND i.claim = %s
            """,
            [now, version.pk, claim],
        )
        stored = cursor.rowcount
        cursor.execute("DROP TABLE evaluation_stage")
        return stored


def _store_portable(version, results, claim: str, now) -> int:
    stored = 0
    for invitation_id, result, seconds in results:
        evaluation, _created = Evaluation.objects.get_or_create(
            invitation_id=invitation_id,
            policy_version=version,
            defaults={
                "recommendation": result.recommendation,
                "scores": result.scores,
                "hits": hits_for_storage(result),
                "duration_ms": seconds * 1000,
            },
        )
        stored += Invitation.objects.filter(
            pk=invitation_id, status=Status.EVALUATING, claim=claim
        ).update(
            status=Status.EVALUATED,
            claim="",
            evaluated_at=now,
            evaluation=evaluation,
            recommendation=evaluation.recommendation,
            risk=risk_of(evaluation.scores),
            reasons=reasons_of(result),
        )
    return stored


def invitations_evaluate(*, invitation_ids: list[int], claim: str) -> int:
    """Evaluate the given invitations that this claim can take; return how many were stored.

    Running it again with the same ids changes nothing: evaluated invitations are
    not claimed, and at most one Evaluation exists per invitation and policy version.
    """
    rows = invitations_claim(invitation_ids=invitation_ids, claim=claim)
    if not rows:
        return 0
    by_org: dict[int, list[dict]] = defaultdict(list)
    for row in rows:
        by_org[row["organisation_id"]].append(row)
    store = _store_postgresql if connection.vendor == "postgresql" else _store_portable
    stored = 0
    for org in Organisation.objects.filter(pk__in=by_org):
        version, results = _evaluate_org_rows(org, by_org[org.pk])
        with transaction.atomic():
            stored += store(version, results, claim, timezone.now())
    return stored


def invitations_sweep(
    *,
    stuck_after_seconds: int | None = None,
    queued_after_seconds: int | None = None,
    limit: int = 50_000,
) -> int:
    """Re-queue invitations whose evaluation was lost or stalled; return how many were queued.

    - A claim older than VOUCH_STUCK_AFTER_SECONDS (longer than the task time limit)
      belonged to a worker that died or hung: it is released, or, once the invitation
      was claimed VOUCH_EVALUATION_MAX_ATTEMPTS times, the invitation is marked failed.
    - Received invitations are queued again after the same time, or already after
      VOUCH_QUEUED_STUCK_AFTER_SECONDS when the broker's queue is empty: then no
      message can still carry them (Redis was wiped, or publishing failed).
    """
    from invitations.services import _enqueue

    now = timezone.now()
    claimed_cutoff = now - timedelta(
        seconds=settings.VOUCH_STUCK_AFTER_SECONDS
        if stuck_after_seconds is None
        else stuck_after_seconds
    )
    queued_seconds = (
        settings.VOUCH_QUEUED_STUCK_AFTER_SECONDS
        if queued_after_seconds is None
        else queued_after_seconds
    )
    queued_cutoff = claimed_cutoff
    if queued_seconds < (now - claimed_cutoff).total_seconds() and broker_queue_empty():
        queued_cutoff = now - timedelta(seconds=queued_seconds)
    with transaction.atomic():
        stuck = Invitation.objects.stuck(claimed_before=claimed_cutoff, queued_before=queued_cutoff)
        rows = list(
            stuck.select_for_update(skip_locked=True)
            .order_by("pk")
            .values_list("pk", "attempts")[:limit]
        )
        spent = [pk for pk, attempts in rows if attempts >= settings.VOUCH_EVALUATION_MAX_ATTEMPTS]
        if spent:
            logger.error("%d invitation(s) failed evaluation too often: %s", len(spent), spent[:20])
            Invitation.objects.filter(pk__in=spent).update(
                status=Status.FAILED, claim="", claimed_at=None
            )
        ids = [pk for pk, attempts in rows if attempts < settings.VOUCH_EVALUATION_MAX_ATTEMPTS]
        Invitation.objects.filter(pk__in=ids).update(
            status=Status.RECEIVED, claim="", claimed_at=None, enqueued_at=now
        )
        _enqueue(ids)
    return len(ids)


def broker_queue_empty() -> bool:
    """Return True if the evaluation queue holds no message (False if unsure)."""
    from config.celery import app

    if app.conf.task_always_eager:
        return True
    try:
        with app.connection_for_read() as conn:
            declared = conn.default_channel.queue_declare(
                queue=settings.CELERY_TASK_DEFAULT_QUEUE, passive=True
            )
            return declared.message_count == 0
    except Exception as exc:
        # Redis answers a passive declare of a queue it holds no list for with NOT_FOUND.
        return "NOT_FOUND" in str(exc) or "no queue" in str(exc).lower()
