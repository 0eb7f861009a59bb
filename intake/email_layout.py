"""Reading LinkedIn's invitation layouts: who invites, their headline, and their note.

LinkedIn has sent invitations, reminders ("… is waiting for your response") and guest
invitations in many languages and layouts since 2010. What they share: a block with the
requester's name and headline, and action lines ("Accept: URL", "Profil anzeigen: URL",
"Accept invitation from …" then the URL). The note sits before the name block or after the
action lines. Action lines are recognised by their link (an invitation's accept link, a
profile link) or by an action word in one of LinkedIn's languages, so a layout in a language
not listed still parses when its links are LinkedIn's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser

from policy.engine.links import url_host
from policy.engine.normalise import fold, is_quote

from .lookalike import is_linkedin_domain, mentions_brand

_URL_RE = re.compile(r"(?:https?|hxxps?)://\S+", re.I)
# A label followed by a link on the same line, as in "Accept: https://…".
_LABELLED_URL_RE = re.compile(
    r"^(?P<label>[^:\n]{1,120}?)\s*:+\s*(?P<url>(?:https?|hxxps?)://\S+)$"
)
_ACTION_URL_RE = re.compile(
    r"invite-accept|invitation|acceptinvite|mynetwork|/comm/in/|/in/[^/?#]|profile/view|/pub/|"
    r"/blk/I\d|[?&](?:mboxid|msgid)=I\d",
    re.I,
)
_ACTION_WORDS = (
    # en
    "accept", "view", "ignore", "confirm", "respond", "reply", "join", "connect",
    # de
    "annehmen", "akzeptieren", "profil", "ignorieren", "bestätigen", "antworten", "anzeigen",
    "vernetzen", "ansehen",
    # fr
    "accepter", "voir", "ignorer", "confirmer", "répondre", "rejoindre", "se connecter",
    # es / pt
    "aceptar", "aceitar", "ver ", "ignorar", "confirmar", "responder", "conectar",
    "unirse", "participar",
    # nl
    "accepteren", "bekijk", "profiel", "negeren", "bevestig", "reageer", "beantwoord",
    "connectie",
    # it
    "accetta", "visualizza", "ignora", "conferma", "rispondi", "collegati", "vedi",
)  # fmt: skip
_SEPARATOR_RE = re.compile(r"^\s*[.\-_=*~–—]{5,}\s*$")
_GREETING_RE = re.compile(r"^\S.{0,80}[,:!]$")
_FOOTER_RE = re.compile(
    r"unsubscribe|abbestellen|abmelden|désabonner|désinscri|darse de baja|cancelar (?:la )?suscr|"
    r"afmelden|uitschrijven|annulla l'iscrizione|disiscriv|cancelar inscri|descadastr|"
    r"©|\(c\) \d{4}|linkedin corporation|linkedin ireland|intended for|bestimmt für|"
    r"destiné à|destinado a|bedoeld voor|destinata a|you are receiving|sie erhalten|"
    r"vous recevez|estás recibiendo|recibes|u ontvangt|ricevi|você está recebendo|"
    r"learn why|help:|hilfe:|aide :|ayuda:|privacy|datenschutz",
    re.I,
)
# Sentences LinkedIn writes around the note: intros, reminders and calls to respond.
_BOILERPLATE_RE = re.compile(
    r"would like to (?:connect|add you)|wants to connect|requested to add you|"
    r"is waiting for your response|awaiting your response|how would you like to respond|"
    r"invitation is (?:still )?pending|this is a reminder|has invited you|invited you to join|"
    r"möchte sich mit ihnen vernetzen|möchte sich mit dir vernetzen|wartet auf ihre antwort|"
    r"wartet auf deine antwort|hat sie eingeladen|erinnerung|"
    r"souhaite (?:se connecter|rejoindre|vous ajouter)|attend votre réponse|vous a invité|rappel|"
    r"quiere (?:conectar|añadirte)|espera tu respuesta|está esperando|te ha invitado|"
    r"recordatorio|gostaria de se conectar|quer se conectar|aguardando (?:sua|a sua) resposta|"
    r"convidou você|lembrete|wil (?:graag )?connectie|wacht op je (?:antwoord|reactie)|"
    r"heeft je uitgenodigd|herinnering|vorrebbe collegarsi|in attesa della tua risposta|"
    r"ti ha invitato|promemoria",
    re.I,
)
_MUTUAL_RE = re.compile(
    r"\b(\d{1,5})\s+(?:mutual|shared|gemeinsame|gemeenschappelijke|gedeelde)\s+\w+"
    r"|\b(\d{1,5})\s+\w+\s+(?:in common|en commun|en común|in comune|em comum)\b",
    re.I,
)
_NOTE_LABEL_RE = re.compile(
    r"^.{0,80}\b(?:message|nachricht|mensaje|mensagem|bericht|messaggio)\b.{0,80}:$", re.I
)


@dataclass
class Layout:
    """What a LinkedIn invitation layout says; `recognised` is False when no layout was found."""

    name: str = ""
    headline: str = ""
    location: str = ""
    note: str = ""
    profile_url: str = ""
    recognised: bool = False


_ACTION_WORD_RE = re.compile("|".join(re.escape(word) for word in _ACTION_WORDS))
# Layouts are read from the first part of a body; LinkedIn's mails are far smaller.
MAX_LAYOUT_CHARS = 300_000


def _action_word(label: str) -> bool:
    return _ACTION_WORD_RE.match(fold(label) + " ") is not None


def _action_at(lines: list[str], index: int) -> tuple[int, str] | None:
    """Return (lines used, URL) when an action (label and link) starts at lines[index]."""
    line = lines[index].strip()
    match = _LABELLED_URL_RE.match(line)
    if match:
        url = match.group("url")
        if _action_word(match.group("label")) or _ACTION_URL_RE.search(url):
            return 1, url
        return None
    if not line or len(line) > 120 or _URL_RE.search(line) or not _action_word(line):
        return None
    following = lines[index + 1].strip() if index + 1 < len(lines) else ""
    if _URL_RE.fullmatch(following):
        return 2, following
    return None


def action_urls(text: str) -> list[str]:
    """Return the links of the action lines in `text` ("Accept: URL", "Accept" then URL)."""
    lines = text[:MAX_LAYOUT_CHARS].splitlines()
    found: list[str] = []
    index = 0
    while index < len(lines):
        action = _action_at(lines, index)
        if action:
            found.append(action[1])
            index += action[0]
        else:
            index += 1
    return found


def _is_profile(url: str) -> bool:
    return bool(re.search(r"/in/[^/?#]|profile/view|/comm/in/|/pub/", url, re.I))


def _strip_quotes(text: str) -> str:
    text = text.strip()
    if len(text) >= 2 and is_quote(text[0]) and is_quote(text[-1]):
        return text[1:-1].strip()
    return text


def _paragraphs(lines: list[str]) -> list[str]:
    found: list[str] = []
    current: list[str] = []
    for line in [*lines, ""]:
        if line.strip():
            current.append(line.strip())
        elif current:
            found.append("\n".join(current))
            current = []
    return found


def _note_after(lines: list[str]) -> str:
    """Return the note written after the action lines, or "" (footers and boilerplate end it)."""
    kept: list[str] = []
    taken: list[str] = []
    for line in lines:
        if _SEPARATOR_RE.match(line) or _FOOTER_RE.search(line) or _URL_RE.search(line):
            break
        taken.append(line)
    for paragraph in _paragraphs(taken):
        labelled = bool(_NOTE_LABEL_RE.match(paragraph.splitlines()[0]))
        if labelled:
            paragraph = "\n".join(paragraph.splitlines()[1:])
        quoted = is_quote(paragraph.lstrip()[:1])
        if not (labelled or quoted) and (
            _BOILERPLATE_RE.search(paragraph) or mentions_brand(paragraph)
        ):
            continue
        if paragraph.strip():
            kept.append(_strip_quotes(paragraph))
    return "\n\n".join(kept).strip()


def _name_line(block: list[str], display_name: str, subject: str) -> int | None:
    """Return the index of the requester's name in `block`, or None.

    The From display name names the requester in most layouts; reminders and guest
    invitations from "LinkedIn" name them in the subject ("Kim Lee is waiting for …").
    """
    wanted = fold(display_name)
    for i in range(len(block) - 1, -1, -1):
        if wanted and fold(block[i]) == wanted:
            return i
    folded_subject = f" {fold(subject)} "
    for i in range(len(block) - 1, -1, -1):
        line = fold(block[i])
        if (
            2 <= len(line) <= 80
            and not line.endswith((",", ":", "."))
            and not mentions_brand(line)
            and re.search(rf"(?<!\w){re.escape(line)}(?!\w)", folded_subject)
        ):
            return i
    return None


def parse_layout(plain: str, display_name: str, subject: str = "") -> Layout:
    """Return what LinkedIn's plain-text invitation layout in `plain` says.

    Greeting, note, name, headline (location, mutual connections), then action lines in
    either order; or the note after the action lines. The name line is the one matching the
    From display name or a name in the subject; failing both, the last two lines before the
    actions are name and headline.
    """
    layout = Layout()
    lines = [line.rstrip() for line in plain[:MAX_LAYOUT_CHARS].splitlines()]
    actions: list[tuple[int, int, str]] = []
    index = 0
    while index < len(lines):
        found = _action_at(lines, index)
        if found:
            actions.append((index, found[0], found[1]))
            index += found[0]
        else:
            index += 1
    profile = next((url for _i, _n, url in actions if _is_profile(url)), "")
    layout.profile_url = profile
    if not actions:
        return layout
    first = actions[0][0]
    last = actions[-1][0] + actions[-1][1]
    block = [line for line in lines[:first] if not _SEPARATOR_RE.match(line)]
    # LinkedIn's own sentences: an intro at the top, or any line naming LinkedIn. A note's
    # own "I would like to connect" stays.
    block = [line for line in block if not (_BOILERPLATE_RE.search(line) and mentions_brand(line))]
    # Old layouts start with the logo's text ("LinkedIn") before the greeting.
    while block and (
        not block[0].strip()
        or (len(block[0]) <= 20 and mentions_brand(block[0]))
        or _BOILERPLATE_RE.search(block[0])
    ):
        block.pop(0)
    if block and _GREETING_RE.match(block[0].strip()) and "://" not in block[0]:
        block.pop(0)
    block = [line for line in block if not _MUTUAL_RE.search(line)]
    while block and not block[-1].strip():
        block.pop()
    while block and not block[0].strip():
        block.pop(0)
    name_at = _name_line(block, display_name, subject)
    if name_at is None and display_name and not mentions_brand(display_name):
        # Old layouts have no name block: everything between greeting and actions is the note.
        note = "\n".join(block).strip()
        layout.name = display_name
        layout.note = _strip_quotes(note) if note else _note_after(lines[last:])
        layout.recognised = True
        return layout
    if name_at is None:
        filled = [i for i, line in enumerate(block) if line.strip()]
        if len(filled) < 2:
            if not filled:
                layout.note = _note_after(lines[last:])
                layout.recognised = bool(layout.profile_url)
            return layout
        name_at = filled[-2]
        # Name, headline and location form the last paragraph; the note comes before it.
        paragraph_start = name_at
        while paragraph_start > 0 and block[paragraph_start - 1].strip():
            paragraph_start -= 1
        if paragraph_start < name_at and name_at - paragraph_start <= 1:
            name_at = paragraph_start
    details = [line.strip() for line in block[name_at + 1 :] if line.strip()]
    layout.name = block[name_at].strip()
    layout.headline = details[0] if details else ""
    layout.location = details[1] if len(details) > 1 and len(details[1]) <= 100 else ""
    note = "\n".join(block[:name_at]).strip()
    layout.note = _strip_quotes(note) if note else _note_after(lines[last:])
    layout.recognised = True
    return layout


def mutual_connections(text: str) -> int | None:
    """Return the number of mutual connections `text` states, or None."""
    match = _MUTUAL_RE.search(text)
    return int(match.group(1) or match.group(2)) if match else None


class HtmlScan(HTMLParser):
    """Collects link targets, text lines and images of an HTML part, in document order.

    `text_lines` renders the part as LinkedIn's plain layout would: a link whose text is
    short becomes "text: URL", so an HTML-only mail parses like a plain one.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []
        self.events: list[tuple[str, str]] = []
        self.text_lines: list[str] = []
        self._skip = 0
        # Open links, outermost first: LinkedIn wraps a button's table in a link whose
        # cells hold another link.
        self._open: list[tuple[str, list[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag in ("style", "script", "title", "head"):
            self._skip += 1
        elif tag in ("a", "area", "link") and values.get("href"):
            self.hrefs.append(values["href"].strip())
            if tag == "a":
                self._open.append((values["href"].strip(), []))
        elif tag == "form" and values.get("action"):
            self.hrefs.append(values["action"].strip())
        elif tag == "img":
            self.events.append(("img", values.get("src", "")))
        elif tag in ("br", "p", "div", "tr", "table", "li", "h1", "h2", "h3"):
            self.text_lines.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script", "title", "head") and self._skip:
            self._skip -= 1
        elif tag == "a" and self._open:
            href, words = self._open.pop()
            label = " ".join(" ".join(words).split())
            if label and len(label) <= 120 and href.startswith(("http://", "https://")):
                self.text_lines.append(f"{label}: {href}")
            elif label and not self._open:
                self.text_lines.append(label)
        elif tag in ("p", "div", "tr", "table", "li", "h1", "h2", "h3"):
            self.text_lines.append("")

    def handle_data(self, data: str) -> None:
        text = " ".join(data.split())
        if not text or self._skip:
            return
        self.events.append(("text", text))
        if self._open:
            for _href, words in self._open:
                words.append(text)
        else:
            self.text_lines.append(text)

    @property
    def lines(self) -> list[str]:
        return [value for kind, value in self.events if kind == "text"]


@lru_cache(maxsize=4)
def scan_html(html: str) -> HtmlScan:
    """Return the scan of `html` (its first MAX_LAYOUT_CHARS characters); on broken markup,
    what was found before the break. The scan is shared: callers only read it."""
    html = html[:MAX_LAYOUT_CHARS]
    scan = HtmlScan()
    try:
        scan.feed(html)
        scan.close()
    except Exception:  # html.parser is lenient; a failure must still not stop intake
        return scan
    return scan


@lru_cache(maxsize=4)
def html_text(html: str) -> str:
    """Return an HTML part as plain lines, links written as "text: URL"."""
    lines: list[str] = []
    for line in scan_html(html).text_lines:
        if line or (lines and lines[-1]):
            lines.append(line)
    return "\n".join(lines)


def _is_member_photo(src: str) -> bool:
    host = url_host(src)
    return is_linkedin_domain(host) and not host.startswith("static.") and "/emimp/" not in src


def html_details(html: str, names: list[str], headline: str) -> tuple[str, bool | None]:
    """Return (location, has_photo) from LinkedIn's HTML part, ("", None) when unclear.

    The requester's photo is a licdn.com image right next to the name line; the
    recipient's own photo sits in the header, before the greeting.
    """
    events = scan_html(html).events
    wanted = {fold(name) for name in names if name}
    name_at = next(
        (
            i
            for i in range(len(events) - 1, -1, -1)
            if events[i][0] == "text" and fold(events[i][1]) in wanted
        ),
        None,
    )
    if name_at is None:
        return "", None
    location = ""
    after = [value for kind, value in events[name_at + 1 :] if kind == "text"]
    if headline and after and fold(after[0]) == fold(headline):
        after = after[1:]
    if (
        after
        and not _action_word(after[0])
        and len(after[0]) <= 100
        and not _MUTUAL_RE.search(after[0])
    ):
        location = after[0]
    start = name_at
    while start > 0 and events[start - 1][0] == "img":
        start -= 1
    stop = next(
        (
            i
            for i in range(name_at + 1, len(events))
            if events[i][0] == "text" and len(events[i][1]) <= 40 and _action_word(events[i][1])
        ),
        len(events),
    )
    has_photo = any(kind == "img" and _is_member_photo(value) for kind, value in events[start:stop])
    return location, has_photo
