"""The whole loop in a real Chromium: submit, evaluate, decide from the queue, audit, export."""

import pytest

from audit.models import Action, AuditEvent
from invitations.models import Decision, Invitation, Status
from tests.workers import wait_for

pytestmark = [pytest.mark.browser, pytest.mark.worker]


def test_submit_evaluate_decide_with_the_keyboard_then_audit_and_export(
    page, site, log_in, org, member, reviewer, compliance, browser_worker, screenshot
):
    log_in("mia")
    page.goto(f"{site}/o/{org.slug}/submit/")
    page.get_by_label("Requester's name").fill("Crypto Chris")
    page.get_by_label("Their note").fill("Guaranteed returns of 30% with bitcoin! https://t.co/x")
    page.get_by_role("button", name="Check this invitation").click()
    page.locator("#outcome .badge.report_spam").wait_for(timeout=30_000)
    invitation = Invitation.objects.get(requester_name="Crypto Chris")

    log_in("rui")
    page.goto(f"{site}/o/{org.slug}/review/")
    row = page.locator(f"#row-{invitation.pk}")
    row.wait_for()
    screenshot("queue")
    page.keyboard.press("j")
    page.keyboard.press("k")
    page.keyboard.press("s")
    dialog = page.locator("#decide-dialog")
    dialog.wait_for(state="visible")
    screenshot("confirm")
    page.locator("#decide-confirm").click()
    page.locator(f"#row-{invitation.pk} .badge.report_spam").get_by_text("✔").wait_for()
    wait_for(lambda: Decision.objects.filter(invitation=invitation).exists(), timeout=10)
    decision = Decision.objects.get(invitation=invitation)
    assert decision.action == "report_spam" and decision.decided_by == reviewer
    invitation.refresh_from_db()
    assert invitation.status == Status.DECIDED
    screenshot("decided")

    log_in("clara")
    page.goto(f"{site}/o/{org.slug}/audit/")
    page.get_by_label("Requester").fill("Crypto")
    page.get_by_role("button", name="Search").click()
    page.get_by_text("Crypto Chris").first.wait_for()
    screenshot("audit")
    with page.expect_download() as download_info:
        page.locator("[data-export=csv]").click()
    content = download_info.value.path().read_text(encoding="utf-8")
    assert "Crypto Chris" in content and "report_spam" in content
    assert AuditEvent.objects.filter(action=Action.EXPORT).count() == 1
