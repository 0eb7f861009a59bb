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
from django.utils.translation import get_language
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

EXPORT_FORMAT = "vouch-policy"
MAX_IMPORT_BYTES = 2 * 1024 * 1024

REASON_LABELS: dict[str, tuple[str, str]] = {
    UNKNOWN: ("Unknown requester", "Unbekannte Person"),
    NOT_PERSONAL: ("Not personalised", "Nicht persönlich"),
    SPAM: ("Looks like spam", "Sieht nach Spam aus"),
}
REASON_HELP: dict[str, tuple[str, str]] = {
    UNKNOWN: (
        "You don't know the requester. When these rules add up to the threshold, Vouch "
        "recommends LinkedIn's “I don't know this person”.",
        "Sie kennen die Person nicht. Erreichen diese Regeln zusammen die Schwelle, empfiehlt "
        "Vouch LinkedIns „Ich kenne diese Person nicht“.",
    ),
    NOT_PERSONAL: (
        "The requester did not write a personal note. When these rules add up to the "
        "threshold, Vouch recommends “Ignore”.",
        "Die Person hat keine persönliche Notiz geschrieben. Erreichen diese Regeln zusammen "
        "die Schwelle, empfiehlt Vouch „Ignorieren“.",
    ),
    SPAM: (
        "The invitation looks like spam or phishing. When these rules add up to the "
        "threshold, Vouch recommends “Report as spam”.",
        "Die Einladung sieht nach Spam oder Phishing aus. Erreichen diese Regeln zusammen die "
        "Schwelle, empfiehlt Vouch „Als Spam melden“.",
    ),
}
STRENGTH_LABELS: dict[str, tuple[str, str]] = {
    "known": (
        "Evidence that someone knows the requester (a negative weight speaks for accepting)",
        "Beleg, dass jemand die Person kennt (ein negatives Gewicht spricht fürs Annehmen)",
    ),
    "weak": (
        "Weak signal",
        "Schwaches Signal",
    ),
    "strong": ("Strong signal", "Starkes Signal"),
    "cap": ("Limits the recommendation", "Begrenzt die Empfehlung"),
}
PARAM_LABELS: dict[str, tuple[str, str]] = {
    "min_colleagues": ("Minimum colleagues", "Mindestzahl Kollegen"),
    "min_mutual": ("Minimum mutual connections", "Mindestzahl gemeinsamer Kontakte"),
    "min_length": ("Minimum length (characters)", "Mindestlänge (Zeichen)"),
    "detect_prices": ("Detect prices", "Preise erkennen"),
    "window_days": ("Window (days)", "Zeitfenster (Tage)"),
    "min_weak_spam_signals": ("Minimum weak spam signals", "Mindestzahl schwacher Spam-Signale"),
    "weak_spam_only_if_unknown": (
        "Weak spam signals only for strangers",
        "Schwache Spam-Signale nur bei Unbekannten",
    ),
}
LIST_LABELS: dict[str, tuple[str, str, str, str]] = {
    "default_texts": (
        "LinkedIn's default texts",
        "LinkedIn-Standardtexte",
        "One per line, language first: “en: I'd like to add you to my professional network "
        "on LinkedIn.”",
        "Eine pro Zeile, Sprache zuerst: „de: Ich möchte Sie gerne zu meinem beruflichen "
        "Netzwerk auf LinkedIn hinzufügen.“",
    ),
    "context_words": (
        "Context words",
        "Bezugswörter",
        "Extra phrases that say where or how people know each other, on top of what Vouch "
        "recognises in every language. One per line.",
        "Zusätzliche Phrasen, die sagen, woher man sich kennt, über das hinaus, was Vouch in "
        "jeder Sprache erkennt. Eine pro Zeile.",
    ),
    "url_shorteners": (
        "URL shorteners",
        "Link-Kürzer",
        "Host names of link shorteners, like bit.ly. One per line.",
        "Hostnamen von Link-Kürzern wie bit.ly. Einer pro Zeile.",
    ),
    "greetings": (
        "Greetings",
        "Grußformeln",
        "Words a note may start with; they do not count as personal content. One per line.",
        "Wörter, mit denen eine Notiz beginnen darf; sie zählen nicht als persönlicher Inhalt. "
        "Eines pro Zeile.",
    ),
    "blocklist": (
        "Blocklist",
        "Sperrliste",
        "Names, companies or domains that are always spam. One per line.",
        "Namen, Firmen oder Domains, die immer Spam sind. Eines pro Zeile.",
    ),
}
CUSTOM_FIELD_LABELS: dict[str, tuple[str, str]] = {
    "message": ("Note", "Notiz"),
    "requester_name": ("Name", "Name"),
    "requester_company": ("Company", "Firma"),
    "requester_headline": ("Headline", "Überschrift"),
    "requester_profile_url": ("Profile URL", "Profil-URL"),
}
THRESHOLD_HELP = (
    "The score at which this reason decides the recommendation.",
    "Ab dieser Punktzahl entscheidet dieser Grund die Empfehlung.",
)


def is_german() -> bool:
    """Return whether the active language is German."""
    return (get_language() or "en").split("-")[0] == "de"


def pick(pair: tuple[str, ...], index: int = 0) -> str:
    """Return the English or German text of an (en, de) pair for the active language.

    For (title_en, title_de, help_en, help_de) quadruples, `index` 1 picks the help text."""
    return pair[index * 2 + (1 if is_german() else 0)]


def language_name(code: str) -> str:
    """Return the name of language `code` in the active language, or the code itself."""
    names = LANGUAGE_NAMES.get(code)
    return pick(names) if names else code


def promo_label(key: str) -> tuple[str, str]:
    """Return (title, help) for a promo_<lang> list."""
    lang = key.removeprefix("promo_")
    if is_german():
        return (
            f"Werbephrasen ({language_name(lang)})",
            "Zusätzliche Phrasen, die Waren, Dienstleistungen oder Geldanlagen bewerben, über "
            "das hinaus, was Vouch erkennt. Eine pro Zeile.",
        )
    return (
        f"Promotional phrases ({language_name(lang)})",
        "Extra phrases that sell goods, services or investments, on top of what Vouch "
        "recognises. One per line.",
    )


def list_label(key: str) -> tuple[str, str]:
    """Return (title, help) of the policy list `key` in the active language."""
    if key.startswith("promo_"):
        return promo_label(key)
    labels = LIST_LABELS.get(key)
    if labels is None:
        return key, ""
    return pick(labels), pick(labels, 1)


def param_label(name: str) -> str:
    labels = PARAM_LABELS.get(name)
    return pick(labels) if labels else name.replace("_", " ").capitalize()


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
