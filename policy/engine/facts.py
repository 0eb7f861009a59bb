"""The facts the engine judges: one invitation (`Facts`) and the organisation it was sent to
(`OrgContext`). Both are immutable and free of Django so they can be built anywhere."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from types import MappingProxyType
from typing import Any

from .matcher import compile_literals
from .normalise import normalise_company, normalise_name, normalise_profile_url, parse_yes_no

_EMPTY_MAP: Mapping[str, int] = MappingProxyType({})
_COUNTRY_RE = re.compile(r"^[A-Z]{2}$")


@dataclass(frozen=True, slots=True)
class OrgContext:
    """What the engine knows about the organisation receiving invitations.

    Normalised lookups and matchers are precomputed once in `__post_init__`, because one
    OrgContext is reused for many invitations."""

    name: str = ""
    countries: frozenset[str] = frozenset()
    industries: frozenset[str] = frozenset()
    employers: frozenset[str] = frozenset()
    clients: frozenset[str] = frozenset()
    known_contact_names: frozenset[str] = frozenset()
    known_contact_urls: frozenset[str] = frozenset()
    blocklist: tuple[str, ...] = ()
    colleagues_connected_by_url: Mapping[str, int] = field(
        default_factory=lambda: _EMPTY_MAP, hash=False
    )
    colleagues_connected_by_name: Mapping[str, int] = field(
        default_factory=lambda: _EMPTY_MAP, hash=False
    )
    industry_keys: frozenset[str] = field(init=False, compare=False, hash=False, repr=False)
    industry_words: tuple[frozenset[str], ...] = field(
        init=False, compare=False, hash=False, repr=False
    )
    company_keys: frozenset[str] = field(init=False, compare=False, hash=False, repr=False)
    company_matcher: Any = field(init=False, compare=False, hash=False, repr=False)
    blocklist_matcher: Any = field(init=False, compare=False, hash=False, repr=False)

    def __post_init__(self) -> None:
        countries = frozenset(c.strip().upper() for c in self.countries if c and c.strip())
        object.__setattr__(self, "countries", countries)
        object.__setattr__(
            self,
            "known_contact_names",
            frozenset(filter(None, (normalise_name(n) for n in self.known_contact_names))),
        )
        object.__setattr__(
            self,
            "known_contact_urls",
            frozenset(filter(None, (normalise_profile_url(u) for u in self.known_contact_urls))),
        )
        object.__setattr__(
            self,
            "industry_keys",
            frozenset(filter(None, (normalise_company(i) for i in self.industries))),
        )
        object.__setattr__(
            self, "industry_words", tuple(frozenset(k.split()) for k in self.industry_keys)
        )
        companies = frozenset(
            filter(None, (normalise_company(c) for c in (*self.employers, *self.clients)))
        )
        object.__setattr__(self, "company_keys", companies)
        object.__setattr__(self, "company_matcher", compile_literals(companies))
        object.__setattr__(
            self,
            "blocklist_matcher",
            compile_literals(b.casefold() for b in self.blocklist if b and len(b.strip()) >= 2),
        )

    @classmethod
    def from_profile(cls, profile: Mapping[str, Any]) -> OrgContext:
        """Return an OrgContext built from the PROFILE.json shape
        {"name", "countries", "industries", "employers", "clients",
        "known_contacts": [{"name", "profile_url"}], "blocklist"}; missing keys mean empty.
        Raises ValueError when a value has the wrong type."""
        if not isinstance(profile, Mapping):
            raise ValueError("profile: expected an object")

        def strings(key: str) -> list[str]:
            value = profile.get(key) or []
            if isinstance(value, str) or not isinstance(value, Iterable):
                raise ValueError(f"profile.{key}: expected a list of strings")
            out = []
            for i, item in enumerate(value):
                if not isinstance(item, str):
                    raise ValueError(f"profile.{key}[{i}]: expected a string, got {item!r}")
                if item.strip():
                    out.append(item.strip())
            return out

        names, urls = [], []
        for i, contact in enumerate(profile.get("known_contacts") or []):
            if not isinstance(contact, Mapping):
                raise ValueError(f"profile.known_contacts[{i}]: expected an object")
            names.append(str(contact.get("name") or ""))
            urls.append(str(contact.get("profile_url") or ""))
        for i, country in enumerate(strings("countries")):
            if not _COUNTRY_RE.match(country.upper()):
                raise ValueError(
                    f"profile.countries[{i}]: expected an ISO 3166 alpha-2 code, got {country!r}"
                )
        return cls(
            name=str(profile.get("name") or ""),
            countries=frozenset(strings("countries")),
            industries=frozenset(strings("industries")),
            employers=frozenset(strings("employers")),
            clients=frozenset(strings("clients")),
            known_contact_names=frozenset(names),
            known_contact_urls=frozenset(urls),
            blocklist=tuple(strings("blocklist")),
        )


EMPTY_ORG = OrgContext()

_ANSWERS_WORKED = {"yes": "yes", "no": "no", "unsure": "unsure", "": "", "not sure": "unsure"}
_ANSWERS_RECOGNISE = {"yes": "yes", "no": "no", "": "", "unsure": ""}
STRING_FIELDS = (
    "ref",
    "recipient",
    "requester_name",
    "requester_headline",
    "requester_company",
    "requester_industry",
    "requester_profile_url",
    "message",
)


def _parse_bool(key: str, value: Any) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        if not value.strip():
            return None
        answer = parse_yes_no(value)
        if answer is not None:
            return answer
    raise ValueError(f"{key}: expected true, false or empty, got {value!r}")


def _parse_count(key: str, value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(f"{key}: expected a whole number, got {value!r}")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str):
        text = value.strip().rstrip("+")
        if not text:
            return None
        if not (text.isascii() and text.isdigit()) or len(text) > 12:
            raise ValueError(f"{key}: expected a whole number, got {value!r}")
        value = int(text)
    if not isinstance(value, int) or value < 0:
        raise ValueError(f"{key}: expected a whole number >= 0, got {value!r}")
    return value


def _parse_answer(key: str, value: Any, answers: Mapping[str, str]) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str) and value.strip().lower() in answers:
        return answers[value.strip().lower()]
    allowed = ", ".join(repr(a) for a in answers if a and a != "not sure")
    raise ValueError(f"{key}: expected one of {allowed} or empty, got {value!r}")


def _parse_datetime(key: str, value: Any) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        try:
            return datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            pass
    raise ValueError(f"{key}: expected an ISO 8601 date-time, got {value!r}")


def _parse_date(key: str, value: Any) -> date | None:
    if value is None or (isinstance(value, date) and not isinstance(value, datetime)):
        return value
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        try:
            return date.fromisoformat(text[:10])
        except ValueError:
            pass
    raise ValueError(f"{key}: expected an ISO 8601 date, got {value!r}")


def _parse_attachments(value: Any) -> tuple[str, ...]:
    """Return attachment file names from a list of names or metadata dicts, or "a.pdf|b.exe"."""
    if value is None:
        return ()
    if isinstance(value, str):
        value = value.split("|")
    if not isinstance(value, Iterable):
        raise ValueError(f"attachments: expected a list of file names, got {value!r}")
    out = []
    for item in value:
        if isinstance(item, Mapping):
            # Intake stores attachment metadata ({"name", "size", "content_type", "sha256"}).
            item = item.get("name") or "(unnamed)"
        if not isinstance(item, str):
            raise ValueError(f"attachments: expected file names, got {item!r}")
        if item.strip():
            out.append(item.strip())
    return tuple(out)


def _parse_findings(value: Any) -> tuple[tuple[str, str], ...]:
    if value is None or value == "":
        return ()
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise ValueError(f"email_findings: expected a list of (code, detail) pairs, got {value!r}")
    out = []
    for item in value:
        if isinstance(item, Mapping):
            code, detail = item.get("code"), item.get("detail", "")
        elif isinstance(item, list | tuple) and len(item) == 2:
            code, detail = item
        else:
            raise ValueError(f"email_findings: expected a (code, detail) pair, got {item!r}")
        if not isinstance(code, str) or not code.strip():
            raise ValueError(f"email_findings: a finding needs a code, got {item!r}")
        out.append((code.strip(), "" if detail is None else str(detail)))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Facts:
    """One invitation as the engine sees it. Empty strings and None mean "unknown"."""

    ref: str = ""
    recipient: str = ""
    requester_name: str = ""
    requester_headline: str = ""
    requester_company: str = ""
    requester_industry: str = ""
    requester_country: str = ""
    requester_profile_url: str = ""
    requester_has_photo: bool | None = None
    mutual_connections: int | None = None
    message: str = ""
    received_at: datetime | None = None
    worked_together: str = ""
    recognises_name: str = ""
    colleagues_connected: int | None = None
    attachments: tuple[str, ...] = ()
    email_findings: tuple[tuple[str, str], ...] = ()
    recent_invites_to_colleagues: int | None = None
    # The organisation's memory of the same requester, looked up by the pipeline: the day a
    # reviewer last reported them as spam, and the day one last accepted them for a colleague.
    reported_spam_on: date | None = None
    accepted_before_on: date | None = None
    org: OrgContext = EMPTY_ORG

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], org: OrgContext = EMPTY_ORG) -> Facts:
        """Return Facts built from a dict with the field names of this class (unknown keys are
        ignored; "true"/"3"/"" style strings are accepted). Raises ValueError naming the field
        when a value cannot be understood."""
        if not isinstance(data, Mapping):
            raise ValueError("facts: expected a mapping of field names to values")
        values: dict[str, Any] = {}
        for key in STRING_FIELDS:
            value = data.get(key)
            if value is None:
                values[key] = ""
            elif isinstance(value, str | int | float) and not isinstance(value, bool):
                values[key] = str(value).strip()
            else:
                raise ValueError(f"{key}: expected text, got {value!r}")
        values["message"] = str(data.get("message") or "")
        country = data.get("requester_country") or ""
        if not isinstance(country, str):
            raise ValueError(f"requester_country: expected a country code, got {country!r}")
        country = country.strip().upper()
        if country and not _COUNTRY_RE.match(country):
            raise ValueError(
                f"requester_country: expected an ISO 3166 alpha-2 code like 'DE', got {country!r}"
            )
        values["requester_country"] = country
        values["requester_has_photo"] = _parse_bool(
            "requester_has_photo", data.get("requester_has_photo")
        )
        for key in ("mutual_connections", "colleagues_connected", "recent_invites_to_colleagues"):
            values[key] = _parse_count(key, data.get(key))
        values["received_at"] = _parse_datetime("received_at", data.get("received_at"))
        values["worked_together"] = _parse_answer(
            "worked_together", data.get("worked_together"), _ANSWERS_WORKED
        )
        values["recognises_name"] = _parse_answer(
            "recognises_name", data.get("recognises_name"), _ANSWERS_RECOGNISE
        )
        values["attachments"] = _parse_attachments(data.get("attachments"))
        values["email_findings"] = _parse_findings(data.get("email_findings"))
        for key in ("reported_spam_on", "accepted_before_on"):
            values[key] = _parse_date(key, data.get(key))
        return cls(org=org, **values)
