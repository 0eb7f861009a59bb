"""Spotting names and domains that imitate LinkedIn's.

Text is normalised (NFKC, case-fold) and reduced to a "skeleton" in which characters
that look alike collapse to one (Cyrillic "і" and Latin "l" both become "l", "rn"
becomes "m"), as in Unicode's confusable detection. A token whose skeleton equals
LinkedIn's but whose spelling does not is a look-alike.
"""

from __future__ import annotations

import re
import unicodedata

BRAND = "linkedin"
LINKEDIN_DOMAINS = ("linkedin.com", "licdn.com")
# Known legitimate senders of LinkedIn mail outside linkedin.com (sublime-rules
# impersonation_linkedin.yml, cited in SOURCES.md).
LEGITIMATE_SENDER_DOMAINS = (
    "smartrecruiters.com",
    "teams-events.com",
    "linkeen.com",
    "linkedin.coupahost.com",
)

_CONFUSABLES = str.maketrans(
    {
        "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "к": "k",
        "і": "i", "ї": "i", "ј": "j", "ӏ": "l", "н": "h", "т": "t", "м": "m", "п": "n",
        "ո": "n", "ԁ": "d", "ɗ": "d", "ɪ": "i", "ı": "i", "ǀ": "l", "ℓ": "l",
        "α": "a", "ε": "e", "ο": "o", "ι": "i", "κ": "k", "ν": "v", "η": "n", "ρ": "p",
        "0": "o", "1": "l", "|": "l", "!": "l", "3": "e",
    }
)  # fmt: skip
_TOKEN_RE = re.compile(r"[\w\u00ad\u200b-\u200f\u2060-\u2064\ufeff|!]+")


def _strip_invisible(text: str) -> str:
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


def skeleton(text: str) -> str:
    """Return `text` reduced so that visually confusable spellings compare equal."""
    folded = unicodedata.normalize("NFKC", _strip_invisible(text)).casefold()
    folded = "".join(
        ch for ch in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(ch)
    )
    folded = folded.translate(_CONFUSABLES).replace("rn", "m").replace("vv", "w")
    return folded.replace("i", "l")


_BRAND_SKELETON = skeleton(BRAND)


def _one_edit_apart(a: str, b: str) -> bool:
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diffs) == 1:
            return True
        i, j = diffs[0], diffs[-1]
        return len(diffs) == 2 and j == i + 1 and a[i] == b[j] and a[j] == b[i]
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def is_lookalike_token(token: str) -> bool:
    """Return whether one word imitates "LinkedIn" without being spelt exactly so."""
    if token.casefold() == BRAND:
        return False
    cleaned = unicodedata.normalize("NFKC", _strip_invisible(token)).casefold()
    if cleaned == BRAND or skeleton(token) == _BRAND_SKELETON:
        return True
    return cleaned.isascii() and cleaned.isalpha() and _one_edit_apart(cleaned, BRAND)


def visible(token: str) -> str:
    """Return `token` with invisible characters spelt out, so a report shows them."""
    return "".join(f"\\u{ord(ch):04x}" if unicodedata.category(ch) == "Cf" else ch for ch in token)


def lookalike_tokens(text: str) -> list[str]:
    """Return the look-alike words in `text`, shown with invisible characters spelt out."""
    found: list[str] = []
    for token in _TOKEN_RE.findall(text or ""):
        shown = visible(token)
        if is_lookalike_token(token) and shown not in found:
            found.append(shown)
    return found


def mentions_brand(text: str) -> bool:
    """Return whether `text` mentions LinkedIn, spelt correctly or as a look-alike."""
    if not text:
        return False
    if _BRAND_SKELETON in skeleton(text):
        return True
    return any(is_lookalike_token(token) for token in _TOKEN_RE.findall(text))


def is_linkedin_domain(domain: str) -> bool:
    """Return whether `domain` is linkedin.com, licdn.com or one of their subdomains."""
    domain = domain.casefold().rstrip(".")
    return any(domain == d or domain.endswith("." + d) for d in LINKEDIN_DOMAINS)


def is_legitimate_sender_domain(domain: str) -> bool:
    """Return whether LinkedIn legitimately sends mail from `domain`."""
    domain = domain.casefold().rstrip(".")
    if is_linkedin_domain(domain):
        return True
    return any(domain == d or domain.endswith("." + d) for d in LEGITIMATE_SENDER_DOMAINS)


def _decode_label(label: str) -> str:
    if label.startswith("xn--"):
        try:
            return label.encode("ascii").decode("idna")
        except (UnicodeError, ValueError):
            return label
    return label


def is_lookalike_domain(domain: str) -> bool:
    """Return whether a non-LinkedIn `domain` uses LinkedIn's name or a look-alike of it.

    Catches "linkedin-security.net", "linkedin.com.evil.example", "linnkedin.com" and
    punycode homoglyph domains.
    """
    domain = domain.casefold().rstrip(".")
    if not domain or is_legitimate_sender_domain(domain):
        return False
    labels = [_decode_label(label) for label in domain.split(".")]
    words = [word for label in labels for word in re.split(r"[-_]", label)]
    if any(word == BRAND or is_lookalike_token(word) for word in words):
        return True
    return any(_BRAND_SKELETON in skeleton(label) for label in labels)
