"""Invitations submitted as e-mail: a saved LinkedIn mail, or a forward of one.

The parser extracts the invitation's facts from LinkedIn's plain-text layout and
records signs of imitation (`email_findings`) for the policy engine. Attachments are
only measured and hashed; links are only collected. Nothing is ever opened or fetched.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage, Message
from email.parser import BytesParser
from email.utils import getaddresses, parseaddr, parsedate_to_datetime
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

from policy.engine.links import find_links, url_host

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

_AUTH_RE = re.compile(r"\b(spf|dkim|dmarc)\s*=\s*(fail|softfail|hardfail)\b", re.I)
_FORWARD_MARKER_RE = re.compile(
    r"^\s*(?:-{3,}\s*(?:Forwarded message|Original Message|Weitergeleitete Nachricht|"
    r"Message transféré|Ursprüngliche Nachricht)\s*-{3,}|Begin forwarded message:|_{10,})\s*$",
    re.I | re.M,
)
_PSEUDO_HEADER_RE = re.compile(
    r"^\s*\**(From|Von|De|Date|Datum|Sent|Gesendet|Subject|Betreff|Objet|To|An|À|Cc)\**\s*:\s*(.*)$",
    re.I,
)
_PSEUDO_KEYS = {
    "from": "from", "von": "from", "de": "from",
    "date": "date", "datum": "date", "sent": "date", "gesendet": "date",
    "subject": "subject", "betreff": "subject", "objet": "subject",
    "to": "to", "an": "to", "à": "to", "cc": "cc",
}  # fmt: skip
_PROFILE_LINE_RE = re.compile(
    r"^View (?:profile|.{1,120}?['’]s profile)\s*:+\s*(\S*)\s*$|^Profil anzeigen\s*:+\s*(\S*)\s*$",
    re.I,
)
_ACTION_LINE_RE = re.compile(
    r"^(?:Accept(?: invitation)?|Annehmen|View (?:profile|.+['’]s profile|invitation)"
    r"|Profil anzeigen|Ignore|Ignorieren)\b.*:|^\.{5,}$",
    re.I,
)
_MUTUAL_RE = re.compile(
    r"\b(\d{1,5})\s+(?:mutual|shared)\s+connections?\b|\b(\d{1,5})\s+connections?\s+in\s+common\b",
    re.I,
)
_HTML_ACTIONS = {"accept", "view profile", "ignore", "connect", "annehmen", "profil anzeigen"}
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


class _HtmlScan(HTMLParser):
    """Collects link targets, text lines and images of an HTML part, in document order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []
        self.events: list[tuple[str, str]] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag in ("style", "script", "title", "head"):
            self._skip += 1
        elif tag in ("a", "area", "link") and values.get("href"):
            self.hrefs.append(values["href"].strip())
        elif tag == "form" and values.get("action"):
            self.hrefs.append(values["action"].strip())
        elif tag == "img":
            self.events.append(("img", values.get("src", "")))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script", "title", "head") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        text = " ".join(data.split())
        if text and not self._skip:
            self.events.append(("text", text))

    @property
    def lines(self) -> list[str]:
        return [value for kind, value in self.events if kind == "text"]


def _scan_html(html: str) -> _HtmlScan:
    """Return the scan of `html`; on broken markup, what was found before the break."""
    scan = _HtmlScan()
    try:
        scan.feed(html)
        scan.close()
    except Exception:  # html.parser is lenient; a failure must still not stop intake
        return scan
    return scan


@dataclass
class _Source:
    """The message judged as the invitation, with its headers as plain strings."""

    message: Message
    headers: dict[str, str]
    plain: str
    html: str
    inline_forward: bool = False
    forwarder: str = ""


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


def _attached_messages(root: Message) -> list[tuple[int, Message]]:
    found: list[tuple[int, Message]] = []
    stack: list[tuple[Message, int]] = [(root, 0)]
    while stack:
        part, depth = stack.pop()
        if part is not root and part.get_content_type() == "message/rfc822":
            payload = part.get_payload()
            if isinstance(payload, list) and payload:
                found.append((depth, payload[0]))
        if part.is_multipart():
            payload = part.get_payload()
            if isinstance(payload, list):
                stack.extend((child, depth + 1) for child in reversed(payload))
    return found


def _looks_linkedin(message: Message) -> bool:
    _, address = parseaddr(_header(message, "From"))
    if is_linkedin_domain(address.rpartition("@")[2]):
        return True
    return mentions_brand(_header(message, "From")) or mentions_brand(_header(message, "Subject"))


def _headers_of(message: Message) -> dict[str, str]:
    names = ("From", "To", "Subject", "Date", "Message-ID", "Reply-To", "Return-Path", "References")
    return {name.casefold(): _header(message, name) for name in names}


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
            headers.setdefault(_PSEUDO_KEYS[pseudo.group(1).casefold()], pseudo.group(2).strip())
        elif lines[body_start].strip() or headers:
            break
        body_start += 1
    if "from" not in headers:
        return None
    body = "\n".join(lines[body_start:])
    html_start = -1
    for word in ("Forwarded message", "Original Message", "Weitergeleitete Nachricht", "From:"):
        html_start = html.find(word)
        if html_start >= 0:
            break
    return headers, body, html[html_start:] if html_start >= 0 else ""


def _locate(root: Message) -> _Source:
    attached = _attached_messages(root)
    linkedin_like = [(depth, msg) for depth, msg in attached if _looks_linkedin(msg)]
    chosen: Message | None = None
    if linkedin_like:
        chosen = max(linkedin_like, key=lambda item: item[0])[1]
    elif attached and not _looks_linkedin(root):
        chosen = min(attached, key=lambda item: item[0])[1]
    forwarder = parseaddr(_header(root, "From"))[1]
    if chosen is not None:
        plain_part, html_part = _body_parts(chosen)
        return _Source(
            chosen,
            _headers_of(chosen),
            _part_text(plain_part),
            _part_text(html_part),
            False,
            forwarder,
        )
    plain_part, html_part = _body_parts(root)
    plain, html = _part_text(plain_part), _part_text(html_part)
    # A forward's subject usually still mentions LinkedIn, so only a LinkedIn sender
    # rules out an inline forward.
    if not is_linkedin_domain(parseaddr(_header(root, "From"))[1].rpartition("@")[2]):
        forward = _inline_forward(plain, html)
        if forward is not None:
            pseudo, body, html_rest = forward
            headers = {key: "" for key in _headers_of(root)}
            headers.update({key: value for key, value in pseudo.items() if key in headers})
            return _Source(root, headers, body, html_rest, True, forwarder)
    return _Source(root, _headers_of(root), plain, html, False, forwarder)


def _normal(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


@dataclass
class _Layout:
    name: str = ""
    headline: str = ""
    note: str = ""
    profile_url: str = ""
    recognised: bool = False


def _parse_plain_layout(plain: str, display_name: str) -> _Layout:
    """Return what LinkedIn's plain-text invitation layout says (see SOURCES.md §1).

    Greeting, note, name line, headline line, then action lines ("View profile: URL",
    "Accept: URL", in either order). The name line is the one matching the From display
    name; failing that, the last two lines before the actions are name and headline.
    """
    layout = _Layout()
    lines = [line.rstrip() for line in plain.splitlines()]
    for index, line in enumerate(lines):
        match = _PROFILE_LINE_RE.match(line.strip())
        if match:
            url = match.group(1) or match.group(2) or ""
            if not url and index + 1 < len(lines):
                url = lines[index + 1].strip()
            layout.profile_url = url if url.startswith("http") else ""
            break
    end = next((i for i, line in enumerate(lines) if _ACTION_LINE_RE.match(line.strip())), None)
    if end is None:
        return layout
    block = lines[:end]
    while block and not block[0].strip():
        block.pop(0)
    if block and re.match(r"^\S.{0,80},$", block[0].strip()) and "://" not in block[0]:
        block.pop(0)
    while block and not block[-1].strip():
        block.pop()
    while block and not block[0].strip():
        block.pop(0)
    if not block:
        return layout
    wanted = _normal(display_name)
    name_at = next(
        (i for i in range(len(block) - 1, -1, -1) if wanted and _normal(block[i]) == wanted), None
    )
    if name_at is None:
        filled = [i for i, line in enumerate(block) if line.strip()]
        if len(filled) < 2:
            return layout
        name_at = filled[-2]
    layout.name = block[name_at].strip()
    layout.headline = " ".join(line.strip() for line in block[name_at + 1 :] if line.strip())
    layout.note = "\n".join(block[:name_at]).strip()
    layout.recognised = True
    return layout


def _html_details(html: str, names: list[str], headline: str) -> tuple[str, bool | None]:
    """Return (location, has_photo) from LinkedIn's HTML part, ("", None) when unclear.

    The requester's photo is a licdn.com image right next to the name line; the
    recipient's own photo sits in the header, before the greeting.
    """
    events = _scan_html(html).events
    wanted = {_normal(name) for name in names if name}
    name_at = next(
        (
            i
            for i in range(len(events) - 1, -1, -1)
            if events[i][0] == "text" and _normal(events[i][1]) in wanted
        ),
        None,
    )
    if name_at is None:
        return "", None
    location = ""
    after = [value for kind, value in events[name_at + 1 :] if kind == "text"]
    if headline and after and _normal(after[0]) == _normal(headline):
        after = after[1:]
    if after and _normal(after[0]) not in _HTML_ACTIONS and len(after[0]) <= 100:
        location = after[0]
    start = name_at
    while start > 0 and events[start - 1][0] == "img":
        start -= 1
    stop = next(
        (
            i
            for i in range(name_at + 1, len(events))
            if events[i][0] == "text" and _normal(events[i][1]) in _HTML_ACTIONS
        ),
        len(events),
    )
    has_photo = any(kind == "img" and _is_member_photo(value) for kind, value in events[start:stop])
    return location, has_photo


def _is_member_photo(src: str) -> bool:
    host = url_host(src)
    return is_linkedin_domain(host) and not host.startswith("static.") and "/emimp/" not in src


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
        if id(part) in bodies:
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
    scan = _scan_html(source.html)
    hosts: list[str] = []
    for link in scan.hrefs + find_links(source.plain):
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


def _findings(
    source: _Source, display_name: str, attachments: list[dict[str, Any]]
) -> list[list[str]]:
    findings: list[list[str]] = []

    def add(code: str, detail: str) -> None:
        if [code, detail] not in findings:
            findings.append([code, detail])

    headers = source.headers
    sender_domain = _domain(headers["from"])
    sender_ok = is_legitimate_sender_domain(sender_domain)
    claims = (
        is_linkedin_domain(sender_domain)
        or mentions_brand(display_name)
        or mentions_brand(headers["subject"])
        or mentions_brand(source.plain)
        or mentions_brand(source.html)
    )
    if claims and not sender_ok:
        add("sender_domain", sender_domain or "(no sender address)")
    if not source.inline_forward:
        mid_domain = _message_id_domain(headers["message-id"])
        if claims and mid_domain and not is_linkedin_domain(mid_domain):
            add("message_id_domain", mid_domain)
        for value in _all_headers(source.message, "Authentication-Results"):
            for mechanism, result in _AUTH_RE.findall(value):
                add("auth_fail", f"{mechanism.casefold()}={result.casefold()}")
        for value in _all_headers(source.message, "Received-SPF"):
            result = value.strip().split(None, 1)[0].casefold() if value.strip() else ""
            if result in ("fail", "softfail"):
                add("auth_fail", f"spf={result}")
    hosts = _link_hosts(source)
    for host in hosts:
        if not is_linkedin_domain(host):
            add("link_host", host)
    if mentions_brand(display_name) and sender_domain and not sender_ok:
        add("lookalike_name", display_name)
    for text in (display_name, headers["subject"], source.plain):
        for token in lookalike_tokens(text):
            add("lookalike_name", token)
    domains = [sender_domain, _domain(headers["reply-to"]), _domain(headers["return-path"])]
    domains += [_message_id_domain(ref) for ref in headers["references"].split()]
    if not source.inline_forward:
        domains.append(_message_id_domain(headers["message-id"]))
    for domain in domains + hosts:
        if domain and is_lookalike_domain(domain):
            add("lookalike_name", domain)
    for attachment in attachments:
        add("attachment", attachment["name"])
    return findings


def _raw_text(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def parse_eml(
    data: bytes, filename: str = "message.eml", limits: IntakeLimits = DEFAULT_LIMITS
) -> EmailIntakeResult:
    """Return the invitation record of one raw e-mail (RFC 5322 bytes).

    For a forward, the innermost attached LinkedIn-looking message is used (else the
    first attached message, else an inline "Forwarded message" block). The result has
    errors and no record when a limit is exceeded or the bytes are not an e-mail.
    """
    if len(data) > limits.max_email_bytes:
        message = (
            f"the e-mail is {format_bytes(len(data))}; the limit is "
            f"{format_bytes(limits.max_email_bytes)}"
        )
        return EmailIntakeResult(None, [IntakeError(filename, None, None, message)])
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

    source = _locate(root)
    display_name, address = parseaddr(source.headers["from"])
    display_name = re.sub(r"\s+via\s+LinkedIn\s*$", "", display_name, flags=re.I).strip()
    layout = _parse_plain_layout(source.plain, display_name)
    plain_part, html_part = _body_parts(source.message)
    bodies = {id(part) for part in (plain_part, html_part) if part is not None}
    attachments = _attachments(source.message, bodies)

    chars = limits.max_field_chars
    record = empty_record()
    generic_sender = not display_name or mentions_brand(display_name)
    if layout.recognised and (generic_sender or not display_name):
        record["requester_name"] = layout.name
    else:
        record["requester_name"] = display_name or layout.name or address
    record["requester_name"] = record["requester_name"][:chars]
    record["requester_headline"] = layout.headline[:chars]
    record["requester_profile_url"] = layout.profile_url[:chars]
    if layout.recognised:
        record["message"] = layout.note[:chars]
    else:
        record["message"] = source.plain.strip()[:chars]
    recipients = getaddresses([source.headers["to"]]) if source.headers["to"] else []
    record["recipient"] = next((addr for _, addr in recipients if addr), "") or source.forwarder
    record["received_at"] = _received_at(source.headers["date"])
    mutual = _MUTUAL_RE.search(source.plain)
    if mutual:
        record["mutual_connections"] = int(mutual.group(1) or mutual.group(2))
    location = ""
    if layout.recognised and source.html:
        location, record["requester_has_photo"] = _html_details(
            source.html, [layout.name, display_name], layout.headline
        )
    record["attachments"] = attachments
    record["links"] = find_links(record["message"])
    record["email_findings"] = _findings(source, display_name, attachments)
    record["raw_source"] = _raw_text(data)
    return EmailIntakeResult(record, [], location, layout.recognised)
