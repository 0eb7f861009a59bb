from datetime import UTC, datetime

from intake.dedupe import canonical_profile_url, dedupe_key
from intake.records import empty_record


def _record(**values):
    record = empty_record()
    record.update(values)
    return record


def test_the_same_invitation_from_two_channels_has_one_key():
    from_csv = _record(
        requester_name="Alina Parfilava, CAMS",
        requester_profile_url="https://www.linkedin.com/in/alina-parfilava",
        message="I’d like to  add you",
        recipient="paul@example.com",
        received_at=datetime(2026, 2, 12, 11, 44, tzinfo=UTC),
    )
    from_email = _record(
        requester_name="ALINA PARFILAVA",
        requester_profile_url="https://www.linkedin.com/comm/profile/view?id=AAsAAA",
        message="I'd like to add you\n",
        recipient="Paul <Paul@Example.com>",
        received_at=datetime(2026, 2, 12, 11, 45, 30, tzinfo=UTC),
    )
    assert dedupe_key(from_csv) == dedupe_key(from_email)


def test_different_recipients_notes_or_days_give_different_keys():
    base = _record(requester_name="Kim", message="Hi", recipient="a@example.com")
    assert dedupe_key(base) != dedupe_key({**base, "recipient": "b@example.com"})
    assert dedupe_key(base) != dedupe_key({**base, "message": "Hello"})
    later = {**base, "received_at": datetime(2026, 1, 2, tzinfo=UTC)}
    assert dedupe_key(base) != dedupe_key(later)


def test_the_key_is_a_sha256_hex_digest():
    key = dedupe_key(_record(requester_name="Kim"))
    assert len(key) == 64 and int(key, 16) >= 0


def test_profile_urls_are_reduced_to_the_member_identity():
    assert (
        canonical_profile_url("https://www.linkedin.com/in/Kim-M%C3%BCller/?trk=x")
        == "in/kim-müller"
    )
    assert canonical_profile_url("linkedin.com/comm/in/kim-müller") == "in/kim-müller"
    assert canonical_profile_url("https://www.linkedin.com/comm/profile/view?id=AB&x=1") == "id/AB"


def test_a_bare_linkedin_profile_address_is_an_unknown_profile():
    assert canonical_profile_url("https://www.linkedin.com/in") == ""
    assert canonical_profile_url("https://www.linkedin.com/in/") == ""
    bare = _record(requester_name="", requester_profile_url="https://www.linkedin.com/in/")
    known = _record(requester_name="", requester_profile_url="https://www.linkedin.com/in/kim")
    assert dedupe_key(bare) != dedupe_key(known)


def test_a_record_without_a_name_is_keyed_by_its_profile_url():
    first = _record(requester_profile_url="https://linkedin.com/in/kim")
    second = _record(requester_profile_url="https://linkedin.com/in/sam")
    assert dedupe_key(first) != dedupe_key(second)


def test_the_format_character_table_matches_a_scan_of_the_unicode_database():
    import unicodedata

    from intake.dedupe import format_chars

    scanned = {chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) == "Cf"}
    assert format_chars() == scanned
