"""Evaluating one invitation's facts against a compiled policy.

This is the hot path (tens of thousands of calls per second), so the checks are written as one
straight function over precompiled matchers, and explanations are only formatted for rules
that fire."""

from __future__ import annotations

import re
from typing import Any

from .catalogue import (
    ACCEPT,
    DONT_KNOW,
    IGNORE,
    LANGUAGE_NAMES,
    NOT_PERSONAL,
    REPORT_SPAM,
    SPAM,
    UNKNOWN,
)
from .compile import CompiledPolicy, compile_policy
from .facts import Facts
from .links import defang, find_links, url_host
from .normalise import (
    first_name_of,
    fold,
    fold_and_normalise,
    normalise_company,
    normalise_name,
    normalise_profile_url,
    strip_accents,
    text_key,
)
from .result import Result, RuleHit

_HOST_RE = re.compile(r"(?i)(?<![/\w.-])((?:[a-z0-9-]+\.)+)([a-z]{2,24})\b")
_MAX_SHOWN = 60
_MAX_LINKS_SHOWN = 3
_MAX_GREETING_NAME_WORDS = 4

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
}
_FIELD_LABELS = {
    "message": ("the note", "der Notiz"),
    "requester_name": ("the name", "dem Namen"),
    "requester_company": ("the company", "der Firma"),
    "requester_headline": ("the headline", "der Überschrift"),
    "requester_profile_url": ("the profile URL", "der Profil-URL"),
}


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


def _sentence_start(text: str) -> str:
    """Return `text` with its first letter upper-case and the rest untouched (German nouns)."""
    return text[:1].upper() + text[1:]


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


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


_BLOCKLIST_FIELDS = ("requester_name", "requester_company", "requester_profile_url", "message")


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


def evaluate(facts: Facts, policy: CompiledPolicy | dict[str, Any] | None = None) -> Result:
    """Return the Result of judging `facts` by `policy` (a CompiledPolicy, policy data, or None
    for the default policy). Pure: no I/O, no global state besides the compile cache.
    Raises PolicyInvalid only when `policy` is invalid data."""
    cp = policy if isinstance(policy, CompiledPolicy) else compile_policy(policy)
    weights = cp.weights
    params = cp.params
    org = facts.org
    hits: list[RuleHit] = []
    add = hits.append

    name = facts.requester_name
    if name:
        who_en = who_de = safe(name)
    else:
        who_en, who_de = "the requester", "die anfragende Person"
    url = facts.requester_profile_url
    n_url = normalise_profile_url(url) if url else ""
    n_name = (
        normalise_name(name)
        if name and (org.known_contact_names or org.colleagues_connected_by_name)
        else ""
    )

    # Reason 1: is there any evidence that someone knows the requester?
    evidence = False
    weight = weights["known_contact"]
    if weight is not None:
        if n_url and n_url in org.known_contact_urls:
            evidence = True
            add(
                RuleHit(
                    "known_contact",
                    UNKNOWN,
                    weight,
                    f"{who_en} is a known contact (profile URL on the roster).",
                    f"{who_de} ist ein bekannter Kontakt (Profil-URL in der Kontaktliste).",
                )
            )
        elif n_name and n_name in org.known_contact_names:
            evidence = True
            add(
                RuleHit(
                    "known_contact",
                    UNKNOWN,
                    weight,
                    f"{who_en} is a known contact (name on the roster).",
                    f"{who_de} ist ein bekannter Kontakt (Name in der Kontaktliste).",
                )
            )
    weight = weights["worked_together"]
    if weight is not None:
        company = facts.requester_company
        if facts.worked_together == "yes":
            evidence = True
            add(
                RuleHit(
                    "worked_together",
                    UNKNOWN,
                    weight,
                    f"The submitter says they worked with {who_en}.",
                    f"Die einreichende Person hat mit {who_de} zusammengearbeitet.",
                )
            )
        elif (
            company
            and org.company_matcher is not None
            and org.company_matcher.find(normalise_company(company)) is not None
        ):
            evidence = True
            add(
                RuleHit(
                    "worked_together",
                    UNKNOWN,
                    weight,
                    f"{who_en} works at {safe(company)}, one of our employers or clients.",
                    f"{who_de} arbeitet bei {safe(company)}, einem unserer Arbeitgeber "
                    "oder Kunden.",
                )
            )
    weight = weights["name_recognised"]
    if weight is not None and facts.recognises_name == "yes":
        evidence = True
        add(
            RuleHit(
                "name_recognised",
                UNKNOWN,
                weight,
                f"The submitter recognises the name {who_en}.",
                f"Die einreichende Person kennt den Namen {who_de}.",
            )
        )
    mutual = facts.mutual_connections
    colleagues = facts.colleagues_connected
    if colleagues is None:
        if n_url and org.colleagues_connected_by_url:
            colleagues = org.colleagues_connected_by_url.get(n_url)
        if colleagues is None and n_name and org.colleagues_connected_by_name:
            colleagues = org.colleagues_connected_by_name.get(n_name)
    weight = weights["connected_to_colleagues"]
    if weight is not None and colleagues:
        minimum = params["connected_to_colleagues"]["min_colleagues"]
        if colleagues >= minimum:
            evidence = True
            add(
                RuleHit(
                    "connected_to_colleagues",
                    UNKNOWN,
                    weight,
                    f"{who_en} is connected to {_plural(colleagues, 'colleague', 'colleagues')}.",
                    f"{who_de} ist mit {colleagues} Kolleg(inn)en verbunden.",
                )
            )
    total = (mutual or 0) + (colleagues or 0)
    weight = weights["has_mutual_connections"]
    if weight is not None and total >= params["has_mutual_connections"]["min_mutual"]:
        evidence = True
        phrase_en, phrase_de = _connections_phrase(mutual, colleagues)
        add(
            RuleHit(
                "has_mutual_connections",
                UNKNOWN,
                weight,
                f"{who_en} has {phrase_en}.",
                f"{who_de}: {phrase_de}.",
            )
        )
    weight = weights["few_mutual_connections"]
    if weight is not None:
        minimum = params["few_mutual_connections"]["min_mutual"]
        if mutual is None and colleagues is None:
            add(
                RuleHit(
                    "few_mutual_connections",
                    UNKNOWN,
                    weight,
                    "No mutual connections recorded.",
                    "Keine gemeinsamen Kontakte erfasst.",
                )
            )
        elif total < minimum:
            add(
                RuleHit(
                    "few_mutual_connections",
                    UNKNOWN,
                    weight,
                    f"{_sentence_start(_connections_phrase(mutual, colleagues)[0])}"
                    f" (minimum {minimum}).",
                    f"{_sentence_start(_connections_phrase(mutual, colleagues)[1])}"
                    f" (Minimum {minimum}).",
                )
            )
    weight = weights["industry_outside"]
    industry = facts.requester_industry
    if weight is not None and industry and org.industry_keys:
        n_industry = normalise_company(industry)
        if n_industry and not any(
            key == n_industry or key in n_industry or n_industry in key for key in org.industry_keys
        ):
            add(
                RuleHit(
                    "industry_outside",
                    UNKNOWN,
                    weight,
                    f"{who_en}'s industry {safe(industry)} is not one of ours.",
                    f"Die Branche {safe(industry)} von {who_de} gehört nicht zu unseren.",
                )
            )
    weight = weights["name_not_recognised"]
    if weight is not None and facts.recognises_name == "no":
        add(
            RuleHit(
                "name_not_recognised",
                UNKNOWN,
                weight,
                f"The submitter does not recognise the name {who_en}.",
                f"Die einreichende Person kennt den Namen {who_de} nicht.",
            )
        )
    weight = weights["no_one_knows_requester"]
    if weight is not None and not evidence:
        phrase_en, phrase_de = _connections_phrase(mutual, colleagues)
        add(
            RuleHit(
                "no_one_knows_requester",
                UNKNOWN,
                weight,
                f"Nobody said they know {who_en}; {phrase_en}.",
                f"Niemand hat angegeben, {who_de} zu kennen; {phrase_de}.",
            )
        )

    # Reason 2: is the note personalised?
    message = facts.message or ""
    folded, norm = fold_and_normalise(message)
    reading = cp.note_reader.read(message)
    if not message.strip():
        weight = weights["no_note"]
        if weight is not None:
            add(
                RuleHit(
                    "no_note",
                    NOT_PERSONAL,
                    weight,
                    "The invitation has no note.",
                    "Die Einladung hat keine Notiz.",
                )
            )
    else:
        weight = weights["default_text"]
        if weight is not None and reading.is_default:
            lang = cp.default_texts.get(text_key(fold(reading.default_text)), reading.language)
            lang_en, lang_de = LANGUAGE_NAMES.get(lang, (lang, lang))
            add(
                RuleHit(
                    "default_text",
                    NOT_PERSONAL,
                    weight,
                    f"The note is LinkedIn's default text ({lang_en}).",
                    f"Die Notiz ist LinkedIns Standardtext ({lang_de}).",
                )
            )
        if not reading.is_default:
            weight = weights["short_note"]
            minimum = params["short_note"]["min_length"]
            length = len(" ".join(reading.body.split()))
            if weight is not None and length < minimum:
                shown = safe(message.strip(), 40)
                add(
                    RuleHit(
                        "short_note",
                        NOT_PERSONAL,
                        weight,
                        f"The note has only {length} characters (minimum {minimum}): "
                        f"\u201c{shown}\u201d.",
                        f"Die Notiz hat nur {length} Zeichen (Minimum {minimum}): "
                        f"\u201e{shown}\u201c.",
                    )
                )
            weight = weights["no_context"]
            if weight is not None:
                has_context = bool(reading.context) or (
                    cp.context_matcher is not None and cp.context_matcher.find(folded) is not None
                )
                if not has_context and org.company_matcher is not None:
                    has_context = (
                        org.company_matcher.find(text_key(strip_accents(folded))) is not None
                    )
                if not has_context:
                    first = first_name_of(facts.recipient)
                    if first and first.casefold() in text_key(norm).split(" "):
                        en = (
                            f"The note greets {safe(first)} by name but does not say where or "
                            "how they know each other."
                        )
                        de = (
                            f"Die Notiz spricht {safe(first)} mit Namen an, sagt aber nicht, "
                            "woher man sich kennt."
                        )
                    else:
                        en = "The note does not say where or how they know each other."
                        de = "Die Notiz sagt nicht, woher man sich kennt."
                    add(RuleHit("no_context", NOT_PERSONAL, weight, en, de))

    # Reason 3: does it look like spam?
    weak_start = len(hits)
    weight = weights["no_photo"]
    if weight is not None and facts.requester_has_photo is False:
        add(
            RuleHit(
                "no_photo",
                SPAM,
                weight,
                f"{who_en} has no profile photo.",
                f"{who_de} hat kein Profilfoto.",
            )
        )
    weight = weights["promotional"]
    if weight is not None and norm:
        pitch = reading.advertising or reading.scam
        match = pitch[0].quote if pitch else None
        if match is None and cp.promo_matcher is not None:
            match = cp.promo_matcher.find(folded)
        if match is None and params["promotional"]["detect_prices"]:
            match = cp.price_matcher.find(folded)
        if match is not None:
            shown = safe(match, 40)
            add(
                RuleHit(
                    "promotional",
                    SPAM,
                    weight,
                    f"The note is promotional: \u201c{shown}\u201d.",
                    f"Die Notiz ist Werbung: \u201e{shown}\u201c.",
                )
            )
    # Every link has "/" (scheme or path) or starts with "www."; most notes have neither.
    links = find_links(message) if "/" in folded or "www." in folded else []
    if links:
        weight = weights["links_in_note"]
        if weight is not None:
            shown = ", ".join(safe(link) for link in links[:_MAX_LINKS_SHOWN])
            if len(links) > _MAX_LINKS_SHOWN:
                shown += ", …"
            add(
                RuleHit(
                    "links_in_note",
                    SPAM,
                    weight,
                    f"{_plural(len(links), 'link', 'links')} in the note: {shown}",
                    f"{len(links)} Link{'' if len(links) == 1 else 's'} in der Notiz: {shown}",
                )
            )
        weight = weights["shortened_link"]
        if weight is not None:
            short = [link for link in links if url_host(link) in cp.url_shorteners]
            if short:
                shown = ", ".join(safe(link) for link in short[:_MAX_LINKS_SHOWN])
                add(
                    RuleHit(
                        "shortened_link",
                        SPAM,
                        weight,
                        f"{_plural(len(short), 'shortened link', 'shortened links')} "
                        f"{'hides where it leads' if len(short) == 1 else 'hide where they lead'}"
                        f": {shown}",
                        f"{len(short)} gekürzte{'r' if len(short) == 1 else ''} Link"
                        f"{'' if len(short) == 1 else 's'} "
                        f"{'verbirgt' if len(short) == 1 else 'verbergen'} das Ziel: {shown}",
                    )
                )
    weight = weights["attachments"]
    if weight is not None and facts.attachments:
        count = len(facts.attachments)
        shown = ", ".join(safe(a, 40) for a in facts.attachments[:3])
        add(
            RuleHit(
                "attachments",
                SPAM,
                weight,
                f"{_plural(count, 'attachment', 'attachments')}: {shown}.",
                f"{count} Anh{'ang' if count == 1 else 'änge'}: {shown}.",
            )
        )
    weight = weights["foreign_country"]
    country = facts.requester_country
    if weight is not None and country and org.countries and country not in org.countries:
        ours = ", ".join(sorted(org.countries)[:6])
        add(
            RuleHit(
                "foreign_country",
                SPAM,
                weight,
                f"{who_en} is in {safe(country, 8)}, outside our countries ({ours}).",
                f"{who_de} sitzt in {safe(country, 8)}, außerhalb unserer Länder ({ours}).",
            )
        )
    weight = weights["blocklisted"]
    if weight is not None and (org.blocklist_matcher is not None or cp.blocklist_matcher):
        found = _blocklisted(
            (org.blocklist_matcher, cp.blocklist_matcher),
            (name, facts.requester_company, url, folded),
        )
        if found is not None:
            field, shown = found
            label_en, label_de = _FIELD_LABELS[field]
            add(
                RuleHit(
                    "blocklisted",
                    SPAM,
                    weight,
                    f"Blocklisted \u201c{shown}\u201d appears in {label_en}.",
                    f"Gesperrtes \u201e{shown}\u201c steht in {label_de}.",
                )
            )
    weight = weights["linkedin_imitation"]
    if weight is not None and facts.email_findings:
        parts_en, parts_de = [], []
        for code, detail in facts.email_findings[:4]:
            label_en, label_de = _FINDING_LABELS.get(code, (safe(code, 30), safe(code, 30)))
            suffix = f" ({safe(detail, 40)})" if detail else ""
            parts_en.append(label_en + suffix)
            parts_de.append(label_de + suffix)
        add(
            RuleHit(
                "linkedin_imitation",
                SPAM,
                weight,
                "The e-mail imitates LinkedIn: " + "; ".join(parts_en) + ".",
                "Die E-Mail imitiert LinkedIn: " + "; ".join(parts_de) + ".",
            )
        )
    weight = weights["mass_inviter"]
    invited = facts.recent_invites_to_colleagues
    if weight is not None and invited:
        mass = params["mass_inviter"]
        if invited >= mass["min_colleagues"]:
            add(
                RuleHit(
                    "mass_inviter",
                    SPAM,
                    weight,
                    f"{who_en} invited {invited} colleagues within {mass['window_days']} days.",
                    f"{who_de} hat {invited} Kolleg(inn)en in {mass['window_days']} Tagen "
                    "eingeladen.",
                )
            )

    # Weak spam signals only count together, and (by default) only for a stranger.
    weak_rules = cp.weak_spam_rules
    weak = [i for i in range(weak_start, len(hits)) if hits[i].rule in weak_rules]
    if weak and (
        len(weak) < cp.min_weak_spam_signals or (evidence and cp.weak_spam_only_if_unknown)
    ):
        for i in weak:
            hits[i] = hits[i]._replace(weight=0.0)

    for rule in cp.custom_rules:
        for field in rule.fields:
            text = getattr(facts, field)
            if not text:
                continue
            if rule.kind == "keyword":
                text = folded if field == "message" else fold(text)
            match = rule.matcher.find(text)
            if match is not None:
                label_en, label_de = _FIELD_LABELS[field]
                shown = safe(match, 40)
                base_en = rule.explanation_en or f"Custom rule {rule.id} matched"
                base_de = rule.explanation_de or f"Eigene Regel {rule.id} hat angeschlagen"
                add(
                    RuleHit(
                        rule.id,
                        rule.reason,
                        rule.weight,
                        f"{base_en.rstrip('.')} (\u201c{shown}\u201d in {label_en}).",
                        f"{base_de.rstrip('.')} (\u201e{shown}\u201c in {label_de}).",
                    )
                )
                break

    scores = {UNKNOWN: 0.0, NOT_PERSONAL: 0.0, SPAM: 0.0}
    for hit in hits:
        scores[hit.reason] += hit.weight
    for key, value in scores.items():
        scores[key] = round(value, 6)
    thresholds = cp.thresholds
    if scores[SPAM] >= thresholds[SPAM]:
        recommendation = REPORT_SPAM
    elif scores[UNKNOWN] >= thresholds[UNKNOWN]:
        recommendation = DONT_KNOW
    elif scores[NOT_PERSONAL] >= thresholds[NOT_PERSONAL]:
        recommendation = IGNORE
    else:
        recommendation = ACCEPT
    if (
        recommendation == ACCEPT
        and facts.requester_has_photo is False
        and weights["no_face_no_connection"] is not None
    ):
        recommendation = IGNORE
        add(
            RuleHit(
                "no_face_no_connection",
                SPAM,
                0.0,
                f"No face, no connection: {who_en} has no profile photo, so ignore rather "
                "than accept.",
                f"Kein Gesicht, keine Verbindung: {who_de} hat kein Profilfoto, daher "
                "ignorieren statt annehmen.",
            )
        )
    return Result(recommendation, scores, tuple(hits))
