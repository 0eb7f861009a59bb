"""Length-preserving folding of a note for pattern matching.

Every character maps to exactly one character, so an offset in the folded text is the same
offset in the note as written, and a quote can be cut from the original without re-searching.
"""

from __future__ import annotations

import re
import unicodedata

from ..normalise import QUOTES

# Typographic quotes as `fold` treats them, plus dashes, odd spaces and letters that do not
# decompose into a base letter and an accent.
_SPECIAL = {
    **{chr(code): repl for code, repl in QUOTES.items()},
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2015": "-",
    "\u2212": "-",
    "\u00a0": " ",
    "\u202f": " ",
    "\u2009": " ",
    "\u200b": " ",
    "\u00df": "s",
    "\u0130": "i",
    "\u0131": "i",
    "\u00f8": "o",
    "\u00d8": "o",
    "\u0142": "l",
    "\u0141": "l",
    "\u00e6": "a",
    "\u00c6": "a",
    "\u0153": "o",
    "\u0152": "o",
    "\u00f0": "d",
    "\u00fe": "t",
}


def _table(lower: bool) -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0x80, 0x250):
        ch = chr(code)
        base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
        if lower:
            base = base.lower()
        if len(base) == 1 and base != ch:
            table[code] = base
    if lower:
        for code in range(ord("A"), ord("Z") + 1):
            table[code] = chr(code + 32)
    for ch, repl in _SPECIAL.items():
        table[ord(ch)] = repl if lower or not ch.isupper() else repl.upper()
    return table


_FOLD = _table(lower=True)
_PLAIN = _table(lower=False)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _replace_each(text: str, table: dict[int, str]) -> str:
    # A note holds only a few distinct non-ASCII characters: one C-level replace per
    # character is several times faster than str.translate with a dictionary.
    for ch in set(_NON_ASCII.findall(text)):
        repl = table.get(ord(ch))
        if repl is not None:
            text = text.replace(ch, repl)
    return text


def fold_note(text: str) -> str:
    """Return `text` lower-cased, without accents, with typographic quotes and dashes made
    plain; always exactly as long as `text`, character for character."""
    if text.isascii():
        return text.lower()
    if "\u0130" in text:
        text = text.replace("\u0130", "i")
    return _replace_each(text.lower(), _FOLD)


def plain_note(text: str) -> str:
    """Return `text` without accents and with plain quotes and dashes, case kept; always as long
    as `text`."""
    return text if text.isascii() else _replace_each(text, _PLAIN)
