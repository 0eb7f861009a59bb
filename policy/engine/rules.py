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
from .messages import Message, gettext_noop, joined
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
    "sender_domain": gettext_noop("sender domain is not LinkedIn's"),
    "message_id_domain": gettext_noop("Message-ID domain is not LinkedIn's"),
    "auth_fail": gettext_noop("failed SPF/DKIM/DMARC"),
    "link_host": gettext_noop("links to a host that is not LinkedIn's"),
    "lookalike_name": gettext_noop("look-alike of LinkedIn's name"),
    "attachment": gettext_noop("attachment"),
    "reply_to": gettext_noop("Reply-To is not the sender's"),
    "return_path": gettext_noop("Return-Path is not the sender's"),
}
# Where a blocklisted or custom-rule match was found, as the end of "… appears in <field>".
FIELD_LABELS = {
    "message": gettext_noop("in the note"),
    "requester_name": gettext_noop("in the name"),
    "requester_company": gettext_noop("in the company"),
    "requester_headline": gettext_noop("in the headline"),
    "requester_profile_url": gettext_noop("in the profile URL"),
}
_BLOCKLIST_FIELDS = ("requester_name", "requester_company", "requester_profile_url", "message")
# One template per month: German writes "3. Nov. 2026", French "3 nov. 2026".
_DAYS = tuple(
    template.template
    for template in (
        gettext_noop("%(day)s Jan %(year)s"),
        gettext_noop("%(day)s Feb %(year)s"),
        gettext_noop("%(day)s Mar %(year)s"),
        gettext_noop("%(day)s Apr %(year)s"),
        gettext_noop("%(day)s May %(year)s"),
        gettext_noop("%(day)s Jun %(year)s"),
        gettext_noop("%(day)s Jul %(year)s"),
        gettext_noop("%(day)s Aug %(year)s"),
        gettext_noop("%(day)s Sep %(year)s"),
        gettext_noop("%(day)s Oct %(year)s"),
        gettext_noop("%(day)s Nov %(year)s"),
        gettext_noop("%(day)s Dec %(year)s"),
    )
)
THE_REQUESTER = gettext_noop("the requester")


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


def day_message(day: date) -> Message:
    """Return `day` as a Message: "3 Nov 2026" in English."""
    return Message(_DAYS[day.month - 1], {"day": day.day, "year": day.year})


def quoted(text: str) -> Message:
    """Return `text` in the reader's quotation marks: “text” in English, „text“ in German."""
    return gettext_noop("“%(text)s”", text=text)


def _connections_phrase(mutual: int | None, colleagues: int | None) -> Message:
    """Return "3 mutual connections" or the not-recorded wording, as a Message."""
    if mutual is None and colleagues is None:
        return gettext_noop("no mutual connections recorded")
    total = (mutual or 0) + (colleagues or 0)
    if total == 0:
        return gettext_noop("no mutual connections")
    if total == 1:
        return gettext_noop("1 mutual connection")
    return gettext_noop("%(count)s mutual connections", count=total)


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
        "_body_folded",
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
        "who",
    )

    def __init__(self, facts: Facts, lists: Lists) -> None:
        self.facts = facts
        self.lists = lists
        org = self.org = facts.org
        name = facts.requester_name
        self.who: str = safe(name) if name else THE_REQUESTER
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
        self._body_folded: str | None = None
        self._links: list[str] | None = None

    @property
    def folded(self) -> str:
        """Return the whole note case-folded with collapsed whitespace."""
        if self._folded is None:
            self._folded = fold(self.facts.message) if self.facts.message else ""
        return self._folded

    @property
    def body_folded(self) -> str:
        """Return the note's body (without its name-like closing) case-folded."""
        if self._body_folded is None:
            self._body_folded = fold(self.reading.body)
        return self._body_folded

    @property
    def links(self) -> list[str]:
        """Return the links in the note."""
        if self._links is None:
            self._links = find_links(self.facts.message or "")
        return self._links


Rule = Callable[[Case], RuleHit | None]
_NO_NOTE = NoteReading("", False, "", (), (), (), "")


# --- reason 1: does anyone know the requester? -----------------------------------------------


_ON_ROSTER_URL = gettext_noop("profile URL on the roster")
_ON_ROSTER_NAME = gettext_noop("name on the roster")


def known_contact(weight: float, params: dict, lists: Lists) -> Rule:
    def rule(c: Case) -> RuleHit | None:
        org = c.org
        if c.n_url and c.n_url in org.known_contact_urls:
            how = _ON_ROSTER_URL
        elif c.n_name and c.n_name in org.known_contact_names:
            how = _ON_ROSTER_NAME
        else:
            return None
        c.known = c.vouched = True
        return RuleHit(
            "known_contact",
            UNKNOWN,
            weight,
            gettext_noop("%(who)s is a known contact (%(how)s).", who=c.who, how=how),
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
                gettext_noop("The submitter says they worked with %(who)s.", who=c.who),
            )
        company = facts.requester_company
        matcher = c.org.company_matcher
        if company and matcher is not None and matcher.find(normalise_company(company)):
            c.known = c.vouched = True
            return RuleHit(
                "worked_together",
                UNKNOWN,
                weight,
                gettext_noop(
                    "%(who)s works at %(company)s, one of our employers or clients.",
                    who=c.who,
                    company=safe(company),
                ),
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
            gettext_noop("The submitter recognises the name %(who)s.", who=c.who),
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
            gettext_noop("%(who)s is connected to %(count)s colleague.", who=c.who, count=1)
            if colleagues == 1
            else gettext_noop(
                "%(who)s is connected to %(count)s colleagues.", who=c.who, count=colleagues
            ),
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
            gettext_noop(
                "A reviewer accepted %(who)s for a colleague on %(day)s.",
                who=c.who,
                day=day_message(day),
            ),
        )

    return rule


def has_mutual_connections(weight: float, params: dict, lists: Lists) -> Rule:
    minimum = params["min_mutual"]

    def rule(c: Case) -> RuleHit | None:
        if (c.mutual or 0) + (c.colleagues or 0) < minimum:
            return None
        c.known = True
        return RuleHit(
            "has_mutual_connections",
            UNKNOWN,
            weight,
            gettext_noop(
                "%(who)s has %(connections)s.",
                who=c.who,
                connections=_connections_phrase(c.mutual, c.colleagues),
            ),
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
                gettext_noop("No mutual connections recorded."),
            )
        total = (mutual or 0) + (colleagues or 0)
        if total >= minimum:
            return None
        if total == 0:
            explanation = gettext_noop(
                "No mutual connections (minimum %(minimum)s).", minimum=minimum
            )
        elif total == 1:
            explanation = gettext_noop(
                "1 mutual connection (minimum %(minimum)s).", minimum=minimum
            )
        else:
            explanation = gettext_noop(
                "%(count)s mutual connections (minimum %(minimum)s).", count=total, minimum=minimum
            )
        return RuleHit("few_mutual_connections", UNKNOWN, weight, explanation)

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
            gettext_noop(
                "%(who)s's industry %(industry)s is not one of ours.",
                who=c.who,
                industry=safe(industry),
            ),
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
            gettext_noop("The submitter does not recognise the name %(who)s.", who=c.who),
        )

    return rule


def no_one_knows_requester(weight: float, params: dict, lists: Lists) -> Rule:
    def rule(c: Case) -> RuleHit | None:
        if c.known:
            return None
        return RuleHit(
            "no_one_knows_requester",
            UNKNOWN,
            weight,
            gettext_noop(
                "Nobody said they know %(who)s; %(connections)s.",
                who=c.who,
                connections=_connections_phrase(c.mutual, c.colleagues),
            ),
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
            gettext_noop("The invitation has no note."),
        )

    return rule


def default_text(weight: float, params: dict, lists: Lists, langs: dict[str, str]) -> Rule:
    def rule(c: Case) -> RuleHit | None:
        reading = c.reading
        if not reading.is_default:
            return None
        lang = langs.get(reading.default_text) or reading.language
        return RuleHit(
            "default_text",
            NOT_PERSONAL,
            weight,
            gettext_noop(
                "The note is LinkedIn's default text (%(language)s).",
                language=LANGUAGE_NAMES.get(lang) or lang or "?",
            ),
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
            gettext_noop(
                "The note has only %(length)s characters (minimum %(minimum)s): %(note)s.",
                length=length,
                minimum=minimum,
                note=quoted(shown),
            ),
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
        company.find(text_key(strip_accents(c.body_folded))) is not None
    )


def no_context(weight: float, params: dict, lists: Lists) -> Rule:
    def rule(c: Case) -> RuleHit | None:
        if not c.has_note or c.reading.is_default or _has_context(c):
            return None
        first = first_name_of(c.facts.recipient)
        if first and first.casefold() in text_key(c.body_folded).split(" "):
            explanation = gettext_noop(
                "The note greets %(name)s by name but does not say where or how they know "
                "each other.",
                name=safe(first),
            )
        else:
            explanation = gettext_noop("The note does not say where or how they know each other.")
        return RuleHit("no_context", NOT_PERSONAL, weight, explanation)

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
            gettext_noop("%(who)s has no profile photo.", who=c.who),
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
        shown = joined(", ", [quoted(safe(q, 40)) for q in quotes[:3]])
        if c.vouched:
            # Someone knows the requester: a pitch is not spam, but it is not personal either.
            return RuleHit(
                "promotional",
                NOT_PERSONAL,
                weight,
                gettext_noop(
                    "The note is a sales pitch, not a personal note: %(quotes)s.", quotes=shown
                ),
            )
        if scam:
            explanation = gettext_noop("The note looks like a scam: %(quotes)s.", quotes=shown)
        else:
            explanation = gettext_noop("The note advertises: %(quotes)s.", quotes=shown)
        return RuleHit("promotional", SPAM, weight, explanation)

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
            gettext_noop("1 link in the note: %(links)s", links=shown)
            if len(links) == 1
            else gettext_noop(
                "%(count)s links in the note: %(links)s", count=len(links), links=shown
            ),
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
            gettext_noop("1 shortened link hides where it leads: %(links)s", links=shown)
            if n == 1
            else gettext_noop(
                "%(count)s shortened links hide where they lead: %(links)s", count=n, links=shown
            ),
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
            gettext_noop("1 attachment: %(names)s.", names=shown)
            if count == 1
            else gettext_noop("%(count)s attachments: %(names)s.", count=count, names=shown),
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
            gettext_noop(
                "%(who)s is in %(country)s, outside our countries (%(ours)s).",
                who=c.who,
                country=safe(country, 8),
                ours=listed,
            ),
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
        return RuleHit(
            "blocklisted",
            SPAM,
            weight,
            gettext_noop(
                "Blocklisted %(entry)s appears %(field)s.",
                entry=quoted(shown),
                field=FIELD_LABELS[field],
            ),
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
            gettext_noop("Reported as spam by a reviewer on %(day)s.", day=day_message(day)),
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
                gettext_noop("The e-mail is genuine LinkedIn mail: %(why)s.", why=why)
                if why
                else gettext_noop("The e-mail is genuine LinkedIn mail."),
            )
        parts = []
        for code, detail in signs[:4]:
            label = _FINDING_LABELS.get(code) or safe(code, 30)
            if detail:
                label = Message(
                    "%(label)s (%(detail)s)", {"label": label, "detail": safe(detail, 40)}
                )
            parts.append(label)
        if any(code == CLAIMS_LINKEDIN for code, _detail in findings):
            template = gettext_noop("The e-mail imitates LinkedIn: %(signs)s.")
        else:
            template = gettext_noop(
                "Invitation-themed mail from a sender that is not LinkedIn: %(signs)s."
            )
        return RuleHit(
            "linkedin_imitation",
            SPAM,
            weight,
            Message(template.template, {"signs": joined("; ", parts)}),
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
            gettext_noop(
                "%(who)s invited %(count)s colleagues within %(days)s days.",
                who=c.who,
                count=invited,
                days=days,
            ),
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
