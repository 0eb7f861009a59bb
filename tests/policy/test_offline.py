"""Evaluating files without the database: facts built from intake's checked records."""

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from intake.email_intake import parse_eml
from intake.fields import build_record
from intake.limits import DEFAULT_LIMITS
from policy.engine import Facts, OrgContext
from policy.management.bench import BENCH_ORG, generate_records
from policy.offline import facts_from_intake

EMAILS = Path(__file__).resolve().parents[1] / "intake" / "fixtures" / "real"
ORG = OrgContext.from_profile({"name": "Acme", "countries": ["DE"]})

# Intake refuses NUL and unpaired surrogates (no database stores them), so valid rows have none.
_text = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs",), exclude_characters="\x00"),
    max_size=40,
)
_values = {
    "ref": _text,
    "recipient": _text,
    "requester_headline": _text,
    "requester_company": _text,
    "requester_industry": _text,
    "requester_country": st.sampled_from(["", "de", " US ", "AT"]),
    "requester_profile_url": st.sampled_from(
        ["", "linkedin.com/in/x", "https://www.linkedin.com/in/y/"]
    ),
    "requester_has_photo": st.sampled_from([None, True, False, "yes", "0", ""]),
    "mutual_connections": st.one_of(st.none(), st.integers(0, 10**6), st.just("12")),
    "message": _text,
    "received_at": st.sampled_from([None, "", "2026-03-01T10:00:00Z", "2026-03-01"]),
    "worked_together": st.sampled_from(["", "yes", "no", "unsure", "YES", True]),
    "recognises_name": st.sampled_from(["", "yes", "no", False]),
    "colleagues_connected": st.one_of(st.none(), st.integers(0, 50)),
    "attachments": st.one_of(
        st.just(""),
        st.just("a.pdf| b.exe |"),
        st.lists(st.sampled_from(["x.pdf", " y.doc ", {"name": "z.zip"}]), max_size=3),
    ),
}


@settings(max_examples=300, deadline=None)
@given(st.fixed_dictionaries({"requester_name": _text.filter(str.strip)}, optional=_values))
def test_facts_from_intake_equal_the_checked_facts_for_any_valid_row(values):
    record, _errors = build_record(values, "t.jsonl", 1, DEFAULT_LIMITS)
    # Every generated value is one intake accepts, so every row gives a record.
    assert record is not None
    assert facts_from_intake(record, ORG) == Facts.from_mapping(record, ORG)


def test_facts_from_intake_equal_the_checked_facts_for_generated_invitations():
    for values in generate_records(2000, seed=3):
        values = {**values, "attachments": list(values["attachments"])}
        values.pop("email_findings")
        record, errors = build_record(values, "t.jsonl", 1, DEFAULT_LIMITS)
        assert not errors
        assert facts_from_intake(record, BENCH_ORG) == Facts.from_mapping(record, BENCH_ORG)


def test_facts_from_intake_equal_the_checked_facts_for_real_emails():
    paths = sorted(EMAILS.glob("*.eml"))
    assert paths
    for path in paths:
        result = parse_eml(path.read_bytes(), path.name, DEFAULT_LIMITS)
        if result.record is not None:
            record = result.record
            assert facts_from_intake(record, ORG) == Facts.from_mapping(record, ORG), path.name
