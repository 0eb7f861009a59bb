"""API tokens: creation, revocation and lookup. The plain key exists only in the creator's hands."""

import hashlib
import secrets

from django.db import transaction
from django.utils import timezone

from organisations.events import organisation_change_announce
from organisations.models import ApiToken, Organisation

TOKEN_PREFIX = "vch_"


def hash_key(key: str) -> str:
    """Return the hex SHA-256 of `key`, which is what the database stores."""
    return hashlib.sha256(key.encode()).hexdigest()


@transaction.atomic
def api_token_create(*, org: Organisation, name: str, user, actor) -> tuple[ApiToken, str]:
    """Create a token acting as `user` in `org`; return (token, plain key to show once)."""
    key = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        organisation=org,
        name=name,
        prefix=key[: len(TOKEN_PREFIX) + 6],
        key_hash=hash_key(key),
        user=user,
        created_by=actor,
    )
    organisation_change_announce(
        org=org,
        actor=actor,
        action="token.created",
        target_type="api_token",
        target_id=token.pk,
        data={"name": name, "prefix": token.prefix, "acts_as": user.get_username()},
    )
    return token, key


@transaction.atomic
def api_token_revoke(*, token: ApiToken, actor) -> ApiToken:
    """Revoke `token` (idempotent) and return it."""
    token = ApiToken.objects.select_for_update().get(pk=token.pk)
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        organisation_change_announce(
            org=token.organisation,
            actor=actor,
            action="token.revoked",
            target_type="api_token",
            target_id=token.pk,
            data={"name": token.name, "prefix": token.prefix},
        )
    return token


def api_token_lookup(key: str) -> ApiToken | None:
    """Return the active token whose key is `key`, or None."""
    if not key.startswith(TOKEN_PREFIX):
        return None
    return (
        ApiToken.objects.active()
        .select_related("organisation", "user")
        .filter(key_hash=hash_key(key))
        .first()
    )
