"""Policies, versions, the organisation profile and the roster."""

from dataclasses import dataclass
from functools import lru_cache

from django.db import connection, transaction
from django.db.models import Count

from audit.models import Action
from audit.services import audit_record
from organisations.models import Organisation
from policy.engine import (
    CompiledPolicy,
    OrgContext,
    PolicyInvalid,
    compile_policy,
    default_policy,
    validate_policy,
)
from policy.models import MemberAction, OrgProfile, Policy, PolicyVersion, RosterContact

FIRST_VERSION_NOTE = "The article's three reasons: Vouch's default policy."


@transaction.atomic
def policy_ensure(*, org) -> Policy:
    """Return `org`'s policy, creating it with the default draft and publishing v1 if missing."""
    policy = Policy.objects.filter(organisation=org).first()
    if policy is not None:
        return policy
    # Two workers may meet an organisation's first invitation at once: lock its row.
    Organisation.objects.select_for_update().get(pk=org.pk)
    policy = Policy.objects.filter(organisation=org).first()
    if policy is not None:
        return policy
    policy = Policy.objects.create(organisation=org, draft=default_policy())
    OrgProfile.objects.get_or_create(organisation=org)
    if not PolicyVersion.objects.for_org(org).exists():
        PolicyVersion.objects.create(
            organisation=org, number=1, data=policy.draft, change_note=FIRST_VERSION_NOTE
        )
    return policy


def policy_current_version(*, org) -> PolicyVersion:
    """Return the newest published version of `org`'s policy (publishing the default if none)."""
    version = PolicyVersion.objects.for_org(org).current()
    if version is None:
        policy_ensure(org=org)
        version = PolicyVersion.objects.for_org(org).current()
    return version


@lru_cache(maxsize=256)
def _compiled(version_id: int, data_json: str) -> CompiledPolicy:
    import json

    return compile_policy(json.loads(data_json))


def compiled_version(version: PolicyVersion) -> CompiledPolicy:
    """Return the compiled policy of `version`; versions are immutable, so it is cached."""
    import json

    return _compiled(version.pk, json.dumps(version.data, sort_keys=True))


@transaction.atomic
def policy_draft_update(*, org, data: dict, actor) -> Policy:
    """Replace `org`'s draft with `data` and return the policy; raise PolicyInvalid if invalid."""
    errors = validate_policy(data)
    if errors:
        raise PolicyInvalid(errors)
    policy = Policy.objects.select_for_update().get(pk=policy_ensure(org=org).pk)
    policy.draft = data
    policy.draft_updated_by = actor
    policy.save(update_fields=["draft", "draft_updated_by", "draft_updated_at"])
    return policy


@transaction.atomic
def policy_publish(*, org, actor, change_note: str) -> PolicyVersion:
    """Publish the draft as the next numbered version and return it; raise PolicyInvalid."""
    policy = Policy.objects.select_for_update().get(pk=policy_ensure(org=org).pk)
    errors = validate_policy(policy.draft)
    if errors:
        raise PolicyInvalid(errors)
    latest = PolicyVersion.objects.for_org(org).current()
    version = PolicyVersion.objects.create(
        organisation=org,
        number=(latest.number if latest else 0) + 1,
        data=policy.draft,
        published_by=actor,
        change_note=change_note.strip(),
        member_action=policy.member_action,
    )
    audit_record(
        org=org,
        actor=actor,
        action=Action.POLICY_PUBLISHED,
        target_type="policy_version",
        target_id=version.number,
        data={"version": version.number, "change_note": version.change_note},
    )
    return version


@dataclass(frozen=True)
class RosterMatches:
    names: frozenset[str]
    urls: frozenset[str]
    colleagues_by_name: dict[str, int]
    colleagues_by_url: dict[str, int]


def roster_matches(*, org, name_keys: set[str], profile_keys: set[str]) -> RosterMatches:
    """Return which of the given requesters the roster knows, and how many colleagues each."""
    name_keys.discard("")
    profile_keys.discard("")
    if not name_keys and not profile_keys:
        return RosterMatches(frozenset(), frozenset(), {}, {})
    if connection.vendor == "postgresql":
        by_name, by_url = _roster_counts_postgresql(org, name_keys, profile_keys)
    else:
        by_name, by_url = _roster_counts_portable(org, name_keys, profile_keys)
    return RosterMatches(
        names=frozenset(by_name),
        urls=frozenset(by_url),
        colleagues_by_name={k: v for k, v in by_name.items() if v},
        colleagues_by_url={k: v for k, v in by_url.items() if v},
    )


def _roster_counts_postgresql(org, name_keys, profile_keys) -> tuple[dict, dict]:
    """Return ({name key: colleagues}, {profile key: colleagues}) in one round trip.

    The keys travel as two array parameters: an IN list of a thousand placeholders
    costs milliseconds to build in Python and to plan in PostgreSQL.
    """
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT false, name_key, COUNT(DISTINCT owner_id) FROM policy_rostercontact "
            "WHERE organisation_id = %s AND name_key = ANY(%s) GROUP BY name_key "
            "UNION ALL "
            "SELECT true, profile_key, COUNT(DISTINCT owner_id) FROM policy_rostercontact "
            "WHERE organisation_id = %s AND profile_key = ANY(%s) GROUP BY profile_key",
            [org.pk, sorted(name_keys), org.pk, sorted(profile_keys)],
        )
        by_name, by_url = {}, {}
        for is_url, key, colleagues in cursor.fetchall():
            (by_url if is_url else by_name)[key] = colleagues
    return by_name, by_url


def _roster_counts_portable(org, name_keys, profile_keys) -> tuple[dict, dict]:
    contacts = RosterContact.objects.for_org(org)
    by_name = dict(
        contacts.filter(name_key__in=name_keys)
        .values_list("name_key")
        .annotate(n=Count("owner", distinct=True))
    )
    by_url = dict(
        contacts.filter(profile_key__in=profile_keys)
        .values_list("profile_key")
        .annotate(n=Count("owner", distinct=True))
    )
    return by_name, by_url


def org_context(*, org, matches: RosterMatches | None = None) -> OrgContext:
    """Return the engine's view of `org`: its profile plus the roster entries that matter."""
    profile, _created = OrgProfile.objects.get_or_create(organisation=org)
    data = profile.as_profile()
    matches = matches or RosterMatches(frozenset(), frozenset(), {}, {})
    return OrgContext(
        name=data["name"],
        countries=frozenset(data["countries"]),
        industries=frozenset(data["industries"]),
        employers=frozenset(data["employers"]),
        clients=frozenset(data["clients"]),
        known_contact_names=matches.names,
        known_contact_urls=matches.urls,
        blocklist=tuple(data["blocklist"]),
        colleagues_connected_by_name=matches.colleagues_by_name,
        colleagues_connected_by_url=matches.colleagues_by_url,
    )


@transaction.atomic
def policy_member_action_set(*, org, value: str) -> Policy:
    """Set whether `org`'s members may act on a recommendation at once, and return the policy.

    It applies at once; the next published version records it. Raises ValueError for a
    value that is not a MemberAction.
    """
    if value not in MemberAction.values:
        raise ValueError(value)
    policy = Policy.objects.select_for_update().get(pk=policy_ensure(org=org).pk)
    policy.member_action = value
    policy.save(update_fields=["member_action"])
    return policy
