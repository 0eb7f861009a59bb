"""The rule catalogue: every built-in rule with its reason, texts and parameters.

It is the single description from which the policy editor form is generated, defaults are
derived and policy data is validated."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .messages import Message, gettext_noop
from .texts import translate

UNKNOWN = "unknown"
NOT_PERSONAL = "not_personal"
SPAM = "spam"
REASONS = (UNKNOWN, NOT_PERSONAL, SPAM)

ACCEPT = "accept"
IGNORE = "ignore"
DONT_KNOW = "dont_know"
REPORT_SPAM = "report_spam"
RECOMMENDATIONS = (ACCEPT, IGNORE, DONT_KNOW, REPORT_SPAM)

# "known" rules are evidence that someone knows the requester (negative weight);
# "weak" spam rules only count in combination; "cap" rules constrain the decision.
STRENGTHS = ("strong", "weak", "known", "cap")


@dataclass(frozen=True, slots=True)
class ParamSpec:
    """One rule parameter: its type ("int", "float" or "bool"), default, bounds and help."""

    name: str
    type: str
    default: Any
    min: float | None = None
    max: float | None = None
    help: Message | str = ""

    def to_dict(self, langs: tuple[str, ...] = ("en", "de")) -> dict[str, Any]:
        """Return this parameter as a JSON-serialisable dict for a form generator, with the
        help as "help_<lang>" for each of `langs`."""
        return {
            "name": self.name,
            "type": self.type,
            "default": self.default,
            "min": self.min,
            "max": self.max,
            **{f"help_{lang}": translate(self.help, lang) for lang in langs},
        }


@dataclass(frozen=True, slots=True)
class RuleSpec:
    """One built-in rule as shown to a policy editor."""

    id: str
    reason: str
    strength: str
    weight: float
    title: Message
    description: Message
    params: tuple[ParamSpec, ...] = ()
    enabled: bool = True
    # A spam rule that counts even when someone knows the requester (article: spam is about
    # strangers; only an imitation e-mail, the blocklist or the organisation's own spam
    # reports make a known requester spam).
    counts_for_known: bool = False

    def to_dict(self, langs: tuple[str, ...] = ("en", "de")) -> dict[str, Any]:
        """Return this rule as a JSON-serialisable dict for a form generator, with title and
        description as "title_<lang>" and "description_<lang>" for each of `langs`."""
        return {
            "id": self.id,
            "reason": self.reason,
            "strength": self.strength,
            "default_weight": self.weight,
            "default_enabled": self.enabled,
            "counts_for_known": self.counts_for_known,
            **{f"title_{lang}": translate(self.title, lang) for lang in langs},
            **{f"description_{lang}": translate(self.description, lang) for lang in langs},
            "params": [p.to_dict(langs) for p in self.params],
        }

    def default_params(self) -> dict[str, Any]:
        """Return {param name: default value} for this rule."""
        return {p.name: p.default for p in self.params}


KNOWN_WEIGHT = -3.0
# How far back the organisation's memory rules look at earlier decisions.
MEMORY_WINDOW = ParamSpec(
    "window_days",
    "int",
    730,
    1,
    3650,
    gettext_noop("How far back earlier decisions count, in days (read by the pipeline)."),
)

RULES: tuple[RuleSpec, ...] = (
    # Reason 1: unknown requester.
    RuleSpec(
        "known_contact",
        UNKNOWN,
        "known",
        KNOWN_WEIGHT,
        gettext_noop("Known contact"),
        gettext_noop("The requester's profile URL or full name is on the organisation's roster."),
    ),
    RuleSpec(
        "worked_together",
        UNKNOWN,
        "known",
        KNOWN_WEIGHT,
        gettext_noop("Worked together"),
        gettext_noop(
            "The submitter says they worked with the requester, or the requester's company is one "
            "of the organisation's employers or clients."
        ),
    ),
    RuleSpec(
        "name_recognised",
        UNKNOWN,
        "known",
        KNOWN_WEIGHT,
        gettext_noop("Name recognised"),
        gettext_noop("The submitter recognises the requester's name."),
    ),
    RuleSpec(
        "connected_to_colleagues",
        UNKNOWN,
        "known",
        KNOWN_WEIGHT,
        gettext_noop("Connected to colleagues"),
        gettext_noop("The requester is already connected to enough colleagues on the roster."),
        (
            ParamSpec(
                "min_colleagues",
                "int",
                1,
                1,
                1000,
                gettext_noop("Colleagues already connected that count as knowing the requester."),
            ),
        ),
    ),
    RuleSpec(
        "accepted_before",
        UNKNOWN,
        "known",
        KNOWN_WEIGHT,
        gettext_noop("Accepted before for a colleague"),
        gettext_noop(
            "A reviewer accepted an earlier invitation from the same requester (same profile URL, "
            "else same name and company) for a colleague within the window: the organisation's "
            "memory says someone knows them."
        ),
        (MEMORY_WINDOW,),
    ),
    RuleSpec(
        "has_mutual_connections",
        UNKNOWN,
        "known",
        KNOWN_WEIGHT,
        gettext_noop("Mutual connections"),
        gettext_noop(
            "The requester shares enough connections (mutual plus colleagues) with the recipient."
        ),
        (
            ParamSpec(
                "min_mutual",
                "int",
                1,
                1,
                10000,
                gettext_noop(
                    "Mutual connections (plus colleagues) that count as knowing the requester."
                ),
            ),
        ),
    ),
    RuleSpec(
        "few_mutual_connections",
        UNKNOWN,
        "weak",
        0.5,
        gettext_noop("Few mutual connections"),
        gettext_noop(
            "Fewer mutual connections (colleagues count too) than the minimum, or none recorded."
        ),
        (
            ParamSpec(
                "min_mutual",
                "int",
                1,
                1,
                10000,
                gettext_noop("Below this many mutual connections the rule fires."),
            ),
        ),
    ),
    RuleSpec(
        "industry_outside",
        UNKNOWN,
        "weak",
        0.25,
        gettext_noop("Industry outside ours"),
        gettext_noop("The requester's industry is not one of the organisation's industries."),
    ),
    RuleSpec(
        "name_not_recognised",
        UNKNOWN,
        "weak",
        0.5,
        gettext_noop("Name not recognised"),
        gettext_noop("The submitter does not recognise the requester's name."),
    ),
    RuleSpec(
        "no_one_knows_requester",
        UNKNOWN,
        "strong",
        1.0,
        gettext_noop("Nobody knows the requester"),
        gettext_noop(
            "There is no evidence that anyone knows the requester (no roster match, no shared "
            "work, name not recognised, too few mutual connections)."
        ),
    ),
    # Reason 2: not personalised.
    RuleSpec(
        "no_note",
        NOT_PERSONAL,
        "strong",
        1.0,
        gettext_noop("No note"),
        gettext_noop("The invitation has no personal note."),
    ),
    RuleSpec(
        "default_text",
        NOT_PERSONAL,
        "strong",
        1.0,
        gettext_noop("LinkedIn default text"),
        gettext_noop(
            "The note is LinkedIn's default invitation text in one of the listed languages."
        ),
    ),
    RuleSpec(
        "short_note",
        NOT_PERSONAL,
        "strong",
        1.0,
        gettext_noop("Note too short"),
        gettext_noop("The note is shorter than the minimum length."),
        (
            ParamSpec(
                "min_length",
                "int",
                30,
                1,
                1000,
                gettext_noop("Notes with fewer characters (signature excluded) are too short."),
            ),
        ),
    ),
    RuleSpec(
        "no_context",
        NOT_PERSONAL,
        "strong",
        1.0,
        gettext_noop("No shared context"),
        gettext_noop(
            "The note does not say where or how they know each other (shared employer or client, "
            "event, project, place, having met or worked together)."
        ),
    ),
    # Reason 3: spam.
    RuleSpec(
        "no_photo",
        SPAM,
        "weak",
        0.5,
        gettext_noop("No profile photo"),
        gettext_noop("The requester has no profile photo."),
    ),
    RuleSpec(
        "promotional",
        SPAM,
        "strong",
        1.0,
        gettext_noop("Promotional content"),
        gettext_noop(
            "The note advertises goods, services or investments, or is a scam opener. Spam for a "
            "stranger; for someone known, a sales pitch is merely not personal."
        ),
        (
            ParamSpec(
                "detect_prices",
                "bool",
                True,
                help=gettext_noop("Also treat prices like '$99' or '49 EUR' as promotional."),
            ),
        ),
    ),
    RuleSpec(
        "links_in_note",
        SPAM,
        "weak",
        0.5,
        gettext_noop("Links in the note"),
        gettext_noop("The note contains links."),
    ),
    RuleSpec(
        "shortened_link",
        SPAM,
        "strong",
        1.0,
        gettext_noop("Shortened link"),
        gettext_noop("The note contains a link from a URL shortener, which hides where it leads."),
    ),
    RuleSpec(
        "attachments",
        SPAM,
        "strong",
        1.0,
        gettext_noop("Attachments"),
        gettext_noop("The invitation came with attachments."),
    ),
    RuleSpec(
        "foreign_country",
        SPAM,
        "weak",
        0.5,
        gettext_noop("Country outside ours"),
        gettext_noop("The requester's country is not one of the organisation's countries."),
    ),
    RuleSpec(
        "blocklisted",
        SPAM,
        "strong",
        1.0,
        gettext_noop("Blocklisted"),
        gettext_noop(
            "A blocklisted name, company or domain appears in the requester's name, company, "
            "profile URL or note."
        ),
        counts_for_known=True,
    ),
    RuleSpec(
        "reported_as_spam_before",
        SPAM,
        "strong",
        2.0,
        gettext_noop("Reported as spam before"),
        gettext_noop(
            "A reviewer reported an earlier invitation from the same requester (same profile URL, "
            "else same name and company) as spam within the window. Counts even when someone "
            "knows the requester."
        ),
        (MEMORY_WINDOW,),
        counts_for_known=True,
    ),
    RuleSpec(
        "linkedin_imitation",
        SPAM,
        "strong",
        1.0,
        gettext_noop("Imitates LinkedIn"),
        gettext_noop(
            "The forwarded e-mail imitates LinkedIn (foreign sender domain, failed authentication, "
            "links to other hosts, look-alike names, attachments)."
        ),
        counts_for_known=True,
    ),
    RuleSpec(
        "mass_inviter",
        SPAM,
        "strong",
        1.0,
        gettext_noop("Mass inviter"),
        gettext_noop("The requester invited many colleagues within a few days."),
        (
            ParamSpec(
                "min_colleagues",
                "int",
                3,
                2,
                1000,
                gettext_noop(
                    "Distinct colleagues invited within the window that make a mass inviter."
                ),
            ),
            ParamSpec(
                "window_days",
                "int",
                7,
                1,
                365,
                gettext_noop("Length of the window in days (read by the intake pipeline)."),
            ),
        ),
    ),
    RuleSpec(
        "no_face_no_connection",
        SPAM,
        "cap",
        0.0,
        gettext_noop("No face, no connection"),
        gettext_noop("A requester without a profile photo is never accepted (at most ignored)."),
    ),
)

RULES_BY_ID: dict[str, RuleSpec] = {rule.id: rule for rule in RULES}

# Lists a manager edits. "promo_xx" lists may be added for any language code.
LIST_KEYS = ("default_texts", "context_words", "url_shorteners", "greetings", "blocklist")
CUSTOM_RULE_FIELDS = (
    "message",
    "requester_name",
    "requester_company",
    "requester_headline",
    "requester_profile_url",
)
CUSTOM_RULE_KINDS = ("keyword", "regex")

THRESHOLD_BOUNDS = (0.01, 1000.0)
WEIGHT_BOUNDS = (-100.0, 100.0)
COMBINE_PARAMS: tuple[ParamSpec, ...] = (
    ParamSpec(
        "min_weak_spam_signals",
        "int",
        2,
        1,
        20,
        gettext_noop(
            "Weak spam signals (no photo, foreign country, plain link) count only when at least "
            "this many fire together."
        ),
    ),
    ParamSpec(
        "weak_spam_only_if_unknown",
        "bool",
        True,
        help=gettext_noop("Weak spam signals count only for a requester nobody knows."),
    ),
)

LANGUAGE_NAMES = {
    "en": gettext_noop("English"),
    "de": gettext_noop("German"),
    "fr": gettext_noop("French"),
    "es": gettext_noop("Spanish"),
    "nl": gettext_noop("Dutch"),
    "pt": gettext_noop("Portuguese"),
    "it": gettext_noop("Italian"),
    "pl": gettext_noop("Polish"),
    "sv": gettext_noop("Swedish"),
    "da": gettext_noop("Danish"),
    "tr": gettext_noop("Turkish"),
}


def catalogue() -> dict[str, Any]:
    """Return the whole catalogue as JSON-serialisable data for a policy editor: rules,
    reasons, list keys, custom-rule options, combination params and bounds."""
    return {
        "reasons": list(REASONS),
        "recommendations": list(RECOMMENDATIONS),
        "rules": [rule.to_dict() for rule in RULES],
        "combine": [p.to_dict() for p in COMBINE_PARAMS],
        "lists": list(LIST_KEYS) + ["promo_<language>"],
        "custom_rule_fields": list(CUSTOM_RULE_FIELDS),
        "custom_rule_kinds": list(CUSTOM_RULE_KINDS),
        "threshold_bounds": list(THRESHOLD_BOUNDS),
        "weight_bounds": list(WEIGHT_BOUNDS),
    }
