"""Differences between two policies, for a "draft vs published" view."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .catalogue import RULES_BY_ID
from .compile import complete_policy
from .messages import Message, gettext_noop
from .texts import translate
from .validate import validate_policy


@dataclass(frozen=True, slots=True)
class PolicyChange:
    """One change: `path` into the policy data, the old and new value (None when absent) and a
    sentence describing it, as a Message."""

    path: str
    old: Any
    new: Any
    message: Message

    @property
    def description_en(self) -> str:
        """Return the description in English."""
        return str(self.message)

    def description(self, lang: str = "en") -> str:
        """Return the description in `lang` (English where its catalogue lacks the text)."""
        return translate(self.message, lang)

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        """Return {"path", "old", "new", "description"} with the description in `lang`."""
        return {
            "path": self.path,
            "old": self.old,
            "new": self.new,
            "description": self.description(lang),
        }


_THRESHOLD_CHANGED = gettext_noop("Threshold %(key)s changed from %(old)s to %(new)s.").template
_SETTING_CHANGED = gettext_noop("Setting %(key)s changed from %(old)s to %(new)s.").template


def _complete(data: Any) -> dict[str, Any]:
    if isinstance(data, dict) and not validate_policy(data):
        return complete_policy(data)
    return data if isinstance(data, dict) else {}


def _rule_title(rule_id: str) -> Message | str:
    spec = RULES_BY_ID.get(rule_id)
    return spec.title if spec else rule_id


def _item_label(item: Any) -> str:
    if isinstance(item, dict) and "text" in item:
        return f"{item.get('lang', '?')}: {item['text']}"
    return str(item)


def _diff_rules(old: dict, new: dict, out: list[PolicyChange]) -> None:
    for rule_id in sorted(old.keys() | new.keys()):
        before, after = old.get(rule_id), new.get(rule_id)
        title = _rule_title(rule_id)
        path = f"rules.{rule_id}"
        if not isinstance(before, dict) or not isinstance(after, dict):
            if before != after:
                out.append(
                    PolicyChange(
                        path,
                        before,
                        after,
                        gettext_noop("Rule %(rule)s changed.", rule=title),
                    )
                )
            continue
        if before.get("enabled") != after.get("enabled"):
            out.append(
                PolicyChange(
                    f"{path}.enabled",
                    before.get("enabled"),
                    after.get("enabled"),
                    gettext_noop("Rule %(rule)s enabled.", rule=title)
                    if after.get("enabled")
                    else gettext_noop("Rule %(rule)s disabled.", rule=title),
                )
            )
        if before.get("weight") != after.get("weight"):
            out.append(
                PolicyChange(
                    f"{path}.weight",
                    before.get("weight"),
                    after.get("weight"),
                    gettext_noop(
                        "Weight of rule %(rule)s changed from %(old)s to %(new)s.",
                        rule=title,
                        old=before.get("weight"),
                        new=after.get("weight"),
                    ),
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
                        gettext_noop(
                            "Parameter %(name)s of rule %(rule)s changed from %(old)s to %(new)s.",
                            name=name,
                            rule=title,
                            old=old_params.get(name),
                            new=new_params.get(name),
                        ),
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
                        gettext_noop(
                            "Removed “%(item)s” from list %(list)s.", item=label, list=key
                        ),
                    )
                )
        for label in after_labels:
            if label not in before_set:
                out.append(
                    PolicyChange(
                        path,
                        None,
                        label,
                        gettext_noop("Added “%(item)s” to list %(list)s.", item=label, list=key),
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
                    gettext_noop("Custom rule %(rule)s added.", rule=rule_id),
                )
            )
        elif a is None:
            out.append(
                PolicyChange(
                    path,
                    b,
                    None,
                    gettext_noop("Custom rule %(rule)s removed.", rule=rule_id),
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
                            gettext_noop(
                                "Custom rule %(rule)s: %(key)s changed from %(old)s to %(new)s.",
                                rule=rule_id,
                                key=key,
                                old=repr(b.get(key)),
                                new=repr(a.get(key)),
                            ),
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
                gettext_noop(
                    "Schema changed from %(old)s to %(new)s.",
                    old=old.get("schema"),
                    new=new.get("schema"),
                ),
            )
        )
    for section, template in (
        ("thresholds", _THRESHOLD_CHANGED),
        ("combine", _SETTING_CHANGED),
    ):
        before, after = old.get(section) or {}, new.get(section) or {}
        for key in sorted(before.keys() | after.keys()):
            if before.get(key) != after.get(key):
                out.append(
                    PolicyChange(
                        f"{section}.{key}",
                        before.get(key),
                        after.get(key),
                        Message(
                            template,
                            {"key": key, "old": before.get(key), "new": after.get(key)},
                        ),
                    )
                )
    _diff_rules(old.get("rules") or {}, new.get("rules") or {}, out)
    _diff_lists(old.get("lists") or {}, new.get("lists") or {}, out)
    _diff_custom(old.get("custom_rules") or [], new.get("custom_rules") or [], out)
    return out
