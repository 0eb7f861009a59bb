"""The built-in rules, each a small function of one invitation's `Case`.

`build_rules` turns a policy's weights and parameters into the list of functions that
`evaluate` runs, once per policy version. A rule returns a RuleHit when it fires, else None.
Rules of reason 1 run first: they decide whether anyone knows the requester (`case.known`),
which later rules and the decision read.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from .catalogue import LANGUAGE_NAMES, NOT_PERSONAL, SPAM, UNKNOWN
from .facts import Facts
from .links import defang, find_links, url_host
from .normalise import (
    first_name_of,
    fold,
    normalise_company,
    normalise_name,
    normalise_profile_url,
    strip_accents,
    text_key,
)
from .notes import NoteReader, NoteReading
from .result import RuleHit

_MAX_SHOWN = 60
_HOST_RE = re.compile(r"(?i)(?<![/\w.-])((?:[a-z0-9-]+\.)+)([a-z]{2,24})\b")
_MAX_LINKS_SHOWN = 3

# E-mail findings that describe the mail rather than show an imitation.
CLAIMS_LINKEDIN = "claims_linkedin"
GENUINE_LINKEDIN = "genuine_linkedin"
_INFORMATIONAL = frozenset({CLAIMS_LINKEDIN, GENUINE_LINKEDIN})
_FINDING_LABELS = {
    "sender_domain": ("sender domain is not LinkedIn's", "Absenderdomain ist nicht LinkedIn"),
    "message_id_domain": (
        "Message-ID domain is not LinkedIn's",
        "Message-ID-Domain ist nicht LinkedIn",
    ),
    "auth_fail": ("failed SPF/DKIM/DMARC", "SPF/DKIM/DMARC fehlgeschlagen"),
    "link_host": ("links to a host that is not LinkedIn's", "Link auf fremden Host"),
    "lookalike_name": ("look-alike of LinkedIn's name", "Name ähnelt LinkedIn"),
    "attachment": ("attachment", "Anhang"),
    "reply_to": ("Reply-To is not the sender's", "Reply-To passt nicht zum Absender"),
    "return_path": ("Return-Path is not the sender's", "Return-Path passt nicht zum Absender"),
}
FIELD_LABELS = {
    "message": ("the note", "der Notiz"),
    "requester_name": ("the name", "dem Namen"),
    "requester_company": ("the company", "der Firma"),
    "requester_headline": ("the headline", "der Überschrift"),
    "requester_profile_url": ("the profile URL", "der Profil-URL"),
}
_BLOCKLIST_FIELDS = ("requester_name", "requester_company", "requester_profile_url", "message")
_MONTHS_EN = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
_MONTHS_DE = "Jan. Feb. März Apr. Mai Juni Juli Aug. Sept. Okt. Nov. Dez.".split()


def safe(text: str, limit: int = _MAX_SHOWN) -> str:
    """Return untrusted `text` shortened to `limit` characters (with "…") and made safe to show:
    links defanged and host names' dots bracketed, so nothing renders as a clickable link."""
    if len(text) <= limit and text.isprintable() and "." not in text and ":" not in text:
        return text
    text = " ".join(str(text).split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    if "." not in text and ":" not in text:
        return text
    text = defang(text)
    if "." in text:
        text = _HOST_RE.sub(lambda m: m.group(1).replace(".", "[.]") + m.group(2), text)
    return text


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _sentence_start(text: str) -> str:
    return text[:1].upper() + text[1:]


def day_en(day: date) -> str:
    """Return `day` as "3 Nov 2026"."""
    return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"


def day_de(day: date) -> str:
    """Return `day` as "3. Nov. 2026"."""
    return f"{day.day}. {_MONTHS_DE[day.month - 1]} {day.year}"


def _connections_phrase(mutual: int | None, colleagues: int | None) -> tuple[str, str]:
    """Return ("3 mutual connections", "3 gemeinsame Kontakte") or the not-recorded wording."""
    if mutual is None and colleagues is None:
        return "no mutual connections recorded", "keine gemeinsamen Kontakte erfasst"
    total = (mutual or 0) + (colleagues or 0)
    if total == 0:
        return "no mutual connections", "keine gemeinsamen Kontakte"
    if total == 1:
        return "1 mutual connection", "ein gemeinsamer Kontakt"
    return f"{total} mutual connections", f"{total} gemeinsame Kontakte"


@dataclass(frozen=True, slots=True)
class Lists:
    """The compiled lists of a policy that rules read."""

    reader: NoteReader
    extra_advertising: Any
    extra_context: Any
    url_shorteners: frozenset[str]
    blocklist: Any


class Case:
    """One invitation being judged: the facts plus what rules work out once and share."""

    __slots__ = (
        "_folded",
        "_links",
        "colleagues",
        "facts",
        "has_note",
        "known",
        "lists",
        "mutual",
        "n_name",
        "n_url",
        "org",
        "reading",
        "vouched",
        "who_de",
        "who_en",
    )

    def __init__(self, facts: Facts, lists: Lists) -> None:
        self.facts = facts
        self.lists = lists
        org = self.org = facts.org
        name = facts.requester_name
        if name:
            self.who_en = self.who_de = safe(name)
        else:
            self.who_en, self.who_de = "the requester", "die anfragende Person"
        url = facts.requester_profile_url
        self.n_url = normalise_profile_url(url) if url else ""
        self.n_name = (
            normalise_name(name)
            if name and (org.known_contact_names or org.colleagues_connected_by_name)
            else ""
        )
        # `known`: any evidence that someone knows the requester (mutual connections too);
        # `vouched`: direct evidence (roster, worked together, name recognised, colleagues
        # connected, accepted before). Only a vouched requester is immune to spam for what
        # the note says, links, photo or country: the article's spam is "someone you don't
        # know", and sharing connections is not knowing someone.
        self.known = False
        self.vouched = False
        self.mutual = facts.mutual_connections
        colleagues = facts.colleagues_connected
        if colleagues is None:
            if self.n_url and org.colleagues_connected_by_url:
                colleagues = org.colleagues_connected_by_url.get(self.n_url)
            if colleagues is None and self.n_name and org.colleagues_connected_by_name:
                colleagues = org.colleagues_connected_by_name.get(self.n_name)
        self.colleagues = colleagues
        message = facts.message
        self.has_note = bool(message) and not message.isspace()
        self.reading: NoteReading = lists.reader.read(message) if self.has_note else _NO_NOTE
        self._folded: str | None = None
        self._links: list[str] | None = None

    @property
    def folded(self) -> str:
        """Return the whole note case-folded with collapsed whitespace."""
        if self._folded is None:
            self._folded = fold(self.facts.message) if self.facts.message else ""
        return self._folded

    @property
    def links(self) -> list[str]:
        """Return the links in the note."""
        if self._links is None:
            self._links = find_links(self.facts.message or "")
        return self._links


Rule = Callable[[Case], RuleHit | None]
_NO_NOTE = NoteReading("", False, "", (), (), (), "")


# --- reason 1: does anyone know the requester? -----------------------------------------------


def known_contact(weight: float, params: dict, lists: Lists) -> Rule:
    def rule(c: Case) -> RuleHit | None:
        org = c.org
        if c.n_url and c.n_url in org.known_contact_urls:
            how_en, how_de = "profile URL on the roster", "Profil-URL in der Kontaktliste"
        elif c.n_name and c.n_name in org.known_contact_names:
            how_en, how_de = "name on the roster", "Name in der Kontaktliste"
        else:
            return None
        c.known = c.vouched = True
        return RuleHit(
            "known_contact",
            UNKNOWN,
            weight,
            f"{c.who_en} is a known contact ({how_en}).",
            f"{c.who_de} ist ein bekannter Kontakt ({how_de}).",
        )

    return rule


def worked_together(weight: float, params: dict, lists: Lists) -> Rule:
    def rule(c: Case) -> RuleHit | None:
        facts = c.facts
        if facts.worked_together == "yes":
            c.known = c.vouched = True
            return RuleHit(
                "worked_together",
                UNKNOWN,
                weight,
                f"The submitter says they worked with {c.who_en}.",
                f"Die einreichende Person hat mit {c.who_de} zusammengearbeitet.",
            )
        company = facts.requester_company
        matcher = c.org.company_matcher
        if company and matcher is not None and matcher.find(normalise_company(company)):
            c.known = c.vouched = True
            return RuleHit(
                "worked_together",
                UNKNOWN,
                weight,
                f"{c.who_en} works at {safe(company)}, one of our employers or clients.",
                f"{c.who_de} arbeitet bei {safe(company)}, einem unserer Arbeitgeber oder Kunden.",
            )
        return None

    return rule


def name_recognised(weight: float, params: dict, lists: Lists) -> Rule:
    def rule(c: Case) -> RuleHit | None:
        if c.facts.recognises_name != "yes":
            return None
        c.known = c.vouched = True
        return RuleHit(
            "name_recognised",
            UNKNOWN,
            weight,
            f"The submitter recognises the name {c.who_en}.",
            f"Die einreichende Person kennt den Namen {c.who_de}.",
        )

    return rule


def connected_to_colleagues(weight: float, params: dict, lists: Lists) -> Rule:
    minimum = params["min_colleagues"]

    def rule(c: Case) -> RuleHit | None:
        colleagues = c.colleagues
        if not colleagues or colleagues < minimum:
            return None
        c.known = c.vouched = True
        return RuleHit(
            "connected_to_colleagues",
            UNKNOWN,
            weight,
            f"{c.who_en} is connected to {_plural(colleagues, 'colleague', 'colleagues')}.",
            f"{c.who_de} ist mit {colleagues} Kolleg(inn)en verbunden.",
        )

    return rule


def accepted_before(weight: float, params: dict, lists: Lists) -> Rule:
    def rule(c: Case) -> RuleHit | None:
        day = c.facts.accepted_before_on
        if day is None:
            return None
        c.known = c.vouched = True
        return RuleHit(
            "accepted_before",
            UNKNOWN,
            weight,
            f"A reviewer accepted {c.who_en} for a colleague on {day_en(day)}.",
            f"Eine prüfende Person hat {c.who_de} am {day_de(day)} für Kolleg(inn)en angenommen.",
        )

    return rule


def has_mutual_connections(weight: float, params: dict, lists: Lists) -> Rule:
    minimum = params["min_mutual"]

    def rule(c: Case) -> RuleHit | None:
        if (c.mutual or 0) + (c.colleagues or 0) < minimum:
            return None
        c.known = True
        phrase_en, phrase_de = _connections_phrase(c.mutual, c.colleagues)
        return RuleHit(
            "has_mutual_connections",
            UNKNOWN,
            weight,
            f"{c.who_en} has {phrase_en}.",
            f"{c.who_de}: {phrase_de}.",
        )

    return rule


def few_mutual_connections(weight: float, params: dict, lists: Lists) -> Rule:
    minimum = params["min_mutual"]

    def rule(c: Case) -> RuleHit | None:
        mutual, colleagues = c.mutual, c.colleagues
        if mutual is None and colleagues is None:
            return RuleHit(
                "few_mutual_connections",
                UNKNOWN,
                weight,
                "No mutual connections recorded.",
                "Keine gemeinsamen Kontakte erfasst.",
            )
        if (mutual or 0) + (colleagues or 0) >= minimum:
            return None
        phrase_en, phrase_de = _connections_phrase(mutual, colleagues)
        return RuleHit(
            "few_mutual_connections",
            UNKNOWN,
            weight,
            f"{_sentence_start(phrase_en)} (minimum {minimum}).",
            f"{_sentence_start(phrase_de)} (Minimum {minimum}).",
        )

    return rule


def industry_outside(weight: float, params: dict, lists: Lists) -> Rule:
    def rule(c: Case) -> RuleHit | None:
        industry = c.facts.requester_industry
        ours = c.org.industry_words
        if not industry or not ours:
            return None
        words = frozenset(normalise_company(industry).split())
        # Words, not substrings: "Recruiting" is not "IT"; "IT Services" is "IT".
        if not words or any(key <= words or words <= key for key in ours):
            return None
        return RuleHit(
            "industry_outside",
            UNKNOWN,
            weight,
            f"{c.who_en}'s industry {safe(industry)} is not one of ours.",
            f"Die Branche {safe(industry)} von {c.who_de} gehört nicht zu unseren.",
        )

    return rule


def name_not_recognised(weight: float, params: dict, lists: Lists) -> Rule:
    def rule(c: Case) -> RuleHit | None:
        if c.facts.recognises_name != "no":
            return None
        return RuleHit(
            "name_not_recognised",
            UNKNOWN,
            weight,
            f"The submitter does not recognise the name {c.who_en}.",
            f"Die einreichende Person kennt den Namen {c.who_de} nicht.",
        )

    return rule


def no_one_knows_requester(weight: float, params: dict, lists: Lists) -> Rule:
    def rule(c: Case) -> RuleHit | None:
        if c.known:
            return None
        phrase_en, phrase_de = _connections_phrase(c.mutual, c.colleagues)
        return RuleHit(
            "no_one_knows_requester",
            UNKNOWN,
            weight,
            f"Nobody said they know {c.who_en}; {phrase_en}.",
            f"Niemand hat angegeben, {c.who_de} zu kennen; {phrase_de}.",
        )

    return rule


# --- reason 2: is the note personal? ---------------------------------------------------------


def no_note(weight: float, params: dict, lists: Lists) -> Rule:
    def rule(c: Case) -> RuleHit | None:
        if c.has_note:
            return None
        return RuleHit(
            "no_note",
            NOT_PERSONAL,
            weight,
            "The invitation has no note.",
            "Die Einladung hat keine Notiz.",
        )

    return rule


def default_text(weight: float, params: dict, lists: Lists, langs: dict[str, str]) -> Rule:
    def rule(c: Case) -> RuleHit | None:
        reading = c.reading
        if not reading.is_default:
            return None
        lang = langs.get(reading.default_text) or reading.language
        lang_en, lang_de = LANGUAGE_NAMES.get(lang, (lang or "?", lang or "?"))
        return RuleHit(
            "default_text",
            NOT_PERSONAL,
            weight,
            f"The note is LinkedIn's default text ({lang_en}).",
            f"Die Notiz ist LinkedIns Standardtext ({lang_de}).",
        )

    return rule


def short_note(weight: float, params: dict, lists: Lists) -> Rule:
    minimum = params["min_length"]

    def rule(c: Case) -> RuleHit | None:
        if not c.has_note or c.reading.is_default:
            return None
        message = c.facts.message
        length = len(c.reading.body)
        if length >= minimum:
            return None
        shown = safe(message.strip(), 40)
        return RuleHit(
            "short_note",
            NOT_PERSONAL,
            weight,
            f"The note has only {length} characters (minimum {minimum}): \u201c{shown}\u201d.",
            f"Die Notiz hat nur {length} Zeichen (Minimum {minimum}): \u201e{shown}\u201c.",
        )

    return rule


def _has_context(c: Case) -> bool:
    if c.reading.context:
        return True
    extra = c.lists.extra_context
    if extra is not None and extra.find(c.folded) is not None:
        return True
    # Naming one of our employers or clients is context too ("Acme Deutschland").
    company = c.org.company_matcher
    return company is not None and (
        company.find(text_key(strip_accents(fold(c.reading.body)))) is not None
    )


def no_context(weight: float, params: dict, lists: Lists) -> Rule:
    def rule(c: Case) -> RuleHit | None:
        if not c.has_note or c.reading.is_default or _has_context(c):
            return None
        first = first_name_of(c.facts.recipient)
        if first and first.casefold() in text_key(fold(c.reading.body)).split(" "):
            en = (
                f"The note greets {safe(first)} by name but does not say where or how they "
                "know each other."
            )
            de = (
                f"Die Notiz spricht {safe(first)} mit Namen an, sagt aber nicht, woher man "
                "sich kennt."
            )
        else:
            en = "The note does not say where or how they know each other."
            de = "Die Notiz sagt nicht, woher man sich kennt."
        return RuleHit("no_context", NOT_PERSONAL, weight, en, de)

    return rule


# --- reason 3: does it look like spam? -------------------------------------------------------


def no_photo(weight: float, params: dict, lists: Lists) -> Rule:
    def rule(c: Case) -> RuleHit | None:
        if c.facts.requester_has_photo is not False:
            return None
        return RuleHit(
            "no_photo",
            SPAM,
            weight,
            f"{c.who_en} has no profile photo.",
            f"{c.who_de} hat kein Profilfoto.",
        )

    return rule


def _outermost(quotes: list[str]) -> list[str]:
    """Return `quotes` without those that another, longer quote already contains."""
    folded = [q.casefold() for q in quotes]
    return [
        q
        for i, q in enumerate(quotes)
        if not any(j != i and folded[i] in f and folded[i] != f for j, f in enumerate(folded))
        and folded.index(folded[i]) == i
    ]


def promotional(weight: float, params: dict, lists: Lists) -> Rule:
    detect_prices = params["detect_prices"]

    def rule(c: Case) -> RuleHit | None:
        if not c.has_note:
            return None
        reading = c.reading
        scam = reading.scam
        advertising = tuple(e for e in reading.advertising if detect_prices or e.kind != "price")
        if not scam and not advertising and lists.extra_advertising is not None:
            match = lists.extra_advertising.find(c.folded)
            if match is not None:
                advertising = (match,)
        if not scam and not advertising:
            return None
        quotes = _outermost([getattr(e, "quote", e) for e in (scam or advertising)])
        shown = "\u201d, \u201c".join(safe(q, 40) for q in quotes[:3])
        shown_de = "\u201c, \u201e".join(safe(q, 40) for q in quotes[:3])
        if c.vouched:
            # Someone knows the requester: a pitch is not spam, but it is not personal either.
            return RuleHit(
                "promotional",
                NOT_PERSONAL,
                weight,
                f"The note is a sales pitch, not a personal note: \u201c{shown}\u201d.",
                f"Die Notiz ist ein Verkaufsgespräch, keine persönliche Notiz: "
                f"\u201e{shown_de}\u201c.",
            )
        if scam:
            en = f"The note looks like a scam: \u201c{shown}\u201d."
            de = f"Die Notiz sieht nach Betrug aus: \u201e{shown_de}\u201c."
        else:
            en = f"The note advertises: \u201c{shown}\u201d."
            de = f"Die Notiz macht Werbung: \u201e{shown_de}\u201c."
        return RuleHit("promotional", SPAM, weight, en, de)

    return rule


def links_in_note(weight: float, params: dict, lists: Lists) -> Rule:
    def rule(c: Case) -> RuleHit | None:
        links = c.links
        if not links:
            return None
        shown = ", ".join(safe(link) for link in links[:_MAX_LINKS_SHOWN])
        if len(links) > _MAX_LINKS_SHOWN:
            shown += ", …"
        return RuleHit(
            "links_in_note",
            SPAM,
            weight,
            f"{_plural(len(links), 'link', 'links')} in the note: {shown}",
            f"{len(links)} Link{'' if len(links) == 1 else 's'} in der Notiz: {shown}",
        )

    return rule


def shortened_link(weight: float, params: dict, lists: Lists) -> Rule:
    shorteners = lists.url_shorteners

    def rule(c: Case) -> RuleHit | None:
        links = c.links
        if not links:
            return None
        short = [link for link in links if url_host(link) in shorteners]
        if not short:
            return None
        n = len(short)
        shown = ", ".join(safe(link) for link in short[:_MAX_LINKS_SHOWN])
        return RuleHit(
            "shortened_link",
            SPAM,
            weight,
            f"{_plural(n, 'shortened link', 'shortened links')} "
            f"{'hides where it leads' if n == 1 else 'hide where they lead'}: {shown}",
            f"{n} gekürzte{'r' if n == 1 else ''} Link{'' if n == 1 else 's'} "
            f"{'verbirgt' if n == 1 else 'verbergen'} das Ziel: {shown}",
        )

    return rule


def attachments(weight: float, params: dict, lists: Lists) -> Rule:
    def rule(c: Case) -> RuleHit | None:
        found = c.facts.attachments
        if not found:
            return None
        count = len(found)
        shown = ", ".join(safe(a, 40) for a in found[:3])
        return RuleHit(
            "attachments",
            SPAM,
            weight,
            f"{_plural(count, 'attachment', 'attachments')}: {shown}.",
            f"{count} Anh{'ang' if count == 1 else 'änge'}: {shown}.",
        )

    return rule


def foreign_country(weight: float, params: dict, lists: Lists) -> Rule:
    def rule(c: Case) -> RuleHit | None:
        country = c.facts.requester_country
        ours = c.org.countries
        if not country or not ours or country in ours:
            return None
        listed = ", ".join(sorted(ours)[:6])
        return RuleHit(
            "foreign_country",
            SPAM,
            weight,
            f"{c.who_en} is in {safe(country, 8)}, outside our countries ({listed}).",
            f"{c.who_de} sitzt in {safe(country, 8)}, außerhalb unserer Länder ({listed}).",
        )

    return rule


def _blocklisted(matchers: tuple[Any, Any], texts: tuple[str, ...]) -> tuple[str, str] | None:
    """Return (field, shown entry) for the first blocklist match in `texts`, or None.

    One search over all fields joined by newlines; the field is only located after a hit."""
    haystack = "\n".join(texts)
    for matcher in matchers:
        if matcher is None or matcher.find(haystack) is None:
            continue
        for field, text in zip(_BLOCKLIST_FIELDS, texts, strict=True):
            if text:
                match = matcher.find(text)
                if match is not None:
                    return field, safe(match, 40)
    return None


def blocklisted(weight: float, params: dict, lists: Lists) -> Rule:
    def rule(c: Case) -> RuleHit | None:
        org_matcher = c.org.blocklist_matcher
        if org_matcher is None and lists.blocklist is None:
            return None
        facts = c.facts
        found = _blocklisted(
            (org_matcher, lists.blocklist),
            # The matchers ignore case, so the note needs no folding to be searched.
            (
                facts.requester_name,
                facts.requester_company,
                facts.requester_profile_url,
                facts.message,
            ),
        )
        if found is None:
            return None
        field, shown = found
        label_en, label_de = FIELD_LABELS[field]
        return RuleHit(
            "blocklisted",
            SPAM,
            weight,
            f"Blocklisted \u201c{shown}\u201d appears in {label_en}.",
            f"Gesperrtes \u201e{shown}\u201c steht in {label_de}.",
        )

    return rule


def reported_as_spam_before(weight: float, params: dict, lists: Lists) -> Rule:
    def rule(c: Case) -> RuleHit | None:
        day = c.facts.reported_spam_on
        if day is None:
            return None
        return RuleHit(
            "reported_as_spam_before",
            SPAM,
            weight,
            f"Reported as spam by a reviewer on {day_en(day)}.",
            f"Am {day_de(day)} von einer prüfenden Person als Spam gemeldet.",
        )

    return rule


def linkedin_imitation(weight: float, params: dict, lists: Lists) -> Rule:
    def rule(c: Case) -> RuleHit | None:
        findings = c.facts.email_findings
        if not findings:
            return None
        signs = [(code, detail) for code, detail in findings if code not in _INFORMATIONAL]
        if not signs:
            genuine = [detail for code, detail in findings if code == GENUINE_LINKEDIN]
            if not genuine:
                return None
            why = "; ".join(safe(d, 60) for d in genuine[:2] if d)
            return RuleHit(
                "linkedin_imitation",
                SPAM,
                0.0,
                "The e-mail is genuine LinkedIn mail" + (f": {why}." if why else "."),
                "Die E-Mail stammt wirklich von LinkedIn" + (f": {why}." if why else "."),
            )
        parts_en, parts_de = [], []
        for code, detail in signs[:4]:
            label_en, label_de = _FINDING_LABELS.get(code, (safe(code, 30), safe(code, 30)))
            suffix = f" ({safe(detail, 40)})" if detail else ""
            parts_en.append(label_en + suffix)
            parts_de.append(label_de + suffix)
        if any(code == CLAIMS_LINKEDIN for code, _detail in findings):
            en, de = "The e-mail imitates LinkedIn: ", "Die E-Mail imitiert LinkedIn: "
        else:
            en = "Invitation-themed mail from a sender that is not LinkedIn: "
            de = "Einladungs-Mail eines Absenders, der nicht LinkedIn ist: "
        return RuleHit(
            "linkedin_imitation",
            SPAM,
            weight,
            en + "; ".join(parts_en) + ".",
            de + "; ".join(parts_de) + ".",
        )

    return rule


def mass_inviter(weight: float, params: dict, lists: Lists) -> Rule:
    minimum = params["min_colleagues"]
    days = params["window_days"]

    def rule(c: Case) -> RuleHit | None:
        invited = c.facts.recent_invites_to_colleagues
        if not invited or invited < minimum:
            return None
        return RuleHit(
            "mass_inviter",
            SPAM,
            weight,
            f"{c.who_en} invited {invited} colleagues within {days} days.",
            f"{c.who_de} hat {invited} Kolleg(inn)en in {days} Tagen eingeladen.",
        )

    return rule


# In the order they run: evidence of knowing first, since later rules read `case.known`.
FACTORIES: dict[str, Callable[..., Rule]] = {
    "known_contact": known_contact,
    "worked_together": worked_together,
    "name_recognised": name_recognised,
    "connected_to_colleagues": connected_to_colleagues,
    "accepted_before": accepted_before,
    "has_mutual_connections": has_mutual_connections,
    "few_mutual_connections": few_mutual_connections,
    "industry_outside": industry_outside,
    "name_not_recognised": name_not_recognised,
    "no_one_knows_requester": no_one_knows_requester,
    "no_note": no_note,
    "default_text": default_text,
    "short_note": short_note,
    "no_context": no_context,
    "no_photo": no_photo,
    "promotional": promotional,
    "links_in_note": links_in_note,
    "shortened_link": shortened_link,
    "attachments": attachments,
    "foreign_country": foreign_country,
    "blocklisted": blocklisted,
    "reported_as_spam_before": reported_as_spam_before,
    "linkedin_imitation": linkedin_imitation,
    "mass_inviter": mass_inviter,
}


def build_rules(
    weights: dict[str, float | None],
    params: dict[str, dict[str, Any]],
    lists: Lists,
    default_langs: dict[str, str],
) -> tuple[Rule, ...]:
    """Return the functions of the enabled built-in rules, in running order."""
    rules = []
    for rule_id, factory in FACTORIES.items():
        weight = weights.get(rule_id)
        if weight is None:
            continue
        if rule_id == "default_text":
            rules.append(factory(weight, params[rule_id], lists, default_langs))
        else:
            rules.append(factory(weight, params[rule_id], lists))
    return tuple(rules)
