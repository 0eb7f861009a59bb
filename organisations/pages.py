"""What other apps add to an organisation's overview and settings pages.

organisations is the bottom layer of the apps (README, "Layout"): every other app
imports it, so it imports none of them. Its overview and settings pages still show
figures and forms that belong to higher apps: each such app registers a function
here in its AppConfig.ready(), and a page shows the merged context of the functions
registered for it. A page thus names no other app; the template decides what to show
from the keys it finds.
"""

from collections.abc import Callable

from organisations.models import Membership, Organisation

HOME = "org_home"
SETTINGS = "org_settings"

PagePart = Callable[..., dict]

_parts: dict[str, list[PagePart]] = {HOME: [], SETTINGS: []}


def page_part_register(page: str, part: PagePart) -> None:
    """Show what `part(org=, membership=)` returns on `page` (HOME or SETTINGS).

    `part` returns a dict of template context, empty when nothing of it is for that
    member. Registering the same function twice shows it once.
    """
    if part not in _parts[page]:
        _parts[page].append(part)


def page_context(page: str, *, org: Organisation, membership: Membership) -> dict:
    """Return the merged context of the parts registered for `page`, in registration order."""
    context = {}
    for part in _parts[page]:
        context.update(part(org=org, membership=membership))
    return context
