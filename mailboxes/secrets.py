"""Secrets stored in the database (a mailbox password), encrypted with Fernet.

The key is derived from VOUCH_FIELD_KEY (the first key encrypts, every key decrypts,
so keys can be rotated) and falls back to SECRET_KEY, which always decrypts.
"""

from __future__ import annotations

import base64

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings


class SecretUnreadable(Exception):
    """The stored secret was encrypted with a key this installation no longer has."""


def _fernet(secret: str) -> Fernet:
    key = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=b"vouch-field-key", info=b"stored secrets"
    ).derive(secret.encode("utf-8"))
    return Fernet(base64.urlsafe_b64encode(key))


def _keys() -> MultiFernet:
    secrets = [k for k in settings.VOUCH_FIELD_KEY if k] + [settings.SECRET_KEY]
    return MultiFernet([_fernet(secret) for secret in dict.fromkeys(secrets)])


def secret_encrypt(plain: str) -> str:
    """Return `plain` encrypted with the current key, as text for a database column."""
    return _keys().encrypt(plain.encode("utf-8")).decode("ascii")


def secret_decrypt(token: str) -> str:
    """Return the plain text of `token`; raise SecretUnreadable when no key opens it."""
    try:
        return _keys().decrypt(token.encode("ascii")).decode("utf-8")
    except (InvalidToken, ValueError) as exc:
        raise SecretUnreadable(
            "the stored password cannot be decrypted (VOUCH_FIELD_KEY or SECRET_KEY changed); "
            "enter the mailbox address with its password again"
        ) from exc
