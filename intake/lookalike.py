"""Spotting names and domains that imitate LinkedIn's.

Confusable characters are folded with Unicode's UTS #39 confusables data (shipped by the
`confusable-homoglyphs` package, generated from confusables.txt): Cyrillic "і" and Latin "i",
capital "I", digit "1" and "l", "m" and "rn" reduce to one skeleton. A word whose skeleton is
LinkedIn's, or that is at most two edits from "linkedin", without being spelt exactly so, is a
look-alike.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from confusable_homoglyphs import confusables as _confusables

BRAND = "linkedin"
# linkedin.biz is LinkedIn's internal (Active Directory) domain: staff mail relayed inside
# LinkedIn carries it in Message-IDs and Received lines. lnkd.in is its link shortener.
LINKEDIN_DOMAINS = ("linkedin.com", "licdn.com", "lnkd.in", "linkedin.biz")
# Known legitimate senders of LinkedIn mail outside linkedin.com (sublime-rules
# impersonation_linkedin.yml, cited in SOURCES.md).
LEGITIMATE_SENDER_DOMAINS = (
    "smartrecruiters.com",
    "teams-events.com",
    "linkeen.com",
    "linkedin.coupahost.com",
)

_TOKEN_RE = re.compile(r"[\w\u00ad\u200b-\u200f\u2060-\u2064\ufeff|!]+")
_MARKS = str.maketrans("", "", "\u200e\u200f")


def _prototypes() -> dict[str, str]:
    """Return {character: prototype} from confusables.txt as the package ships it.

    The package stores each source–prototype pair in both directions. A source has exactly
    one entry, its prototype; a prototype usually has many sources. For a pair that only has
    each other, the lower code point is taken as the prototype (either choice folds both to
    one skeleton, which is all a comparison needs).
    """
    graph: dict[str, list[str]] = {}
    for key, entries in _confusables.confusables_data.items():
        char = key.translate(_MARKS)
        if len(char) == 1:
            graph[char] = [entry["c"].translate(_MARKS) for entry in entries]
    table: dict[str, str] = {}
    for char, targets in graph.items():
        if len(targets) != 1 or targets[0] == char:
            continue
        target = targets[0]
        if len(target) > 1 or len(graph.get(target, ())) > 1 or ord(target) < ord(char):
            table[char] = target
    return table


_PROTOTYPES = str.maketrans(_prototypes())


def _strip_invisible(text: str) -> str:
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


@lru_cache(maxsize=4096)
def skeleton(text: str) -> str:
    """Return `text` reduced so that visually confusable spellings compare equal.

    UTS #39's skeleton (NFD, prototype mapping, NFD), then case-folded, mapped again and
    stripped of accents, so that "LINKEDIN", "Linkedln" and "LіnkedІn" share one skeleton.
    """
    text = unicodedata.normalize("NFD", _strip_invisible(text)).translate(_PROTOTYPES)
    text = unicodedata.normalize("NFD", text).casefold().translate(_PROTOTYPES)
    text = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
    # "i" and "l" differ in UTS #39 but not in most sans-serif capitals (I/l).
    return text.replace("i", "l")


_BRAND_SKELETON = skeleton(BRAND)


def _edits(a: str, b: str, cap: int = 2) -> int:
    """Return the optimal-string-alignment distance of a and b, or cap + 1 when above cap."""
    if abs(len(a) - len(b)) > cap:
        return cap + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > cap:
            return cap + 1
        previous2, previous = previous, current
    return previous[-1]


@lru_cache(maxsize=65536)
def is_lookalike_token(token: str) -> bool:
    """Return whether one word imitates "LinkedIn" without being spelt exactly so.

    Confusable skeletons catch homoglyphs and invisible characters; plain words count when
    one edit away (six letters or more) or two edits away (seven or more), so that
    "Linkedln", "Linkdin" and "Lnikedn" are caught but "linked" and "linking" are not.
    """
    if token.casefold() == BRAND:
        return False
    cleaned = unicodedata.normalize("NFKC", _strip_invisible(token)).casefold()
    if cleaned == BRAND or skeleton(token) == _BRAND_SKELETON:
        return True
    if not (cleaned.isascii() and cleaned.isalnum()) or len(cleaned) < 6:
        return False
    distance = _edits(skeleton(cleaned), _BRAND_SKELETON)
    return distance == 1 or (distance == 2 and len(cleaned) >= 7)


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


def _within(domain: str, parents: tuple[str, ...]) -> bool:
    domain = domain.casefold().rstrip(".")
    return any(domain == d or domain.endswith("." + d) for d in parents)


def is_linkedin_domain(domain: str) -> bool:
    """Return whether `domain` is one of LinkedIn's own domains or a subdomain of one."""
    return _within(domain, LINKEDIN_DOMAINS)


def is_legitimate_sender_domain(domain: str) -> bool:
    """Return whether LinkedIn legitimately sends mail from `domain`."""
    return is_linkedin_domain(domain) or _within(domain, LEGITIMATE_SENDER_DOMAINS)


def _decode_label(label: str) -> str:
    if label.startswith("xn--"):
        try:
            return label.encode("ascii").decode("idna")
        except (UnicodeError, ValueError):
            return label
    return label


def is_lookalike_domain(domain: str) -> bool:
    """Return whether a non-LinkedIn `domain` uses LinkedIn's name or a look-alike of it.

    Catches "linkedin-security.net", "linkedin.com.evil.example", "linnkedin.com",
    "lnkedln.co" and punycode homoglyph domains.
    """
    domain = domain.casefold().rstrip(".")
    if not domain or is_legitimate_sender_domain(domain):
        return False
    labels = [_decode_label(label) for label in domain.split(".")]
    words = [word for label in labels for word in re.split(r"[-_]", label)]
    if any(word == BRAND or is_lookalike_token(word) for word in words):
        return True
    return any(_BRAND_SKELETON in skeleton(label) for label in labels)
