"""The review queue's first screen, measured in a real Chromium at desktop and phone sizes."""

import pytest

from tests.browser.realistic import realistic_queue

pytestmark = [pytest.mark.browser]

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}

FULLY_VISIBLE = """() => {
  const rows = Array.from(document.querySelectorAll('.queue-row'));
  const h = window.innerHeight, w = window.innerWidth;
  return rows.filter(r => {
    const b = r.getBoundingClientRect();
    return b.height > 0 && b.top >= 0 && b.bottom <= h && b.left >= 0 && b.right <= w;
  }).length;
}"""
FIRST_TOP = """() => {
  const row = document.querySelector('.queue-row');
  return row ? row.getBoundingClientRect().top + window.scrollY : null;
}"""


@pytest.fixture
def queue_of_thirty(org, member, reviewer, manager):
    return realistic_queue(org, [member, reviewer, manager], count=30)


def test_at_least_eight_invitations_are_fully_visible_at_1280_by_800(
    page, site, log_in, org, reviewer, queue_of_thirty, screenshot
):
    page.set_viewport_size(DESKTOP)
    log_in("rui")
    page.goto(f"{site}/o/{org.slug}/review/")
    page.locator(".queue-row").first.wait_for()
    visible = page.evaluate(FULLY_VISIBLE)
    page.screenshot(path=str(screenshot("desktop").with_name("queue-desktop-first-screen.png")))
    print(f"fully visible invitations at 1280x800: {visible}")
    assert visible >= 8


def test_the_first_invitation_starts_on_the_first_phone_screen(
    page, site, log_in, org, reviewer, queue_of_thirty, screenshot
):
    page.set_viewport_size(PHONE)
    log_in("rui")
    page.goto(f"{site}/o/{org.slug}/review/")
    page.locator(".queue-row").first.wait_for()
    top = page.evaluate(FIRST_TOP)
    page.screenshot(path=str(screenshot("phone").with_name("queue-phone-first-screen.png")))
    print(f"first invitation's top at 390x844: {top}px")
    assert top is not None and top < PHONE["height"]
