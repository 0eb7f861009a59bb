"""A member submits an invitation in the browser; a real worker evaluates it; the page updates."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.worker]


def test_a_member_submits_and_sees_the_outcome_arrive(
    page, site, log_in, org, member, browser_worker, screenshot
):
    log_in("mia")
    page.goto(f"{site}/o/{org.slug}/submit/")
    page.get_by_label("Requester's name").fill("Sam <b>Spammer</b>")
    page.get_by_label("Their note").fill(
        "Limited offer: SEO for only $99! <script>alert(1)</script> https://bit.ly/cheap"
    )
    page.get_by_label("Profile photo?").select_option("false")
    screenshot("form")
    page.get_by_role("button", name="Check this invitation").click()
    page.wait_for_url("**/invitations/*/")
    outcome = page.locator("#outcome")
    outcome.locator(".badge.report_spam").wait_for(timeout=30_000)
    note = page.locator("[data-untrusted=message]")
    assert "<script>alert(1)</script>" in note.inner_text()
    assert "hxxps://bit[.]ly/cheap" in note.inner_text()
    assert page.locator("main a[href*='bit.ly']").count() == 0
    assert page.get_by_role("heading", name="Sam <b>Spammer</b>").is_visible()
    screenshot("outcome")
