"""A member uploads a large file in the browser: the button disables itself, a real worker
imports the file, and the progress bar ends in the result."""

import pytest

from invitations.models import Invitation

pytestmark = [pytest.mark.browser, pytest.mark.worker]


def _csv(n: int, *, bad_line: int | None = None) -> str:
    lines = ["requester_name,recipient,message,received_at"]
    for i in range(n):
        when = "someday" if i + 2 == bad_line else "2026-11-02"
        lines.append(f"Person {i},colleague{i}@example.com,We met at the fair {i},{when}")
    return "\n".join(lines) + "\n"


def _upload(page, site, org, path) -> tuple[bool, str]:
    """Choose `path` on the upload page and press Upload; return (disabled, label) of the
    button right after the press, before the browser has left the page."""
    page.goto(f"{site}/o/{org.slug}/submit/upload/")
    page.get_by_label("File").set_input_files(str(path))
    return page.evaluate(
        """() => {
            const button = document.querySelector("form[data-busy] button[type=submit]");
            button.click();
            return [button.disabled, button.textContent];
        }"""
    )


def test_a_large_upload_shows_its_progress_and_ends_in_the_result(
    page, site, log_in, org, member, browser_worker, screenshot, tmp_path
):
    path = tmp_path / "team-20000.csv"
    path.write_text(_csv(20_000))
    log_in("mia")
    disabled, label = _upload(page, site, org, path)
    assert disabled and label == "Uploading…"
    page.wait_for_url("**/submit/uploads/*/", timeout=60_000)
    progress = page.locator("#upload-progress")
    assert progress.get_attribute("data-status") in ("queued", "importing", "imported")
    screenshot("queued")
    # The worker writes its progress every half second; catch the bar while it moves.
    reading = page.locator("#upload-progress[data-status=importing]")
    reading.or_(page.locator("#upload-progress[data-status=imported]")).wait_for(timeout=180_000)
    if reading.count():
        screenshot("importing")
    page.locator("#upload-progress[data-status=imported]").wait_for(timeout=180_000)
    assert "20000 invitations imported" in page.locator("#upload-result").inner_text()
    screenshot("result")
    assert Invitation.objects.for_org(org).count() == 20_000
    page.get_by_role("link", name="See their recommendations").click()
    page.wait_for_url("**/mine/")


def test_a_large_upload_with_an_error_ends_in_the_full_error_list(
    page, site, log_in, org, member, browser_worker, screenshot, tmp_path
):
    path = tmp_path / "team-late-error.csv"
    path.write_text(_csv(8_000, bad_line=7_777))
    log_in("mia")
    _upload(page, site, org, path)
    page.wait_for_url("**/submit/uploads/*/", timeout=60_000)
    page.locator("#upload-progress[data-status=rejected]").wait_for(timeout=180_000)
    errors = page.locator("#upload-errors tbody tr")
    assert errors.count() == 1
    assert "7777" in errors.first.inner_text() and "received_at" in errors.first.inner_text()
    screenshot("rejected")
    assert not Invitation.objects.exists()
