from datetime import UTC, datetime

from intake.dedupe import canonical_profile_url, cross_channel_name, dedupe_key
from intake.records import empty_record
from policy.engine.normalise import normalise_name


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


def test_every_channel_spells_a_name_the_same_way():
    assert cross_channel_name("Dr. Jürgen Müller-Lüdenscheidt, CAMS") == (
        "dr jurgen muller ludenscheidt"
    )
    assert cross_channel_name("JÜRGEN MÜL\u00adLER") == "jurgen muller"
    assert cross_channel_name("") == ""


def test_the_cross_channel_name_is_the_normalised_name_with_its_titles():
    name = "Dr. Anna-Lena Schmidt"
    assert cross_channel_name(name) == normalise_name(name, keep_titles=True)
    assert cross_channel_name(name) != normalise_name(name)


def test_a_stored_dedupe_key_stays_the_same():
    record = _record(
        requester_name="Dr. Jürgen Müller-Lüdenscheidt, CAMS",
        message="„Hallo“ – ich würde mich gern\u00a0vernetzen’",
        recipient="Paul <Paul@Example.com>",
        received_at=datetime(2026, 2, 12, 11, 44, tzinfo=UTC),
    )
    assert dedupe_key(record) == (
        "1dd8d61f12b1f101b90dbed859cc18e16c52386f8e51e2c00ae376b04996f696"
    )
