import json

import pytest

from policy.engine import (
    RULES,
    PolicyInvalid,
    catalogue,
    compile_policy,
    default_policy,
    diff_policies,
    validate_policy,
)


def paths(data):
    return {e.path: e.message for e in validate_policy(data)}


def test_the_default_policy_validates_clean_and_is_json():
    data = default_policy()
    assert validate_policy(data) == []
    assert json.loads(json.dumps(data)) == data
    assert set(data["rules"]) == {rule.id for rule in RULES}


def test_an_empty_policy_takes_all_defaults():
    assert validate_policy({}) == []
    assert compile_policy({}).data == compile_policy(default_policy()).data


def test_it_reports_bad_values_with_paths():
    data = default_policy()
    data["schema"] = 2
    data["thresholds"]["spam"] = -1
    data["thresholds"]["boredom"] = 1
    data["rules"]["short_note"]["params"]["min_length"] = 0
    data["rules"]["short_note"]["params"]["max_length"] = 3
    data["rules"]["no_photo"]["weight"] = "heavy"
    data["rules"]["no_photo"]["enabled"] = "yes"
    data["rules"]["mass_inviter"]["params"]["window_days"] = 7.5
    data["rules"]["promotional"]["params"]["detect_prices"] = 1
    data["rules"]["made_up"] = {"enabled": True}
    data["combine"]["min_weak_spam_signals"] = 0
    data["lists"]["promo_en"].append("")
    data["lists"]["default_texts"].append({"lang": "english", "text": "x"})
    data["lists"]["colours"] = ["red"]
    data["extra"] = 1
    errors = paths(data)
    assert errors == {
        "schema": "unsupported schema 2, expected 1",
        "thresholds.spam": "must be between 0.01 and 1000, got -1",
        "thresholds.boredom": "unknown reason 'boredom'",
        "rules.short_note.params.min_length": "must be at least 1, got 0",
        "rules.short_note.params.max_length": "unknown parameter",
        "rules.no_photo.weight": "must be a number, got 'heavy'",
        "rules.no_photo.enabled": "must be true or false, got 'yes'",
        "rules.mass_inviter.params.window_days": "must be a whole number, got 7.5",
        "rules.promotional.params.detect_prices": "must be true or false, got 1",
        "rules.made_up": "unknown rule 'made_up'",
        "combine.min_weak_spam_signals": "must be at least 1, got 0",
        f"lists.promo_en[{len(data['lists']['promo_en']) - 1}]": "must be a non-empty text, got ''",
        f"lists.default_texts[{len(data['lists']['default_texts']) - 1}].lang": (
            "must be a two-letter language code, got 'english'"
        ),
        "lists.colours": "unknown list 'colours'",
        "extra": "unknown top-level key",
    }


def test_it_rejects_invalid_and_dangerous_custom_rules():
    data = {
        "custom_rules": [
            {
                "id": "ok",
                "reason": "spam",
                "kind": "regex",
                "pattern": "(unclosed",
                "fields": ["message"],
                "weight": 1,
            },
            {
                "id": "ok",
                "reason": "bored",
                "kind": "glob",
                "pattern": "x",
                "fields": ["password"],
                "weight": 1000,
            },
            {
                "id": "no_photo",
                "reason": "spam",
                "kind": "regex",
                "pattern": "a*",
                "fields": [],
                "weight": 1,
            },
        ]
    }
    errors = paths(data)
    assert errors["custom_rules[0].pattern"].startswith("invalid regular expression")
    assert errors["custom_rules[1].id"] == "duplicate id 'ok'"
    assert errors["custom_rules[1].reason"].startswith("must be one of unknown, not_personal, spam")
    assert errors["custom_rules[1].kind"] == "must be keyword or regex, got 'glob'"
    assert errors["custom_rules[1].fields[0]"].startswith("must be one of message,")
    assert errors["custom_rules[1].weight"] == "must be between -100 and 100, got 1000"
    assert errors["custom_rules[2].id"] == "'no_photo' is a built-in rule id"
    assert errors["custom_rules[2].pattern"] == "matches empty text, so it matches anything"
    assert errors["custom_rules[2].fields"] == "must be a non-empty list of fields"


def test_compile_policy_raises_with_all_errors():
    with pytest.raises(PolicyInvalid) as caught:
        compile_policy({"thresholds": {"spam": 0}, "rules": {"nope": {}}})
    assert [e.path for e in caught.value.errors] == ["thresholds.spam", "rules.nope"]
    assert "thresholds.spam" in str(caught.value)


def test_validate_policy_rejects_non_objects():
    assert [str(e) for e in validate_policy([])] == ["policy must be an object"]


def test_diff_lists_human_readable_changes():
    old = default_policy()
    new = default_policy()
    new["thresholds"]["spam"] = 1.5
    new["rules"]["no_photo"]["enabled"] = False
    new["rules"]["short_note"]["params"]["min_length"] = 40
    new["rules"]["attachments"]["weight"] = 2.0
    new["lists"]["promo_en"].remove("free trial")
    new["lists"]["promo_en"].append("act now")
    new["custom_rules"].append(
        {
            "id": "x",
            "reason": "spam",
            "kind": "keyword",
            "pattern": "y",
            "fields": ["message"],
            "weight": 1,
        }
    )
    changes = [(c.path, c.old, c.new, c.description_en) for c in diff_policies(old, new)]
    assert changes == [
        ("thresholds.spam", 1.0, 1.5, "Threshold spam changed from 1.0 to 1.5."),
        (
            "rules.attachments.weight",
            1.0,
            2.0,
            "Weight of rule Attachments changed from 1.0 to 2.0.",
        ),
        ("rules.no_photo.enabled", True, False, "Rule No profile photo disabled."),
        (
            "rules.short_note.params.min_length",
            30,
            40,
            "Parameter min_length of rule Note too short changed from 30 to 40.",
        ),
        (
            "lists.promo_en",
            "free trial",
            None,
            "Removed \u201cfree trial\u201d from list promo_en.",
        ),
        ("lists.promo_en", None, "act now", "Added \u201cact now\u201d to list promo_en."),
        (
            "custom_rules.x",
            None,
            new["custom_rules"][0] | {"enabled": True, "explanation_en": "", "explanation_de": ""},
            "Custom rule x added.",
        ),
    ]
    assert diff_policies(old, new)[2].description("de") == "Regel Kein Profilfoto deaktiviert."


def test_diff_treats_omitted_defaults_as_unchanged():
    assert diff_policies({}, default_policy()) == []
    assert diff_policies(default_policy(), default_policy()) == []


def test_the_catalogue_describes_every_rule_for_a_form():
    data = catalogue()
    json.dumps(data)
    rules = {r["id"]: r for r in data["rules"]}
    assert set(rules) == {rule.id for rule in RULES}
    short = rules["short_note"]
    assert short["reason"] == "not_personal"
    assert short["params"][0]["name"] == "min_length"
    assert short["params"][0]["type"] == "int"
    assert short["params"][0]["default"] == 30
    for rule in data["rules"]:
        assert rule["title_en"] and rule["title_de"]
        assert rule["description_en"] and rule["description_de"]
        assert rule["strength"] in ("strong", "weak", "known", "cap")
        if rule["strength"] == "known":
            assert rule["default_weight"] < 0
