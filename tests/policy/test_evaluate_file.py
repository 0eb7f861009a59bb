"""The evaluate_file command: files in, one explained result per invitation out, no database."""

import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

FIXTURES = Path(__file__).resolve().parents[1] / "intake" / "fixtures"
PROFILE = {
    "name": "Acme",
    "countries": ["DE", "AT"],
    "industries": ["Consulting"],
    "employers": ["Acme Consulting"],
    "clients": ["Initech"],
    "known_contacts": [{"name": "Jane Roe", "profile_url": "https://www.linkedin.com/in/jane-roe"}],
    "blocklist": ["spamcorp.example"],
}


@pytest.fixture
def profile(tmp_path):
    path = tmp_path / "profile.json"
    path.write_text(json.dumps(PROFILE))
    return str(path)


def _run(*args) -> list[dict]:
    from io import StringIO

    out = StringIO()
    call_command("evaluate_file", *args, stdout=out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_it_evaluates_json_lines_with_explanations(tmp_path, profile):
    path = tmp_path / "in.jsonl"
    path.write_text(
        "\n".join(
            json.dumps(r)
            for r in [
                {
                    "ref": "known",
                    "requester_name": "Jane Roe",
                    "requester_has_photo": True,
                    "message": "Hi Anna, we worked together at Initech on the billing project.",
                },
                {
                    "ref": "lazy",
                    "requester_name": "Max Muster",
                    "requester_has_photo": True,
                    "worked_together": "yes",
                    "message": "Ich möchte Sie gerne zu meinem beruflichen Netzwerk auf LinkedIn "
                    "hinzufügen.",
                },
                {"ref": "spam", "requester_name": "Sam", "message": "Only $99! https://bit.ly/x"},
            ]
        )
    )
    results = {r["ref"]: r for r in _run(str(path), "--profile", profile)}
    assert results["known"]["recommendation"] == "accept"
    assert results["lazy"]["recommendation"] == "ignore"
    assert results["spam"]["recommendation"] == "report_spam"
    lazy = {h["rule"]: h for h in results["lazy"]["hits"]}
    assert lazy["default_text"]["explanation"] == "The note is LinkedIn's default text (German)."
    assert set(results["spam"]) == {"ref", "recommendation", "scores", "hits"}
    assert set(results["spam"]["scores"]) == {"unknown", "not_personal", "spam"}


def test_it_explains_in_german_when_asked(tmp_path, profile):
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"requester_name": "Sam", "message": "https://bit.ly/x"}))
    hits = _run(str(path), "--profile", profile, "--lang", "de")[0]["hits"]
    assert any(
        "hxxps://bit[.]ly/x" in h["explanation"] and "Link" in h["explanation"] for h in hits
    )


def test_it_explains_in_french_when_asked(tmp_path, profile):
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"requester_name": "Sam", "message": "https://bit.ly/x"}))
    hits = {h["rule"]: h for h in _run(str(path), "--profile", profile, "--lang", "fr")[0]["hits"]}
    assert hits["shortened_link"]["explanation"] == (
        "1 lien raccourci cache sa destination\u00a0: hxxps://bit[.]ly/x"
    )
    assert hits["no_one_knows_requester"]["explanation"] == (
        "Personne n’a dit connaître Sam\u00a0; aucune relation en commun enregistrée."
    )


def test_its_languages_are_those_with_a_catalogue(tmp_path, profile):
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"requester_name": "Sam"}))
    with pytest.raises(CommandError, match="invalid choice: 'xx'"):
        _run(str(path), "--profile", profile, "--lang", "xx")


def test_it_reads_a_real_linkedin_email(profile):
    path = FIXTURES / "real" / "imapdigester_linkedin_1.eml"
    [result] = _run(str(path), "--profile", profile)
    assert "default_text" in {h["rule"] for h in result["hits"]}


def test_it_reads_linkedin_invitations_csv(profile):
    results = _run(str(FIXTURES / "invitations_2026.csv"), "--profile", profile)
    assert results and all(r["recommendation"] for r in results)


def test_it_uses_a_policy_export(tmp_path, profile):
    from policy.engine import default_policy

    policy = default_policy()
    policy["rules"]["no_note"] = {"enabled": False}
    policy["rules"]["short_note"] = {"enabled": False}
    policy["rules"]["no_context"] = {"enabled": False}
    export = tmp_path / "policy.json"
    export.write_text(json.dumps({"version": 3, "policy": policy}))
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"requester_name": "Jane Roe", "requester_has_photo": True}))
    [default] = _run(str(path), "--profile", profile)
    [custom] = _run(str(path), "--profile", profile, "--policy", str(export))
    assert default["recommendation"] == "ignore"
    assert custom["recommendation"] == "accept"


def test_a_malformed_line_is_reported_with_its_number_and_nothing_is_printed(
    tmp_path, profile, capsys
):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"requester_name": "Fine"}\n{not json\n')
    with pytest.raises(CommandError, match="nothing was evaluated"):
        call_command("evaluate_file", str(path), "--profile", profile)
    captured = capsys.readouterr()
    assert "line 2" in captured.err
    assert captured.out == ""


def test_an_invalid_policy_file_names_the_bad_path(tmp_path, profile):
    bad = tmp_path / "policy.json"
    bad.write_text(json.dumps({"thresholds": {"spam": "high"}}))
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"requester_name": "X"}))
    with pytest.raises(CommandError, match=r"thresholds\.spam"):
        call_command("evaluate_file", str(path), "--profile", profile, "--policy", str(bad))


def _export(tmp_path, connections: bytes, invitations: bytes) -> str:
    import zipfile

    path = tmp_path / "Basic_LinkedInDataExport.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Basic_LinkedInDataExport/Connections.csv", connections)
        archive.writestr("Basic_LinkedInDataExport/Invitations.csv", invitations)
    return str(path)


def test_it_evaluates_the_export_zip_skipping_people_already_connected(tmp_path, profile):
    from io import StringIO

    exports = FIXTURES / "exports"
    path = _export(
        tmp_path,
        (exports / "connections_excel_us.csv").read_bytes(),
        (exports / "invitations_mostly_connected.csv").read_bytes(),
    )
    out, err = StringIO(), StringIO()
    call_command("evaluate_file", path, "--profile", profile, stdout=out, stderr=err)
    results = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(results) == 2
    assert "4 already connected, skipped; 1 outgoing, skipped; 2 evaluated." in err.getvalue()


def test_the_export_zips_connections_are_known_contacts(tmp_path, profile):
    connections = (
        b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        b"Kim,Meier,https://www.linkedin.com/in/kim-meier,,,,6-Feb-26\n"
    )
    # Only name and URL together make the same person; a namesake is not a connection,
    # but a known name still counts for the engine.
    invitations = (
        b"From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"
        b'Kim Meier,Paul,"3/1/26, 8:00 AM",Hi,INCOMING,https://www.linkedin.com/in/kim-m-2,\n'
    )
    [result] = _run(_export(tmp_path, connections, invitations), "--profile", profile)
    without = tmp_path / "Invitations.csv"
    without.write_bytes(invitations)
    [alone] = _run(str(without), "--profile", profile)
    assert "known_contact" in {h["rule"] for h in result["hits"]}
    assert "known_contact" not in {h["rule"] for h in alone["hits"]}


def test_a_file_of_sent_invitations_only_is_refused_as_having_no_incoming_ones(profile):
    path = FIXTURES / "exports" / "invitations_outgoing_only.csv"
    with pytest.raises(CommandError, match="no incoming invitations: all 2 are OUTGOING"):
        _run(str(path), "--profile", profile)


def _generated(tmp_path, n: int, bad_line: int | None = None) -> str:
    from policy.management.bench import generate_records

    lines = []
    for i, record in enumerate(generate_records(n, seed=7)):
        record = {**record, "recipient": f"user{i}@example.org", "attachments": []}
        record["email_findings"] = [list(f) for f in record["email_findings"]]
        lines.append(json.dumps(record))
    if bad_line is not None:
        lines[bad_line - 1] = json.dumps({"requester_name": "X", "mutual_connections": "many"})
    path = tmp_path / "many.jsonl"
    path.write_text("\n".join(lines) + "\n")
    return str(path)


@pytest.mark.parametrize("fmt", ["jsonl", "table"])
def test_worker_processes_print_the_same_results_in_the_same_order(tmp_path, profile, fmt):
    from io import StringIO

    path = _generated(tmp_path, 4500)
    outputs = []
    for jobs in ("1", "2"):
        out = StringIO()
        call_command(
            "evaluate_file", path, "--profile", profile, "--format", fmt, "--jobs", jobs, stdout=out
        )
        outputs.append(out.getvalue())
    assert outputs[0] == outputs[1]
    assert len(outputs[0].splitlines()) == 4500 + (fmt == "table")


def test_with_worker_processes_a_bad_line_late_in_the_file_still_prints_nothing(
    tmp_path, profile, capsys
):
    path = _generated(tmp_path, 4500, bad_line=4321)
    with pytest.raises(CommandError, match="1 error"):
        call_command("evaluate_file", path, "--profile", profile, "--jobs", "2")
    captured = capsys.readouterr()
    assert "line 4321" in captured.err and "mutual_connections" in captured.err
    assert captured.out == ""
