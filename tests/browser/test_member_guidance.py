"""Members in a real Chromium at desktop and phone sizes: the country select, what to do
now (wait, or act at once when the policy says so), My submissions, and the error pages."""

import pytest

from invitations.models import Invitation

pytestmark = [pytest.mark.browser, pytest.mark.worker]

SIZES = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}


@pytest.fixture(params=list(SIZES))
def size(request, page):
    page.set_viewport_size(SIZES[request.param])
    return request.param


def _submit(page, site, org, name: str) -> None:
    page.goto(f"{site}/o/{org.slug}/submit/")
    page.get_by_label("Requester's name").fill(name)
    page.get_by_label("Their note").fill(
        "I'd like to add you to my professional network on LinkedIn."
    )
    page.locator("input.select-filter").fill("germ")
    country = page.get_by_label("Country", exact=True)
    assert country.input_value() == "DE"  # Germany, never GE (Georgia)
    page.get_by_role("button", name="Check this invitation").click()
    page.wait_for_url("**/invitations/*/")
    page.locator("#outcome [data-guidance]").wait_for(timeout=30_000)


def test_a_member_picks_a_country_by_name_and_is_told_to_wait_or_to_act(
    page, site, log_in, org, member, manager, browser_worker, size, screenshot
):
    log_in("mia")
    _submit(page, site, org, "Lazy Larry")
    assert Invitation.objects.get(requester_name="Lazy Larry").requester_country == "DE"
    guidance = page.locator("#outcome [data-guidance]")
    assert guidance.get_attribute("data-guidance") == "wait"
    assert guidance.inner_text().startswith("Wait: a reviewer decides")
    screenshot(f"{size}-wait")

    page.goto(f"{site}/o/{org.slug}/mine/")
    headers = page.locator("#mine thead th").all_inner_texts()
    assert [h.strip().lower() for h in headers][3:5] == ["recommendation", "decision"]
    assert page.locator("#mine-legend").is_visible()
    screenshot(f"{size}-mine")

    log_in("max")
    page.goto(f"{site}/o/{org.slug}/policy/")
    page.get_by_label("Members may act on the recommendation at once").check()
    page.locator("#guidance button[type=submit]").click()
    page.wait_for_url("**/policy/**")
    screenshot(f"{size}-policy-setting")

    log_in("mia")
    _submit(page, site, org, "Lazy Lara")
    guidance = page.locator("#outcome [data-guidance]")
    assert guidance.get_attribute("data-guidance") == "act_now"
    assert "You can press Ignore on LinkedIn now" in guidance.inner_text()
    screenshot(f"{size}-act-now")


def test_forbidden_and_missing_pages_are_branded(page, site, log_in, org, member, size, screenshot):
    log_in("mia")
    response = page.goto(f"{site}/o/{org.slug}/review/")
    assert response.status == 403
    assert page.get_by_role("heading", name="This page is not for your role").is_visible()
    screenshot(f"{size}-403")
    response = page.goto(f"{site}/o/nowhere/")
    assert response.status == 404
    assert page.get_by_role("heading", name="Nothing here").is_visible()
    screenshot(f"{size}-404")
