"""Compiling policy data into matchers and lookups that `evaluate` uses without further work."""

from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from .catalogue import CUSTOM_RULE_FIELDS, RULES, SPAM
from .defaults import default_policy
from .matcher import compile_literals, compile_re2
from .messages import Written, gettext_noop
from .normalise import fold
from .notes import NoteReader
from .rules import Lists, Rule, build_rules
from .texts import languages
from .validate import ALWAYS_EXPLAINED, PolicyInvalid, validate_policy

_CACHE_SIZE = 64


@dataclass(frozen=True, slots=True)
class CustomRule:
    """A compiled manager-defined rule; `explanation` is what the manager wrote per language,
    else a sentence saying the rule matched."""

    id: str
    reason: str
    kind: str
    weight: float
    fields: tuple[str, ...]
    matcher: Any
    explanation: Written


@dataclass(frozen=True, slots=True, eq=False)
class CompiledPolicy:
    """Policy data turned into ready-to-use lookups.

    `weights[rule_id]` is the rule's weight, or None when the rule is disabled; `params` holds
    each rule's parameters with defaults filled in; `rules` are the enabled built-in rules'
    functions in running order; `data` is the complete policy data (every rule and list
    present) and `digest` the SHA-256 of its canonical JSON."""

    data: dict[str, Any]
    digest: str
    thresholds: dict[str, float]
    min_weak_spam_signals: int
    weak_spam_only_if_unknown: bool
    weights: dict[str, float | None]
    params: dict[str, dict[str, Any]]
    weak_spam_rules: frozenset[str]
    counts_for_known: frozenset[str]
    lists: Lists
    rules: tuple[Rule, ...]
    custom_rules: tuple[CustomRule, ...]


def canonical_json(data: Any) -> str:
    """Return `data` as canonical JSON (sorted keys, no insignificant whitespace)."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def complete_policy(data: dict[str, Any]) -> dict[str, Any]:
    """Return a copy of valid policy `data` with every missing rule, param, threshold, list
    and combine setting filled in from the defaults."""
    base = default_policy()
    data = json.loads(json.dumps(data))
    out: dict[str, Any] = {
        "schema": base["schema"],
        "thresholds": {**base["thresholds"], **data.get("thresholds", {})},
        "combine": {**base["combine"], **data.get("combine", {})},
        "rules": {},
        "lists": {**base["lists"], **data.get("lists", {})},
        "custom_rules": [],
    }
    given_rules = data.get("rules", {})
    for rule_id, default in base["rules"].items():
        given = given_rules.get(rule_id, {})
        out["rules"][rule_id] = {
            "enabled": given.get("enabled", default["enabled"]),
            "weight": given.get("weight", default["weight"]),
            "params": {**default["params"], **given.get("params", {})},
        }
    for rule in data.get("custom_rules", []):
        out["custom_rules"].append(
            {
                "enabled": True,
                **{f"explanation_{lang}": "" for lang in ALWAYS_EXPLAINED},
                **rule,
            }
        )
    return out


def _compile_custom(rule: dict[str, Any]) -> CustomRule:
    pattern = rule["pattern"]
    if rule["kind"] == "keyword":
        matcher = compile_literals([fold(pattern)])
    else:
        matcher = compile_re2(pattern)
    return CustomRule(
        id=rule["id"],
        reason=rule["reason"],
        kind=rule["kind"],
        weight=float(rule["weight"]),
        fields=tuple(f for f in CUSTOM_RULE_FIELDS if f in rule["fields"]),
        matcher=matcher,
        explanation=Written(
            {lang: rule.get(f"explanation_{lang}", "").strip() for lang in languages()},
            gettext_noop("Custom rule %(rule)s matched", rule=rule["id"]),
        ),
    )


def _build(data: dict[str, Any], digest: str) -> CompiledPolicy:
    lists_data = data["lists"]
    default_langs: dict[str, str] = {}
    for item in lists_data["default_texts"]:
        default_langs.setdefault(item["text"], item["lang"])
    # Phrases managers add to the note reader's own understanding.
    extra_advertising = [
        fold(p) for key, items in lists_data.items() if key.startswith("promo_") for p in items
    ]
    lists = Lists(
        reader=NoteReader(default_texts=list(default_langs), greetings=lists_data["greetings"]),
        extra_advertising=compile_literals(extra_advertising),
        extra_context=compile_literals(fold(w) for w in lists_data["context_words"]),
        url_shorteners=frozenset(
            h.strip().lower().removeprefix("www.") for h in lists_data["url_shorteners"]
        ),
        blocklist=compile_literals(fold(b) for b in lists_data["blocklist"] if len(b.strip()) >= 2),
    )
    rules = data["rules"]
    weights = {
        rule_id: (float(s["weight"]) if s["enabled"] else None) for rule_id, s in rules.items()
    }
    params = {rule_id: dict(s["params"]) for rule_id, s in rules.items()}
    return CompiledPolicy(
        data=data,
        digest=digest,
        thresholds={k: float(v) for k, v in data["thresholds"].items()},
        min_weak_spam_signals=data["combine"]["min_weak_spam_signals"],
        weak_spam_only_if_unknown=data["combine"]["weak_spam_only_if_unknown"],
        weights=weights,
        params=params,
        weak_spam_rules=frozenset(r.id for r in RULES if r.reason == SPAM and r.strength == "weak"),
        counts_for_known=frozenset(r.id for r in RULES if r.counts_for_known),
        lists=lists,
        rules=build_rules(weights, params, lists, default_langs),
        custom_rules=tuple(
            _compile_custom(rule) for rule in data["custom_rules"] if rule["enabled"]
        ),
    )


_cache: OrderedDict[str, CompiledPolicy] = OrderedDict()
# Keyed by the caller's data as given, so a repeated call skips validation and completion.
_raw_cache: OrderedDict[str, CompiledPolicy] = OrderedDict()
_cache_lock = threading.Lock()


def compile_policy(data: dict[str, Any] | None = None) -> CompiledPolicy:
    """Return the CompiledPolicy for policy `data` (the default policy when None).

    Results are memoised by the SHA-256 of the completed data's canonical JSON, so compiling the
    same policy again is cheap. Raises PolicyInvalid listing every error when `data` is invalid."""
    if data is None:
        data = default_policy()
    try:
        raw_key = canonical_json(data)
    except (TypeError, ValueError):
        raw_key = None
    if raw_key is not None:
        with _cache_lock:
            cached = _raw_cache.get(raw_key)
        if cached is not None:
            return cached
    errors = validate_policy(data)
    if errors:
        raise PolicyInvalid(errors)
    complete = complete_policy(data)
    digest = hashlib.sha256(canonical_json(complete).encode()).hexdigest()
    with _cache_lock:
        cached = _cache.get(digest)
        if cached is not None:
            _cache.move_to_end(digest)
            return cached
    compiled = _build(complete, digest)
    with _cache_lock:
        _cache[digest] = compiled
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
        if raw_key is not None:
            _raw_cache[raw_key] = compiled
            while len(_raw_cache) > _CACHE_SIZE:
                _raw_cache.popitem(last=False)
    return compiled
