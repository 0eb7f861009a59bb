"""Editing the policy draft: a form generated from the catalogue, validated by the engine."""

import re

import pytest

from audit.models import Action, AuditEvent
from policy.engine import default_policy
from policy.models import Policy, PolicyVersion
from policy.services import policy_ensure

pytestmark = pytest.mark.django_db


def _draft(org) -> dict:
    return Policy.objects.get(organisation=org).draft


def _field_block(html: str, field_id: str) -> str:
    """Return the markup of the .field wrapper holding the input `field_id`."""
    start = html.index(f'id="{field_id}"')
    opening = html.rindex('<div class="field', 0, start)
    return html[opening : html.index("</div>", start)]


def test_the_editor_shows_every_rule_grouped_by_reason_with_catalogue_bounds(
    org, manager, login, url
):
    response = login(manager).get(url("policy_edit"))
    assert response.status_code == 200
    html = response.content.decode()
    assert [g["reason"] for g in response.context["groups"]] == [
        "unknown",
        "not_personal",
        "spam",
    ]
    assert "Note too short" in html
    assert "Notes with fewer characters (signature excluded) are too short." in html
    short = _field_block(html, "id_rule__short_note__param__min_length")
    assert 'min="1"' in short and 'max="1000"' in short and 'value="30"' in short
    assert "<script>" not in html and "style=" not in html


def test_the_editor_speaks_german_when_german_is_active(org, manager, login, url):
    response = login(manager).get(url("policy_edit"), HTTP_ACCEPT_LANGUAGE="de")
    html = response.content.decode()
    assert "Notiz zu kurz" in html
    assert "Unbekannte Person" in html
    assert "Notizen mit weniger Zeichen (ohne Signatur) sind zu kurz." in html


def test_a_manager_changes_a_weight_and_a_parameter_and_the_draft_is_saved(
    org, manager, login, edit_policy
):
    client = login(manager)
    response = edit_policy(
        client,
        rule__short_note__weight="0.75",
        rule__short_note__param__min_length="45",
        rule__no_photo__enabled=None,
        threshold__spam="1.5",
    )
    assert response.status_code == 302, response.context["error_summary"]
    draft = _draft(org)
    assert draft["rules"]["short_note"]["weight"] == 0.75
    assert draft["rules"]["short_note"]["params"]["min_length"] == 45
    assert draft["rules"]["no_photo"]["enabled"] is False
    assert draft["thresholds"]["spam"] == 1.5
    assert draft["lists"] == default_policy()["lists"]
    assert Policy.objects.get(organisation=org).draft_updated_by == manager
    # Nothing is published by saving.
    assert PolicyVersion.objects.for_org(org).count() == 1


def test_saving_the_editor_unchanged_keeps_the_default_policy(org, manager, login, edit_policy):
    assert edit_policy(login(manager)).status_code == 302
    assert _draft(org) == default_policy()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("rule__short_note__weight", "abc", "Enter a number."),
        ("rule__short_note__param__min_length", "-5", "must be at least 1, got -5"),
        ("rule__short_note__weight", "250", "must be between -100 and 100, got 250"),
        ("threshold__unknown", "0", "must be between 0.01 and 1000, got 0"),
        ("combine__min_weak_spam_signals", "2.5", "Enter a whole number."),
    ],
)
def test_an_invalid_value_is_shown_beside_its_field_and_the_draft_is_unchanged(
    org, manager, login, edit_policy, field, value, message
):
    policy_ensure(org=org)
    before = _draft(org)
    response = edit_policy(login(manager), **{field: value})
    assert response.status_code == 400
    html = response.content.decode()
    block = _field_block(html, f"id_{field}")
    assert message in block
    assert "has-error" in block
    assert _draft(org) == before
    assert "nothing was saved" in html


def test_several_errors_are_all_shown_at_once_in_a_summary_that_links_to_the_fields(
    org, manager, login, edit_policy
):
    response = edit_policy(
        login(manager),
        rule__short_note__weight="abc",
        rule__few_mutual_connections__param__min_mutual="0",
    )
    summary = response.context["error_summary"]
    assert {e["anchor"] for e in summary} == {
        "id_rule__short_note__weight",
        "id_rule__few_mutual_connections__param__min_mutual",
    }
    assert 'href="#id_rule__short_note__weight"' in response.content.decode()


def test_a_manager_adds_edits_and_removes_a_custom_rule(org, manager, login, edit_policy):
    client = login(manager)
    response = edit_policy(
        client,
        **{
            "custom-0-id": "crypto-bro",
            "custom-0-reason": "spam",
            "custom-0-kind": "regex",
            "custom-0-pattern": r"\b(?:btc|eth)\b",
            "custom-0-fields": ["message", "requester_headline"],
            "custom-0-weight": "2",
            "custom-0-explanation_en": "Mentions crypto currencies.",
            "custom-0-explanation_de": "Erwähnt Kryptowährungen.",
        },
    )
    assert response.status_code == 302, response.context["error_summary"]
    assert _draft(org)["custom_rules"] == [
        {
            "id": "crypto-bro",
            "reason": "spam",
            "kind": "regex",
            "pattern": r"\b(?:btc|eth)\b",
            "fields": ["message", "requester_headline"],
            "weight": 2.0,
            "explanation_en": "Mentions crypto currencies.",
            "explanation_de": "Erwähnt Kryptowährungen.",
            "enabled": True,
        }
    ]
    # The saved rule comes back as an editable row, followed by one empty row.
    assert edit_policy(client, **{"custom-0-weight": "3"}).status_code == 302
    assert _draft(org)["custom_rules"][0]["weight"] == 3.0
    assert edit_policy(client, **{"custom-0-DELETE": "on"}).status_code == 302
    assert _draft(org)["custom_rules"] == []


def test_a_manager_explains_a_custom_rule_in_every_site_language_and_readers_see_theirs(
    org, manager, reviewer, login, edit_policy, url
):
    client = login(manager)
    page = client.get(url("policy_edit")).content.decode()
    for code in ("en", "de", "fr"):
        assert f'id="id_custom-0-explanation_{code}"' in page
    response = edit_policy(
        client,
        **{
            "custom-0-id": "crypto-bro",
            "custom-0-reason": "spam",
            "custom-0-kind": "keyword",
            "custom-0-pattern": "bitcoin",
            "custom-0-fields": ["message"],
            "custom-0-weight": "1",
            "custom-0-explanation_en": "Mentions crypto currencies.",
            "custom-0-explanation_fr": "Mentionne des cryptomonnaies.",
        },
    )
    assert response.status_code == 302, response.context["error_summary"]
    rule = _draft(org)["custom_rules"][0]
    assert rule["explanation_fr"] == "Mentionne des cryptomonnaies."
    assert rule["explanation_de"] == ""
    # Saved again from its own row, the French text stays.
    assert edit_policy(client, **{"custom-0-weight": "2"}).status_code == 302
    assert _draft(org)["custom_rules"][0]["explanation_fr"] == "Mentionne des cryptomonnaies."
    assert client.post(url("policy_publish"), {"change_note": "crypto"}).status_code == 302
    french = login(reviewer).get(url("policy_published"), headers={"accept-language": "fr"})
    assert "Mentionne des cryptomonnaies." in french.content.decode()
    english = login(reviewer).get(url("policy_published"), headers={"accept-language": "en"})
    assert "Mentions crypto currencies." in english.content.decode()


def test_an_invalid_regular_expression_is_refused_beside_the_pattern(
    org, manager, login, edit_policy
):
    policy_ensure(org=org)
    before = _draft(org)
    response = edit_policy(
        login(manager),
        **{
            "custom-0-id": "broken",
            "custom-0-reason": "spam",
            "custom-0-kind": "regex",
            "custom-0-pattern": "(unclosed",
            "custom-0-fields": ["message"],
            "custom-0-weight": "1",
        },
    )
    assert response.status_code == 400
    block = _field_block(response.content.decode(), "id_custom-0-pattern")
    assert "invalid regular expression" in block
    assert _draft(org) == before


def test_a_custom_rule_may_not_reuse_a_built_in_id(org, manager, login, edit_policy):
    response = edit_policy(
        login(manager),
        **{
            "custom-0-id": "no_note",
            "custom-0-pattern": "hello",
            "custom-0-fields": ["message"],
        },
    )
    assert response.status_code == 400
    assert "is a built-in rule id" in _field_block(response.content.decode(), "id_custom-0-id")


def test_phrase_lists_are_edited_one_entry_per_line(org, manager, login, edit_policy):
    response = edit_policy(
        login(manager),
        list__promo_en="free demo\n\n  book a call  \n",
        list__blocklist="spamcorp.example",
        list__default_texts="en: I'd like to add you to my professional network on LinkedIn.\n"
        "DE: Ich möchte Sie gerne zu meinem beruflichen Netzwerk auf LinkedIn hinzufügen.",
        new_promo_lang="fr",
        new_promo_list="offre spéciale\nessai gratuit",
    )
    assert response.status_code == 302, response.context["error_summary"]
    lists = _draft(org)["lists"]
    assert lists["promo_en"] == ["free demo", "book a call"]
    assert lists["blocklist"] == ["spamcorp.example"]
    assert lists["default_texts"][1] == {
        "lang": "de",
        "text": "Ich möchte Sie gerne zu meinem beruflichen Netzwerk auf LinkedIn hinzufügen.",
    }
    assert lists["promo_fr"] == ["offre spéciale", "essai gratuit"]


def test_an_emptied_list_stays_empty_instead_of_falling_back_to_the_defaults(
    org, manager, login, edit_policy
):
    assert edit_policy(login(manager), list__promo_de="").status_code == 302
    assert _draft(org)["lists"]["promo_de"] == []


def test_a_default_text_without_a_language_is_refused_with_its_line_number(
    org, manager, login, edit_policy
):
    response = edit_policy(
        login(manager), list__default_texts="en: Hello there my friend\nno language here"
    )
    assert response.status_code == 400
    block = _field_block(response.content.decode(), "id_list__default_texts")
    assert "Line 2: write the language first" in block


def test_a_too_long_list_entry_is_reported_with_its_line(org, manager, login, edit_policy):
    response = edit_policy(login(manager), list__greetings="hi\n\n" + "x" * 501)
    assert response.status_code == 400
    block = _field_block(response.content.decode(), "id_list__greetings")
    assert "Line 3: is longer than 500 characters" in block


def test_a_banner_links_to_the_diff_when_the_draft_differs(org, manager, login, url, edit_policy):
    client = login(manager)
    page = client.get(url("policy_edit")).content.decode()
    assert "The draft is the same as the published version 1." in page
    edit_policy(client, rule__short_note__weight="0.5")
    page = client.get(url("policy_edit")).content.decode()
    banner = re.search(r'<p class="msg" role="status" id="draft-banner">(.*?)</p>', page, re.S)
    assert banner is not None
    assert "differs from the published version 1 in 1 point" in banner.group(1)
    assert url("policy_diff") in banner.group(1)


def test_a_concurrent_edit_is_not_silently_overwritten(org, manager, login, url, edit_policy):
    client = login(manager)
    page = client.get(url("policy_edit"))
    from tests.policy.conftest import editor_post_data

    stale = editor_post_data(page)
    assert edit_policy(client, rule__no_note__weight="0.9").status_code == 302
    stale["rule__short_note__weight"] = "0.1"
    response = client.post(url("policy_edit"), stale)
    assert response.status_code == 409
    assert "changed the draft while you were editing" in response.content.decode()
    assert _draft(org)["rules"]["no_note"]["weight"] == 0.9
    # Saving again on purpose overwrites.
    again = dict(stale, loaded_at=response.context["loaded_at"])
    assert client.post(url("policy_edit"), again).status_code == 302
    assert _draft(org)["rules"]["short_note"]["weight"] == 0.1


def test_the_diff_lists_the_change_in_the_active_language(org, manager, login, url, edit_policy):
    client = login(manager)
    edit_policy(client, rule__short_note__param__min_length="40")
    english = client.get(url("policy_diff"))
    assert english.status_code == 200
    assert (
        "Parameter min_length of rule Note too short changed from 30 to 40."
        in english.content.decode()
    )
    german = client.get(url("policy_diff"), HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "Parameter min_length der Regel Notiz zu kurz von 30 auf 40 geändert." in german


def test_publishing_creates_the_next_version_with_the_note_and_an_audit_event(
    org, manager, login, url, edit_policy
):
    client = login(manager)
    edit_policy(client, rule__short_note__param__min_length="40")
    response = client.post(url("policy_publish"), {"change_note": "  Longer notes, please. "})
    assert response.status_code == 302
    assert response["Location"] == url("policy_versions")
    version = PolicyVersion.objects.for_org(org).current()
    assert version.number == 2
    assert version.change_note == "Longer notes, please."
    assert version.published_by == manager
    assert version.data["rules"]["short_note"]["params"]["min_length"] == 40
    event = AuditEvent.objects.for_org(org).get(action=Action.POLICY_PUBLISHED)
    assert event.data == {"version": 2, "change_note": "Longer notes, please."}
    assert event.actor_id == manager.pk
    assert "No changes" in client.get(url("policy_diff")).content.decode()


def test_publishing_needs_a_change_note(org, manager, login, url, edit_policy):
    client = login(manager)
    edit_policy(client, rule__short_note__param__min_length="40")
    response = client.post(url("policy_publish"), {"change_note": "   "})
    assert response.status_code == 400
    assert "This field is required." in _field_block(response.content.decode(), "id_change_note")
    assert PolicyVersion.objects.for_org(org).count() == 1


def test_publishing_an_unchanged_draft_is_refused(org, manager, login, url):
    response = login(manager).post(url("policy_publish"), {"change_note": "again"})
    assert response.status_code == 400
    assert "Nothing to publish" in response.content.decode()
    assert PolicyVersion.objects.for_org(org).count() == 1


def test_publish_only_takes_post(org, manager, login, url):
    assert login(manager).get(url("policy_publish")).status_code == 405
