"""The organisation navigation: which page each capability unlocks, in menu order."""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from organisations.models import Capability


@dataclass(frozen=True)
class NavItem:
    url_name: str
    label: str
    capability: str | None
    # Left out for whoever has this capability (they get a fuller page for the same thing).
    superseded_by: str | None = None


NAV_ITEMS: tuple[NavItem, ...] = (
    NavItem("org_home", _("Overview"), None),
    NavItem("invitation_submit", _("Submit"), Capability.SUBMIT),
    NavItem("invitation_mine", _("My submissions"), Capability.SUBMIT),
    NavItem("review_queue", _("Review queue"), Capability.READ_ALL),
    NavItem("insights_dashboard", _("Dashboard"), Capability.AUDIT),
    NavItem("audit_log", _("Audit log"), Capability.AUDIT),
    NavItem("policy_edit", _("Policy"), Capability.MANAGE),
    NavItem("policy_published", _("Policy"), Capability.READ_ALL, Capability.MANAGE),
    NavItem("roster", _("Roster"), Capability.SUBMIT),
    NavItem("members", _("Members"), Capability.MANAGE),
    NavItem("api_tokens", _("API tokens"), Capability.MANAGE),
    NavItem("outbox", _("E-mail outbox"), Capability.MANAGE),
    NavItem("org_settings", _("Settings"), Capability.MANAGE),
    NavItem("notification_templates", _("Notification e-mails"), Capability.MANAGE),
)


def nav_for(membership, current_path: str) -> list[dict]:
    """Return the menu entries `membership` may open, marking the one that holds `current_path`.

    Pages of features not installed in this build have no URL yet and are left out.
    """
    items = []
    for item in NAV_ITEMS:
        if item.capability is not None and not membership.can(item.capability):
            continue
        if item.superseded_by is not None and membership.can(item.superseded_by):
            continue
        try:
            url = reverse(item.url_name, kwargs={"org_slug": membership.organisation.slug})
        except NoReverseMatch:
            continue
        items.append({"url": url, "label": item.label, "url_name": item.url_name})
    # The overview's URL is a prefix of every page, so it is current only on itself.
    best = max(
        (
            i
            for i in items
            if current_path == i["url"]
            or (i["url_name"] != "org_home" and current_path.startswith(i["url"]))
        ),
        key=lambda i: len(i["url"]),
        default=None,
    )
    for item in items:
        item["active"] = item is best
    return items
