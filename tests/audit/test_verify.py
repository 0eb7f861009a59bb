"""verify_audit detects altered, removed, reordered and truncated-at-the-head chains."""

from io import StringIO
from types import SimpleNamespace

import pytest
from django.core.management import CommandError, call_command

from audit.chain import event_hash
from audit.verify import GENESIS_HASH, verify_chain, verify_org


def run(*args):
    """Run verify_audit; return (exit code, stdout + stderr)."""
    out, err = StringIO(), StringIO()
    try:
        call_command("verify_audit", *args, stdout=out, stderr=err)
    except SystemExit as exc:
        return exc.code, out.getvalue() + err.getvalue()
    return 0, out.getvalue() + err.getvalue()


@pytest.fixture
def chain(org, record):
    return record(org, 20)


@pytest.mark.django_db
def test_it_reports_an_intact_chain_with_its_head_and_exits_0(org, chain):
    code, output = run("--org", org.slug)
    assert code == 0
    assert output.strip() == f"OK: 20 events, chain intact (head {chain[-1].hash[:12]}…)"


@pytest.mark.django_db
def test_it_reports_an_empty_log_as_intact(org):
    assert run("--org", org.slug) == (0, "OK: 0 events, chain intact (empty log)\n")


@pytest.mark.django_db
def test_it_names_the_altered_row(org, chain, tamper):
    tamper(
        "UPDATE audit_auditevent SET data = '{\"i\": 99}' WHERE organisation_id = %s AND seq = 17",
        [org.pk],
    )
    code, output = run("--org", org.slug)
    assert code == 1
    assert output.strip() == "TAMPERED at seq 17: hash mismatch (row altered)"


@pytest.mark.django_db
def test_it_catches_an_altered_row_whose_hash_was_recomputed(org, chain, tamper):
    event = chain[16]
    forged = event_hash(
        org_id=org.pk,
        seq=17,
        created_at=event.created_at,
        actor_id=None,
        actor_name="system",
        action=event.action,
        target_type=event.target_type,
        target_id=event.target_id,
        data={"i": 99},
        prev_hash=event.prev_hash,
    )
    tamper(
        "UPDATE audit_auditevent SET data = '{\"i\": 99}', hash = %s WHERE id = %s",
        [forged, event.pk],
    )
    code, output = run("--org", org.slug)
    assert code == 1
    assert output.startswith("TAMPERED at seq 18: chain broken")


@pytest.mark.django_db
def test_it_names_the_removed_row(org, chain, tamper):
    tamper("DELETE FROM audit_auditevent WHERE organisation_id = %s AND seq = 17", [org.pk])
    code, output = run("--org", org.slug)
    assert code == 1
    assert output.strip() == "TAMPERED at seq 17: seq 17 missing (row removed)"


@pytest.mark.django_db
def test_it_names_the_oldest_rows_removed_without_a_retention_record(org, chain, tamper):
    tamper("DELETE FROM audit_auditevent WHERE organisation_id = %s AND seq <= 3", [org.pk])
    code, output = run("--org", org.slug)
    assert code == 1
    assert output.startswith("TAMPERED at seq 1: seqs 1–3 missing (rows removed)")


@pytest.mark.django_db
def test_it_names_rows_whose_seqs_were_swapped(org, chain, tamper):
    tamper(
        "UPDATE audit_auditevent SET seq = -5 WHERE organisation_id = %s AND seq = 5;"
        "UPDATE audit_auditevent SET seq = 5 WHERE organisation_id = %s AND seq = 6;"
        "UPDATE audit_auditevent SET seq = 6 WHERE organisation_id = %s AND seq = -5;",
        [org.pk, org.pk, org.pk],
    )
    code, output = run("--org", org.slug)
    assert code == 1
    assert output.strip() == "TAMPERED at seq 5: seq out of order (row belongs at seq 6)"


@pytest.mark.django_db
def test_it_catches_the_newest_rows_removed_through_the_chain_head(org, chain, tamper):
    tamper("DELETE FROM audit_auditevent WHERE organisation_id = %s AND seq >= 19", [org.pk])
    code, output = run("--org", org.slug)
    assert code == 1
    assert output.strip() == "TAMPERED at seq 19: seqs 19–20 missing (rows removed)"


@pytest.mark.django_db
def test_it_catches_a_chain_head_that_disagrees_with_the_newest_event(org, chain, tamper):
    tamper(
        "UPDATE audit_auditchain SET last_hash = %s WHERE organisation_id = %s", ["f" * 64, org.pk]
    )
    result = verify_org(org)
    assert not result.ok
    assert result.first_bad_seq == 20
    assert "chain head mismatch" in result.reason


@pytest.mark.django_db
def test_it_checks_every_organisation_with_all(org, other_org, chain, record, tamper):
    record(other_org, 2)
    tamper("DELETE FROM audit_auditevent WHERE organisation_id = %s AND seq = 2", [org.pk])
    code, output = run("--all")
    assert code == 1
    assert "acme: TAMPERED at seq 2: seq 2 missing (row removed)" in output
    assert "globex: OK: 2 events, chain intact" in output


@pytest.mark.django_db
def test_it_refuses_an_unknown_organisation():
    with pytest.raises(CommandError, match="No organisation"):
        call_command("verify_audit", "--org", "nope")


@pytest.mark.django_db
def test_it_wants_one_organisation_or_all():
    with pytest.raises(CommandError):
        call_command("verify_audit")


def _fake_chain(n, *, org_id=1):
    """Build events in memory, to show verify_chain needs no database."""
    from datetime import UTC, datetime

    events, prev = [], GENESIS_HASH
    for seq in range(1, n + 1):
        fields = {
            "org_id": org_id,
            "seq": seq,
            "created_at": datetime(2026, 1, 1, tzinfo=UTC),
            "actor_id": None,
            "actor_name": "system",
            "action": "export",
            "target_type": "",
            "target_id": "",
            "data": {},
            "prev_hash": prev,
        }
        digest = event_hash(**fields)
        event = SimpleNamespace(**fields, hash=digest, organisation_id=org_id)
        events.append(event)
        prev = digest
    return events


def test_verify_chain_is_pure_and_streams_any_iterable():
    events = _fake_chain(5)
    result = verify_chain(iter(events), head=(5, events[-1].hash))
    assert result.ok and result.count == 5 and result.last_seq == 5
    assert not verify_chain(iter(events[:4]), head=(5, events[-1].hash)).ok


def test_verify_chain_rejects_a_first_event_that_does_not_start_from_genesis():
    events = _fake_chain(3)[1:]
    result = verify_chain(iter(events))
    assert not result.ok
    assert result.first_bad_seq == 1
