"""Triage in a real Chromium at desktop and phone sizes: the keyboard loop, the styled
dialog on the queue and the invitation page, and a campaign decided once."""

import pytest

from invitations.models import Decision, Invitation, Status
from organisations.models import Role
from tests.browser.realistic import realistic_queue
from tests.factories import MembershipFactory, UserFactory
from tests.invitations.fixtures import make_invitation
from tests.workers import wait_for

pytestmark = [pytest.mark.browser]

SIZES = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}


@pytest.fixture(params=list(SIZES))
def size(request, page):
    page.set_viewport_size(SIZES[request.param])
    return request.param


def _focused_row(page) -> str:
    return page.evaluate("() => document.activeElement && document.activeElement.id")


def test_after_a_decision_in_the_queue_the_next_invitation_is_selected(
    page, site, log_in, org, member, reviewer, size, screenshot
):
    made = realistic_queue(org, [member], count=4)
    log_in("rui")
    page.goto(f"{site}/o/{org.slug}/review/")
    first, second = made[0], made[1]
    page.locator(f"#row-{first.pk}").wait_for()
    assert page.locator("#bulk-form").is_hidden()
    if size == "desktop":
        page.keyboard.press("s")
    else:
        page.locator(f"#row-{first.pk} button[data-action=report_spam]").click()
    dialog = page.locator("#decide-dialog")
    dialog.wait_for(state="visible")
    screenshot(f"{size}-dialog")
    page.locator("#decide-confirm").click()
    page.locator(f"#row-{first.pk} .badge.report_spam").get_by_text("✔").wait_for()
    wait_for(lambda: _focused_row(page) == f"row-{second.pk}", timeout=5)
    assert "selected" in (page.locator(f"#row-{second.pk}").get_attribute("class") or "")
    assert Decision.objects.get(invitation=first).action == "report_spam"
    page.locator(f"#row-{second.pk} [data-select]").check()
    assert page.locator("#bulk-form").is_visible()
    screenshot(f"{size}-decided-and-selected")


def test_the_invitation_page_has_the_same_keys_and_dialog_and_moves_on(
    page, site, log_in, org, member, reviewer, size, screenshot
):
    made = realistic_queue(org, [member], count=3)
    log_in("rui")
    page.goto(f"{site}/o/{org.slug}/review/{made[0].pk}/")
    page.keyboard.press("j")
    page.wait_for_url(f"**/review/{made[1].pk}/")
    page.keyboard.press("k")
    page.wait_for_url(f"**/review/{made[0].pk}/")
    page.keyboard.press("a")  # against the recommendation: a justification is required
    page.locator("#decide-dialog").wait_for(state="visible")
    assert page.locator("#decide-justification").evaluate("e => e.required")
    page.locator("#decide-justification").fill("Met him at the trade fair in Hanover")
    screenshot(f"{size}-detail-dialog")
    page.locator("#decide-confirm").click()
    page.wait_for_url(f"**/review/{made[1].pk}/")
    decision = Decision.objects.get(invitation=made[0])
    assert decision.action == "accept" and "Hanover" in decision.justification
    screenshot(f"{size}-moved-on")


def test_a_campaign_is_one_card_and_one_decision_for_every_colleague(
    page, site, log_in, org, member, reviewer, size, screenshot
):
    people = [member]
    for name in ("noah", "lena"):
        user = UserFactory(username=name, first_name=name.title())
        MembershipFactory(user=user, organisation=org, role=Role.MEMBER)
        people.append(user)
    run = [
        make_invitation(
            org,
            person,
            requester_name="Gary Growth",
            requester_key="name:gary growth",
            risk=20.0,
        )
        for person in people
    ]
    realistic_queue(org, [member], count=5)
    log_in("rui")
    page.goto(f"{site}/o/{org.slug}/review/")
    row = page.locator(f"#row-{run[0].pk}")
    row.wait_for()
    assert row.get_by_text("invited 3 colleagues").is_visible()
    for name in ("Mia", "Noah", "Lena"):
        assert name in row.inner_text()
    assert page.locator(f"#row-{run[1].pk}").count() == 0
    screenshot(f"{size}-campaign")
    row.locator("button[data-action=report_spam]").click()
    page.locator("#decide-dialog").wait_for(state="visible")
    assert "(3 invitations)" in page.locator("#decide-question").inner_text()
    page.locator("#decide-confirm").click()
    page.locator(f"#row-{run[0].pk}").get_by_text("3 decisions recorded").wait_for()
    assert Decision.objects.filter(action="report_spam").count() == 3
    assert set(
        Invitation.objects.filter(pk__in=[i.pk for i in run]).values_list("status", flat=True)
    ) == {Status.DECIDED}
    screenshot(f"{size}-campaign-decided")
