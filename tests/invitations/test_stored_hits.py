"""Stored rule hits keep their message and are explained in the reader's language."""

import json

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from invitations.api.views import _hit_data
from invitations.evaluation import hits_for_storage, stored_hit_message
from policy.engine import Facts, OrgContext, evaluate
from tests.invitations.fixtures import make_invitation

FILTER = Template("{% load vouch %}{{ hit|explanation }}")


def _stored_hits(**fields) -> dict[str, dict]:
    result = evaluate(Facts.from_mapping(fields, OrgContext()))
    return {h["rule"]: h for h in json.loads(json.dumps(hits_for_storage(result)))}


def _explained(hit: dict, language: str) -> str:
    with translation.override(language):
        return FILTER.render(Context({"hit": hit}))


def test_a_stored_hit_keeps_its_english_text_and_reads_in_german_as_the_engine_writes_it():
    result = evaluate(Facts.from_mapping({"requester_name": "Sam", "message": "Hi"}, OrgContext()))
    hit = result.hits[0]
    stored = json.loads(json.dumps(hits_for_storage(result)))[0]
    assert stored["en"] == hit.explanation_en
    assert _explained(stored, "en") == hit.explanation_en
    assert _explained(stored, "de") == hit.explanation_de


def test_a_stored_hit_reads_in_french():
    hit = _stored_hits(requester_name="Sam", message="")["no_note"]
    assert _explained(hit, "fr") == "L’invitation n’a pas de note."


def test_a_hit_stored_with_english_and_german_text_still_reads_in_both_and_in_french():
    old = {"rule": "x", "reason": "spam", "weight": 1.0, "en": "Spam 100%.", "de": "Spam 100 %."}
    assert _explained(old, "en") == "Spam 100%."
    assert _explained(old, "de") == "Spam 100 %."
    assert _explained(old, "fr") == "Spam 100%."
    assert str(stored_hit_message(old)) == "Spam 100%."


def test_the_api_gives_the_explanation_in_the_readers_language_and_in_english_and_german():
    hit = _stored_hits(requester_name="Sam", message="")["no_note"]
    with translation.override("fr"):
        data = _hit_data(hit)
    assert data["explanation"] == "L’invitation n’a pas de note."
    assert data["explanation_en"] == "The invitation has no note."
    assert data["explanation_de"] == "Die Einladung hat keine Notiz."
    old = {"rule": "x", "reason": "spam", "weight": 1.0, "en": "Old.", "de": "Alt."}
    assert (_hit_data(old)["explanation_en"], _hit_data(old)["explanation_de"]) == ("Old.", "Alt.")


@pytest.mark.django_db
def test_a_german_reader_sees_the_same_german_rule_text_on_the_invitation_page(org, member, login):
    invitation = make_invitation(org, member)
    hits = _stored_hits(requester_name="Sam", message="Only $99 today! https://bit.ly/x")
    invitation.evaluation.hits = list(hits.values())
    invitation.evaluation.save(update_fields=["hits"])
    url = reverse("invitation_detail", kwargs={"org_slug": org.slug, "pk": invitation.pk})
    page = login(member).get(url, HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "1 gekürzter Link verbirgt das Ziel: hxxps://bit[.]ly/x" in page
    assert "Niemand hat angegeben, Sam zu kennen; keine gemeinsamen Kontakte erfasst." in page
