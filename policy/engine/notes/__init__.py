"""Reading a connection note: is it LinkedIn's default text, does it advertise or look like a
scam, does it name a concrete shared experience?

PROVISIONAL: today's phrase-list reading moved here from the engine, behind the interface the
notes reader (issue 11) implements. The engine only calls `NoteReader.read`, so a better reader
replaces this file without touching the engine.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..matcher import compile_literals, compile_re2
from ..normalise import fold, fold_and_normalise, text_key

__all__ = ["Evidence", "NoteReader", "NoteReading"]


@dataclass(frozen=True, slots=True)
class Evidence:
    """One finding in a note: what kind it is and the words that show it."""

    kind: str
    quote: str


@dataclass(frozen=True, slots=True)
class NoteReading:
    """What a note says. `body` is the note without its closing signature."""

    body: str
    is_default: bool
    default_text: str
    advertising: tuple[Evidence, ...]
    scam: tuple[Evidence, ...]
    context: tuple[Evidence, ...]
    language: str


_ADVERTISING = (
    "free demo",
    "free trial",
    "free consultation",
    "free quote",
    "limited offer",
    "limited time offer",
    "special offer",
    "exclusive offer",
    "discount",
    "promo code",
    "coupon",
    "buy now",
    "order now",
    "book a call",
    "book a demo",
    "schedule a demo",
    "our services",
    "our agency",
    "our product",
    "our solution",
    "we offer",
    "we help companies",
    "lead generation",
    "generate leads",
    "more leads",
    "seo services",
    "grow your business",
    "increase your sales",
    "best price",
    "cheap",
    "wholesale",
    "dm me",
    "click the link",
    "sign up now",
    "rabatt",
    "angebot",
    "sonderangebot",
    "kostenlos",
    "kostenlose",
    "kostenloses",
    "gratis",
    "unverbindlich",
    "unverbindliches",
    "jetzt bestellen",
    "jetzt kaufen",
    "gutschein",
    "aktionscode",
    "nur heute",
    "zeitlich begrenzt",
    "unsere dienstleistungen",
    "unser produkt",
    "unsere lösung",
    "wir bieten",
    "terminvereinbarung",
    "erstgespräch",
    "mehr umsatz",
    "neukunden gewinnen",
)
_SCAM = (
    "bitcoin",
    "crypto",
    "cryptocurrency",
    "forex",
    "trading signals",
    "passive income",
    "guaranteed returns",
    "guaranteed profit",
    "double your money",
    "investment opportunity",
    "roi",
    "nft",
    "work from home",
    "earn $",
    "earn money",
    "make money",
    "hiring now no experience",
    "no experience needed",
    "no experience required",
    "be your own boss",
    "whatsapp me",
    "telegram",
    "rendite",
    "renditen",
    "garantierte rendite",
    "passives einkommen",
    "geldanlage",
    "krypto",
    "kryptowährung",
    "nebenverdienst",
    "von zu hause arbeiten",
    "heimarbeit",
    "ohne erfahrung",
    "verdienen sie",
    "schnell reich",
)
# Prices: a currency sign before a number, or a currency after it ("€ 49", "$99", "99 EUR").
_PRICE_PATTERN = (
    r"(?:[$€£¥]\s?\d|\b\d[\d.,]*\s?(?:[$€£¥]|(?:eur|euro|euros|usd|chf|gbp|dollars?)\b))"
)
_CONTEXT = (
    "worked together",
    "worked with you",
    "work with you",
    "working with you",
    "worked alongside",
    "we worked",
    "met at",
    "met you",
    "we met",
    "nice meeting you",
    "great meeting you",
    "good to meet you",
    "nice to meet you",
    "enjoyed meeting",
    "met in",
    "spoke at",
    "spoke with you",
    "talked at",
    "talked to you",
    "our call",
    "our meeting",
    "our conversation",
    "former colleague",
    "colleague",
    "colleagues",
    "same team",
    "classmate",
    "studied together",
    "introduced by",
    "referred by",
    "zusammengearbeitet",
    "zusammen gearbeitet",
    "zusammenarbeit",
    "kennengelernt",
    "kennen gelernt",
    "getroffen",
    "treffen",
    "gespräch",
    "telefonat",
    "kollege",
    "kollegin",
    "ehemaliger kollege",
    "ehemalige kollegin",
    "studiert",
    "travaillé ensemble",
    "travaillé avec vous",
    "rencontré",
    "rencontrés",
    "collègue",
    "trabajamos juntos",
    "trabajado juntos",
    "nos conocimos",
    "conocí",
    "compañero",
    "samengewerkt",
    "ontmoet",
    "leren kennen",
    "collega",
    "trabalhamos juntos",
    "trabalhei com você",
    "conhecemos",
    "conheci",
    "colega",
    "lavorato insieme",
    "conosciuti",
    "incontrati",
    "conosciuto",
    "conference",
    "summit",
    "meetup",
    "meet-up",
    "webinar",
    "workshop",
    "trade fair",
    "expo",
    "event",
    "panel",
    "keynote",
    "hackathon",
    "project",
    "university",
    "alumni",
    "konferenz",
    "kongress",
    "messe",
    "tagung",
    "veranstaltung",
    "projekt",
    "vortrag",
    "universität",
    "hochschule",
    "studium",
    "conférence",
    "salon",
    "projet",
    "événement",
    "conferencia",
    "proyecto",
    "evento",
    "feria",
    "conferentie",
    "beurs",
    "congres",
    "conferência",
    "projeto",
    "feira",
    "conferenza",
    "progetto",
    "fiera",
)
_MAX_GREETING_NAME_WORDS = 4
# Languages of LinkedIn's own texts, recognised by a word only that language's text has.
_LANGUAGE_MARKERS = (
    ("de", ("netzwerk", "möchte")),
    ("fr", ("réseau",)),
    ("es", ("gustaría",)),
    ("nl", ("netwerk",)),
    ("pt", ("gostaria",)),
    ("it", ("vorrei",)),
    ("en", ("network",)),
)


def _language_of(key: str) -> str:
    words = set(key.split(" "))
    for lang, markers in _LANGUAGE_MARKERS:
        if words.intersection(markers):
            return lang
    return ""


class NoteReader:
    """Reads notes; one reader per policy, reused for every invitation."""

    def __init__(self, *, default_texts: Iterable[str] = (), greetings: Iterable[str] = ()):
        self._defaults: dict[str, str] = {}
        self._languages: dict[str, str] = {}
        for text in default_texts:
            key = text_key(fold(text))
            if key:
                self._defaults.setdefault(key, text)
                self._languages.setdefault(text, _language_of(key))
        self._max_default = max((len(k) for k in self._defaults), default=0)
        anchors: list[str] = []
        for key in sorted(self._defaults, key=len):
            if not any(anchor in key for anchor in anchors):
                anchors.append(max(key.split(" "), key=len))
        self._anchors = tuple(anchors)
        self._greetings = frozenset(filter(None, (text_key(fold(g)) for g in greetings)))
        # One search finds either kind; the phrase found tells which it is.
        self._pitch = compile_literals((*_ADVERTISING, *_SCAM))
        self._scam = frozenset(_SCAM)
        self._prices = compile_re2(_PRICE_PATTERN)
        self._context = compile_literals(_CONTEXT)

    def _default(self, norm: str) -> str:
        """Return the default text `norm` is (perhaps after a greeting and a name), or ""."""
        if len(norm) > self._max_default + 80 or not any(a in norm for a in self._anchors):
            return ""
        key = text_key(norm)
        found = self._defaults.get(key)
        if found is not None:
            return found
        words = key.split(" ")
        if len(words) < 3:
            return ""
        if words[0] in self._greetings:
            start = 1
        elif f"{words[0]} {words[1]}" in self._greetings:
            start = 2
        else:
            return ""
        for skip in range(_MAX_GREETING_NAME_WORDS + 1):
            found = self._defaults.get(" ".join(words[start + skip :]))
            if found is not None:
                return found
        return ""

    def read(self, text: str) -> NoteReading:
        """Return what note `text` says; an empty reading for blank text."""
        folded, norm = fold_and_normalise(text)
        if not norm:
            return NoteReading(norm, False, "", (), (), (), "")
        default = self._default(norm)
        if default:
            return NoteReading(norm, True, default, (), (), (), self._languages[default])
        advertising: tuple[Evidence, ...] = ()
        scam: tuple[Evidence, ...] = ()
        pitch = self._pitch.find(folded)
        if pitch is not None:
            if pitch.casefold() in self._scam:
                scam = (Evidence("scam", pitch),)
            else:
                advertising = (Evidence("phrase", pitch),)
        else:
            price = self._prices.find(folded)
            if price is not None:
                advertising = (Evidence("price", price),)
        context = self._context.find(folded)
        return NoteReading(
            norm,
            False,
            "",
            advertising,
            scam,
            () if context is None else (Evidence("shared_experience", context),),
            "",
        )
