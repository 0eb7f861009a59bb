"""Stored secrets: Fernet, keyed by VOUCH_FIELD_KEY with SECRET_KEY as the fallback."""

import pytest

from mailboxes.secrets import SecretUnreadable, secret_decrypt, secret_encrypt


def test_a_secret_round_trips_and_is_not_stored_in_clear():
    token = secret_encrypt("pa55wörd")
    assert "pa55" not in token
    assert secret_decrypt(token) == "pa55wörd"
    assert secret_encrypt("pa55wörd") != token


def test_without_a_field_key_the_secret_key_is_used(settings):
    settings.VOUCH_FIELD_KEY = []
    token = secret_encrypt("x")
    settings.SECRET_KEY = "another-secret-key-entirely-0123456789-abcdefghij"
    with pytest.raises(SecretUnreadable, match="enter the mailbox address with its password"):
        secret_decrypt(token)


def test_a_field_key_can_be_introduced_and_rotated(settings):
    settings.VOUCH_FIELD_KEY = []
    under_secret_key = secret_encrypt("one")
    settings.VOUCH_FIELD_KEY = ["first-field-key"]
    under_first = secret_encrypt("two")
    assert secret_decrypt(under_secret_key) == "one"
    settings.VOUCH_FIELD_KEY = ["second-field-key", "first-field-key"]
    assert secret_decrypt(under_first) == "two"
    settings.VOUCH_FIELD_KEY = ["second-field-key"]
    with pytest.raises(SecretUnreadable):
        secret_decrypt(under_first)
