"""Finding, naming and defanging links in untrusted text.

Shared by the policy engine (links in a note) and intake (links in e-mails), so
both agree on what counts as a link and how it is shown safely.
"""

import re
from urllib.parse import urlsplit

# Bare hosts such as "bit.ly/x" count as links too: spammers drop the scheme
# precisely so that naive filters miss them.
_LINK_RE = re.compile(
    r"""(?xi)
    (?:\b(?:https?|hxxps?|ftp)://|\bwww\.)[^\s<>"'()\[\]{}]+
    |
    \b(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+
      (?:com|net|org|io|ly|co|me|info|biz|xyz|app|link|click|top|site|online|shop|de|uk|ru|cn|gl|gd|to|at|ch|eu|us)
      /[^\s<>"'()\[\]{}]*
    """
)
_TRAILING = ".,;:!?)]}'\""


def find_links(text: str) -> list[str]:
    """Return the links in `text`, in order of appearance, trailing punctuation stripped."""
    # Every form the pattern knows has "://", "www." or a "/" after a host: text
    # without any of them (most notes) needs no regex search at all.
    if not text or ("/" not in text and "www." not in text.lower()):
        return []
    return [m.group(0).rstrip(_TRAILING) for m in _LINK_RE.finditer(text)]


def url_host(url: str) -> str:
    """Return the lower-case host of `url` (without port or "www."), or "" when it has none."""
    candidate = url if "://" in url else "http://" + url
    try:
        host = urlsplit(candidate).hostname or ""
    except ValueError:
        return ""
    host = host.lower().rstrip(".")
    return host[4:] if host.startswith("www.") else host


def defang(text: str) -> str:
    """Return `text` with every link made unclickable: hxxps://example[.]com/path."""

    def _one(match: re.Match) -> str:
        link = match.group(0)
        link = re.sub(r"(?i)^http", "hxxp", link)
        link = re.sub(r"(?i)^ftp", "fxp", link)
        scheme, sep, rest = link.partition("://")
        if not sep:
            rest, scheme = link, ""
        host, slash, path = rest.partition("/")
        host = host.replace(".", "[.]")
        return f"{scheme}{sep}{host}{slash}{path}"

    return _LINK_RE.sub(_one, text or "")
