"""Finding a name-like closing at the end of a note ("– Nina", "Best, Paul Zimmermann")."""

from __future__ import annotations

import re

# Folded (lower case, no accents) closing words, longest first when compiled.
SIGN_OFFS = (
    "best",
    "best regards",
    "best wishes",
    "kind regards",
    "warm regards",
    "warmest regards",
    "regards",
    "cheers",
    "thanks",
    "thanks again",
    "thank you",
    "many thanks",
    "all the best",
    "sincerely",
    "yours",
    "talk soon",
    "take care",
    "viele grusse",
    "beste grusse",
    "liebe grusse",
    "herzliche grusse",
    "freundliche grusse",
    "mit freundlichen grussen",
    "mit besten grussen",
    "schone grusse",
    "grusse",
    "gruss",
    "lg",
    "vg",
    "mfg",
    "danke",
    "vielen dank",
    "cordialement",
    "bien cordialement",
    "bien a vous",
    "a bientot",
    "merci",
    "amities",
    "saludos",
    "un saludo",
    "saludos cordiales",
    "atentamente",
    "gracias",
    "un abrazo",
    "groeten",
    "groet",
    "met vriendelijke groet",
    "vriendelijke groeten",
    "hartelijke groet",
    "mvg",
    "bedankt",
    "cumprimentos",
    "atenciosamente",
    "abraco",
    "abracos",
    "obrigado",
    "obrigada",
    "saluti",
    "cordiali saluti",
    "un saluto",
    "grazie",
    "a presto",
)
# "Grüße" folds to "gruse", the Swiss "Grüsse" to "grusse": keep both spellings.
SIGN_OFFS = tuple(dict.fromkeys(SIGN_OFFS + tuple(s.replace("ss", "s") for s in SIGN_OFFS)))
_PARTICLES = "van|von|de|der|den|da|di|del|la|le|du|dos|das|ten|ter|zu|y|e"
_NAME_WORD = r"[A-Z][A-Za-z'.-]{0,24}"
_NAME = rf"{_NAME_WORD}(?:[ \t]+(?:{_PARTICLES}[ \t]+)?{_NAME_WORD}){{0,3}}"
_SIGN = "|".join(sorted((re.escape(s) for s in SIGN_OFFS), key=len, reverse=True))
# Matched against the last line of a note made plain (no accents, case kept); the line is at
# most a few dozen characters, and every quantifier is bounded, so `re` is safe here.
_CLOSING_LINE = re.compile(
    rf"(?i:[-~\u2013\u2014]+[ \t]*)(?:{_NAME}|[a-z]{{2,15}})[ \t]*[.!]?"
    rf"|(?i:{_SIGN})[ \t]*[,.!]*(?:[ \t]+{_NAME})?[ \t]*[.!]?"
    rf"|{_NAME}[ \t]*[.!]?"
)
_SIGN_OFF_LINE = re.compile(rf"(?i:{_SIGN})[ \t]*[,.!]*")
# What may follow a sentence end, a comma or a dash on the note's last line to be a closing.
_SAME_LINE_CLOSING = re.compile(
    rf"[ \t]*(?:(?i:[-~\u2013\u2014]+)[ \t]*{_NAME}|(?i:{_SIGN})[ \t]*[,.!]*(?:[ \t]+{_NAME})?)"
    rf"[ \t]*[.!]?"
)
_BREAKS = re.compile(r"[.!?,;:)]|[ \t][-~\u2013\u2014]")
_TAIL = 90
_LAST_WORDS = frozenset(s.rsplit(" ", 1)[-1] for s in SIGN_OFFS)
_DASHES = frozenset("-~\u2013\u2014")


def closing_start(plain: str) -> int:
    """Return where a name-like closing starts in `plain` (a note with accents removed and
    trailing whitespace stripped), or len(plain) when it ends without one."""
    end = len(plain)
    # Every closing ends with a name or a closing word: most notes are ruled out at once.
    last_word = plain[-30:].rsplit(None, 1)[-1].rstrip(".!") if plain.strip() else ""
    if not last_word or not (
        last_word[0].isupper()
        or last_word.lower() in _LAST_WORDS
        or plain[-len(last_word) - 3 : -len(last_word)].strip(" \t.!")[-1:] in _DASHES
    ):
        return end
    head, sep, last = plain.rpartition("\n")
    if sep and head.strip() and len(last) <= _TAIL and _CLOSING_LINE.fullmatch(last.strip()):
        cut = len(head)
        before = head.rstrip()
        prev_head, sep2, prev = before.rpartition("\n")
        if sep2 and prev_head.strip() and _SIGN_OFF_LINE.fullmatch(prev.strip()):
            cut = len(prev_head)
        return cut
    line_start = len(head) + 1 if sep else 0
    tail_start = max(line_start, end - _TAIL)
    # Candidates are the few places after a sentence end, a comma or before a dash; the
    # earliest one from which the rest of the line is a closing wins.
    for match in _BREAKS.finditer(plain, tail_start):
        at = match.end() if match.group()[0] in ".!?,;:)" else match.start()
        if _SAME_LINE_CLOSING.fullmatch(plain, at) and plain[:at].strip():
            return at
    return end
