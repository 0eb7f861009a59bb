"""Decisions as issue 11 reads the article: spam is about strangers, a known requester's pitch
is merely not personal, strangers are never accepted, and the explanation shows what decided.

Notes are unambiguous (a blatant pitch, an explicit shared project) so that these tests hold
for any note reader."""

import importlib
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policy.engine import Facts, OrgContext, compile_policy, default_policy, evaluate
from policy.engine.validate import validate_policy

ORG = OrgContext.from_profile(
    {
        "countries": ["DE"],
        "industries": ["IT"],
        "employers": ["Muster Agentur GmbH"],
        "clients": ["Initech AG"],
        "known_contacts": [
            {"name": "Karl Kontakt", "profile_url": "https://www.linkedin.com/in/karl-k/"}
        ],
        "blocklist": ["growth-hack.biz"],
    }
)
POLICY = compile_policy()
PITCH = (
    "Hi Anna, we help agencies like yours get 10x more leads. Book a demo with our team "
    "this week, our lead generation service is on special offer."
)
SCAM = (
    "Hello dear, guaranteed returns of 30% a month with our crypto fund. Work from home, "
    "message me on telegram."
)
CONTEXT = (
    "Hi Anna, we worked together at Initech on the billing migration project in 2019. "
    "Would be great to stay in touch."
)
NO_CONTEXT = "Hi Anna, I came across your profile and really admire your work in media."
STRANGER = {
    "recipient": "anna.schmidt@muster.de",
    "requester_name": "Jane Roe",
    "requester_has_photo": True,
    "requester_country": "DE",
    "mutual_connections": 0,
    "recognises_name": "no",
}
# Each way of knowing the requester that makes them more than a stranger.
VOUCHED = {
    "roster": {"requester_name": "Karl Kontakt"},
    "worked together": {"worked_together": "yes"},
    "name recognised": {"recognises_name": "yes"},
    "colleagues connected": {"colleagues_connected": 2},
    "accepted before": {"accepted_before_on": date(2026, 5, 4)},
}


def judge(policy=POLICY, **changes):
    return evaluate(Facts(org=ORG, **{**STRANGER, **changes}), policy)


def hit(result, rule):
    return next((h for h in result.hits if h.rule == rule), None)


def test_a_strangers_pitch_is_spam_and_the_explanation_quotes_it():
    result = judge(message=PITCH)
    assert result.recommendation == "report_spam"
    first = result.hits[0]
    assert first.rule == "promotional"
    assert first.explanation_en.startswith("The note advertises: \u201c")
    quoted = first.explanation_en.split("\u201c", 1)[1].split("\u201d", 1)[0]
    assert quoted.casefold() in PITCH.casefold()
    assert result.score_lines()[0].startswith("spam 1.0 \u2265 1.0")


def test_a_strangers_scam_is_spam_and_said_to_be_a_scam():
    result = judge(message=SCAM)
    assert result.recommendation == "report_spam"
    assert hit(result, "promotional").explanation_en.startswith("The note looks like a scam:")
    assert hit(result, "promotional").explanation_de.startswith("Die Notiz sieht nach Betrug aus:")


@pytest.mark.parametrize("how", sorted(VOUCHED))
def test_a_known_requesters_pitch_is_not_personal_so_ignore(how):
    result = judge(message=PITCH, **VOUCHED[how])
    assert result.recommendation == "ignore", how
    promo = hit(result, "promotional")
    assert promo.reason == "not_personal"
    assert promo.explanation_en.startswith("The note is a sales pitch, not a personal note:")
    assert result.scores["spam"] == 0.0


@pytest.mark.parametrize("how", sorted(VOUCHED))
def test_a_known_requester_is_never_spam_for_photo_country_links_or_attachments(how):
    result = judge(
        message=CONTEXT + " Slides: https://bit.ly/abc and rb.gy/x",
        requester_has_photo=False,
        requester_country="NG",
        attachments=("deck.pdf",),
        recent_invites_to_colleagues=9,
        **VOUCHED[how],
    )
    assert result.recommendation != "report_spam", how
    assert result.scores["spam"] == 0.0
    shortened = hit(result, "shortened_link")
    assert shortened.weight == 0.0
    assert "(not counted: someone knows " in shortened.explanation_en


@pytest.mark.parametrize(
    ("changes", "rule"),
    [
        ({"email_findings": (("auth_fail", "dkim=fail"),)}, "linkedin_imitation"),
        ({"message": CONTEXT + " growth-hack.biz"}, "blocklisted"),
        ({"reported_spam_on": date(2026, 11, 3)}, "reported_as_spam_before"),
    ],
)
def test_only_imitation_blocklist_or_memory_make_a_known_requester_spam(changes, rule):
    result = judge(**{"message": CONTEXT, "worked_together": "yes", **changes})
    assert result.recommendation == "report_spam"
    assert result.hits[0].rule == rule


def test_the_memory_of_a_spam_report_says_when_in_both_languages():
    result = judge(message=CONTEXT, reported_spam_on=date(2026, 11, 3))
    memory = hit(result, "reported_as_spam_before")
    assert memory.explanation_en == "Reported as spam by a reviewer on 3 Nov 2026."
    assert memory.explanation_de == "Am 3. Nov. 2026 von einer prüfenden Person als Spam gemeldet."
    assert memory.weight == 2.0


def test_an_earlier_acceptance_is_evidence_that_someone_knows_them():
    result = judge(message=CONTEXT, accepted_before_on=date(2026, 5, 4))
    assert result.recommendation == "accept"
    assert result.hits[0].rule == "accepted_before"
    assert result.hits[0].explanation_en == (
        "A reviewer accepted Jane Roe for a colleague on 4 May 2026."
    )
    assert hit(result, "no_one_knows_requester") is None


def test_known_with_concrete_context_is_accepted_and_without_it_ignored():
    assert judge(message=CONTEXT, worked_together="yes").recommendation == "accept"
    result = judge(message="", worked_together="yes")
    assert result.recommendation == "ignore"
    assert result.hits[0].rule == "no_note"


def test_a_stranger_without_a_pitch_is_dont_know_with_the_stranger_reason_first():
    result = judge(message=CONTEXT)
    assert result.recommendation == "dont_know"
    assert result.hits[0].reason == "unknown" and result.hits[0].weight > 0
    assert all(h.reason == "unknown" for h in result.hits[: result.deciding])


def test_a_stranger_is_never_accepted_even_when_weights_would_allow_it():
    policy = default_policy()
    policy["rules"]["no_one_knows_requester"]["weight"] = 0.1
    policy["rules"]["name_not_recognised"]["enabled"] = False
    policy["rules"]["few_mutual_connections"]["enabled"] = False
    result = judge(policy=compile_policy(policy), message=CONTEXT)
    assert result.scores["unknown"] < 1.0
    assert result.recommendation == "dont_know"
    assert result.hits[0].rule == "no_one_knows_requester"


def test_accept_shows_the_evidence_of_knowing_first():
    result = judge(message=CONTEXT, requester_name="Karl Kontakt", worked_together="yes")
    assert result.recommendation == "accept"
    assert {h.rule for h in result.hits[: result.deciding]} == {"known_contact", "worked_together"}
    assert all(h.weight < 0 for h in result.hits[: result.deciding])


def test_each_score_is_shown_against_its_threshold():
    result = judge(message=PITCH + " https://bit.ly/x")
    assert result.score_lines() == [
        "spam 2.0 \u2265 1.0",
        "unknown 2.0 \u2265 1.0",
        "not personal 1.0 \u2265 1.0",
    ]
    assert result.score_lines("de")[0] == "Spam 2.0 \u2265 1.0"


def test_industries_are_compared_by_words_not_substrings():
    assert hit(judge(message=CONTEXT, requester_industry="Recruiting"), "industry_outside")
    assert hit(judge(message=CONTEXT, requester_industry="IT Services"), "industry_outside") is None


@pytest.mark.parametrize("link", ["rb.gy/x", "s.id/x", "tiny.cc/x", "https://bit.ly/x"])
def test_bare_and_full_shortened_links_are_found(link):
    result = judge(message=f"{CONTEXT} See {link}")
    assert hit(result, "shortened_link") is not None, link


def test_a_long_run_of_dots_is_no_link_and_no_trouble():
    result = judge(message="a." * 5000)
    assert hit(result, "links_in_note") is None


# Custom rules within limits (issue 13, item 4).


def _custom(n, pattern="x{1,50}y"):
    return [
        {
            "id": f"r{i}",
            "reason": "spam",
            "kind": "regex",
            "pattern": pattern,
            "fields": ["message"],
            "weight": 1,
        }
        for i in range(n)
    ]


def test_a_policy_may_not_have_too_many_custom_rules_or_too_much_pattern():
    too_many = validate_policy({"custom_rules": _custom(51)})
    assert [str(e) for e in too_many] == [
        "custom_rules: has 51 rules; a policy may have at most 50"
    ]
    too_big = validate_policy({"custom_rules": _custom(20, "(?:" + "a" * 600 + ")")})
    assert [str(e) for e in too_big] == [
        "custom_rules: patterns have 12080 characters together; at most 10000 are allowed"
    ]


def test_lists_may_not_hold_too_many_characters_together():
    blocklist = [f"{i:06d}" + "x" * 490 for i in range(510)]
    errors = validate_policy({"lists": {"blocklist": blocklist}})
    assert [e.path for e in errors] == ["lists"]
    assert "at most 250000 are allowed" in errors[0].message


def test_custom_rules_out_of_time_become_hits_that_say_so(monkeypatch):
    # The package re-exports the function under the module's name.
    engine = importlib.import_module("policy.engine.evaluate")
    policy = compile_policy({"custom_rules": _custom(3, "zzz")})
    monkeypatch.setattr(engine, "CUSTOM_RULES_BUDGET_SECONDS", -1.0)
    result = judge(policy=policy, message=CONTEXT + " zzz")
    assert hit(result, "r0").weight == 1.0
    skipped = [h for h in result.hits if h.rule in ("r1", "r2")]
    assert [h.weight for h in skipped] == [0.0, 0.0]
    assert skipped[0].explanation_en.startswith(
        "Custom rule r1 was not checked: the policy's custom rules used up their time budget"
    )


# Properties over any facts.

vouch = st.sampled_from(sorted(VOUCHED)).map(VOUCHED.get)
notes = st.sampled_from([PITCH, SCAM, CONTEXT, NO_CONTEXT, "", "Hi", "https://bit.ly/x"])
spam_signals = st.fixed_dictionaries(
    {},
    optional={
        "requester_has_photo": st.booleans(),
        "requester_country": st.sampled_from(["DE", "NG", "US"]),
        "attachments": st.just(("a.exe",)),
        "recent_invites_to_colleagues": st.integers(0, 20),
        "mutual_connections": st.integers(0, 5),
    },
)


@settings(max_examples=200, deadline=None)
@given(vouch, notes, spam_signals)
def test_a_vouched_requester_is_never_spam_without_imitation_blocklist_or_memory(
    known, note, signals
):
    result = judge(message=note, **{**signals, **known})
    assert result.recommendation != "report_spam"
    assert result.scores["spam"] == 0.0


@settings(max_examples=200, deadline=None)
@given(notes, spam_signals)
def test_a_stranger_is_never_accepted(note, signals):
    signals.pop("mutual_connections", None)
    assert judge(message=note, **signals).recommendation != "accept"


@settings(max_examples=200, deadline=None)
@given(st.one_of(vouch, st.just({})), notes, spam_signals)
def test_the_deciding_hits_come_first_and_match_the_recommendation(known, note, signals):
    result = judge(message=note, **{**signals, **known})
    deciding = result.hits[: result.deciding]
    assert deciding, result
    expected = {
        "report_spam": lambda h: h.reason == "spam" and h.weight > 0,
        "dont_know": lambda h: h.reason == "unknown" and h.weight > 0,
        "ignore": lambda h: h.weight > 0 or h.rule in ("no_face_no_connection", "no_photo"),
        "accept": lambda h: h.weight < 0,
    }[result.recommendation]
    assert all(expected(h) for h in deciding)
    assert not any(
        expected(h) and h.weight for h in result.hits[result.deciding :]
    ) or result.recommendation in ("ignore", "dont_know")
