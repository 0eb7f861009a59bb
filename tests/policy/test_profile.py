"""The organisation profile and the read-only published policy."""

import pytest

from policy.models import OrgProfile
from policy.services import policy_draft_update, policy_ensure, policy_publish

pytestmark = pytest.mark.django_db


def test_a_manager_saves_the_profile_one_entry_per_line(org, manager, login, url):
    client = login(manager)
    assert client.get(url("policy_profile")).status_code == 200
    response = client.post(
        url("policy_profile"),
        {
            "countries": "de\nAT\n\nch\nDE",
            "industries": "Consulting\n  Software  ",
            "employers": "Acme Consulting",
            "clients": "Initech\nGlobex",
            "blocklist": "spamcorp.example",
        },
    )
    assert response.status_code == 302
    profile = OrgProfile.objects.get(organisation=org)
    assert profile.countries == ["DE", "AT", "CH"]
    assert profile.industries == ["Consulting", "Software"]
    assert profile.clients == ["Initech", "Globex"]
    assert profile.blocklist == ["spamcorp.example"]
    page = client.get(url("policy_profile")).content.decode()
    assert "DE\nAT\nCH</textarea>" in page


def test_country_names_and_unknown_codes_are_refused_and_nothing_is_saved(org, manager, login, url):
    OrgProfile.objects.create(organisation=org, countries=["DE"])
    response = login(manager).post(
        url("policy_profile"), {"countries": "AT\nGermany\nXX", "blocklist": "x"}
    )
    assert response.status_code == 400
    form = response.context["form"]
    assert form.errors["countries"] == ["Not an ISO 3166 two-letter country code: Germany, XX"]
    assert form.errors["blocklist"] == ["Entries need at least two characters."]
    assert OrgProfile.objects.get(organisation=org).countries == ["DE"]


def test_the_published_policy_reads_in_plain_words_for_compliance(
    org, manager, compliance, login, url
):
    policy = policy_ensure(org=org)
    data = policy.draft
    data["rules"]["no_photo"]["enabled"] = False
    data["custom_rules"] = [
        {
            "id": "crypto",
            "reason": "spam",
            "kind": "keyword",
            "pattern": "bitcoin",
            "fields": ["message"],
            "weight": 2,
            "explanation_en": "Mentions crypto.",
            "explanation_de": "Erwähnt Krypto.",
        }
    ]
    policy_draft_update(org=org, data=data, actor=manager)
    policy_publish(org=org, actor=manager, change_note="No photo rule off")
    client = login(compliance)
    response = client.get(url("policy_published"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Published policy, version 2" in html
    assert "No photo rule off" in html
    assert "Notes with fewer characters (signature excluded) are too short." in html
    assert "Mentions crypto." in html and "<code>bitcoin</code>" in html
    no_photo = next(
        r for g in response.context["groups"] for r in g["rules"] if r["id"] == "no_photo"
    )
    assert no_photo["enabled"] is False
    german = client.get(url("policy_published"), HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "Kein Profilfoto" in german and "Erwähnt Krypto." in german
    # Compliance reads but never edits.
    assert f'href="{url("policy_edit")}"' not in html
