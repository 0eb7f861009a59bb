"""Differences between two policies, for a "draft vs published" view."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .catalogue import RULES_BY_ID
from .compile import complete_policy
from .validate import validate_policy


@dataclass(frozen=True, slots=True)
class PolicyChange:
    """One change: `path` into the policy data, the old and new value (None when absent) and a
    sentence describing it in English and German."""

    path: str
    old: Any
    new: Any
    description_en: str
    description_de: str

    def description(self, lang: str = "en") -> str:
        """Return the description in `lang` ("de" for German; English otherwise)."""
        return self.description_de if lang == "de" else self.description_en

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        """Return {"path", "old", "new", "description"} with the description in `lang`."""
        return {
            "path": self.path,
            "old": self.old,
            "new": self.new,
            "description": self.description(lang),
        }


def _complete(data: Any) -> dict[str, Any]:
    if isinstance(data, dict) and not validate_policy(data):
        return complete_policy(data)
    return data if isinstance(data, dict) else {}


def _rule_title(rule_id: str) -> tuple[str, str]:
    spec = RULES_BY_ID.get(rule_id)
    return (spec.title_en, spec.title_de) if spec else (rule_id, rule_id)


def _item_label(item: Any) -> str:
    if isinstance(item, dict) and "text" in item:
        return f"{item.get('lang', '?')}: {item['text']}"
    return str(item)


def _diff_rules(old: dict, new: dict, out: list[PolicyChange]) -> None:
    for rule_id in sorted(old.keys() | new.keys()):
        before, after = old.get(rule_id), new.get(rule_id)
        title_en, title_de = _rule_title(rule_id)
        path = f"rules.{rule_id}"
        if not isinstance(before, dict) or not isinstance(after, dict):
            if before != after:
                out.append(
                    PolicyChange(
                        path,
                        before,
                        after,
                        f"Rule {title_en} changed.",
                        f"Regel {title_de} geändert.",
                    )
                )
            continue
        if before.get("enabled") != after.get("enabled"):
            state_en = "enabled" if after.get("enabled") else "disabled"
            state_de = "aktiviert" if after.get("enabled") else "deaktiviert"
            out.append(
                PolicyChange(
                    f"{path}.enabled",
                    before.get("enabled"),
                    after.get("enabled"),
                    f"Rule {title_en} {state_en}.",
                    f"Regel {title_de} {state_de}.",
                )
            )
        if before.get("weight") != after.get("weight"):
            out.append(
                PolicyChange(
                    f"{path}.weight",
                    before.get("weight"),
                    after.get("weight"),
                    f"Weight of rule {title_en} changed from {before.get('weight')} to "
                    f"{after.get('weight')}.",
                    f"Gewicht der Regel {title_de} von {before.get('weight')} auf "
                    f"{after.get('weight')} geändert.",
                )
            )
        old_params, new_params = before.get("params") or {}, after.get("params") or {}
        for name in sorted(old_params.keys() | new_params.keys()):
            if old_params.get(name) != new_params.get(name):
                out.append(
                    PolicyChange(
                        f"{path}.params.{name}",
                        old_params.get(name),
                        new_params.get(name),
                        f"Parameter {name} of rule {title_en} changed from "
                        f"{old_params.get(name)} to {new_params.get(name)}.",
                        f"Parameter {name} der Regel {title_de} von {old_params.get(name)} auf "
                        f"{new_params.get(name)} geändert.",
                    )
                )


def _diff_lists(old: dict, new: dict, out: list[PolicyChange]) -> None:
    for key in sorted(old.keys() | new.keys()):
        path = f"lists.{key}"
        before, after = old.get(key) or [], new.get(key) or []
        before_labels = [_item_label(i) for i in before]
        after_labels = [_item_label(i) for i in after]
        after_set, before_set = set(after_labels), set(before_labels)
        for label in before_labels:
            if label not in after_set:
                out.append(
                    PolicyChange(
                        path,
                        label,
                        None,
                        f"Removed \u201c{label}\u201d from list {key}.",
                        f"\u201e{label}\u201c aus Liste {key} entfernt.",
                    )
                )
        for label in after_labels:
            if label not in before_set:
                out.append(
                    PolicyChange(
                        path,
                        None,
                        label,
                        f"Added \u201c{label}\u201d to list {key}.",
                        f"\u201e{label}\u201c zu Liste {key} hinzugefügt.",
                    )
                )


def _diff_custom(old: list, new: list, out: list[PolicyChange]) -> None:
    def by_id(rules: list) -> dict[str, dict]:
        return {str(r.get("id")): r for r in rules if isinstance(r, dict)}

    before, after = by_id(old), by_id(new)
    for rule_id in sorted(before.keys() | after.keys()):
        path = f"custom_rules.{rule_id}"
        b, a = before.get(rule_id), after.get(rule_id)
        if b is None:
            out.append(
                PolicyChange(
                    path,
                    None,
                    a,
                    f"Custom rule {rule_id} added.",
                    f"Eigene Regel {rule_id} hinzugefügt.",
                )
            )
        elif a is None:
            out.append(
                PolicyChange(
                    path,
                    b,
                    None,
                    f"Custom rule {rule_id} removed.",
                    f"Eigene Regel {rule_id} entfernt.",
                )
            )
        else:
            for key in sorted(b.keys() | a.keys()):
                if b.get(key) != a.get(key):
                    out.append(
                        PolicyChange(
                            f"{path}.{key}",
                            b.get(key),
                            a.get(key),
                            f"Custom rule {rule_id}: {key} changed from {b.get(key)!r} to "
                            f"{a.get(key)!r}.",
                            f"Eigene Regel {rule_id}: {key} von {b.get(key)!r} auf "
                            f"{a.get(key)!r} geändert.",
                        )
                    )


def diff_policies(old: Any, new: Any) -> list[PolicyChange]:
    """Return the changes from policy data `old` to `new`, in a stable order (thresholds,
    combination settings, rules, lists, custom rules); empty when they behave the same.

    Missing values are compared as their defaults, so an omitted rule and a rule spelled out
    with default settings are not a change."""
    old, new = _complete(old), _complete(new)
    out: list[PolicyChange] = []
    if old.get("schema") != new.get("schema"):
        out.append(
            PolicyChange(
                "schema",
                old.get("schema"),
                new.get("schema"),
                f"Schema changed from {old.get('schema')} to {new.get('schema')}.",
                f"Schema von {old.get('schema')} auf {new.get('schema')} geändert.",
            )
        )
    for section, label_en, label_de in (
        ("thresholds", "Threshold", "Schwelle"),
        ("combine", "Setting", "Einstellung"),
    ):
        before, after = old.get(section) or {}, new.get(section) or {}
        for key in sorted(before.keys() | after.keys()):
            if before.get(key) != after.get(key):
                out.append(
                    PolicyChange(
                        f"{section}.{key}",
                        before.get(key),
                        after.get(key),
                        f"{label_en} {key} changed from {before.get(key)} to {after.get(key)}.",
                        f"{label_de} {key} von {before.get(key)} auf {after.get(key)} geändert.",
                    )
                )
    _diff_rules(old.get("rules") or {}, new.get("rules") or {}, out)
    _diff_lists(old.get("lists") or {}, new.get("lists") or {}, out)
    _diff_custom(old.get("custom_rules") or [], new.get("custom_rules") or [], out)
    return out
