"""Which Authentication-Results header counts, and what it says about the sender.

Every server a message passes may add an Authentication-Results header, and a sender can
forge any header below the ones its recipient's servers add. Only the header added by the
organisation's own receiving server counts: the one whose authserv-id is configured, or,
when none is, the topmost (the last one added). Headers further down, added by relays
(LinkedIn's internal ones, or forged by an imitation), are ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lookalike import LINKEDIN_DOMAINS, is_linkedin_domain

_COMMENT_RE = re.compile(r"\([^()]*\)")
_RESULT_RE = re.compile(r"^\s*([a-z0-9_-]+)\s*=\s*([a-z]+)\b(.*)$", re.I | re.S)
_PROPERTY_RE = re.compile(r"\b([a-z]+\.[a-z0-9_-]+)\s*=\s*(\"[^\"]*\"|[^\s;]+)", re.I)
FAILED = ("fail", "softfail", "hardfail", "permerror")


@dataclass
class AuthResults:
    """The results of the Authentication-Results header that counts (empty when none does).

    `results` holds (method, result, {property: value}) in header order.
    """

    authserv_id: str = ""
    results: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)

    def failures(self) -> list[str]:
        """Return "spf=softfail"-style strings for every failed check, in header order."""
        found: list[str] = []
        for method, result, _props in self.results:
            text = f"{method}={result}"
            if method in ("spf", "dkim", "dmarc") and result in FAILED and text not in found:
                found.append(text)
        return found

    def linkedin_pass(self, from_domain: str) -> str:
        """Return why the mail is genuinely LinkedIn's ("DKIM pass for linkedin.com"), or "".

        A DKIM signature counts when it passed for a LinkedIn domain aligned with the From
        domain (same LinkedIn organisational domain); a DMARC pass for a LinkedIn From
        domain counts too.
        """
        organisation = _organisation(from_domain)
        if not organisation:
            return ""
        for method, result, props in self.results:
            if method == "dkim" and result == "pass":
                signer = props.get("header.d", "") or props.get("header.i", "").rpartition("@")[2]
                if signer and _organisation(signer) == organisation:
                    return f"DKIM pass for {signer.casefold()}"
        for method, result, props in self.results:
            if method == "dmarc" and result == "pass":
                domain = props.get("header.from", "") or from_domain
                if _organisation(domain) == organisation:
                    return f"DMARC pass for {domain.casefold()}"
        return ""


def _organisation(domain: str) -> str:
    domain = domain.casefold().strip().strip(".").lstrip("@")
    if not is_linkedin_domain(domain):
        return ""
    return next(d for d in LINKEDIN_DOMAINS if domain == d or domain.endswith("." + d))


def parse_auth_results(value: str) -> AuthResults:
    """Return the authserv-id and results of one Authentication-Results header value."""
    text = " ".join(value.split())
    for _ in range(5):  # comments nest rarely and shallowly
        stripped = _COMMENT_RE.sub(" ", text)
        if stripped == text:
            break
        text = stripped
    head, _, rest = text.partition(";")
    if _RESULT_RE.match(head):
        # Microsoft 365 writes no authserv-id: the header starts with the first result.
        head, rest = "", text
    parsed = AuthResults(head.strip().split(" ", 1)[0].casefold())
    for clause in rest.split(";"):
        match = _RESULT_RE.match(clause)
        if not match:
            continue
        props = {
            key.casefold(): val.strip('"') for key, val in _PROPERTY_RE.findall(match.group(3))
        }
        parsed.results.append((match.group(1).casefold(), match.group(2).casefold(), props))
    return parsed


def counted_auth_results(values: list[str], authserv_ids: tuple[str, ...] = ()) -> AuthResults:
    """Return the results of the header that counts among `values` (top to bottom).

    With `authserv_ids`, the topmost header with one of those ids counts (none: empty
    results). Without, the topmost header counts that LinkedIn's own servers did not add:
    mail from LinkedIn's staff passes internal relays that write their own results, and the
    organisation's receiving server is never one of LinkedIn's.
    """
    wanted = {item.casefold().strip() for item in authserv_ids if item.strip()}
    for value in values:
        parsed = parse_auth_results(value)
        if wanted:
            if parsed.authserv_id in wanted:
                return parsed
        elif not is_linkedin_domain(parsed.authserv_id):
            return parsed
    return AuthResults()
