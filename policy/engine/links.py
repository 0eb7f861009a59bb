"""Finding, naming and defanging links in untrusted text.

Shared by the policy engine (links in a note) and intake (links in e-mails), so
both agree on what counts as a link and how it is shown safely.

Finding is linear in the length of the text: the text is cut into tokens once, and each token
is inspected with anchored, bounded checks. Bare hosts such as "rb.gy/x" count as links when
their ending is on the public suffix list (shipped with the publicsuffixlist package, never
downloaded at run time): spammers drop the scheme precisely so that naive filters miss them.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from publicsuffixlist import PublicSuffixList

# Characters that end a link; everything else may be part of one.
_TOKEN_RE = re.compile(r"[^\s<>\"'()\[\]{}]+")
_SCHEME_RE = re.compile(r"(?i)(?<![a-z0-9])(?:https?|hxxps?|ftp)://|(?<![a-z0-9.-])www\.")
_HOST_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-")
_LABEL_RE = re.compile(r"(?i)^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")
_TRAILING = ".,;:!?)]}'\""
# No public suffix has more labels than this, so a longer host is looked up by its end only.
_SUFFIX_LABELS = 6
_psl = PublicSuffixList()


def _bare_host_start(segment: str) -> int:
    """Return where a registrable host ends `segment` (the text before a "/"), or -1."""
    if "." not in segment:
        return -1
    begin = len(segment)
    while begin > 0 and len(segment) - begin < 256 and segment[begin - 1] in _HOST_CHARS:
        begin -= 1
    host = segment[begin:].lstrip(".-").lower()
    labels = host.split(".")
    if len(labels) < 2:
        return -1
    if not all(_LABEL_RE.match(label) for label in labels[-_SUFFIX_LABELS:]):
        return -1
    if _psl.privatesuffix(".".join(labels[-_SUFFIX_LABELS:]), accept_unknown=False) is None:
        return -1
    return len(segment) - len(host)


def _has_www(text: str) -> bool:
    """Return whether `text` holds "www." in any case, without copying it to lower case."""
    if "www." in text or "WWW." in text:
        return True
    return ("w." in text or "W." in text) and "www." in text.lower()


def _spans(text: str):
    """Yield (start, end) of every link in `text`, trailing punctuation excluded."""
    for token in _TOKEN_RE.finditer(text):
        value = token.group(0)
        www = _has_www(value)
        if "/" not in value and not www:
            continue
        start = -1
        scheme = _SCHEME_RE.search(value) if www or "://" in value else None
        if scheme is not None:
            start = scheme.start()
        elif "/" in value:
            start = _bare_host_start(value.split("/", 1)[0])
        if start < 0:
            continue
        link = value[start:].rstrip(_TRAILING)
        if len(link) <= 4 or link.endswith("://"):
            continue
        begin = token.start() + start
        yield begin, begin + len(link)


def find_links(text: str) -> list[str]:
    """Return the links in `text`, in order of appearance, trailing punctuation stripped."""
    # Every link has "://", "www." or a "/" after a host: text without any of them (most
    # notes) needs no search at all.
    if not text or ("/" not in text and not _has_www(text)):
        return []
    return [text[start:end] for start, end in _spans(text)]


def url_host(url: str) -> str:
    """Return the lower-case host of `url` (without port or "www."), or "" when it has none."""
    candidate = url if "://" in url else "http://" + url
    try:
        host = urlsplit(candidate).hostname or ""
    except ValueError:
        return ""
    host = host.lower().rstrip(".")
    return host[4:] if host.startswith("www.") else host


def _defang_one(link: str) -> str:
    link = re.sub(r"(?i)^http", "hxxp", link)
    link = re.sub(r"(?i)^ftp", "fxp", link)
    scheme, sep, rest = link.partition("://")
    if not sep:
        rest, scheme = link, ""
    host, slash, path = rest.partition("/")
    host = host.replace(".", "[.]")
    return f"{scheme}{sep}{host}{slash}{path}"


def defang(text: str) -> str:
    """Return `text` with every link made unclickable: hxxps://example[.]com/path."""
    if not text or ("/" not in text and not _has_www(text)):
        return text or ""
    parts, last = [], 0
    for start, end in _spans(text):
        parts.append(text[last:start])
        parts.append(_defang_one(text[start:end]))
        last = end
    parts.append(text[last:])
    return "".join(parts)
