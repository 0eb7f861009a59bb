"""Evaluating invitations from local files, without the database.

Shared by the `evaluate_file`, `judge_report` and `simulate` commands: reading a policy
file and a PROFILE.json, compiling the policy, and turning records into results with
the same `Facts.from_mapping` + `evaluate` path the pipeline uses.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from django.core.management.base import CommandError

from policy.engine import (
    CompiledPolicy,
    Facts,
    OrgContext,
    PolicyInvalid,
    Result,
    compile_policy,
    evaluate,
)
from policy.engine.facts import STRING_FIELDS


def load_policy_file(path: str) -> dict:
    """Return the policy data in a version export (its "policy" key) or a bare policy file.

    Raises CommandError naming the file when it cannot be read or holds no JSON object."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise CommandError(f"{path}: cannot read the policy: {exc}") from exc
    if isinstance(data, dict) and isinstance(data.get("policy"), dict):
        data = data["policy"]
    if not isinstance(data, dict):
        raise CommandError(f"{path}: a policy is a JSON object")
    return data


def load_profile_data(path: str) -> dict:
    """Return the JSON object in PROFILE.json at `path`; CommandError when it is unreadable."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise CommandError(f"{path}: cannot read the profile: {exc}") from exc
    if not isinstance(data, dict):
        raise CommandError(f"{path}: cannot read the profile: expected a JSON object")
    return data


def org_from_profile(profile: Mapping[str, Any], path: str) -> OrgContext:
    """Return the OrgContext of a profile dict; CommandError naming `path` when it is invalid."""
    try:
        return OrgContext.from_profile(profile)
    except ValueError as exc:
        raise CommandError(f"{path}: cannot read the profile: {exc}") from exc


def load_profile_file(path: str) -> OrgContext:
    """Return the organisation context described by a PROFILE.json file."""
    return org_from_profile(load_profile_data(path), path)


def compile_policy_option(path: str | None) -> CompiledPolicy:
    """Return the compiled policy in file `path`, or the default policy when `path` is None.

    Raises CommandError listing every invalid setting with its path."""
    try:
        return compile_policy(load_policy_file(path) if path else None)
    except PolicyInvalid as exc:
        lines = "\n".join(f"  {e.path}: {e.message}" for e in exc.errors)
        raise CommandError(f"{path}: the policy is invalid:\n{lines}") from exc


def evaluate_records(
    records: Iterable[tuple[Any, Mapping[str, Any]]], org: OrgContext, policy: CompiledPolicy
) -> Iterator[tuple[Any, Result]]:
    """Yield (key, result) for each (key, record) evaluated for `org` under `policy`.

    Raises ValueError from `Facts.from_mapping` when a record's value cannot be understood."""
    for key, record in records:
        yield key, evaluate_record(record, org, policy)


def evaluate_record(record: Mapping[str, Any], org: OrgContext, policy: CompiledPolicy) -> Result:
    """Return the result of one record (Facts field names) for `org` under `policy`.

    Raises ValueError naming the field when a value cannot be understood."""
    return evaluate(Facts.from_mapping(record, org), policy)


# Facts' text fields but the note (kept as written), and the country, which intake has checked.
_TEXT_FIELDS = (*(key for key in STRING_FIELDS if key != "message"), "requester_country")


def facts_from_intake(record: Mapping[str, Any], org: OrgContext) -> Facts:
    """Return the Facts of a record that intake has already checked (a ParsedRow's record).

    Equal to `Facts.from_mapping(record, org)` (a test holds them to that) without checking
    every value a second time, which was a fifth of the work of evaluating a file."""
    text = {key: (record.get(key) or "").strip() for key in _TEXT_FIELDS}
    return Facts(
        **text,
        requester_has_photo=record.get("requester_has_photo"),
        mutual_connections=record.get("mutual_connections"),
        message=record.get("message") or "",
        received_at=record.get("received_at"),
        worked_together=record.get("worked_together") or "",
        recognises_name=record.get("recognises_name") or "",
        colleagues_connected=record.get("colleagues_connected"),
        attachments=tuple(
            name
            for item in record.get("attachments") or ()
            if (
                name := (
                    (item.get("name") or "(unnamed)") if isinstance(item, Mapping) else item
                ).strip()
            )
        ),
        email_findings=tuple(
            (str(code).strip(), "" if detail is None else str(detail))
            for code, detail in (
                (f.get("code"), f.get("detail", "")) if isinstance(f, Mapping) else f
                for f in record.get("email_findings") or ()
            )
        ),
        org=org,
    )


def evaluate_intake_record(
    record: Mapping[str, Any], org: OrgContext, policy: CompiledPolicy
) -> Result:
    """Return the result of one record intake has already checked (see facts_from_intake)."""
    return evaluate(facts_from_intake(record, org), policy)
