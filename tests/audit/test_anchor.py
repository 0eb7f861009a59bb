"""Signed anchors catch what the chain alone cannot: a cut or re-hashed tail."""

import json
from datetime import timedelta
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone

from audit.anchor import anchor_check, anchor_export, anchor_read, anchors_distribute
from audit.chain import event_hash
from audit.models import AuditEvent, AuditSettings
from audit.retention import apply_retention
from audit.tasks import send_anchors
from organisations.models import OutboundEmail
from organisations.outbox import outbox_flush
from tests.audit.test_verify import run

KEY = "anchor-key-kept-outside-the-database"


@pytest.fixture(autouse=True)
def _anchor_key(settings):
    settings.VOUCH_AUDIT_ANCHOR_KEY = KEY


def _export(org, tmp_path) -> str:
    code, output = run("--org", org.slug, "--export-anchor")
    assert code == 0
    path = tmp_path / "anchor.json"
    path.write_text(output)
    return str(path)


def rewrite_tail(org, tamper, from_seq: int) -> None:
    """Replace the events from `from_seq` on with forged ones that chain correctly, and move
    the head: what the tables' owner could do, and what `verify_audit` alone cannot see."""
    events = list(AuditEvent.objects.for_org(org).filter(seq__gte=from_seq).order_by("seq"))
    tamper(
        "DELETE FROM audit_auditevent WHERE organisation_id = %s AND seq >= %s", [org.pk, from_seq]
    )
    prev = AuditEvent.objects.for_org(org).get(seq=from_seq - 1).hash
    for event in events:
        fields = {
            "org_id": org.pk,
            "seq": event.seq,
            "created_at": event.created_at,
            "actor_id": None,
            "actor_name": "system",
            "action": event.action,
            "target_type": event.target_type,
            "target_id": event.target_id,
            "data": {"forged": True},
            "prev_hash": prev,
        }
        digest = event_hash(**fields)
        tamper(
            "INSERT INTO audit_auditevent (organisation_id, seq, created_at, actor_name, action, "
            "target_type, target_id, data, prev_hash, hash) "
            "VALUES (%s, %s, %s, 'system', %s, %s, %s, '{\"forged\": true}', %s, %s)",
            [
                org.pk,
                event.seq,
                event.created_at,
                event.action,
                event.target_type,
                event.target_id,
                prev,
                digest,
            ],
        )
        prev = digest
    tamper("UPDATE audit_auditchain SET last_hash = %s WHERE organisation_id = %s", [prev, org.pk])


@pytest.mark.django_db
def test_an_exported_anchor_checks_out_while_nothing_changed(org, record, tmp_path):
    record(org, 5)
    path = _export(org, tmp_path)
    anchor = json.loads(Path(path).read_text())
    assert (anchor["org"], anchor["seq"]) == ("acme", 5)
    record(org, 3)
    code, output = run("--org", org.slug, "--anchor", path)
    assert code == 0, output
    assert output.startswith("OK: unchanged up to the anchor at seq 5")


@pytest.mark.django_db
def test_a_rewritten_tail_passes_the_chain_but_not_the_anchor(org, record, tamper, tmp_path):
    record(org, 10)
    path = _export(org, tmp_path)
    rewrite_tail(org, tamper, 8)
    assert run("--org", org.slug)[0] == 0, "the re-hashed chain is consistent in itself"
    code, output = run("--org", org.slug, "--anchor", path)
    assert code == 1
    assert "TAMPERED at or before seq 10" in output


@pytest.mark.django_db
def test_deleted_newest_events_with_the_head_moved_back_are_caught(org, record, tamper, tmp_path):
    events = record(org, 10)
    path = _export(org, tmp_path)
    tamper("DELETE FROM audit_auditevent WHERE organisation_id = %s AND seq > 7", [org.pk])
    tamper(
        "UPDATE audit_auditchain SET last_seq = 7, last_hash = %s WHERE organisation_id = %s",
        [events[6].hash, org.pk],
    )
    assert run("--org", org.slug)[0] == 0
    code, output = run("--org", org.slug, "--anchor", path)
    assert code == 1
    assert "seq 10 named by the anchor is missing (the log ends at 7)" in output


@pytest.mark.django_db
def test_an_anchor_whose_seq_retention_removed_still_checks_out(org, record, tmp_path):
    AuditSettings.objects.create(organisation=org, retention_days=30)
    record(org, 4, at=timezone.now() - timedelta(days=90))
    anchor = anchor_export(org)
    record(org, 2)
    apply_retention(org)
    assert anchor_check(org, anchor).ok


@pytest.mark.django_db
def test_a_forged_or_foreign_anchor_is_refused(org, other_org, record, tmp_path, settings):
    record(org, 3)
    anchor = anchor_export(org)
    forged = {**anchor, "seq": 2}
    with pytest.raises(Exception, match="wrong signature"):
        anchor_read(json.dumps(forged))
    settings.VOUCH_AUDIT_ANCHOR_KEY = "another key"
    with pytest.raises(Exception, match="wrong signature"):
        anchor_read(json.dumps(anchor))
    settings.VOUCH_AUDIT_ANCHOR_KEY = KEY
    assert not anchor_check(other_org, anchor).ok
    bad = tmp_path / "bad.json"
    bad.write_text("not json")
    with pytest.raises(CommandError, match=r"bad\.json is not JSON"):
        call_command("verify_audit", "--org", org.slug, "--anchor", str(bad))


@pytest.mark.django_db
def test_anchors_need_the_key(org, record, settings):
    settings.VOUCH_AUDIT_ANCHOR_KEY = ""
    with pytest.raises(CommandError, match="VOUCH_AUDIT_ANCHOR_KEY"):
        call_command("verify_audit", "--org", org.slug, "--export-anchor")


@pytest.mark.django_db
def test_the_daily_task_writes_the_anchor_and_mails_compliance(
    org, compliance, manager, record, tmp_path, settings
):
    settings.VOUCH_AUDIT_ANCHOR_DIR = str(tmp_path / "anchors")
    record(org, 4)
    assert send_anchors() == 1
    written = json.loads((tmp_path / "anchors" / "acme-latest.json").read_text())
    assert written["seq"] == 4 and anchor_read(json.dumps(written))
    assert OutboundEmail.objects.filter(kind="audit_anchor").count() == 1
    assert outbox_flush() == 1
    (message,) = mail.outbox
    assert message.to == [compliance.email]
    assert "verify_audit --org acme --anchor FILE" in message.body
    assert json.loads(message.body[message.body.index("{") :])["hash"] == written["hash"]


@pytest.mark.django_db
def test_the_daily_task_is_registered_under_the_name_beat_uses(settings):
    assert settings.CELERY_BEAT_SCHEDULE["send-audit-anchors"]["task"] == send_anchors.name
    assert anchors_distribute() == 0
