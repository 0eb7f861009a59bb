"""Policy editing helpers: labels in the active language, the JSON export format and import.

The export format is a wrapper around policy data::

    {
      "format": "vouch-policy",
      "schema": 1,
      "organisation": "acme",
      "version": 3,                       # null for an exported draft
      "published_at": "2025-01-31T10:00:00+00:00",   # null for a draft
      "change_note": "Stricter notes",
      "exported_at": "2025-02-01T09:00:00+00:00",
      "policy": {"schema": 1, "thresholds": {...}, "rules": {...}, ...}
    }

`policy_from_document` (used by the import page, and meant for `evaluate_file --policy`)
accepts that wrapper, or a bare policy object.
"""

from __future__ import annotations

import json
import math
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from policy.engine import (
    NOT_PERSONAL,
    SPAM,
    UNKNOWN,
    PolicyError,
    PolicyInvalid,
    complete_policy,
    default_policy,
    diff_policies,
    validate_policy,
)
from policy.engine.catalogue import LANGUAGE_NAMES
from policy.engine.messages import Message, gettext_noop
from policy.texts import localised

EXPORT_FORMAT = "vouch-policy"
MAX_IMPORT_BYTES = 2 * 1024 * 1024

REASON_LABELS: dict[str, Message] = {
    UNKNOWN: gettext_noop("Unknown requester"),
    NOT_PERSONAL: gettext_noop("Not personalised"),
    SPAM: gettext_noop("Looks like spam"),
}
REASON_HELP: dict[str, Message] = {
    UNKNOWN: gettext_noop(
        "You don't know the requester. When these rules add up to the threshold, Vouch "
        "recommends LinkedIn's “I don't know this person”."
    ),
    NOT_PERSONAL: gettext_noop(
        "The requester did not write a personal note. When these rules add up to the "
        "threshold, Vouch recommends “Ignore”."
    ),
    SPAM: gettext_noop(
        "The invitation looks like spam or phishing. When these rules add up to the "
        "threshold, Vouch recommends “Report as spam”."
    ),
}
STRENGTH_LABELS: dict[str, Message] = {
    "known": gettext_noop(
        "Evidence that someone knows the requester (a negative weight speaks for accepting)"
    ),
    "weak": gettext_noop("Weak signal"),
    "strong": gettext_noop("Strong signal"),
    "cap": gettext_noop("Limits the recommendation"),
}
PARAM_LABELS: dict[str, Message] = {
    "min_colleagues": gettext_noop("Minimum colleagues"),
    "min_mutual": gettext_noop("Minimum mutual connections"),
    "min_length": gettext_noop("Minimum length (characters)"),
    "detect_prices": gettext_noop("Detect prices"),
    "window_days": gettext_noop("Window (days)"),
    "min_weak_spam_signals": gettext_noop("Minimum weak spam signals"),
    "weak_spam_only_if_unknown": gettext_noop("Weak spam signals only for strangers"),
}
LIST_LABELS: dict[str, tuple[Message, Message]] = {
    "default_texts": (
        gettext_noop("LinkedIn's default texts"),
        gettext_noop(
            "One per line, language first: “en: I'd like to add you to my professional network "
            "on LinkedIn.”"
        ),
    ),
    "context_words": (
        gettext_noop("Context words"),
        gettext_noop(
            "Extra phrases that say where or how people know each other, on top of what Vouch "
            "recognises in every language. One per line."
        ),
    ),
    "url_shorteners": (
        gettext_noop("URL shorteners"),
        gettext_noop("Host names of link shorteners, like bit.ly. One per line."),
    ),
    "greetings": (
        gettext_noop("Greetings"),
        gettext_noop(
            "Words a note may start with; they do not count as personal content. One per line."
        ),
    ),
    "blocklist": (
        gettext_noop("Blocklist"),
        gettext_noop("Names, companies or domains that are always spam. One per line."),
    ),
}
CUSTOM_FIELD_LABELS: dict[str, Message] = {
    "message": gettext_noop("Note"),
    "requester_name": gettext_noop("Name"),
    "requester_company": gettext_noop("Company"),
    "requester_headline": gettext_noop("Headline"),
    "requester_profile_url": gettext_noop("Profile URL"),
}
THRESHOLD_HELP = gettext_noop("The score at which this reason decides the recommendation.")


_PROMO_HELP = gettext_noop(
    "Extra phrases that sell goods, services or investments, on top of what Vouch "
    "recognises. One per line."
)


def promo_label(key: str) -> tuple[str, str]:
    """Return (title, help) for a promo_<lang> list."""
    lang = key.removeprefix("promo_")
    title = gettext_noop(
        "Promotional phrases (%(language)s)", language=LANGUAGE_NAMES.get(lang, lang)
    )
    return localised(title), localised(_PROMO_HELP)


def list_label(key: str) -> tuple[str, str]:
    """Return (title, help) of the policy list `key` in the active language."""
    if key.startswith("promo_"):
        return promo_label(key)
    labels = LIST_LABELS.get(key)
    if labels is None:
        return key, ""
    return localised(labels[0]), localised(labels[1])


def param_label(name: str) -> str:
    labels = PARAM_LABELS.get(name)
    return localised(labels) if labels else name.replace("_", " ").capitalize()


def editable_policy(data: Any) -> dict[str, Any]:
    """Return `data` completed with every default (the editor shows every rule and list).

    Invalid data (which the services never store) falls back to the default policy."""
    if isinstance(data, dict) and not validate_policy(data):
        return complete_policy(data)
    return default_policy()


def draft_changes(policy, version) -> list:
    """Return the PolicyChanges from the published `version` to `policy`'s draft."""
    return diff_policies(version.data, policy.draft)


def promo_keys(lists: dict[str, Any]) -> list[str]:
    """Return the promo_<lang> keys of `lists`: English and German first, then by code."""
    keys = [k for k in lists if k.startswith("promo_")]
    order = {"promo_en": 0, "promo_de": 1}
    return sorted(keys, key=lambda k: (order.get(k, 2), k))


# -- Export and import ----------------------------------------------------------------------


def export_document(data: dict[str, Any], *, org, version=None) -> dict[str, Any]:
    """Return the export wrapper for policy `data` (a published `version`, or the draft)."""
    return {
        "format": EXPORT_FORMAT,
        "schema": data.get("schema", 1) if isinstance(data, dict) else 1,
        "organisation": org.slug,
        "version": version.number if version is not None else None,
        "published_at": version.published_at.isoformat() if version is not None else None,
        "change_note": version.change_note if version is not None else "",
        "exported_at": timezone.now().isoformat(),
        "policy": data,
    }


def export_json(document: dict[str, Any]) -> str:
    """Return `document` as pretty, human-diffable JSON text."""
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def policy_from_document(document: Any) -> dict[str, Any]:
    """Return the policy data held by an export `document` or a bare policy object.

    Raises PolicyInvalid; error paths point into the document ("policy.rules.x.weight")."""
    if not isinstance(document, dict):
        raise PolicyInvalid([PolicyError("", _("the file must hold a JSON object"))])
    if "policy" in document:
        fmt = document.get("format", EXPORT_FORMAT)
        if fmt != EXPORT_FORMAT:
            raise PolicyInvalid(
                [
                    PolicyError(
                        "format",
                        _("expected %(expected)s, got %(got)s")
                        % {"expected": repr(EXPORT_FORMAT), "got": repr(fmt)},
                    )
                ]
            )
        data, prefix = document["policy"], "policy"
    else:
        data, prefix = document, ""
    errors = validate_policy(data)
    if errors:
        raise PolicyInvalid(
            [
                PolicyError(
                    ".".join(p for p in (prefix, e.path) if p) if prefix else e.path, e.message
                )
                for e in errors
            ]
        )
    return data


# No policy parameter or weight comes near this; larger numbers (10**400) would
# overflow float arithmetic later.
_LARGEST_NUMBER = 10**15


class _NumberOutOfRange(ValueError):
    """A number in a policy document beyond what any parameter can mean."""


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > 16 or abs(int(text)) > _LARGEST_NUMBER:
        raise _NumberOutOfRange(text if len(text) <= 20 else text[:20] + "…")
    return int(text)


def _bounded_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value) or abs(value) > _LARGEST_NUMBER:
        raise _NumberOutOfRange(text if len(text) <= 20 else text[:20] + "…")
    return value


def _no_constant(text: str):
    raise _NumberOutOfRange(text)


def parse_policy_json(raw: bytes | str) -> dict[str, Any]:
    """Return the valid policy data in the uploaded JSON `raw`; raise PolicyInvalid."""
    if isinstance(raw, bytes):
        if len(raw) > MAX_IMPORT_BYTES:
            raise PolicyInvalid(
                [
                    PolicyError(
                        "",
                        _("the file is larger than %(n)d MB") % {"n": MAX_IMPORT_BYTES // 1024**2},
                    )
                ]
            )
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise PolicyInvalid(
                [
                    PolicyError(
                        "", _("the file is not UTF-8 text (byte %(n)d)") % {"n": exc.start + 1}
                    )
                ]
            ) from None
    if not raw.strip():
        raise PolicyInvalid([PolicyError("", _("the file is empty"))])
    try:
        document = json.loads(
            raw, parse_int=_bounded_int, parse_float=_bounded_float, parse_constant=_no_constant
        )
    except json.JSONDecodeError as exc:
        raise PolicyInvalid(
            [
                PolicyError(
                    "",
                    _("not valid JSON: %(error)s (line %(line)d, column %(column)d)")
                    % {"error": exc.msg, "line": exc.lineno, "column": exc.colno},
                )
            ]
        ) from None
    except RecursionError:
        raise PolicyInvalid([PolicyError("", _("not valid JSON: nested too deeply"))]) from None
    except _NumberOutOfRange as exc:
        raise PolicyInvalid(
            [PolicyError("", _("the number %(number)s is out of range") % {"number": exc})]
        ) from None
    return policy_from_document(document)


@transaction.atomic
def policy_import_draft(*, org, raw: bytes | str, actor):
    """Replace `org`'s draft with the policy in JSON `raw` and return the Policy.

    Raises PolicyInvalid listing every problem; then nothing changes."""
    from policy.services import policy_draft_update

    data = parse_policy_json(raw)
    return policy_draft_update(org=org, data=complete_policy(data), actor=actor)
