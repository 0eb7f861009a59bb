"""The one place where organisation scoping and roles are checked, for pages and the API.

Every view under /o/<slug>/ is wrapped in `org_view`: a non-member gets 404 (we
do not even confirm the organisation exists), a member without the capability
gets 403, and the view receives the organisation and membership on `request`. The REST
API applies the same rules through `organisations.api_access.OrganisationAccess`, and
which invitations a member sees is `Invitation.objects.visible_to(membership)`.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404

from organisations.models import Membership, Organisation


def membership_for(user, org_slug: str) -> Membership:
    """Return the user's membership in the organisation `org_slug`; raise Http404 if none."""
    if not user.is_authenticated:
        raise Http404
    membership = (
        Membership.objects.select_related("organisation")
        .filter(user=user, organisation__slug=org_slug)
        .first()
    )
    if membership is None:
        raise Http404
    return membership


def membership_in(user, org: Organisation) -> Membership | None:
    """Return the user's membership in `org` (with the organisation loaded), or None."""
    return (
        Membership.objects.select_related("organisation")
        .filter(user=user, organisation=org)
        .first()
    )


def allows(membership: Membership, capability: str | None) -> bool:
    """Return True when `membership` may do what needs `capability` (None: any member)."""
    return capability is None or membership.can(capability)


def org_view(capability: str | None = None):
    """Decorate a view taking `org_slug`: require login, membership and `capability` if given."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, org_slug: str, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            membership = membership_for(request.user, org_slug)
            if not allows(membership, capability):
                raise PermissionDenied
            request.membership = membership
            request.org = membership.organisation
            return view(request, *args, **kwargs)

        wrapper.org_capability = capability
        return wrapper

    return decorator
