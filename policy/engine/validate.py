"""Validating policy data before it is compiled, saved or published."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

import re2

from .catalogue import (
    COMBINE_PARAMS,
    CUSTOM_RULE_FIELDS,
    CUSTOM_RULE_KINDS,
    LIST_KEYS,
    REASONS,
    RULES_BY_ID,
    THRESHOLD_BOUNDS,
    WEIGHT_BOUNDS,
    ParamSpec,
)
from .defaults import SCHEMA_VERSION
from .matcher import compile_re2
from .messages import gettext_noop as _
from .texts import languages

_PROMO_KEY_RE = re.compile(r"^promo_[a-z]{2}$")
_LANG_RE = re.compile(r"^[a-z]{2}$")
_CUSTOM_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
_TOP_KEYS = frozenset({"schema", "thresholds", "combine", "rules", "lists", "custom_rules"})
MAX_PATTERN_LENGTH = 1000
MAX_LIST_ITEM_LENGTH = 500
MAX_LIST_LENGTH = 5000
# One organisation's policy must not slow the workers every organisation shares: custom
# rules and the patterns built from lists are capped (issue 13, item 4), and evaluation gives
# custom rules a time budget per invitation (evaluate.CUSTOM_RULES_BUDGET_SECONDS).
MAX_CUSTOM_RULES = 50
MAX_TOTAL_PATTERN_LENGTH = 10_000
MAX_TOTAL_LIST_CHARS = 250_000


# Languages whose explanation key every completed custom rule has, filled or not.
ALWAYS_EXPLAINED = ("en", "de")


def explanation_keys() -> tuple[str, ...]:
    """Return the custom-rule keys a manager may write an explanation in: one per language
    that has a catalogue ("explanation_en", "explanation_de", …)."""
    return tuple(f"explanation_{lang}" for lang in languages())


@dataclass(frozen=True, slots=True)
class PolicyError:
    """One problem in policy data: `path` points at the value ("rules.short_note.weight")."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class PolicyInvalid(ValueError):
    """Raised by compile_policy when the data has errors; `.errors` lists them all."""

    def __init__(self, errors: list[PolicyError]) -> None:
        self.errors = errors
        super().__init__("invalid policy: " + "; ".join(str(e) for e in errors))


def _is_number(value: Any) -> bool:
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and math.isfinite(float(value))
    )


def _check_param(spec: ParamSpec, value: Any, path: str, errors: list[PolicyError]) -> None:
    if spec.type == "bool":
        if not isinstance(value, bool):
            errors.append(
                PolicyError(path, _("must be true or false, got %(value)s", value=repr(value)))
            )
        return
    if spec.type == "int" and not (isinstance(value, int) and not isinstance(value, bool)):
        errors.append(
            PolicyError(path, _("must be a whole number, got %(value)s", value=repr(value)))
        )
        return
    if spec.type == "float" and not _is_number(value):
        errors.append(PolicyError(path, _("must be a number, got %(value)s", value=repr(value))))
        return
    if spec.min is not None and value < spec.min:
        errors.append(
            PolicyError(
                path,
                _(
                    "must be at least %(min)s, got %(value)s",
                    min=format(spec.min, "g"),
                    value=repr(value),
                ),
            )
        )
    if spec.max is not None and value > spec.max:
        errors.append(
            PolicyError(
                path,
                _(
                    "must be at most %(max)s, got %(value)s",
                    max=format(spec.max, "g"),
                    value=repr(value),
                ),
            )
        )


def _check_weight(value: Any, path: str, errors: list[PolicyError]) -> None:
    low, high = WEIGHT_BOUNDS
    if not _is_number(value):
        errors.append(PolicyError(path, _("must be a number, got %(value)s", value=repr(value))))
    elif not low <= value <= high:
        errors.append(_out_of_range(path, low, high, value))


def _out_of_range(path: str, low: float, high: float, value: Any) -> PolicyError:
    """Return the error for a number outside [low, high]."""
    return PolicyError(
        path,
        _(
            "must be between %(low)s and %(high)s, got %(value)s",
            low=format(low, "g"),
            high=format(high, "g"),
            value=repr(value),
        ),
    )


def _check_rules(rules: Any, errors: list[PolicyError]) -> None:
    if not isinstance(rules, dict):
        errors.append(PolicyError("rules", _("must be an object of rule id -> settings")))
        return
    for rule_id, settings in rules.items():
        path = f"rules.{rule_id}"
        spec = RULES_BY_ID.get(rule_id)
        if spec is None:
            errors.append(PolicyError(path, _("unknown rule %(rule)s", rule=repr(rule_id))))
            continue
        if not isinstance(settings, dict):
            errors.append(PolicyError(path, _("must be an object with enabled, weight, params")))
            continue
        for key in settings.keys() - {"enabled", "weight", "params"}:
            errors.append(PolicyError(f"{path}.{key}", _("unknown setting")))
        if "enabled" in settings and not isinstance(settings["enabled"], bool):
            errors.append(
                PolicyError(
                    f"{path}.enabled",
                    _("must be true or false, got %(value)s", value=repr(settings["enabled"])),
                )
            )
        if "weight" in settings:
            _check_weight(settings["weight"], f"{path}.weight", errors)
        params = settings.get("params", {})
        if not isinstance(params, dict):
            errors.append(PolicyError(f"{path}.params", _("must be an object")))
            continue
        specs = {p.name: p for p in spec.params}
        for name, value in params.items():
            param_spec = specs.get(name)
            if param_spec is None:
                errors.append(PolicyError(f"{path}.params.{name}", _("unknown parameter")))
            else:
                _check_param(param_spec, value, f"{path}.params.{name}", errors)


def _check_string_list(value: Any, path: str, errors: list[PolicyError]) -> None:
    if not isinstance(value, list):
        errors.append(PolicyError(path, _("must be a list of texts")))
        return
    if len(value) > MAX_LIST_LENGTH:
        errors.append(PolicyError(path, _("has more than %(n)s entries", n=MAX_LIST_LENGTH)))
    for i, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            errors.append(
                PolicyError(
                    f"{path}[{i}]", _("must be a non-empty text, got %(value)s", value=repr(item))
                )
            )
        elif len(item) > MAX_LIST_ITEM_LENGTH:
            errors.append(
                PolicyError(
                    f"{path}[{i}]", _("is longer than %(n)s characters", n=MAX_LIST_ITEM_LENGTH)
                )
            )


def _list_chars(lists: dict) -> int:
    """Return how many characters the entries of all `lists` hold together."""
    total = 0
    for value in lists.values():
        if not isinstance(value, list):
            continue
        for item in value:
            if isinstance(item, str):
                total += len(item)
            elif isinstance(item, dict) and isinstance(item.get("text"), str):
                total += len(item["text"])
    return total


def _check_lists(lists: Any, errors: list[PolicyError]) -> None:
    if not isinstance(lists, dict):
        errors.append(PolicyError("lists", _("must be an object of list name -> entries")))
        return
    total = _list_chars(lists)
    if total > MAX_TOTAL_LIST_CHARS:
        errors.append(
            PolicyError(
                "lists",
                _(
                    "entries have %(total)s characters together; at most %(max)s are allowed",
                    total=total,
                    max=MAX_TOTAL_LIST_CHARS,
                ),
            )
        )
    for key, value in lists.items():
        path = f"lists.{key}"
        if key == "default_texts":
            if not isinstance(value, list):
                errors.append(PolicyError(path, _("must be a list of {lang, text} objects")))
                continue
            for i, item in enumerate(value):
                item_path = f"{path}[{i}]"
                if not isinstance(item, dict) or item.keys() != {"lang", "text"}:
                    errors.append(PolicyError(item_path, _("must be an object with lang and text")))
                    continue
                if not isinstance(item["lang"], str) or not _LANG_RE.match(item["lang"]):
                    errors.append(
                        PolicyError(
                            f"{item_path}.lang",
                            _(
                                "must be a two-letter language code, got %(value)s",
                                value=repr(item["lang"]),
                            ),
                        )
                    )
                if not isinstance(item["text"], str) or not item["text"].strip():
                    errors.append(PolicyError(f"{item_path}.text", _("must be a non-empty text")))
        elif key in LIST_KEYS or _PROMO_KEY_RE.match(key):
            _check_string_list(value, path, errors)
        else:
            errors.append(PolicyError(path, _("unknown list %(key)s", key=repr(key))))


def _check_custom_rules(rules: Any, errors: list[PolicyError]) -> None:
    if not isinstance(rules, list):
        errors.append(PolicyError("custom_rules", _("must be a list")))
        return
    if len(rules) > MAX_CUSTOM_RULES:
        errors.append(
            PolicyError(
                "custom_rules",
                _(
                    "has %(count)s rules; a policy may have at most %(max)s",
                    count=len(rules),
                    max=MAX_CUSTOM_RULES,
                ),
            )
        )
    total = sum(
        len(rule["pattern"])
        for rule in rules
        if isinstance(rule, dict) and isinstance(rule.get("pattern"), str)
    )
    if total > MAX_TOTAL_PATTERN_LENGTH:
        errors.append(
            PolicyError(
                "custom_rules",
                _(
                    "patterns have %(total)s characters together; at most %(max)s are allowed",
                    total=total,
                    max=MAX_TOTAL_PATTERN_LENGTH,
                ),
            )
        )
    seen: set[str] = set()
    for i, rule in enumerate(rules):
        path = f"custom_rules[{i}]"
        if not isinstance(rule, dict):
            errors.append(PolicyError(path, _("must be an object")))
            continue
        allowed = {
            "id",
            "reason",
            "kind",
            "pattern",
            "fields",
            "weight",
            "enabled",
            *explanation_keys(),
        }
        for key in rule.keys() - allowed:
            errors.append(PolicyError(f"{path}.{key}", _("unknown setting")))
        rule_id = rule.get("id")
        if not isinstance(rule_id, str) or not _CUSTOM_ID_RE.match(rule_id):
            errors.append(
                PolicyError(
                    f"{path}.id",
                    _(
                        "must be 1-64 lower-case letters, digits, '_' or '-', got %(rule)s",
                        rule=repr(rule_id),
                    ),
                )
            )
        elif rule_id in RULES_BY_ID:
            errors.append(
                PolicyError(f"{path}.id", _("%(rule)s is a built-in rule id", rule=repr(rule_id)))
            )
        elif rule_id in seen:
            errors.append(PolicyError(f"{path}.id", _("duplicate id %(rule)s", rule=repr(rule_id))))
        else:
            seen.add(rule_id)
        if rule.get("reason") not in REASONS:
            errors.append(
                PolicyError(
                    f"{path}.reason",
                    _(
                        "must be one of %(choices)s, got %(value)s",
                        choices=", ".join(REASONS),
                        value=repr(rule.get("reason")),
                    ),
                )
            )
        kind = rule.get("kind")
        if kind not in CUSTOM_RULE_KINDS:
            errors.append(
                PolicyError(
                    f"{path}.kind", _("must be keyword or regex, got %(value)s", value=repr(kind))
                )
            )
        pattern = rule.get("pattern")
        if not isinstance(pattern, str) or not pattern.strip():
            errors.append(PolicyError(f"{path}.pattern", _("must be a non-empty text")))
        elif len(pattern) > MAX_PATTERN_LENGTH:
            errors.append(
                PolicyError(
                    f"{path}.pattern", _("is longer than %(n)s characters", n=MAX_PATTERN_LENGTH)
                )
            )
        elif kind == "regex":
            try:
                compiled = compile_re2(pattern)
            except re2.error as exc:
                errors.append(
                    PolicyError(
                        f"{path}.pattern",
                        _("invalid regular expression: %(error)s", error=str(exc)),
                    )
                )
            else:
                if compiled.find("") is not None:
                    errors.append(
                        PolicyError(
                            f"{path}.pattern", _("matches empty text, so it matches anything")
                        )
                    )
        fields = rule.get("fields")
        if not isinstance(fields, list) or not fields:
            errors.append(PolicyError(f"{path}.fields", _("must be a non-empty list of fields")))
        else:
            for j, name in enumerate(fields):
                if name not in CUSTOM_RULE_FIELDS:
                    errors.append(
                        PolicyError(
                            f"{path}.fields[{j}]",
                            _(
                                "must be one of %(choices)s, got %(value)s",
                                choices=", ".join(CUSTOM_RULE_FIELDS),
                                value=repr(name),
                            ),
                        )
                    )
        _check_weight(rule.get("weight"), f"{path}.weight", errors)
        if "enabled" in rule and not isinstance(rule["enabled"], bool):
            errors.append(PolicyError(f"{path}.enabled", _("must be true or false")))
        for key in explanation_keys():
            value = rule.get(key, "")
            if not isinstance(value, str) or len(value) > MAX_LIST_ITEM_LENGTH:
                errors.append(
                    PolicyError(
                        f"{path}.{key}",
                        _("must be a text of at most %(n)s chars", n=MAX_LIST_ITEM_LENGTH),
                    )
                )


def validate_policy(data: Any) -> list[PolicyError]:
    """Return every problem in policy `data` (empty list when it is valid).

    Rules, lists and combine settings that are missing take their defaults, so a partial
    policy is valid; unknown keys, rules, params and lists are errors."""
    errors: list[PolicyError] = []
    if not isinstance(data, dict):
        return [PolicyError("", _("policy must be an object"))]
    for key in data.keys() - _TOP_KEYS:
        errors.append(PolicyError(str(key), _("unknown top-level key")))
    schema = data.get("schema", SCHEMA_VERSION)
    if schema != SCHEMA_VERSION or isinstance(schema, bool):
        errors.append(
            PolicyError("schema", _("unsupported schema %(value)s, expected 1", value=repr(schema)))
        )
    thresholds = data.get("thresholds", {})
    if not isinstance(thresholds, dict):
        errors.append(PolicyError("thresholds", _("must be an object of reason -> number")))
    else:
        low, high = THRESHOLD_BOUNDS
        for key, value in thresholds.items():
            path = f"thresholds.{key}"
            if key not in REASONS:
                errors.append(PolicyError(path, _("unknown reason %(key)s", key=repr(key))))
            elif not _is_number(value):
                errors.append(
                    PolicyError(path, _("must be a number, got %(value)s", value=repr(value)))
                )
            elif not low <= value <= high:
                errors.append(_out_of_range(path, low, high, value))
    combine = data.get("combine", {})
    if not isinstance(combine, dict):
        errors.append(PolicyError("combine", _("must be an object")))
    else:
        specs = {p.name: p for p in COMBINE_PARAMS}
        for key, value in combine.items():
            spec = specs.get(key)
            if spec is None:
                errors.append(PolicyError(f"combine.{key}", _("unknown setting")))
            else:
                _check_param(spec, value, f"combine.{key}", errors)
    _check_rules(data.get("rules", {}), errors)
    _check_lists(data.get("lists", {}), errors)
    _check_custom_rules(data.get("custom_rules", []), errors)
    return errors
