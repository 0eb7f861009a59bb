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


def _measure_queue(page, site, log_in, org, size: dict, screenshot, name: str, script: str):
    """Open the queue as the reviewer at `size` and return what `script` measures there,
    then keep a full-page and a first-screen screenshot."""
    page.set_viewport_size(size)
    log_in("rui")
    page.goto(f"{site}/o/{org.slug}/review/")
    page.locator(".queue-row").first.wait_for()
    measured = page.evaluate(script)
    page.screenshot(path=str(screenshot(name).with_name(f"queue-{name}-first-screen.png")))
    return measured


def test_at_least_eight_invitations_are_fully_visible_at_1280_by_800(
    page, site, log_in, org, reviewer, queue_of_thirty, screenshot
):
    visible = _measure_queue(page, site, log_in, org, DESKTOP, screenshot, "desktop", FULLY_VISIBLE)
    print(f"fully visible invitations at 1280x800: {visible}")
    assert visible >= 8


def test_the_first_invitation_starts_on_the_first_phone_screen(
    page, site, log_in, org, reviewer, queue_of_thirty, screenshot
):
    top = _measure_queue(page, site, log_in, org, PHONE, screenshot, "phone", FIRST_TOP)
    print(f"first invitation's top at 390x844: {top}px")
    assert top is not None and top < PHONE["height"]
