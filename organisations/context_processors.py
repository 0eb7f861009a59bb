from organisations.models import Membership
from organisations.navigation import nav_for


def navigation(request) -> dict:
    """Return the organisation switcher and the current organisation's menu for the base layout."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    context = {
        "my_memberships": list(Membership.objects.for_user(user).select_related("organisation")),
    }
    membership = getattr(request, "membership", None)
    if membership is not None:
        context["org"] = membership.organisation
        context["membership"] = membership
        context["nav_items"] = nav_for(membership, request.path)
    return context
