import time

import pytest

from policy.engine import (
    Facts,
    OrgContext,
    PolicyInvalid,
    compile_policy,
    default_policy,
    evaluate,
)

ORG = OrgContext.from_profile({"countries": ["DE"], "clients": ["ACME AG"]})
PERSONAL = "Hi Anna, we met at the DMEXCO conference in Cologne last week. Great talk!"


def facts(**changes):
    base = {
        "requester_name": "Jane Roe",
        "requester_has_photo": True,
        "mutual_connections": 4,
        "message": PERSONAL,
    }
    return Facts(org=ORG, **{**base, **changes})


def hit(result, rule):
    return next((h for h in result.hits if h.rule == rule), None)


def with_custom(*rules, **policy_changes):
    policy = default_policy()
    policy["custom_rules"] = list(rules)
    policy.update(policy_changes)
    return compile_policy(policy)


def test_spam_takes_precedence_over_unknown_and_not_personal():
    result = evaluate(facts(mutual_connections=None, message="", attachments=("x.exe",)))
    assert result.scores == {"unknown": 1.5, "not_personal": 1.0, "spam": 1.0}
    assert result.recommendation == "report_spam"


def test_unknown_takes_precedence_over_not_personal():
    result = evaluate(facts(mutual_connections=None, message=""))
    assert result.recommendation == "dont_know"


def test_not_personal_without_other_reasons_is_ignore():
    assert evaluate(facts(message="")).recommendation == "ignore"


def test_thresholds_are_data():
    policy = default_policy()
    policy["thresholds"]["not_personal"] = 2.5
    result = evaluate(facts(message="Hi!"), compile_policy(policy))
    assert result.scores["not_personal"] == 2.0
    assert result.recommendation == "accept"


def test_no_face_never_accepts_but_still_reports_spam():
    accepted = evaluate(facts(requester_has_photo=False))
    assert accepted.recommendation == "ignore"
    assert hit(accepted, "no_face_no_connection").explanation_de.startswith(
        "Kein Gesicht, keine Verbindung: Jane Roe hat kein Profilfoto"
    )
    spam = evaluate(facts(requester_has_photo=False, attachments=("x.exe",)))
    assert spam.recommendation == "report_spam"
    assert hit(spam, "no_face_no_connection") is None


def test_the_no_face_cap_can_be_disabled():
    policy = default_policy()
    policy["rules"]["no_face_no_connection"]["enabled"] = False
    result = evaluate(facts(requester_has_photo=False), compile_policy(policy))
    assert result.recommendation == "accept"


def test_result_to_dict_uses_the_requested_language_and_puts_the_deciding_hit_first():
    result = evaluate(facts(message=""))
    assert result.to_dict("de") == {
        "recommendation": "ignore",
        "scores": {"unknown": -3.0, "not_personal": 1.0, "spam": 0.0},
        "hits": [
            {
                "rule": "no_note",
                "reason": "not_personal",
                "weight": 1.0,
                "explanation": "Die Einladung hat keine Notiz.",
                "deciding": True,
            },
            {
                "rule": "has_mutual_connections",
                "reason": "unknown",
                "weight": -3.0,
                "explanation": "Jane Roe: 4 gemeinsame Kontakte.",
                "deciding": False,
            },
        ],
    }
    assert result.to_dict()["hits"][0]["explanation"] == "The invitation has no note."
    assert result.score_lines("de") == [
        "Spam 0.0 < 1.0",
        "unbekannt -3.0 < 1.0",
        "nicht persönlich 1.0 \u2265 1.0",
    ]
    assert result.score_lines() == [
        "spam 0.0 < 1.0",
        "unknown -3.0 < 1.0",
        "not personal 1.0 \u2265 1.0",
    ]


def test_evaluate_accepts_policy_data_and_none():
    assert evaluate(facts(), default_policy()) == evaluate(facts(), None)


def test_evaluate_rejects_invalid_policy_data():
    with pytest.raises(PolicyInvalid) as caught:
        evaluate(facts(), {"thresholds": {"spam": "high"}})
    assert caught.value.errors[0].path == "thresholds.spam"


def test_compile_policy_is_memoised_by_content():
    first = compile_policy(default_policy())
    assert compile_policy(default_policy()) is first
    assert compile_policy({}) is first
    changed = default_policy()
    changed["thresholds"]["spam"] = 2.0
    assert compile_policy(changed) is not first


def test_a_custom_keyword_rule_matches_whole_words_case_insensitively():
    policy = with_custom(
        {
            "id": "recruiters",
            "reason": "spam",
            "kind": "keyword",
            "pattern": "Talent Scout",
            "fields": ["requester_headline", "message"],
            "weight": 1.0,
            "explanation_en": "Recruiter spam.",
            "explanation_de": "Recruiter-Spam.",
        }
    )
    result = evaluate(facts(requester_headline="Senior TALENT   scout @ X"), policy)
    custom = hit(result, "recruiters")
    assert custom.reason == "spam"
    assert custom.explanation_en == "Recruiter spam (\u201ctalent scout\u201d in the headline)."
    assert custom.explanation_de == "Recruiter-Spam (\u201etalent scout\u201c in der Überschrift)."
    assert result.recommendation == "report_spam"
    assert hit(evaluate(facts(requester_headline="talent scouting"), policy), "recruiters") is None
    assert hit(evaluate(facts(requester_name="Talent Scout"), policy), "recruiters") is None


def test_a_custom_regex_rule_matches_its_fields_with_its_reason():
    policy = with_custom(
        {
            "id": "gmail-profile",
            "reason": "unknown",
            "kind": "regex",
            "pattern": r"[a-z0-9.]+@gmail\.com",
            "fields": ["message"],
            "weight": 2.0,
            "explanation_en": "",
            "explanation_de": "",
        }
    )
    result = evaluate(facts(message=PERSONAL + " Mail me: Jane.Roe@GMAIL.com"), policy)
    custom = hit(result, "gmail-profile")
    assert custom.weight == 2.0
    assert custom.explanation_en == (
        "Custom rule gmail-profile matched (\u201cJane[.]Roe@GMAIL[.]com\u201d in the note)."
    )
    assert result.scores["unknown"] == -1.0


def test_a_disabled_custom_rule_does_not_fire():
    policy = with_custom(
        {
            "id": "x",
            "reason": "spam",
            "kind": "keyword",
            "pattern": "conference",
            "fields": ["message"],
            "weight": 5,
            "enabled": False,
        }
    )
    assert hit(evaluate(facts(), policy), "x") is None


def test_a_pathological_regex_runs_in_linear_time():
    policy = with_custom(
        {
            "id": "evil",
            "reason": "spam",
            "kind": "regex",
            "pattern": "(a+)+$",
            "fields": ["message"],
            "weight": 1,
        }
    )
    victim = facts(message="a" * 10000 + "!")
    start = time.perf_counter()
    result = evaluate(victim, policy)
    elapsed = time.perf_counter() - start
    assert hit(result, "evil") is None
    assert elapsed < 0.1


RECRUITERS = {
    "id": "recruiters",
    "reason": "spam",
    "kind": "keyword",
    "pattern": "Talent Scout",
    "fields": ["requester_headline"],
    "weight": 1.0,
    "explanation_en": "Recruiter spam.",
}


def test_a_custom_rule_explains_in_french_when_the_manager_wrote_french():
    policy = with_custom(RECRUITERS | {"explanation_fr": "Spam de recruteur."})
    custom = hit(evaluate(facts(requester_headline="Talent Scout"), policy), "recruiters")
    assert custom.explanation("fr") == (
        "Spam de recruteur (\u00ab\u00a0talent scout\u00a0\u00bb dans le titre du profil)."
    )
    assert custom.explanation_en == "Recruiter spam (\u201ctalent scout\u201d in the headline)."


def test_a_custom_rule_without_a_french_text_explains_in_french_with_the_rule_id():
    policy = with_custom(RECRUITERS)
    custom = hit(evaluate(facts(requester_headline="Talent Scout"), policy), "recruiters")
    french = custom.explanation("fr")
    assert "recruiters" in french and "Recruiter spam" not in french
    assert french != custom.explanation_en


def test_an_explanation_in_a_language_without_a_catalogue_is_an_unknown_setting():
    policy = default_policy()
    policy["custom_rules"] = [
        {
            "id": "x",
            "reason": "spam",
            "kind": "keyword",
            "pattern": "x",
            "fields": ["message"],
            "weight": 1.0,
            "explanation_xx": "?",
        }
    ]
    with pytest.raises(PolicyInvalid) as refused:
        compile_policy(policy)
    assert [e.path for e in refused.value.errors] == ["custom_rules[0].explanation_xx"]
