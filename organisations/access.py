"""The one place where organisation scoping and roles are checked for pages.

Every view under /o/<slug>/ is wrapped in `org_view`: a non-member gets 404 (we
do not even confirm the organisation exists), a member without the capability
gets 403, and the view receives the organisation and membership on `request`.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404

from organisations.models import Membership


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


def org_view(capability: str | None = None):
    """Decorate a view taking `org_slug`: require login, membership and `capability` if given."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, org_slug: str, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            membership = membership_for(request.user, org_slug)
            if capability is not None and not membership.can(capability):
                raise PermissionDenied
            request.membership = membership
            request.org = membership.organisation
            return view(request, *args, **kwargs)

        wrapper.org_capability = capability
        return wrapper

    return decorator
