"""Parsing of single field values, shared by the CSV template and JSON lines.

Each `parse_*` function returns the canonical value, with "" or None for an empty
input (unknown), and raises FieldError with a message meant for the uploader.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime, time
from functools import lru_cache, partial
from typing import Any

from policy.engine.links import find_links, url_host
from policy.engine.messages import gettext_noop as _
from policy.engine.normalise import parse_yes_no

from .errors import IntakeError
from .limits import IntakeLimits
from .records import INPUT_FIELDS, attachment_entry, empty_record

_COUNTRY_RE = re.compile(r"^[A-Z]{2}$")
# Codes in common use that ISO 3166-1 reserves rather than assigns: the United Kingdom's
# "UK" and Kosovo's "XK" (used by the EU and LinkedIn).
_COUNTRY_ALIASES = {"UK": "GB", "XK": "XK"}
_SHA256_RE = re.compile(r"^[0-9a-f]{64}$")
_MAX_COUNT = 10**9
# Characters no column can store: PostgreSQL text cannot hold NUL, and a lone UTF-16
# surrogate (from a JSON "\\ud800" escape) has no UTF-8 encoding.
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
# Invitations are from the era of professional networks; anything outside is a typo
# or a probe, and years outside 1..9999 cannot be stored at all.
EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)
LATEST = datetime(2200, 1, 1, tzinfo=UTC)
WORKED_TOGETHER_CHOICES = ("yes", "no", "unsure")
RECOGNISES_NAME_CHOICES = ("yes", "no")


class FieldError(ValueError):
    """A field value that cannot be used; str(error) is the message for the uploader."""


def show(value: Any, limit: int = 60) -> str:
    """Return `value` quoted for an error message, shortened so messages stay readable."""
    text = value if isinstance(value, str) else str(value)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return repr(text)


def _is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def check_characters(text: str) -> None:
    """Raise FieldError naming the position of a NUL or an unpaired surrogate in `text`."""
    if "\x00" in text:
        raise FieldError(f"contains a NUL character at position {text.index(chr(0)) + 1:,}")
    if not text.isascii() and (found := _SURROGATE_RE.search(text)):
        raise FieldError(
            f"contains an unpaired surrogate (U+{ord(found.group()):04X}) at position "
            f"{found.start() + 1:,}"
        )


def parse_text(value: Any, max_chars: int) -> str:
    """Return `value` as stripped text ("" when empty).

    Raises FieldError for lists/objects, for text longer than `max_chars` and for
    characters no database can store (NUL, unpaired surrogates).
    """
    if type(value) is str:
        text = value.strip()
    elif _is_empty(value):
        return ""
    elif isinstance(value, bool) or not isinstance(value, str | int | float):
        raise FieldError(_("expected text, got %(type)s", type=type(value).__name__))
    else:
        text = str(value).strip()
    if len(text) > max_chars:
        raise FieldError(
            _(
                "is %(n)s characters long; the limit is %(limit)s",
                n=f"{len(text):,}",
                limit=f"{max_chars:,}",
            )
        )
    check_characters(text)
    return text


def parse_bool(value: Any) -> bool | None:
    """Return True/False for a yes/no word (see `parse_yes_no`: true/false, yes/no, 1/0, ja/nein,
    any case) or a JSON boolean, None when empty."""
    if _is_empty(value):
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    answer = parse_yes_no(str(value))
    if answer is not None:
        return answer
    raise FieldError(
        _("%(value)s is not a yes/no value (use true, false, yes, no, 1 or 0)", value=show(value))
    )


def parse_count(value: Any) -> int | None:
    """Return a whole number ≥ 0, or None when empty."""
    if _is_empty(value):
        return None
    if isinstance(value, bool):
        raise FieldError(_("%(value)s is not a whole number", value=show(value)))
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        number = value
    else:
        text = str(value).strip()
        if not re.fullmatch(r"[+-]?\d{1,12}", text):
            raise FieldError(_("%(value)s is not a whole number", value=show(value)))
        number = int(text)
    if number < 0:
        raise FieldError(_("%(n)s is negative; counts must be 0 or more", n=number))
    if number > _MAX_COUNT:
        raise FieldError(_("%(n)s is implausibly large", n=f"{number:,}"))
    return number


def parse_datetime(value: Any) -> datetime | None:
    """Return an aware UTC datetime from ISO 8601 text; naive times are taken as UTC.

    A bare date means midnight UTC. None when empty.
    """
    if _is_empty(value):
        return None
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, date):
        parsed = datetime.combine(value, time())
    else:
        text = str(value).strip()
        try:
            parsed = datetime.fromisoformat(text)
        except ValueError:
            raise FieldError(_("%(value)s is not an ISO 8601 date", value=show(value))) from None
    return plausible_moment(parsed, value)


def plausible_moment(parsed: datetime, value: Any) -> datetime:
    """Return `parsed` in UTC (naive means UTC); raise FieldError outside 1970–2199."""
    try:
        moment = parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)
    except OverflowError:
        moment = None
    if moment is None or not EARLIEST <= moment < LATEST:
        raise FieldError(_("%(value)s is outside the years 1970 to 2199", value=show(value)))
    return moment


def parse_country(value: Any) -> str:
    """Return an upper-case ISO 3166 alpha-2 code ("" when empty).

    Files must carry codes: a country's name is refused with its code in the message
    ("Germany" → use DE), never shortened to two letters (GE is Georgia).
    """
    import pycountry

    if _is_empty(value):
        return ""
    text = str(value).strip()
    code = text.upper()
    if code in _COUNTRY_ALIASES:
        return _COUNTRY_ALIASES[code]
    if _COUNTRY_RE.match(code) and pycountry.countries.get(alpha_2=code) is not None:
        return code
    try:
        named = pycountry.countries.lookup(text) if len(text) > 3 else None
    except LookupError:
        named = None
    if named is not None:
        raise FieldError(
            _(
                "%(value)s is not a two-letter ISO 3166 country code; write %(code)s for %(name)s",
                value=show(value),
                code=named.alpha_2,
                name=named.name,
            )
        )
    raise FieldError(
        _(
            "%(value)s is not a two-letter ISO 3166 country code (like DE or US)",
            value=show(value),
        )
    )


def parse_choice(value: Any, choices: tuple[str, ...]) -> str:
    """Return one of `choices` (case-insensitive; JSON true/false mean yes/no), "" when empty."""
    if _is_empty(value):
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    token = str(value).strip().casefold()
    if token in choices:
        return token
    raise FieldError(
        _("%(value)s is not one of %(choices)s", value=show(value), choices=", ".join(choices))
    )


def parse_url(value: Any, max_chars: int) -> str:
    """Return an http(s) URL; a scheme-less "linkedin.com/in/x" gets "https://". "" when empty."""
    text = parse_text(value, max_chars)
    if not text:
        return ""
    if re.search(r"\s", text):
        raise FieldError(_("%(value)s is not a URL", value=show(value)))
    scheme, sep, _rest = text.partition("://")
    if not sep:
        if re.match(r"^[a-z][a-z0-9+.-]*:", text, re.I) and not re.match(r"^[^:/]+:\d", text):
            raise FieldError(_("%(value)s is not an http or https URL", value=show(value)))
        text = "https://" + text
    elif scheme.casefold() not in ("http", "https"):
        raise FieldError(_("%(value)s is not an http or https URL", value=show(value)))
    host = url_host(text)
    if not host or "." not in host:
        raise FieldError(_("%(value)s is not a URL", value=show(value)))
    return text


def _attachment_name(name: str) -> str:
    # Only the base name is kept: a path in a file name says nothing about the invitation.
    return name.replace("\\", "/").rsplit("/", 1)[-1].strip()


def parse_attachments(value: Any, max_chars: int) -> list[dict[str, Any]]:
    """Return attachment metadata from "a.pdf|b.exe" or a JSON list of names or objects.

    Names alone give size None and empty content type and hash.
    """
    if _is_empty(value):
        return []
    if isinstance(value, str):
        if len(value) > max_chars:
            raise FieldError(
                _(
                    "is %(n)s characters long; the limit is %(limit)s",
                    n=f"{len(value):,}",
                    limit=f"{max_chars:,}",
                )
            )
        check_characters(value)
        names = [_attachment_name(part) for part in value.split("|")]
        return [attachment_entry(name) for name in names if name]
    if not isinstance(value, list):
        raise FieldError(
            _(
                "expected names separated by | or a list, got %(type)s",
                type=type(value).__name__,
            )
        )
    entries = []
    for item in value:
        if isinstance(item, str):
            if _attachment_name(item):
                entries.append(attachment_entry(_attachment_name(item)))
        elif isinstance(item, dict):
            name = _attachment_name(parse_text(item.get("name"), 1000))
            if not name:
                raise FieldError(_("an attachment has no name"))
            sha = parse_text(item.get("sha256"), 64).casefold()
            if sha and not _SHA256_RE.match(sha):
                raise FieldError(_("%(value)s is not a SHA-256 hex digest", value=show(sha)))
            entries.append(
                attachment_entry(
                    name,
                    parse_count(item.get("size")),
                    parse_text(item.get("content_type"), 255).casefold(),
                    sha,
                )
            )
        else:
            raise FieldError(
                _("an attachment must be a name or an object, got %(value)s", value=show(item))
            )
    return entries


@lru_cache(maxsize=8)
def _field_parsers(limits: IntakeLimits) -> dict[str, Callable[[Any], Any]]:
    chars = limits.max_field_chars

    def text(key: str) -> Callable[[Any], str]:
        return partial(parse_text, max_chars=limits.chars_for(key))

    return {
        "ref": text("ref"),
        "recipient": text("recipient"),
        "requester_name": text("requester_name"),
        "requester_headline": text("requester_headline"),
        "requester_company": text("requester_company"),
        "requester_industry": text("requester_industry"),
        "requester_country": parse_country,
        "requester_profile_url": partial(
            parse_url, max_chars=limits.chars_for("requester_profile_url")
        ),
        "requester_has_photo": parse_bool,
        "mutual_connections": parse_count,
        "message": text("message"),
        "received_at": parse_datetime,
        "worked_together": lambda v: parse_choice(v, WORKED_TOGETHER_CHOICES),
        "recognises_name": lambda v: parse_choice(v, RECOGNISES_NAME_CHOICES),
        "colleagues_connected": parse_count,
        "attachments": lambda v: parse_attachments(v, chars),
    }


def build_record(
    values: Mapping[str, Any], filename: str, line: int | None, limits: IntakeLimits
) -> tuple[dict[str, Any] | None, list[IntakeError]]:
    """Return (record, errors) for one row of template fields.

    Every field is checked, so one row reports all its problems; the record is None
    when there is any error. Keys outside the template are ignored.
    """
    record = empty_record()
    errors: list[IntakeError] = []
    parsers = _field_parsers(limits)
    for key in INPUT_FIELDS:
        value = values.get(key)
        # Most cells of a file are empty; they keep the record's "unknown" default.
        if value is None or (type(value) is str and not value.strip()):
            continue
        try:
            record[key] = parsers[key](value)
        except FieldError as exc:
            errors.append(IntakeError(filename, line, key, exc.args[0] if exc.args else str(exc)))
    if not record["requester_name"] and all(e.column != "requester_name" for e in errors):
        errors.append(
            IntakeError(
                filename, line, "requester_name", _("is empty; every invitation needs a name")
            )
        )
    if errors:
        return None, errors
    record["links"] = find_links(record["message"])
    return record, []
