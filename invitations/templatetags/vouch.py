from django import template
from django.utils.translation import gettext_lazy as _

from policy.engine.links import defang as _defang
from policy.texts import active_language

register = template.Library()


@register.filter
def defang(text: str) -> str:
    """Return untrusted text with every link made unclickable (still escaped by the template)."""
    return _defang(text or "")


@register.filter
def explanation(hit: dict) -> str:
    """Return a stored rule hit's explanation in the active language (English as fallback)."""
    from invitations.evaluation import stored_hit_message
    from policy.texts import localised as translate

    return translate(stored_hit_message(hit))


@register.filter
def filesize(size) -> str:
    """Return a byte count for people: 512 B, 12.3 KB, 4.0 MB."""
    if size is None or size == "":
        return "?"
    size = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return ""


@register.filter
def get_item(mapping, key):
    """Return mapping[key], or "" when it is missing."""
    return mapping.get(key, "") if mapping else ""


REASON_LABELS = {
    "unknown": _("Unknown requester"),
    "not_personal": _("Not personalised"),
    "spam": _("Spam signal"),
}


@register.filter
def hit_label(hit: dict) -> str:
    """Return the badge of a stored rule hit: evidence that someone knows the requester (a
    negative weight on "unknown") is labelled as such, not as "Unknown requester"."""
    reason = hit.get("reason", "")
    if reason == "unknown" and (hit.get("weight") or 0) < 0:
        return _("Known requester")
    return REASON_LABELS.get(reason, reason)


@register.filter
def score_lines(evaluation) -> str:
    """Return each reason's score against its threshold ("spam 2.0 ≥ 1.0 · unknown …") for a
    stored Evaluation, in the active language; "" when it has no scores."""
    from policy.engine.result import score_line
    from policy.services import compiled_version

    scores = evaluation.scores or {}
    if not scores:
        return ""
    thresholds = compiled_version(evaluation.policy_version).thresholds
    lang = active_language()
    return " · ".join(
        score_line(reason, float(scores.get(reason, 0)), thresholds[reason], lang)
        for reason in ("spam", "unknown", "not_personal")
        if reason in thresholds
    )


@register.filter
def recommendation_label(code: str) -> str:
    """Return the reader's name of an action code ("dont_know" → "I don't know this person")."""
    from invitations.models import Recommendation

    try:
        return Recommendation(code).label
    except ValueError:
        return code or "–"


#: The symbol on each compact decide button; its words are the button's label.
ACTION_ICONS = {"accept": "✓", "ignore": "✕", "dont_know": "?", "report_spam": "⚑"}


@register.simple_tag
def icon(action: str) -> str:
    """Return the symbol of a decide button ("accept" → "✓")."""
    return ACTION_ICONS.get(action, "•")


@register.filter
def age(value, now=None) -> str:
    """Return how long ago `value` was, in its largest unit only ("3 hours", "2 days")."""
    from django.utils.timesince import timesince

    if not value:
        return ""
    return timesince(value, now, depth=1)


@register.simple_tag
def member_guidance(invitation):
    """Return the Guidance for the submitter of `invitation` (see invitations.guidance)."""
    from invitations.guidance import member_guidance as guidance

    return guidance(invitation=invitation)


@register.filter
def country_name(code: str) -> str:
    """Return "Germany (DE)" for a stored ISO code in the active language; the code alone
    when it names no country, "" when empty."""
    from invitations.countries import country_choices

    if not code:
        return ""
    name = dict(country_choices(active_language())).get(code)
    return f"{name} ({code})" if name else code


@register.filter
def localised(message) -> str:
    """Return an intake or policy message in the active language (see policy.texts)."""
    from policy.texts import localised as translate

    return translate(message)
