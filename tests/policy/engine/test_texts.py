"""The engine's texts come from the message catalogues, read without Django."""

import json
import pickle
import subprocess
import sys
from datetime import date
from pathlib import Path

from policy.engine import Facts, OrgContext, evaluate
from policy.engine.messages import Clause, Written, from_data, gettext_noop, joined
from policy.engine.texts import languages, translate

ROOT = Path(__file__).resolve().parents[3]
ORG = OrgContext(countries=frozenset({"DE"}))


def _hits(**fields):
    return {h.rule: h for h in evaluate(Facts.from_mapping(fields, ORG)).hits}


def test_the_engine_explains_in_french_without_importing_django():
    script = (
        "import sys\n"
        "from policy.engine import Facts, OrgContext, evaluate\n"
        "facts = Facts.from_mapping({'requester_name': 'Sam', 'message': ''}, OrgContext())\n"
        "hit = {h.rule: h for h in evaluate(facts).hits}['no_note']\n"
        "print(hit.explanation('fr'))\n"
        "print('django' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.splitlines() == ["L’invitation n’a pas de note.", "False"]


def test_french_explanations_translate_the_values_too():
    hits = _hits(
        message="Only $99 today!",
        requester_has_photo=False,
        reported_spam_on="2026-11-03",
    )
    assert hits["no_photo"].explanation("fr") == "la personne n’a pas de photo de profil."
    assert hits["reported_as_spam_before"].explanation("fr") == (
        "Signalé comme spam par un examinateur le 3 nov. 2026."
    )
    assert hits["reported_as_spam_before"].explanation("de") == (
        "Am 3. Nov. 2026 von einer prüfenden Person als Spam gemeldet."
    )


def test_a_language_without_a_catalogue_gets_the_english_text():
    hit = _hits(requester_name="Sam", message="")["no_note"]
    assert hit.explanation("it") == hit.explanation_en == "The invitation has no note."


def test_the_languages_are_english_and_those_with_a_compiled_catalogue():
    assert {"en", "de", "fr"} <= set(languages())


def test_a_message_survives_json_and_pickle_and_reads_the_same_in_every_language():
    message = gettext_noop(
        "%(explanation)s (not counted: someone knows %(who)s).",
        explanation=Clause(
            Written({"en": "Recruiter spam.", "de": "Recruiter-Spam."}, gettext_noop("x"))
        ),
        who=gettext_noop("the requester"),
    )
    again = from_data(json.loads(json.dumps(message.to_data())))
    for copy in (again, pickle.loads(pickle.dumps(message))):
        for lang in ("en", "de", "fr"):
            assert translate(copy, lang) == translate(message, lang)
    assert (
        translate(message, "de")
        == "Recruiter-Spam (zählt nicht: die anfragende Person ist bekannt)."
    )


def test_a_joined_list_translates_each_item_and_keeps_percent_signs_in_values():
    quotes = joined(", ", [gettext_noop("“%(text)s”", text=t) for t in ("20% off", "now")])
    assert str(quotes) == "“20% off”, “now”"
    assert translate(quotes, "de") == "„20% off“, „now“"


def test_a_day_is_written_the_way_each_language_writes_it():
    from policy.engine.rules import day_message

    day = day_message(date(2026, 3, 1))
    assert (str(day), translate(day, "de"), translate(day, "fr")) == (
        "1 Mar 2026",
        "1. März 2026",
        "1 mars 2026",
    )
