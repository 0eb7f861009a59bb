"""judge_report: a labelled corpus judged as strangers' and as known colleagues' invitations."""

import json
from collections import Counter
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from policy.engine import Facts, OrgContext, compile_policy, evaluate
from policy.judge import DEFAULT_PROFILE, LABELS, expected, judge, read_corpus

CORPUS = Path(__file__).resolve().parent / "corpus" / "notes.jsonl"
LANGUAGES = ("en", "de", "fr", "es", "nl", "it", "pt")
TINY = [
    {"id": "a", "lang": "en", "label": "default", "note": "I'd like to connect with you."},
    {"id": "b", "lang": "en", "label": "scam", "note": "Guaranteed 30% returns, DM me on WhatsApp"},
    {"id": "c", "lang": "de", "label": "context", "note": "Wir haben 2019 bei Bosch gearbeitet."},
    {"id": "d", "lang": "en", "label": "no_context", "note": ""},
    {"id": "e", "lang": "fr", "label": "advertises", "note": "Audit SEO gratuit, 99 € par mois !"},
]


def _write(tmp_path, rows, name="corpus.jsonl") -> str:
    path = tmp_path / name
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n")
    return str(path)


def _json_report(*args) -> dict:
    out = StringIO()
    call_command("judge_report", *args, "--format", "json", "--verbose", stdout=out)
    return json.loads(out.getvalue())


def _recommendation(note: str, *, known: bool) -> str:
    """The default policy's recommendation for `note`, evaluated directly with the engine."""
    org = OrgContext.from_profile(DEFAULT_PROFILE)
    contact = DEFAULT_PROFILE["known_contacts"][0]
    record = {"message": note, "requester_has_photo": True, "requester_country": "DE"}
    if known:
        record |= {
            "requester_name": contact["name"],
            "requester_profile_url": contact["profile_url"],
        }
    else:
        record |= {
            "requester_name": "Someone Else",
            "mutual_connections": 0,
            "colleagues_connected": 0,
            "recognises_name": "no",
        }
    return evaluate(Facts.from_mapping(record, org), compile_policy()).recommendation


def test_the_matrices_count_each_note_once_per_side_by_expected_and_recommended(tmp_path):
    report = _json_report(_write(tmp_path, TINY))
    for side, known in (("stranger", False), ("known", True)):
        want = Counter()
        for row in TINY:
            got = _recommendation(row["note"], known=known)
            want[(expected(row["label"], side), got)] += 1
        matrix = report["matrices"][side]
        counted = Counter({(e, g): n for e, row in matrix.items() for g, n in row.items() if n})
        assert counted == want
    agreed = sum(
        report["matrices"][s].get(r, {}).get(r, 0)
        for s in ("stranger", "known")
        for r in report["matrices"][s]
    )
    assert report["metrics"]["agreement_pct"] == round(100 * agreed / (2 * len(TINY)), 1)
    assert len(report["disagreements"]) == 2 * len(TINY) - agreed


def test_expected_outcomes_follow_the_article():
    assert expected("advertises", "stranger") == "report_spam"
    assert expected("scam", "stranger") == "report_spam"
    assert {expected(label, "stranger") for label in ("default", "context", "no_context")} == {
        "dont_know"
    }
    assert expected("context", "known") == "accept"
    assert {expected(label, "known") for label in LABELS if label != "context"} == {"ignore"}


def test_the_table_shows_both_matrices_and_the_figures(tmp_path):
    out = StringIO()
    call_command("judge_report", _write(tmp_path, TINY), "--verbose", stdout=out)
    text = out.getvalue()
    assert "As a stranger's invitation" in text
    assert "As a known colleague's invitation" in text
    assert "advertising/scam strangers -> report_spam" in text
    assert "5 notes, each judged twice" in text


def test_a_profile_without_known_contacts_still_gets_a_known_colleague(tmp_path):
    profile = tmp_path / "profile.json"
    profile.write_text(json.dumps({"name": "X", "countries": ["FR"]}))
    report = _json_report(_write(tmp_path, TINY), "--profile", str(profile))
    assert sum(sum(row.values()) for row in report["matrices"]["known"].values()) == len(TINY)


def test_it_rejects_an_unknown_label_naming_the_line(tmp_path):
    rows = [*TINY[:2], {"id": "z", "label": "spam", "note": "x"}]
    with pytest.raises(CommandError, match=r"corpus\.jsonl, line 3: label 'spam' is not one of"):
        call_command("judge_report", _write(tmp_path, rows), stdout=StringIO())


def test_it_rejects_a_repeated_id(tmp_path):
    with pytest.raises(CommandError, match="line 2: id 'a' repeats line 1"):
        call_command("judge_report", _write(tmp_path, [TINY[0], TINY[0]]), stdout=StringIO())


def test_it_rejects_malformed_json_naming_the_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(TINY[0]) + "\n\n{oops\n")
    with pytest.raises(CommandError, match=r"bad\.jsonl, line 3: is not valid JSON"):
        call_command("judge_report", str(path), stdout=StringIO())


def test_the_corpus_covers_seven_languages_and_every_label():
    with CORPUS.open(encoding="utf-8") as handle:
        notes = read_corpus(handle, CORPUS.name)
    assert len(notes) >= 350
    per_lang = Counter(note.lang for note in notes)
    assert set(per_lang) == set(LANGUAGES)
    assert min(per_lang.values()) >= 35
    for lang in LANGUAGES:
        assert {note.label for note in notes if note.lang == lang} == set(LABELS)
    assert len({" ".join(note.note.split()).casefold() for note in notes}) == len(notes)


def test_default_policy_meets_the_article_on_the_corpus():
    with CORPUS.open(encoding="utf-8") as handle:
        notes = read_corpus(handle, CORPUS.name)
    metrics = judge(notes, policy=compile_policy()).metrics()
    assert metrics["agreement_pct"] >= 90
    assert metrics["spam_strangers_reported_pct"] >= 85
    assert metrics["strangers_accepted"] == 0
    assert metrics["other_strangers_reported_pct"] <= 2
    assert metrics["known_without_context_accepted_pct"] <= 10
    assert metrics["known_reported"] == 0
