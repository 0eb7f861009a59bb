"""Evaluating one invitation's facts against a compiled policy.

The rules are small functions compiled once per policy version (policy/engine/rules.py); this
module runs them, lets spam signals count as the article says (weak ones only together and
only for strangers; for a requester someone knows, only an imitation e-mail, the blocklist and
the organisation's own spam reports), applies manager-defined rules within a time budget,
decides, and puts the hits that set the recommendation first."""

from __future__ import annotations

import time
from typing import Any

from .catalogue import ACCEPT, DONT_KNOW, IGNORE, NOT_PERSONAL, REPORT_SPAM, SPAM, UNKNOWN
from .compile import CompiledPolicy, compile_policy
from .facts import Facts
from .messages import Clause, Message, gettext_noop
from .normalise import fold
from .result import Result, RuleHit
from .rules import FIELD_LABELS, Case, quoted, safe

# Manager-defined patterns may not take more than this per invitation, so one organisation's
# rules cannot slow the evaluation of every other organisation sharing the workers.
CUSTOM_RULES_BUDGET_SECONDS = 0.05

__all__ = ["CUSTOM_RULES_BUDGET_SECONDS", "evaluate", "safe"]

_CUSTOM_MATCH = gettext_noop("%(explanation)s (%(match)s %(field)s).").template


def _count_spam(hits: list[RuleHit], spam: list[int], case: Case, cp: CompiledPolicy) -> None:
    """Set to zero the weight of spam hits (at indexes `spam`) that do not count, in place.

    Weak signals count only when enough fire together, and (by default) only for a stranger.
    For a requester someone vouches for, no other spam signal counts except those the
    catalogue marks `counts_for_known`; their explanation says why."""
    weak_rules = cp.weak_spam_rules
    weak = [i for i in spam if hits[i].rule in weak_rules]
    if weak and (
        len(weak) < cp.min_weak_spam_signals or (case.known and cp.weak_spam_only_if_unknown)
    ):
        for i in weak:
            hits[i] = hits[i]._replace(weight=0.0)
    if not case.vouched:
        return
    keep = cp.counts_for_known
    for i in spam:
        hit = hits[i]
        if hit.weight and hit.rule not in keep:
            hits[i] = hit._replace(
                weight=0.0,
                message=gettext_noop(
                    "%(explanation)s (not counted: someone knows %(who)s).",
                    explanation=Clause(hit.message),
                    who=case.who,
                ),
            )


def _custom_hits(case: Case, cp: CompiledPolicy) -> list[RuleHit]:
    """Return the hits of the policy's custom rules; rules left when the time budget is spent
    become zero-weight hits that say they were not checked."""
    facts = case.facts
    hits: list[RuleHit] = []
    deadline = time.perf_counter() + CUSTOM_RULES_BUDGET_SECONDS
    budget_ms = round(CUSTOM_RULES_BUDGET_SECONDS * 1000)
    for n, rule in enumerate(cp.custom_rules):
        if n and time.perf_counter() > deadline:
            for skipped in cp.custom_rules[n:]:
                hits.append(
                    RuleHit(
                        skipped.id,
                        skipped.reason,
                        0.0,
                        gettext_noop(
                            "Custom rule %(rule)s was not checked: the policy's custom rules "
                            "used up their time budget of %(budget)s ms for this invitation.",
                            rule=skipped.id,
                            budget=budget_ms,
                        ),
                    )
                )
            break
        for field in rule.fields:
            text = getattr(facts, field)
            if not text:
                continue
            if rule.kind == "keyword":
                text = case.folded if field == "message" else fold(text)
            match = rule.matcher.find(text)
            if match is None:
                continue
            hits.append(
                RuleHit(
                    rule.id,
                    rule.reason,
                    rule.weight,
                    Message(
                        _CUSTOM_MATCH,
                        {
                            "explanation": Clause(rule.explanation),
                            "match": quoted(safe(match, 40)),
                            "field": FIELD_LABELS[field],
                        },
                    ),
                )
            )
            break
    return hits


def _order(hits: list[RuleHit], recommendation: str, capped: bool) -> tuple[list[RuleHit], int]:
    """Return (`hits` with the ones that set `recommendation` first, how many those are)."""
    if recommendation == REPORT_SPAM:
        first = [h for h in hits if h.reason == SPAM and h.weight > 0]
    elif recommendation == DONT_KNOW:
        first = [h for h in hits if h.reason == UNKNOWN and h.weight > 0]
        if not first:
            # A stranger held back from accept: not knowing them is the reason.
            first = [h for h in hits if h.rule == "no_one_knows_requester"]
    elif capped:
        first = [h for h in hits if h.rule == "no_face_no_connection" or h.rule == "no_photo"]
    elif recommendation == IGNORE:
        first = [h for h in hits if h.reason == NOT_PERSONAL and h.weight > 0]
    else:
        first = [h for h in hits if h.weight < 0]
    if not first or len(first) == len(hits):
        return hits, len(first)
    return first + [h for h in hits if h not in first], len(first)


def evaluate(facts: Facts, policy: CompiledPolicy | dict[str, Any] | None = None) -> Result:
    """Return the Result of judging `facts` by `policy` (a CompiledPolicy, policy data, or None
    for the default policy), its hits ordered with the ones that set the recommendation first.
    Pure apart from the clock that bounds custom rules. Raises PolicyInvalid only when
    `policy` is invalid data."""
    cp = policy if isinstance(policy, CompiledPolicy) else compile_policy(policy)
    case = Case(facts, cp.lists)
    hits: list[RuleHit] = []
    spam: list[int] = []
    for rule in cp.rules:
        hit = rule(case)
        if hit is not None:
            if hit.reason == SPAM:
                spam.append(len(hits))
            hits.append(hit)
    if spam:
        _count_spam(hits, spam, case, cp)
    if cp.custom_rules:
        hits.extend(_custom_hits(case, cp))

    scores = {UNKNOWN: 0.0, NOT_PERSONAL: 0.0, SPAM: 0.0}
    for hit in hits:
        scores[hit.reason] += hit.weight
    for key, value in scores.items():
        scores[key] = round(value, 6)
    thresholds = cp.thresholds
    if scores[SPAM] >= thresholds[SPAM]:
        recommendation = REPORT_SPAM
    elif scores[UNKNOWN] >= thresholds[UNKNOWN]:
        recommendation = DONT_KNOW
    elif scores[NOT_PERSONAL] >= thresholds[NOT_PERSONAL]:
        recommendation = IGNORE
    else:
        recommendation = ACCEPT
    capped = False
    if recommendation == ACCEPT and not case.known and cp.weights["no_one_knows_requester"]:
        # Strangers are never accepted (article: "I no longer accept requests from complete
        # strangers"), whatever the weights add up to.
        recommendation = DONT_KNOW
    elif (
        recommendation == ACCEPT
        and facts.requester_has_photo is False
        and cp.weights["no_face_no_connection"] is not None
    ):
        recommendation = IGNORE
        capped = True
        hits.append(
            RuleHit(
                "no_face_no_connection",
                SPAM,
                0.0,
                gettext_noop(
                    "No face, no connection: %(who)s has no profile photo, so ignore rather "
                    "than accept.",
                    who=case.who,
                ),
            )
        )
    ordered, deciding = _order(hits, recommendation, capped)
    return Result(recommendation, scores, tuple(ordered), thresholds, deciding)
