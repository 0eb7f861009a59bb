"""The rule catalogue: every built-in rule with its reason, texts and parameters.

It is the single description from which the policy editor form is generated, defaults are
derived and policy data is validated."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

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
    """One rule parameter: its type ("int", "float" or "bool"), default and bounds."""

    name: str
    type: str
    default: Any
    min: float | None = None
    max: float | None = None
    help_en: str = ""
    help_de: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Return this parameter as a JSON-serialisable dict for a form generator."""
        return {
            "name": self.name,
            "type": self.type,
            "default": self.default,
            "min": self.min,
            "max": self.max,
            "help_en": self.help_en,
            "help_de": self.help_de,
        }


@dataclass(frozen=True, slots=True)
class RuleSpec:
    """One built-in rule as shown to a policy editor."""

    id: str
    reason: str
    strength: str
    weight: float
    title_en: str
    title_de: str
    description_en: str
    description_de: str
    params: tuple[ParamSpec, ...] = ()
    enabled: bool = True
    # A spam rule that counts even when someone knows the requester (article: spam is about
    # strangers; only an imitation e-mail, the blocklist or the organisation's own spam
    # reports make a known requester spam).
    counts_for_known: bool = False

    def to_dict(self) -> dict[str, Any]:
        """Return this rule as a JSON-serialisable dict for a form generator."""
        return {
            "id": self.id,
            "reason": self.reason,
            "strength": self.strength,
            "default_weight": self.weight,
            "default_enabled": self.enabled,
            "counts_for_known": self.counts_for_known,
            "title_en": self.title_en,
            "title_de": self.title_de,
            "description_en": self.description_en,
            "description_de": self.description_de,
            "params": [p.to_dict() for p in self.params],
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
    "How far back earlier decisions count, in days (read by the pipeline).",
    "Wie weit frühere Entscheidungen zurück zählen, in Tagen (wird von der Verarbeitung "
    "ausgewertet).",
)

RULES: tuple[RuleSpec, ...] = (
    # Reason 1: unknown requester.
    RuleSpec(
        "known_contact",
        UNKNOWN,
        "known",
        KNOWN_WEIGHT,
        "Known contact",
        "Bekannter Kontakt",
        "The requester's profile URL or full name is on the organisation's roster.",
        "Profil-URL oder vollständiger Name der anfragenden Person steht in der Kontaktliste "
        "der Organisation.",
    ),
    RuleSpec(
        "worked_together",
        UNKNOWN,
        "known",
        KNOWN_WEIGHT,
        "Worked together",
        "Zusammengearbeitet",
        "The submitter says they worked with the requester, or the requester's company is one "
        "of the organisation's employers or clients.",
        "Die einreichende Person hat mit der anfragenden Person gearbeitet, oder deren Firma "
        "gehört zu den Arbeitgebern oder Kunden der Organisation.",
    ),
    RuleSpec(
        "name_recognised",
        UNKNOWN,
        "known",
        KNOWN_WEIGHT,
        "Name recognised",
        "Name bekannt",
        "The submitter recognises the requester's name.",
        "Die einreichende Person kennt den Namen der anfragenden Person.",
    ),
    RuleSpec(
        "connected_to_colleagues",
        UNKNOWN,
        "known",
        KNOWN_WEIGHT,
        "Connected to colleagues",
        "Mit Kollegen verbunden",
        "The requester is already connected to enough colleagues on the roster.",
        "Die anfragende Person ist bereits mit genügend Kolleginnen und Kollegen verbunden.",
        (
            ParamSpec(
                "min_colleagues",
                "int",
                1,
                1,
                1000,
                "Colleagues already connected that count as knowing the requester.",
                "So viele verbundene Kollegen gelten als Beleg, dass man sich kennt.",
            ),
        ),
    ),
    RuleSpec(
        "accepted_before",
        UNKNOWN,
        "known",
        KNOWN_WEIGHT,
        "Accepted before for a colleague",
        "Schon für Kollegen angenommen",
        "A reviewer accepted an earlier invitation from the same requester (same profile URL, "
        "else same name and company) for a colleague within the window: the organisation's "
        "memory says someone knows them.",
        "Eine prüfende Person hat eine frühere Einladung derselben Person (gleiche Profil-URL, "
        "sonst gleicher Name und gleiche Firma) für eine Kollegin oder einen Kollegen im "
        "Zeitfenster angenommen: Das Gedächtnis der Organisation sagt, dass man sie kennt.",
        (MEMORY_WINDOW,),
    ),
    RuleSpec(
        "has_mutual_connections",
        UNKNOWN,
        "known",
        KNOWN_WEIGHT,
        "Mutual connections",
        "Gemeinsame Kontakte",
        "The requester shares enough connections (mutual plus colleagues) with the recipient.",
        "Die anfragende Person hat genügend gemeinsame Kontakte (inklusive Kollegen).",
        (
            ParamSpec(
                "min_mutual",
                "int",
                1,
                1,
                10000,
                "Mutual connections (plus colleagues) that count as knowing the requester.",
                "So viele gemeinsame Kontakte (plus Kollegen) gelten als Beleg.",
            ),
        ),
    ),
    RuleSpec(
        "few_mutual_connections",
        UNKNOWN,
        "weak",
        0.5,
        "Few mutual connections",
        "Wenige gemeinsame Kontakte",
        "Fewer mutual connections (colleagues count too) than the minimum, or none recorded.",
        "Weniger gemeinsame Kontakte (Kollegen zählen mit) als das Minimum, oder keine erfasst.",
        (
            ParamSpec(
                "min_mutual",
                "int",
                1,
                1,
                10000,
                "Below this many mutual connections the rule fires.",
                "Unterhalb dieser Zahl gemeinsamer Kontakte greift die Regel.",
            ),
        ),
    ),
    RuleSpec(
        "industry_outside",
        UNKNOWN,
        "weak",
        0.25,
        "Industry outside ours",
        "Fremde Branche",
        "The requester's industry is not one of the organisation's industries.",
        "Die Branche der anfragenden Person gehört nicht zu den Branchen der Organisation.",
    ),
    RuleSpec(
        "name_not_recognised",
        UNKNOWN,
        "weak",
        0.5,
        "Name not recognised",
        "Name unbekannt",
        "The submitter does not recognise the requester's name.",
        "Die einreichende Person kennt den Namen der anfragenden Person nicht.",
    ),
    RuleSpec(
        "no_one_knows_requester",
        UNKNOWN,
        "strong",
        1.0,
        "Nobody knows the requester",
        "Niemand kennt die Person",
        "There is no evidence that anyone knows the requester (no roster match, no shared "
        "work, name not recognised, too few mutual connections).",
        "Nichts belegt, dass jemand die anfragende Person kennt (kein Kontakt, keine "
        "Zusammenarbeit, Name nicht bekannt, zu wenige gemeinsame Kontakte).",
    ),
    # Reason 2: not personalised.
    RuleSpec(
        "no_note",
        NOT_PERSONAL,
        "strong",
        1.0,
        "No note",
        "Keine Notiz",
        "The invitation has no personal note.",
        "Die Einladung enthält keine persönliche Notiz.",
    ),
    RuleSpec(
        "default_text",
        NOT_PERSONAL,
        "strong",
        1.0,
        "LinkedIn default text",
        "LinkedIn-Standardtext",
        "The note is LinkedIn's default invitation text in one of the listed languages.",
        "Die Notiz ist LinkedIns Standardtext in einer der hinterlegten Sprachen.",
    ),
    RuleSpec(
        "short_note",
        NOT_PERSONAL,
        "strong",
        1.0,
        "Note too short",
        "Notiz zu kurz",
        "The note is shorter than the minimum length.",
        "Die Notiz ist kürzer als die Mindestlänge.",
        (
            ParamSpec(
                "min_length",
                "int",
                30,
                1,
                1000,
                "Notes with fewer characters (signature excluded) are too short.",
                "Notizen mit weniger Zeichen (ohne Signatur) sind zu kurz.",
            ),
        ),
    ),
    RuleSpec(
        "no_context",
        NOT_PERSONAL,
        "strong",
        1.0,
        "No shared context",
        "Kein gemeinsamer Bezug",
        "The note does not say where or how they know each other (shared employer or client, "
        "event, project, place, having met or worked together).",
        "Die Notiz sagt nicht, woher man sich kennt (gemeinsamer Arbeitgeber oder Kunde, "
        "Veranstaltung, Projekt, Ort, Treffen oder Zusammenarbeit).",
    ),
    # Reason 3: spam.
    RuleSpec(
        "no_photo",
        SPAM,
        "weak",
        0.5,
        "No profile photo",
        "Kein Profilfoto",
        "The requester has no profile photo.",
        "Die anfragende Person hat kein Profilfoto.",
    ),
    RuleSpec(
        "promotional",
        SPAM,
        "strong",
        1.0,
        "Promotional content",
        "Werbung",
        "The note advertises goods, services or investments, or is a scam opener. Spam for a "
        "stranger; for someone known, a sales pitch is merely not personal.",
        "Die Notiz wirbt für Waren, Dienstleistungen oder Geldanlagen oder ist ein "
        "Betrugsversuch. Spam bei Fremden; bei Bekannten ist ein Verkaufsgespräch nur nicht "
        "persönlich.",
        (
            ParamSpec(
                "detect_prices",
                "bool",
                True,
                help_en="Also treat prices like '$99' or '49 EUR' as promotional.",
                help_de="Auch Preise wie '$99' oder '49 EUR' gelten als Werbung.",
            ),
        ),
    ),
    RuleSpec(
        "links_in_note",
        SPAM,
        "weak",
        0.5,
        "Links in the note",
        "Links in der Notiz",
        "The note contains links.",
        "Die Notiz enthält Links.",
    ),
    RuleSpec(
        "shortened_link",
        SPAM,
        "strong",
        1.0,
        "Shortened link",
        "Gekürzter Link",
        "The note contains a link from a URL shortener, which hides where it leads.",
        "Die Notiz enthält einen gekürzten Link, der sein Ziel verbirgt.",
    ),
    RuleSpec(
        "attachments",
        SPAM,
        "strong",
        1.0,
        "Attachments",
        "Anhänge",
        "The invitation came with attachments.",
        "Die Einladung hat Anhänge.",
    ),
    RuleSpec(
        "foreign_country",
        SPAM,
        "weak",
        0.5,
        "Country outside ours",
        "Fremdes Land",
        "The requester's country is not one of the organisation's countries.",
        "Das Land der anfragenden Person gehört nicht zu den Ländern der Organisation.",
    ),
    RuleSpec(
        "blocklisted",
        SPAM,
        "strong",
        1.0,
        "Blocklisted",
        "Gesperrt",
        "A blocklisted name, company or domain appears in the requester's name, company, "
        "profile URL or note.",
        "Ein gesperrter Name, eine gesperrte Firma oder Domain steht in Name, Firma, Profil-URL "
        "oder Notiz.",
        counts_for_known=True,
    ),
    RuleSpec(
        "reported_as_spam_before",
        SPAM,
        "strong",
        2.0,
        "Reported as spam before",
        "Schon als Spam gemeldet",
        "A reviewer reported an earlier invitation from the same requester (same profile URL, "
        "else same name and company) as spam within the window. Counts even when someone "
        "knows the requester.",
        "Eine prüfende Person hat eine frühere Einladung derselben Person (gleiche Profil-URL, "
        "sonst gleicher Name und gleiche Firma) im Zeitfenster als Spam gemeldet. Zählt auch, "
        "wenn jemand die Person kennt.",
        (MEMORY_WINDOW,),
        counts_for_known=True,
    ),
    RuleSpec(
        "linkedin_imitation",
        SPAM,
        "strong",
        1.0,
        "Imitates LinkedIn",
        "Imitiert LinkedIn",
        "The forwarded e-mail imitates LinkedIn (foreign sender domain, failed authentication, "
        "links to other hosts, look-alike names, attachments).",
        "Die weitergeleitete E-Mail imitiert LinkedIn (fremde Absenderdomain, fehlgeschlagene "
        "Authentifizierung, fremde Links, ähnliche Namen, Anhänge).",
        counts_for_known=True,
    ),
    RuleSpec(
        "mass_inviter",
        SPAM,
        "strong",
        1.0,
        "Mass inviter",
        "Massen-Einlader",
        "The requester invited many colleagues within a few days.",
        "Die anfragende Person hat in wenigen Tagen viele Kolleginnen und Kollegen eingeladen.",
        (
            ParamSpec(
                "min_colleagues",
                "int",
                3,
                2,
                1000,
                "Distinct colleagues invited within the window that make a mass inviter.",
                "So viele verschiedene eingeladene Kollegen im Zeitfenster machen einen "
                "Massen-Einlader.",
            ),
            ParamSpec(
                "window_days",
                "int",
                7,
                1,
                365,
                "Length of the window in days (read by the intake pipeline).",
                "Länge des Zeitfensters in Tagen (wird bei der Erfassung ausgewertet).",
            ),
        ),
    ),
    RuleSpec(
        "no_face_no_connection",
        SPAM,
        "cap",
        0.0,
        "No face, no connection",
        "Kein Gesicht, keine Verbindung",
        "A requester without a profile photo is never accepted (at most ignored).",
        "Eine anfragende Person ohne Profilfoto wird nie angenommen (höchstens ignoriert).",
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
        "Weak spam signals (no photo, foreign country, plain link) count only when at least "
        "this many fire together.",
        "Schwache Spam-Signale (kein Foto, fremdes Land, einfacher Link) zählen erst, wenn "
        "mindestens so viele zusammen auftreten.",
    ),
    ParamSpec(
        "weak_spam_only_if_unknown",
        "bool",
        True,
        help_en="Weak spam signals count only for a requester nobody knows.",
        help_de="Schwache Spam-Signale zählen nur bei einer unbekannten Person.",
    ),
)

LANGUAGE_NAMES = {
    "en": ("English", "Englisch"),
    "de": ("German", "Deutsch"),
    "fr": ("French", "Französisch"),
    "es": ("Spanish", "Spanisch"),
    "nl": ("Dutch", "Niederländisch"),
    "pt": ("Portuguese", "Portugiesisch"),
    "it": ("Italian", "Italienisch"),
    "pl": ("Polish", "Polnisch"),
    "sv": ("Swedish", "Schwedisch"),
    "da": ("Danish", "Dänisch"),
    "tr": ("Turkish", "Türkisch"),
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
