"""Normalising names, companies, profile URLs and free text so that comparisons are robust.

Everything here is called on the hot path of `evaluate`, so the functions avoid per-call
compilation and prefer `str.translate` / set lookups over regular expressions.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import parse_qs, unquote, urlsplit

# Typographic quotes, primes and backticks as plain ASCII quotes, no-break space as a space:
# one character for one, so offsets in folded text stay offsets in the original.
QUOTES = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u201a": "'",
        "`": "'",
        "\u00b4": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u00a0": " ",
    }
)

# Words that answer yes or no in a file or a form field, after casefolding.
YES_WORDS = frozenset({"true", "yes", "y", "1", "ja", "on", "t"})
NO_WORDS = frozenset({"false", "no", "n", "0", "nein", "off", "f"})

_NON_WORD_RE = re.compile(r"[\W_]+")

# The common shape of a LinkedIn profile URL, handled without urlsplit for speed.
_LINKEDIN_PROFILE_RE = re.compile(
    r"(?i)(?:https?://)?(?:[a-z]{2,3}\.)?linkedin\.com/(?:in|pub)/([^/?#\s]+)/?(?:[?#].*)?$"
)
_LEGAL_SUFFIXES = frozenset(
    "gmbh ag inc incorporated ltd limited llc se kg kgaa co corp corporation plc sa sas sarl "
    "bv nv oy ab as spa srl ug mbh company".split()
)
_TITLES = frozenset("dr prof mr mrs ms mx herr frau dipl ing mba phd msc bsc".split())


def fold_quotes(text: str) -> str:
    """Return `text` with every typographic quote, prime and backtick as a plain ' or " and
    no-break spaces as spaces (see QUOTES); the length stays the same."""
    if text.isascii() and "`" not in text:
        return text
    return text.translate(QUOTES)


def is_quote(char: str) -> bool:
    """Return whether `char` is one character that reads as a quotation mark ("'", '"', “, «…)."""
    return len(char) == 1 and fold_quotes(char) in ("'", '"')


def parse_yes_no(text: str) -> bool | None:
    """Return True when `text` is a yes word (yes, ja, true, y, 1, on, t), False when it is a no
    word (no, nein, false, n, 0, off, f), in any case and with spaces around; None otherwise,
    also for blank text, which the caller tells apart when "empty" means "unknown"."""
    token = text.strip().casefold()
    if token in YES_WORDS:
        return True
    if token in NO_WORDS:
        return False
    return None


def fold(text: str) -> str:
    """Return NFKC-normalised, quote-normalised, case-folded `text` with collapsed whitespace."""
    text = fold_quotes(text)
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    return " ".join(text.casefold().split())


def text_key(folded: str) -> str:
    """Return `folded` reduced to words separated by single spaces (punctuation dropped).

    Used as a dictionary key so that "LinkedIn." and "LinkedIn!" compare equal."""
    return " ".join(_NON_WORD_RE.sub(" ", folded).split())


def unicode_chars(keep) -> frozenset[str]:
    """Return every Unicode character for which `keep(character)` is true."""
    return frozenset(ch for ch in map(chr, range(0x110000)) if keep(ch))


COMBINING_MARKS = unicode_chars(unicodedata.combining)


def remove_chars(text: str, chars: frozenset[str]) -> str:
    """Return `text` without any character in `chars`.

    A text holds only a few distinct marks, so one C-level replace per mark present
    is about twenty times faster than a regular expression or a per-character join.
    """
    for ch in chars.intersection(text):
        text = text.replace(ch, "")
    return text


def strip_accents(text: str) -> str:
    """Return `text` without combining accents ("Jürgen" -> "Jurgen")."""
    if text.isascii():
        return text
    return remove_chars(unicodedata.normalize("NFKD", text), COMBINING_MARKS)


def normalise_name(name: str | None, *, keep_titles: bool = False) -> str:
    """Return a person's name case-folded, without accents, punctuation or titles
    ("Dr. Jürgen Müller-Lüdenscheidt" -> "jurgen muller ludenscheidt"); "" when empty.

    With `keep_titles` the titles stay ("dr jurgen muller ludenscheidt"): for keys that
    must not change when the list of titles does."""
    if not name:
        return ""
    words = _NON_WORD_RE.sub(" ", strip_accents(fold(name))).split()
    if keep_titles:
        return " ".join(words)
    return " ".join(w for w in words if w not in _TITLES)


def normalise_company(company: str | None) -> str:
    """Return a company name normalised like a person's name and without legal-form suffixes
    ("ACME Deutschland GmbH & Co. KG" -> "acme deutschland"); "" when empty."""
    if not company:
        return ""
    words = _NON_WORD_RE.sub(" ", strip_accents(fold(company))).split()
    while words and words[-1] in _LEGAL_SUFFIXES:
        words.pop()
    return " ".join(words)


def normalise_profile_url(url: str | None) -> str:
    """Return a canonical profile URL without scheme, "www.", query, fragment or trailing slash.

    Any LinkedIn host (de.linkedin.com, linkedin.com) with /in/<slug> becomes
    "linkedin.com/in/<slug>" with the slug lower-case and percent-decoded. Returns "" when
    `url` is empty, has no host, or is a LinkedIn address of no particular profile
    (https://www.linkedin.com/in/, the home page)."""
    if not url:
        return ""
    url = url.strip()
    fast = _LINKEDIN_PROFILE_RE.match(url)
    if fast is not None:
        slug = fast.group(1)
        return "linkedin.com/in/" + (unquote(slug) if "%" in slug else slug).casefold()
    candidate = url if "://" in url else "https://" + url
    try:
        parts = urlsplit(candidate)
        host = (parts.hostname or "").rstrip(".")
    except ValueError:
        return ""
    if not host:
        return ""
    if host.startswith("www."):
        host = host[4:]
    path = parts.path.rstrip("/")
    if host == "linkedin.com" or host.endswith(".linkedin.com"):
        segments = [s for s in path.split("/") if s]
        if segments and segments[0].lower() == "comm":
            segments = segments[1:]
        if len(segments) >= 2 and segments[0].lower() in ("in", "pub"):
            return "linkedin.com/in/" + unquote(segments[1]).casefold()
        ident = parse_qs(parts.query).get("id", [""])[0]
        if segments[-2:] == ["profile", "view"] and ident:
            return "linkedin.com/profile/view?id=" + ident
        # A LinkedIn address that names nobody (a bare /in/, the home page, a tracking
        # link without id) must not make every requester who has one look alike.
        return ""
    return host + path


def first_name_of(recipient: str | None) -> str:
    """Return the recipient's likely first name, capitalised: from an e-mail address's local part
    ("anna.schmidt@x.de" -> "Anna") or from a name ("Dr. Paul Zimmermann" -> "Paul"); "" when
    none can be derived."""
    if not recipient:
        return ""
    recipient = recipient.strip()
    if "@" in recipient:
        local = recipient.split("@", 1)[0]
        words = [w for w in re.split(r"[._+\-\d]+", local) if w]
    else:
        words = [w for w in _NON_WORD_RE.sub(" ", recipient).split() if w.lower() not in _TITLES]
    if not words or not words[0].isalpha():
        return ""
    first = words[0]
    return first[:1].upper() + first[1:].lower()
