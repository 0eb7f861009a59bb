"""The compliance pages: search, paging, detail, verification, export and retention setting."""

import csv
import io
import json
import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from audit.chain import event_hash
from audit.export import safe_cell
from audit.models import Action, AuditEvent, AuditSettings

AUDIT_URLS = ("audit_log", "audit_verify", "audit_export", "audit_settings")


def url(name, org, **kwargs):
    return reverse(name, kwargs={"org_slug": org.slug, **kwargs})


def seqs_on(response):
    return [row.seq for row in response.context["rows"]]


def export(client, org, **params):
    response = client.get(url("audit_export", org), params)
    assert response.status_code == 200
    return response, b"".join(response.streaming_content).decode()


# Access -------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["member", "reviewer"])
def test_members_and_reviewers_may_not_open_the_audit_pages(role, personas, org, record, login):
    record(org)
    client = login(personas[role])
    for name in ("audit_log", "audit_verify", "audit_export"):
        assert client.get(url(name, org)).status_code == 403, name
    assert client.get(url("audit_event", org, seq=1)).status_code == 403
    assert client.post(url("audit_settings", org), {"retention_days": 90}).status_code == 403
    assert not AuditEvent.objects.filter(action=Action.EXPORT).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["compliance", "manager"])
def test_compliance_and_managers_open_the_audit_pages(role, personas, org, record, login):
    record(org)
    client = login(personas[role])
    for name in ("audit_log", "audit_verify", "audit_export"):
        assert client.get(url(name, org)).status_code == 200, name
    assert client.get(url("audit_event", org, seq=1)).status_code == 200


@pytest.mark.django_db
def test_the_outsider_gets_404_on_every_audit_url(org, outsider, record, login):
    record(org)
    client = login(outsider)
    paths = [url(name, org) for name in AUDIT_URLS] + [url("audit_event", org, seq=1)]
    for path in paths:
        assert client.get(path).status_code == 404, path
        assert client.post(path).status_code == 404, path


@pytest.mark.django_db
def test_an_event_of_another_organisation_is_not_found(org, other_org, compliance, record, login):
    record(other_org)
    assert login(compliance).get(url("audit_event", org, seq=1)).status_code == 404


@pytest.mark.django_db
def test_the_audit_log_is_in_the_menu_of_compliance(org, compliance, login):
    response = login(compliance).get(url("audit_log", org))
    assert any(i["url_name"] == "audit_log" and i["active"] for i in response.context["nav_items"])


# Search --------------------------------------------------------------------------------


@pytest.fixture
def decisions(org, reviewer, manager, record, decision_data):
    record(
        org,
        actor=reviewer,
        action=Action.DECISION,
        data=decision_data("Kim Lazy", "ignore", "ignore"),
    )
    record(
        org,
        actor=reviewer,
        action=Action.DECISION,
        data=decision_data("Sam Stranger", "dont_know", "accept", version=2),
    )
    record(org, actor=manager, action=Action.POLICY_PUBLISHED, data={"policy_version": 2})
    record(
        org,
        actor=manager,
        action=Action.DECISION,
        data=decision_data("Kim Spammer", "report_spam", "report_spam", version="3"),
    )
    record(
        org,
        actor=manager,
        action=Action.DECISION_REVERSED,
        data=decision_data("Sam Stranger", "dont_know", "ignore", version=2, reverses=2),
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, [5, 4, 3, 2, 1]),
        ({"actor": "rui"}, [2, 1]),
        ({"actor": "MAX"}, [5, 4, 3]),
        ({"action": "decision"}, [4, 2, 1]),
        ({"requester": "kim"}, [4, 1]),
        ({"requester": "stranger"}, [5, 2]),
        ({"overrides": "on"}, [5, 2]),
        ({"policy_version": "2"}, [5, 3, 2]),
        ({"policy_version": "3"}, [4]),
        ({"action": "decision", "overrides": "on"}, [2]),
    ],
)
def test_it_filters_the_log(params, expected, org, compliance, decisions, login):
    response = login(compliance).get(url("audit_log", org), params)
    assert response.status_code == 200
    assert seqs_on(response) == expected


@pytest.mark.django_db
def test_it_filters_by_date_range_in_local_days(org, compliance, record, login):
    record(org, 2, at=timezone.now() - timedelta(days=10))
    record(org, 1, at=timezone.now() - timedelta(days=3))
    record(org, 1)
    client = login(compliance)
    today = timezone.localdate()
    three_days_ago = (today - timedelta(days=3)).isoformat()
    assert seqs_on(client.get(url("audit_log", org), {"date_from": three_days_ago})) == [4, 3]
    assert seqs_on(client.get(url("audit_log", org), {"date_to": three_days_ago})) == [3, 2, 1]
    both = {"date_from": three_days_ago, "date_to": three_days_ago}
    assert seqs_on(client.get(url("audit_log", org), both)) == [3]


@pytest.mark.django_db
def test_an_invalid_search_shows_errors_and_no_events(org, compliance, record, login):
    record(org, 3)
    params = {"date_from": "2026-05-02", "date_to": "2026-05-01"}
    response = login(compliance).get(url("audit_log", org), params)
    assert response.status_code == 200
    assert seqs_on(response) == []
    assert b"The end date is before the start date." in response.content


@pytest.mark.django_db
def test_it_pages_by_seq_newest_first_fifty_at_a_time(org, compliance, record, login):
    record(org, 120)
    client = login(compliance)
    first = client.get(url("audit_log", org))
    assert seqs_on(first) == list(range(120, 70, -1))
    assert first.context["next_before"] == 71
    second = client.get(url("audit_log", org), {"before": 71})
    assert seqs_on(second) == list(range(70, 20, -1))
    third = client.get(url("audit_log", org), {"before": second.context["next_before"]})
    assert seqs_on(third) == list(range(20, 0, -1))
    assert third.context["next_before"] is None
    assert b'rel="next"' not in third.content


@pytest.mark.django_db
def test_paging_keeps_the_filters(org, compliance, record, login, decision_data):
    record(org, 60, action=Action.DECISION, data=decision_data("Kim", "ignore", "accept"))
    record(org, 5)
    response = login(compliance).get(url("audit_log", org), {"action": "decision"})
    assert seqs_on(response) == list(range(60, 10, -1))
    assert b'href="?action=decision&amp;before=11"' in response.content


@pytest.mark.django_db
def test_a_malformed_page_cursor_shows_the_newest_page(org, compliance, record, login):
    record(org, 3)
    response = login(compliance).get(url("audit_log", org), {"before": "x'; drop"})
    assert seqs_on(response) == [3, 2, 1]


# Detail --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_detail_shows_every_field_escaped_with_hashes_and_status(
    org, compliance, reviewer, record, login, decision_data
):
    data = decision_data("<script>alert(1)</script>", "ignore", "accept")
    data["justification"] = '"><img src=x onerror=alert(1)>'
    (event,) = record(org, actor=reviewer, action=Action.DECISION, data=data)
    record(org, action=Action.DECISION_REVERSED, data={"reverses": 1, "decision": "ignore"})
    response = login(compliance).get(url("audit_event", org, seq=1))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert event.hash in html and event.prev_hash in html
    assert "rui" in html and "invitation_id" in html
    assert response.context["check"].ok
    assert response.context["reversed_by"] == 2
    assert "verified" in html
    assert reverse("audit_event", kwargs={"org_slug": org.slug, "seq": 2}) in html


@pytest.mark.django_db
def test_the_detail_says_when_an_event_was_altered(org, compliance, record, login, tamper):
    record(org, 3)
    tamper("UPDATE audit_auditevent SET actor_name = 'nobody' WHERE seq = 2")
    response = login(compliance).get(url("audit_event", org, seq=2))
    check = response.context["check"]
    assert not check.ok and not check.hash_ok
    assert b"tampered" in response.content


@pytest.mark.django_db
def test_pages_have_no_inline_scripts_or_styles(org, manager, record, login):
    record(org, 2)
    client = login(manager)
    for path in (url("audit_log", org), url("audit_verify", org), url("audit_event", org, seq=1)):
        html = client.get(path).content.decode()
        assert not re.search(r"<script(?![^>]*\bsrc=)", html), path
        assert " style=" not in html and "<style" not in html, path


# Verification page ---------------------------------------------------------------------


@pytest.mark.django_db
def test_the_verify_page_shows_the_chain_status(org, compliance, record, login, tamper):
    record(org, 4)
    client = login(compliance)
    response = client.get(url("audit_verify", org))
    assert response.context["result"].ok
    assert b"OK: 4 events, chain intact" in response.content
    tamper("DELETE FROM audit_auditevent WHERE seq = 2")
    response = client.get(url("audit_verify", org))
    assert not response.context["result"].ok
    assert b"TAMPERED at seq 2: seq 2 missing (row removed)" in response.content


# Export --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1+1", "'+1+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("plain", "plain"),
        ("a=b", "a=b"),
        ("", ""),
        (None, ""),
        (17, "17"),
    ],
)
def test_safe_cell_defuses_formula_cells(value, expected):
    assert safe_cell(value) == expected


@pytest.mark.django_db
def test_the_csv_export_defuses_formulas_and_is_an_attachment(org, compliance, record, login):
    record(
        org,
        action=Action.DECISION,
        target_type="invitation",
        target_id="=cmd|' /C calc'!A0",
        data={"requester_name": '=HYPERLINK("http://evil")'},
    )
    response, body = export(login(compliance), org, format="csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert re.fullmatch(
        r'attachment; filename="vouch-audit-acme-\d{8}T\d{6}Z\.csv"',
        response["Content-Disposition"],
    )
    rows = list(csv.DictReader(io.StringIO(body)))
    assert len(rows) == 1
    assert rows[0]["target_id"] == "'=cmd|' /C calc'!A0"
    assert json.loads(rows[0]["data"]) == {"requester_name": '=HYPERLINK("http://evil")'}
    assert rows[0]["seq"] == "1" and rows[0]["action"] == "decision"
    for row in rows:
        for cell in row.values():
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))


@pytest.mark.django_db
def test_the_jsonl_export_is_valid_and_verifiable_offline(org, compliance, manager, record, login):
    events = record(org, 3, actor=manager, data={"note": "Zoë\nline two"})
    _response, body = export(login(compliance), org, format="jsonl")
    lines = body.splitlines()
    assert len(lines) == 3
    prev = "0" * 64
    for line, event in zip(lines, events, strict=True):
        row = json.loads(line)
        assert row["seq"] == event.seq and row["hash"] == event.hash
        assert row["actor"] == "max" and row["prev_hash"] == prev
        recomputed = event_hash(
            org_id=row["org_id"],
            seq=row["seq"],
            created_at=event.created_at,
            actor_id=row["actor_id"],
            actor_name=row["actor"],
            action=row["action"],
            target_type=row["target_type"],
            target_id=row["target_id"],
            data=row["data"],
            prev_hash=row["prev_hash"],
        )
        assert recomputed == row["hash"]
        assert row["created_at"] == event.created_at.isoformat(timespec="microseconds")
        prev = row["hash"]


@pytest.mark.django_db
def test_an_export_is_recorded_with_its_filters_and_count_before_streaming(
    org, compliance, decisions, login
):
    response = login(compliance).get(
        url("audit_export", org), {"requester": "kim", "format": "jsonl"}
    )
    # Recorded before a single byte of the body was produced.
    recorded = AuditEvent.objects.get(organisation=org, action=Action.EXPORT)
    assert recorded.seq == 6
    assert recorded.actor_name == "clara"
    assert recorded.data == {
        "format": "jsonl",
        "filters": {"requester": "kim"},
        "count": 2,
        "upto_seq": 5,
    }
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert [json.loads(line)["seq"] for line in lines] == [1, 4]


@pytest.mark.django_db
def test_the_export_uses_the_same_filters_as_the_list(org, compliance, decisions, login):
    _response, body = export(login(compliance), org, overrides="on", format="csv")
    assert [row["seq"] for row in csv.DictReader(io.StringIO(body))] == ["2", "5"]


@pytest.mark.django_db
def test_an_export_with_bad_parameters_is_refused_and_not_recorded(org, compliance, login):
    response = login(compliance).get(url("audit_export", org), {"format": "xlsx"})
    assert response.status_code == 400
    assert not AuditEvent.objects.filter(action=Action.EXPORT).exists()


# Retention setting ---------------------------------------------------------------------


@pytest.mark.django_db
def test_a_manager_sets_the_retention_period_and_the_change_is_audited(org, manager, login):
    client = login(manager)
    response = client.post(url("audit_settings", org), {"retention_days": "365"})
    assert response.status_code == 302
    assert AuditSettings.objects.get(organisation=org).retention_days == 365
    event = AuditEvent.objects.get(organisation=org, action=Action.RETENTION_CHANGED)
    assert event.data == {"from_days": None, "to_days": 365}
    assert event.actor_name == "max"
    client.post(url("audit_settings", org), {"retention_days": ""})
    assert AuditSettings.objects.get(organisation=org).retention_days is None
    assert AuditEvent.objects.filter(action=Action.RETENTION_CHANGED).count() == 2
    page = client.get(url("audit_log", org))
    assert b"Events are kept forever." in page.content
    assert b'name="retention_days"' in page.content


@pytest.mark.django_db
def test_a_too_short_retention_period_is_refused(org, manager, login):
    response = login(manager).post(url("audit_settings", org), {"retention_days": "2"})
    assert response.status_code == 400
    assert b"greater than or equal to 30" in response.content
    assert not AuditSettings.objects.filter(organisation=org, retention_days=2).exists()
    assert not AuditEvent.objects.filter(action=Action.RETENTION_CHANGED).exists()


@pytest.mark.django_db
def test_compliance_sees_the_retention_period_but_cannot_change_it(org, compliance, login):
    AuditSettings.objects.create(organisation=org, retention_days=400)
    client = login(compliance)
    page = client.get(url("audit_log", org))
    assert b"older than 400 days" in page.content
    assert b'name="retention_days"' not in page.content
    assert client.post(url("audit_settings", org), {"retention_days": "30"}).status_code == 403
    assert AuditSettings.objects.get(organisation=org).retention_days == 400
