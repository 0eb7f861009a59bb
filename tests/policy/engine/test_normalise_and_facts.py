from datetime import UTC, datetime

import pytest

from policy.engine import (
    Facts,
    OrgContext,
    first_name_of,
    normalise_company,
    normalise_name,
    normalise_profile_url,
)
from policy.engine.normalise import fold

ORG = OrgContext.from_profile(
    {
        "name": "Muster",
        "countries": ["de", "AT"],
        "employers": ["Muster Agentur GmbH"],
        "clients": ["ACME AG"],
        "known_contacts": [
            {"name": "Jürgen Müller", "profile_url": "https://de.linkedin.com/in/jm/"}
        ],
        "blocklist": ["spam-co.biz"],
    }
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  I\u2019d   like\tto CONNECT. ", "i'd like to connect."),
        ("\u201cQuoted\u201d `tick` \u00b4acute\u2018", "\"quoted\" 'tick' 'acute'"),
        ("\uff28\uff49", "hi"),
    ],
)
def test_it_folds_case_quotes_spaces_and_compatibility_forms(raw, expected):
    assert fold(raw) == expected


def test_it_canonicalises_linkedin_profile_urls():
    assert normalise_profile_url("https://de.LinkedIn.com/in/Jane-Roe/?trk=abc#x") == (
        "linkedin.com/in/jane-roe"
    )
    assert normalise_profile_url("linkedin.com/in/jane-roe") == "linkedin.com/in/jane-roe"
    assert normalise_profile_url("http://www.linkedin.com/in/j%C3%BCrgen/") == (
        "linkedin.com/in/jürgen"
    )
    assert normalise_profile_url("https://www.Example.com/people/x/?q=1") == "example.com/people/x"
    assert normalise_profile_url("") == ""


@pytest.mark.parametrize(
    "url",
    [
        "https://www.linkedin.com/in",
        "https://www.linkedin.com/in/",
        "linkedin.com/in/",
        "https://de.linkedin.com/",
        "https://www.linkedin.com/comm/profile/view",
    ],
)
def test_a_linkedin_address_of_no_profile_is_no_match_key(url):
    assert normalise_profile_url(url) == ""


def test_a_bare_profile_url_in_the_roster_matches_nobody():
    org = OrgContext(known_contact_urls=frozenset({"https://www.linkedin.com/in/"}))
    assert org.known_contact_urls == frozenset()


def test_it_normalises_names_and_companies():
    assert normalise_name("Dr. Jürgen  Müller-Lüdenscheidt") == "jurgen muller ludenscheidt"
    assert normalise_company("ACME Deutschland GmbH & Co. KG") == "acme deutschland"
    assert normalise_company("Globex, Inc.") == "globex"


def test_it_derives_the_recipients_first_name():
    assert first_name_of("anna.schmidt@x.de") == "Anna"
    assert first_name_of("Dr. Paul Zimmermann") == "Paul"
    assert first_name_of("42@x.de") == ""
    assert first_name_of("") == ""


def test_org_context_precomputes_normalised_lookups():
    assert ORG.countries == frozenset({"DE", "AT"})
    assert "jurgen muller" in ORG.known_contact_names
    assert "linkedin.com/in/jm" in ORG.known_contact_urls
    assert ORG.company_keys == frozenset({"muster agentur", "acme"})
    assert ORG.company_matcher.find("worked at acme last year") == "acme"
    assert ORG.blocklist_matcher.find("visit SPAM-CO.BIZ now") == "SPAM-CO.BIZ"


def test_org_context_rejects_a_bad_country():
    with pytest.raises(ValueError, match=r"profile.countries\[0\]"):
        OrgContext.from_profile({"countries": ["Germany"]})


def test_facts_from_mapping_accepts_tolerant_strings():
    facts = Facts.from_mapping(
        {
            "ref": 17,
            "requester_name": "Jane Roe",
            "requester_country": "de",
            "requester_has_photo": "false",
            "mutual_connections": "3",
            "colleagues_connected": "",
            "recent_invites_to_colleagues": "500+",
            "worked_together": "Unsure",
            "recognises_name": True,
            "received_at": "2024-05-01T10:00:00Z",
            "attachments": "a.pdf| b.exe |",
            "email_findings": [["sender_domain", "evil.example"], {"code": "auth_fail"}],
            "unknown_key": "ignored",
        },
        ORG,
    )
    assert facts.ref == "17"
    assert facts.requester_country == "DE"
    assert facts.requester_has_photo is False
    assert facts.mutual_connections == 3
    assert facts.colleagues_connected is None
    assert facts.recent_invites_to_colleagues == 500
    assert facts.worked_together == "unsure"
    assert facts.recognises_name == "yes"
    assert facts.received_at == datetime(2024, 5, 1, 10, tzinfo=UTC)
    assert facts.attachments == ("a.pdf", "b.exe")
    assert facts.email_findings == (("sender_domain", "evil.example"), ("auth_fail", ""))
    assert facts.org is ORG


def test_facts_from_mapping_takes_names_from_attachment_metadata():
    facts = Facts.from_mapping({"attachments": [{"name": "cv.pdf", "size": 10}, "x.exe"]})
    assert facts.attachments == ("cv.pdf", "x.exe")


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("requester_has_photo", "maybe", "requester_has_photo: expected true, false"),
        ("mutual_connections", "-1", "mutual_connections: expected a whole number"),
        ("mutual_connections", True, "mutual_connections: expected a whole number"),
        ("requester_country", "Germany", "requester_country: expected an ISO 3166"),
        ("worked_together", "often", "worked_together: expected one of"),
        ("recognises_name", "perhaps", "recognises_name: expected one of"),
        ("received_at", "yesterday", "received_at: expected an ISO 8601"),
        ("attachments", 5, "attachments: expected a list"),
        ("email_findings", ["x"], r"email_findings: expected a \(code, detail\) pair"),
        ("message", ["x"], "message: expected text"),
    ],
)
def test_facts_from_mapping_names_the_bad_field(key, value, message):
    with pytest.raises(ValueError, match=message):
        Facts.from_mapping({key: value})


def test_facts_are_immutable_and_hashable():
    facts = Facts(ref="a", org=ORG)
    with pytest.raises(AttributeError):
        facts.ref = "b"
    assert hash(facts) == hash(Facts(ref="a", org=ORG))
