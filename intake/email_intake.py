"""Invitations submitted as e-mail: a saved LinkedIn mail, or a forward of one.

The parser bounds the raw bytes (email_bounds), finds the mail that is the invitation (an
attached or inline-forwarded one), reads LinkedIn's layout (email_layout) and judges the mail
(`email_findings`): signs of imitation, what it claims, and whether the receiving server's
Authentication-Results prove it genuine (email_auth). LinkedIn mail that is not a connection
invitation is refused with what it is (email_kind). Attachments are only measured and hashed;
links are only collected. Nothing is ever opened or fetched.
"""

from __future__ import annotations

import base64
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage, Message
from email.parser import BytesParser
from email.utils import getaddresses, parseaddr, parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

from policy.engine.links import find_links, url_host

from .email_auth import counted_auth_results
from .email_bounds import email_bounds_errors
from .email_kind import linkedin_mail_kind, not_invitation_message
from .email_layout import (
    MAX_LAYOUT_CHARS,
    Layout,
    action_urls,
    html_details,
    html_text,
    mutual_connections,
    parse_layout,
    scan_html,
)
from .errors import IntakeError
from .limits import DEFAULT_LIMITS, IntakeLimits, format_bytes
from .lookalike import (
    is_legitimate_sender_domain,
    is_linkedin_domain,
    is_lookalike_domain,
    lookalike_tokens,
    mentions_brand,
)
from .records import attachment_entry, empty_record

# Informational findings: what the mail claims and whether it is genuine; not imitation signs.
CLAIMS_LINKEDIN = "claims_linkedin"
GENUINE_LINKEDIN = "genuine_linkedin"
INFORMATIONAL = frozenset({CLAIMS_LINKEDIN, GENUINE_LINKEDIN})
# Subjects and openings that are about an invitation or a connection, in LinkedIn's languages.
_INVITATION_THEME_RE = re.compile(
    r"\b(?:invit|einlad|kontaktanfrage|vernetz|connect|connexion|conex|conect|uitnodig|"
    r"connectie|contatt|collegar|convite|convid|netzwerk|network|réseau|netwerk)",
    re.I,
)
_LINKEDIN_FOOTER_RE = re.compile(
    r"linkedin (?:corporation|ireland|corp\b)|©\s*\d{4}\s*linkedin|linkedin and the linkedin logo"
    r"|this email was intended for|you are receiving (?:invitation|linkedin)",
    re.I,
)
_LINKEDIN_RECEIVER_RE = re.compile(
    r"receiver=[\w.-]*\b(?:linkedin\.(?:com|biz)|licdn\.com)\b", re.I
)
# Look-alike words are looked for in the first part of a body only (a body can be 10 MB).
_SCANNED_CHARS = 100_000
_FORWARD_SUBJECT_RE = re.compile(r"^\s*(?:fwd?|wg|tr|rv|enc|doorst|i)\s*:", re.I)
_FORWARD_WORDS = (
    "Forwarded message|Original Message|Weitergeleitete Nachricht|Ursprüngliche Nachricht|"
    "Original-Nachricht|Message transféré|Message d'origine|Mensaje reenviado|Mensaje original|"
    "Doorgestuurd bericht|Oorspronkelijk bericht|Messaggio inoltrato|Messaggio originale|"
    "Mensagem encaminhada|Mensagem original"
)
_FORWARD_MARKER_RE = re.compile(
    rf"^\s*(?:-{{3,}}\s*(?:{_FORWARD_WORDS})\s*-{{3,}}|Begin forwarded message:|"
    r"Anfang der weitergeleiteten Nachricht:|Début du message réexpédié :?|_{10,})\s*$",
    re.I | re.M,
)
_PSEUDO_HEADER_RE = re.compile(
    r"^\s*\**(From|Von|De|Van|Da|Date|Datum|Sent|Gesendet|Envoyé|Enviado|Verzonden|Inviato|"
    r"Fecha|Data|Subject|Betreff|Objet|Asunto|Assunto|Onderwerp|Oggetto|To|An|À|Para|Aan|A|Cc)"
    r"\**\s*:\s*(.*)$",
    re.I,
)
_PSEUDO_KEYS = {
    "from": "from", "von": "from", "de": "from", "van": "from", "da": "from",
    "date": "date", "datum": "date", "sent": "date", "gesendet": "date", "envoyé": "date",
    "enviado": "date", "verzonden": "date", "inviato": "date", "fecha": "date", "data": "date",
    "subject": "subject", "betreff": "subject", "objet": "subject", "asunto": "subject",
    "assunto": "subject", "onderwerp": "subject", "oggetto": "subject",
    "to": "to", "an": "to", "à": "to", "para": "to", "aan": "to", "a": "to", "cc": "cc",
}  # fmt: skip
_SAFE_SCHEMES = {"http", "https", "hxxp", "hxxps", "ftp", ""}
_IGNORED_SCHEMES = {"mailto", "tel", "cid", "sms"}


@dataclass
class EmailIntakeResult:
    """The outcome of parsing one e-mail.

    `record` is None when `errors` is not empty. `location` is the requester's
    location as LinkedIn's HTML part shows it (free text, not a country code).
    `linkedin_layout` says whether LinkedIn's invitation layout was recognised.
    """

    record: dict[str, Any] | None
    errors: list[IntakeError] = field(default_factory=list)
    location: str = ""
    linkedin_layout: bool = False


@dataclass
class _Source:
    """The message judged as the invitation, with its headers as plain strings."""

    message: Message
    headers: dict[str, str]
    plain: str
    html: str
    inline_forward: bool = False
    forwarder: str = ""
    root: Message | None = None
    html_text: str = ""

    def __post_init__(self) -> None:
        self.html_text = html_text(self.html) if self.html else ""


def _header(message: Message, name: str) -> str:
    try:
        value = message.get(name)
        return "" if value is None else str(value)
    except Exception:  # malformed headers must not stop intake
        for key, raw in message.raw_items():
            if key.casefold() == name.casefold():
                return str(raw)
        return ""


def _all_headers(message: Message, name: str) -> list[str]:
    try:
        return [str(value) for value in message.get_all(name) or []]
    except Exception:
        return [str(raw) for key, raw in message.raw_items() if key.casefold() == name.casefold()]


def _part_text(part: Message | None) -> str:
    if part is None:
        return ""
    try:
        content = part.get_content()  # type: ignore[attr-defined]
    except Exception:  # unknown charsets and broken encodings: decode by hand below
        content = None
    if isinstance(content, str):
        return content
    payload = part.get_payload(decode=True)
    if isinstance(payload, bytes):
        charset = part.get_content_charset() or "utf-8"
        try:
            return payload.decode(charset, errors="replace")
        except LookupError:
            return payload.decode("latin-1")
    return ""


def _body_parts(message: Message) -> tuple[Message | None, Message | None]:
    if not isinstance(message, EmailMessage):
        return None, None
    try:
        return message.get_body(("plain",)), message.get_body(("html",))
    except Exception:
        return None, None


def _structure_errors(root: Message, filename: str, limits: IntakeLimits) -> list[IntakeError]:
    count = 0
    deepest = 0
    stack: list[tuple[Message, int]] = [(root, 0)]
    while stack:
        part, depth = stack.pop()
        count += 1
        deepest = max(deepest, depth)
        if count > limits.max_mime_parts:
            return [
                IntakeError(
                    filename,
                    None,
                    None,
                    f"the e-mail has more than {limits.max_mime_parts:,} MIME parts; "
                    f"the limit is {limits.max_mime_parts:,}",
                )
            ]
        if depth > limits.max_mime_depth:
            return [
                IntakeError(
                    filename,
                    None,
                    None,
                    f"the e-mail nests MIME parts more than {limits.max_mime_depth} levels deep; "
                    f"the limit is {limits.max_mime_depth}",
                )
            ]
        if part.is_multipart():
            payload = part.get_payload()
            if isinstance(payload, list):
                stack.extend((child, depth + 1) for child in payload)
    return []


def _attached_messages(root: Message, limits: IntakeLimits) -> list[tuple[int, Message]]:
    """Return (depth, message) of every mail attached under `root`.

    Besides message/rfc822 parts, a part named *.eml is a mail some clients attach as
    application/octet-stream (or base64); it is parsed when it is within the bounds.
    """
    found: list[tuple[int, Message]] = []
    stack: list[tuple[Message, int]] = [(root, 0)]
    while stack:
        part, depth = stack.pop()
        if part is not root and part.get_content_type() == "message/rfc822":
            payload = part.get_payload()
            if isinstance(payload, list) and payload and payload[0].keys():
                found.append((depth, payload[0]))
                continue
        if part is not root and _eml_name(part):
            inner = _attached_eml(part, limits)
            if inner is not None:
                found.append((depth, inner))
                continue
        if part.is_multipart():
            payload = part.get_payload()
            if isinstance(payload, list):
                stack.extend((child, depth + 1) for child in reversed(payload))
    return found


def _eml_name(part: Message) -> bool:
    name = part.get_filename() or ""
    return part.get_content_type() == "message/rfc822" or name.casefold().endswith(".eml")


def _attached_eml(part: Message, limits: IntakeLimits) -> Message | None:
    """Return the mail in an attachment named *.eml (or an encoded message/rfc822), or None."""
    if part.is_multipart():
        # message/rfc822 sent base64-encoded (against RFC 2046): the parser read the
        # encoded text as a body without headers.
        inner = part.get_payload()
        text = inner[0].get_payload() if isinstance(inner, list) and inner else None
        if (
            not isinstance(text, str)
            or part.get("Content-Transfer-Encoding", "").strip().casefold() != "base64"
        ):
            return None
        try:
            data = base64.b64decode(text, validate=False)
        except ValueError:
            return None
    else:
        data = part.get_payload(decode=True)
    if not isinstance(data, bytes) or not data or len(data) > limits.max_email_bytes:
        return None
    if email_bounds_errors(data, "", limits):
        return None
    try:
        inner = BytesParser(policy=policy.default).parsebytes(data)
    except Exception:  # an unreadable attachment is just an attachment
        return None
    return inner if inner.keys() and _structure_errors(inner, "", limits) == [] else None


def _looks_linkedin(message: Message) -> bool:
    _, address = parseaddr(_header(message, "From"))
    if is_linkedin_domain(address.rpartition("@")[2]):
        return True
    return mentions_brand(_header(message, "From")) or mentions_brand(_header(message, "Subject"))


_HEADER_NAMES = (
    "From", "To", "Subject", "Date", "Message-ID", "Reply-To", "Return-Path", "References",
    "X-LinkedIn-Class", "X-LinkedIn-Template",
)  # fmt: skip


def _headers_of(message: Message) -> dict[str, str]:
    return {name.casefold(): _header(message, name) for name in _HEADER_NAMES}


def _inline_forward(plain: str, html: str) -> tuple[dict[str, str], str, str] | None:
    match = _FORWARD_MARKER_RE.search(plain)
    if not match:
        return None
    lines = plain[match.end() :].lstrip("\r\n").splitlines()
    headers: dict[str, str] = {}
    body_start = 0
    while body_start < len(lines):
        pseudo = _PSEUDO_HEADER_RE.match(lines[body_start])
        if pseudo:
            value = re.sub(r"\[mailto:([^\]]+)\]", r"<\1>", pseudo.group(2).strip())
            headers.setdefault(_PSEUDO_KEYS[pseudo.group(1).casefold()], value)
        elif lines[body_start].strip() or headers:
            break
        body_start += 1
    if "from" not in headers:
        return None
    body = "\n".join(lines[body_start:])
    html_start = -1
    for word in (*_FORWARD_WORDS.split("|"), "From:", "Von:", "De :", "De:"):
        html_start = html.find(word)
        if html_start >= 0:
            break
    return headers, body, html[html_start:] if html_start >= 0 else ""


def _locate(root: Message, limits: IntakeLimits) -> _Source:
    attached = _attached_messages(root, limits)
    linkedin_like = [(depth, msg) for depth, msg in attached if _looks_linkedin(msg)]
    chosen: Message | None = None
    if linkedin_like:
        chosen = max(linkedin_like, key=lambda item: item[0])[1]
    elif attached and not is_linkedin_domain(_domain(_header(root, "From"))):
        # A member's forward ("Fwd: is this LinkedIn?") of a mail that does not look like it.
        chosen = min(attached, key=lambda item: item[0])[1]
    forwarder = parseaddr(_header(root, "From"))[1]
    if chosen is not None:
        plain, html = _bodies(chosen)
        return _Source(chosen, _headers_of(chosen), plain, html, False, forwarder, root)
    plain, html = _bodies(root)
    # A forward's subject usually still mentions LinkedIn, so only a LinkedIn sender
    # rules out an inline forward.
    if not is_linkedin_domain(parseaddr(_header(root, "From"))[1].rpartition("@")[2]):
        forward = _inline_forward(plain if plain.strip() else html_text(html), html)
        if forward is not None:
            pseudo, body, html_rest = forward
            headers = {name.casefold(): "" for name in _HEADER_NAMES}
            headers.update({key: value for key, value in pseudo.items() if key in headers})
            return _Source(root, headers, body, html_rest, True, forwarder, root)
    return _Source(root, _headers_of(root), plain, html, False, forwarder, root)


def _bodies(message: Message) -> tuple[str, str]:
    """Return (plain text, HTML) of `message`.

    A multipart whose boundary is missing or never appears is left unsplit by the parser;
    its raw text is then the body (never an attachment).
    """
    plain_part, html_part = _body_parts(message)
    plain, html = _part_text(plain_part), _part_text(html_part)
    if plain or html:
        return plain, html
    broken = next(
        (
            part
            for part in message.walk()
            if part.get_content_maintype() == "multipart" and not part.is_multipart()
        ),
        None,
    )
    if broken is None:
        return plain, html
    raw = broken.get_payload()
    raw = _without_part_headers(raw if isinstance(raw, str) else "")
    if re.search(r"<html|<body|<table|<a\s", raw, re.I):
        return "", raw
    return raw, ""


def _without_part_headers(raw: str) -> str:
    """Return the text of an unsplit multipart without its boundary lines and part headers."""
    kept: list[str] = []
    in_headers = False
    for line in raw.splitlines():
        if line.startswith("--") and " " not in line.strip():
            in_headers = True
            continue
        if in_headers:
            if not line.strip():
                in_headers = False
            continue
        kept.append(line)
    return "\n".join(kept)


def _received_at(value: str) -> datetime | None:
    if not value:
        return None
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if parsed is None:
        return None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def _safe_filename(name: str) -> str:
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    return name.strip()[:255]


def _attachments(message: Message, bodies: set[int]) -> list[dict[str, Any]]:
    """Return metadata of the attachments under `message`; payloads are only hashed."""
    found: list[dict[str, Any]] = []
    stack: list[Message] = [message]
    while stack:
        part = stack.pop()
        content_type = part.get_content_type()
        if part is not message and content_type == "message/rfc822":
            inner = part.get_payload()
            data = inner[0].as_bytes() if isinstance(inner, list) and inner else b""
            name = _safe_filename(part.get_filename() or "") or "(attached e-mail)"
            found.append(_metadata(name, data, content_type))
            continue
        if part.is_multipart():
            payload = part.get_payload()
            if isinstance(payload, list):
                stack.extend(reversed(payload))
            continue
        if id(part) in bodies or part.get_content_maintype() == "multipart":
            continue
        disposition = part.get_content_disposition()
        filename = part.get_filename()
        is_embedded_image = (
            part.get_content_maintype() == "image"
            and disposition != "attachment"
            and part.get("Content-ID")
        )
        if is_embedded_image:
            continue
        if disposition == "attachment" or filename or part.get_content_maintype() not in ("text",):
            data = part.get_payload(decode=True)
            name = _safe_filename(filename or "") or f"(unnamed {content_type})"
            found.append(_metadata(name, data if isinstance(data, bytes) else b"", content_type))
    return found


def _metadata(name: str, data: bytes, content_type: str) -> dict[str, Any]:
    return attachment_entry(name, len(data), content_type, hashlib.sha256(data).hexdigest())


def _link_hosts(source: _Source) -> list[str]:
    scan = scan_html(source.html)
    hosts: list[str] = []
    links = scan.hrefs + find_links(source.plain[:MAX_LAYOUT_CHARS])
    for link in dict.fromkeys(links):
        scheme = urlsplit(link).scheme.casefold() if "://" in link or ":" in link[:12] else ""
        if scheme in _IGNORED_SCHEMES or link.startswith("#"):
            continue
        # A javascript: or data: target is reported by its scheme: it has no host.
        host = f"{scheme}:" if scheme not in _SAFE_SCHEMES and "://" not in link else url_host(link)
        if host and host not in hosts:
            hosts.append(host)
    return hosts


def _domain(address_header: str) -> str:
    _, address = parseaddr(address_header)
    return address.rpartition("@")[2].strip().casefold().rstrip(">") if "@" in address else ""


def _message_id_domain(value: str) -> str:
    value = value.strip().strip("<>").strip()
    return value.rpartition("@")[2].casefold().rstrip(">").strip() if "@" in value else ""


_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov", "edu", "ne", "or", "gv"})


def _registrable(domain: str) -> str:
    """Return the registrable part of `domain` (approximately: two labels, three under a
    two-letter country code with a generic second level such as co.uk); "linkedin" for all
    of LinkedIn's domains."""
    labels = domain.casefold().strip(".").split(".")
    if is_linkedin_domain(domain):
        return "linkedin"
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


@dataclass
class _Judgement:
    """Signs of imitation and the informational findings of one mail."""

    signs: list[list[str]] = field(default_factory=list)
    claim: str = ""
    genuine: str = ""

    def sign(self, code: str, detail: str) -> None:
        if [code, detail] not in self.signs:
            self.signs.append([code, detail])

    def findings(self) -> list[list[str]]:
        """Return the signs, then claims_linkedin (only beside a sign), then genuine_linkedin."""
        found = [[code, _clean(detail)[:200]] for code, detail in self.signs]
        if self.signs and self.claim:
            found.append([CLAIMS_LINKEDIN, self.claim])
        if self.genuine:
            found.append([GENUINE_LINKEDIN, self.genuine])
        return found


def _claim(display_name: str, sender_domain: str, subject: str, body: str, layout: Layout) -> str:
    """Return where the mail claims to be LinkedIn, or "".

    One of "display name", "sender address", "subject" or "layout".

    The body claims it when it has LinkedIn's footer or LinkedIn's invitation layout
    (action lines) beside LinkedIn's name; "find me on LinkedIn" alone is no claim.
    """
    if mentions_brand(display_name):
        return "display name"
    if is_linkedin_domain(sender_domain):
        return "sender address"
    if mentions_brand(subject):
        return "subject"
    if _LINKEDIN_FOOTER_RE.search(body) or (layout.recognised and mentions_brand(body)):
        return "layout"
    return ""


def _judge(
    source: _Source,
    display_name: str,
    layout: Layout,
    attachments: list[dict[str, Any]],
    limits: IntakeLimits,
) -> _Judgement:
    """Return the signs of imitation in `source` and what it claims.

    A mail that is genuinely LinkedIn's (an aligned DKIM or DMARC pass in the counted
    Authentication-Results) has no signs. A mail that neither claims to be LinkedIn nor is
    about an invitation has none either: it is judged by its text alone.
    """
    judgement = _Judgement()
    headers = source.headers
    sender_domain = _domain(headers["from"])
    body = source.plain[:20000] + "\n" + source.html_text[:20000]
    sender_known = source.inline_forward or not _FORWARD_SUBJECT_RE.match(headers["subject"])
    sender_known = sender_known or source.message is not source.root
    judgement.claim = _claim(
        display_name, sender_domain if sender_known else "", headers["subject"], body, layout
    )
    themed = bool(judgement.claim) or bool(
        _INVITATION_THEME_RE.search(headers["subject"] + "\n" + source.plain[:2000])
    )
    auth = None
    if not source.inline_forward:
        auth = counted_auth_results(
            _all_headers(source.message, "Authentication-Results"), limits.authserv_ids
        )
        if is_linkedin_domain(sender_domain):
            judgement.genuine = auth.linkedin_pass(sender_domain)
    if judgement.genuine or not themed:
        return judgement
    if auth is not None:
        for failure in auth.failures():
            judgement.sign("auth_fail", failure)
        if not auth.results:
            received_spf = [
                value
                for value in _all_headers(source.message, "Received-SPF")
                if not _LINKEDIN_RECEIVER_RE.search(value)
            ]
            for value in received_spf[:1]:
                result = value.strip().split(None, 1)[0].casefold() if value.strip() else ""
                if result in ("fail", "softfail"):
                    judgement.sign("auth_fail", f"spf={result}")
    # A forwarding client may drop the address and keep only the name: nothing to judge then.
    address_known = sender_known and (bool(sender_domain) or not source.inline_forward)
    if address_known and not is_legitimate_sender_domain(sender_domain):
        judgement.sign("sender_domain", sender_domain or "(no sender address)")
    # LinkedIn's staff write through Microsoft 365, whose Message-IDs are not LinkedIn's.
    linkedin_unchecked = is_linkedin_domain(sender_domain) and not judgement.signs
    if sender_known and not source.inline_forward and not linkedin_unchecked:
        mid_domain = _message_id_domain(headers["message-id"])
        if judgement.claim and mid_domain and not is_legitimate_sender_domain(mid_domain):
            judgement.sign("message_id_domain", mid_domain)
    if sender_known and sender_domain:
        for code, name in (("reply_to", "reply-to"), ("return_path", "return-path")):
            other = _domain(headers[name])
            if other and _registrable(other) != _registrable(sender_domain):
                judgement.sign(code, other)
    hosts = _link_hosts(source)
    judged_hosts = hosts
    note_hosts = set()
    if is_linkedin_domain(sender_domain) and sender_known:
        # The requester's own links: judged by the note rules, not as LinkedIn's links.
        note_hosts = {url_host(link) for link in find_links(layout.note)}
        if not judgement.signs:
            # From LinkedIn with no failed check: text by people (an InMail, a note, a staff
            # member's mail) may link anywhere; only LinkedIn's own action links must not.
            actions = action_urls(source.plain) + action_urls(source.html_text)
            judged_hosts = list(dict.fromkeys(url_host(url) for url in actions))
    for host in judged_hosts:
        if host and not is_linkedin_domain(host) and host not in note_hosts:
            judgement.sign("link_host", host)
    if (
        mentions_brand(display_name)
        and sender_domain
        and not is_legitimate_sender_domain(sender_domain)
    ):
        judgement.sign("lookalike_name", display_name)
    for text in (display_name, headers["subject"], source.plain[:_SCANNED_CHARS]):
        for token in lookalike_tokens(text):
            judgement.sign("lookalike_name", token)
    domains = [sender_domain, _domain(headers["reply-to"]), _domain(headers["return-path"])]
    domains += [_message_id_domain(ref) for ref in headers["references"].split()]
    if not source.inline_forward:
        domains.append(_message_id_domain(headers["message-id"]))
    for domain in domains + hosts:
        if domain and is_lookalike_domain(domain):
            judgement.sign("lookalike_name", domain)
    for attachment in attachments:
        judgement.sign("attachment", attachment["name"])
    return judgement


def _raw_text(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _clean(text: str) -> str:
    """Return `text` without NUL bytes and lone surrogates, which no database column holds."""
    if "\x00" in text:
        text = text.replace("\x00", "")
    return text.encode("utf-8", "replace").decode("utf-8")


def parse_eml(
    data: bytes, filename: str = "message.eml", limits: IntakeLimits = DEFAULT_LIMITS
) -> EmailIntakeResult:
    """Return the invitation record of one raw e-mail (RFC 5322 bytes).

    For a forward, the innermost attached LinkedIn-looking message is used (else the
    first attached message, else an inline "Forwarded message" block). The result has
    errors and no record when a limit is exceeded, the bytes are not an e-mail, or the
    mail is LinkedIn's but not a connection invitation ("This is a LinkedIn InMail, not a
    connection invitation").
    """
    if len(data) > limits.max_email_bytes:
        message = (
            f"the e-mail is {format_bytes(len(data))}; the limit is "
            f"{format_bytes(limits.max_email_bytes)}"
        )
        return EmailIntakeResult(None, [IntakeError(filename, None, None, message)])
    errors = email_bounds_errors(data, filename, limits)
    if errors:
        return EmailIntakeResult(None, errors)
    try:
        root = BytesParser(policy=policy.default).parsebytes(data)
    except RecursionError:
        message = f"the e-mail nests MIME parts more than {limits.max_mime_depth} levels deep"
        return EmailIntakeResult(None, [IntakeError(filename, None, None, message)])
    except Exception as exc:  # the parser is lenient; anything else is unreadable
        return EmailIntakeResult(
            None, [IntakeError(filename, None, None, f"could not be read as an e-mail ({exc})")]
        )
    errors = _structure_errors(root, filename, limits)
    if errors:
        return EmailIntakeResult(None, errors)
    if not (_header(root, "From") or _header(root, "Subject") or _header(root, "Date")):
        message = "is not an e-mail: it has no From, Subject or Date header"
        return EmailIntakeResult(None, [IntakeError(filename, None, None, message)])

    source = _locate(root, limits)
    display_name, address = parseaddr(source.headers["from"])
    display_name = re.sub(
        r"\s+(?:via|über|via|par|por|tramite)\s+LinkedIn\s*$", "", display_name, flags=re.I
    ).strip()
    text = source.plain if source.plain.strip() else source.html_text
    layout = parse_layout(text, display_name, source.headers["subject"])
    if not layout.recognised and source.plain.strip() and source.html_text:
        html_layout = parse_layout(source.html_text, display_name, source.headers["subject"])
        if html_layout.recognised:
            layout = html_layout
    plain_part, html_part = _body_parts(source.message)
    bodies = {id(part) for part in (plain_part, html_part) if part is not None}
    attachments = _attachments(source.message, bodies)
    judgement = _judge(source, display_name, layout, attachments, limits)

    sender = address.casefold()
    if is_linkedin_domain(sender.rpartition("@")[2]) and not judgement.signs:
        kind = linkedin_mail_kind(
            sender=sender,
            linkedin_class=source.headers.get("x-linkedin-class", ""),
            template=source.headers.get("x-linkedin-template", ""),
            links=scan_html(source.html).hrefs + find_links(source.plain[:MAX_LAYOUT_CHARS]),
            invitation_layout=layout.recognised,
            display_name=display_name,
            text=source.headers["subject"] + "\n" + text[:5000],
        )
        if kind:
            error = IntakeError(filename, None, None, not_invitation_message(kind))
            return EmailIntakeResult(None, [error])

    chars = limits.max_field_chars
    record = empty_record()
    generic_sender = not display_name or mentions_brand(display_name)
    if layout.recognised and layout.name and generic_sender:
        record["requester_name"] = layout.name
    else:
        record["requester_name"] = display_name or layout.name or address
    record["requester_name"] = _clean(record["requester_name"])[: limits.max_name_chars]
    record["requester_headline"] = _clean(layout.headline)[: limits.max_headline_chars]
    record["requester_profile_url"] = _clean(layout.profile_url)[: limits.max_url_chars]
    if layout.recognised:
        record["message"] = _clean(layout.note)[:chars]
    else:
        record["message"] = _clean(text.strip())[:chars]
    recipients = getaddresses([source.headers["to"]]) if source.headers["to"] else []
    recipient = next((addr for _, addr in recipients if addr), "") or source.forwarder
    record["recipient"] = _clean(recipient)[:254]
    record["received_at"] = _received_at(source.headers["date"])
    record["mutual_connections"] = mutual_connections(text[:MAX_LAYOUT_CHARS])
    location = layout.location
    if layout.recognised and source.html:
        html_location, record["requester_has_photo"] = html_details(
            source.html, [layout.name, display_name], layout.headline
        )
        location = html_location or location
    record["attachments"] = attachments
    record["links"] = find_links(record["message"])
    record["email_findings"] = judgement.findings()
    record["raw_source"] = _clean(_raw_text(data))
    return EmailIntakeResult(record, [], location, layout.recognised)
