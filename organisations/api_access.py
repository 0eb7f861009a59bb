"""The web's access rules for the REST API, and a rate limit per token.

Every API view declares `capabilities`: for each HTTP method the capability its token's
membership needs (None: any member), exactly as pages declare theirs with `org_view`.
A method a view handles but does not declare is refused, so a new endpoint is closed
until someone says who may use it.
"""

import logging

from django.conf import settings
from django.core.cache import caches
from rest_framework.permissions import BasePermission
from rest_framework.throttling import SimpleRateThrottle

from organisations.access import allows

logger = logging.getLogger(__name__)


class OrganisationAccess(BasePermission):
    """Allow a request when its token's membership grants the view's capability for the
    method; sets `request.membership` and `request.org` for the view."""

    message = "Your role in this organisation does not allow this."

    def has_permission(self, request, view) -> bool:
        membership = getattr(request.auth, "membership", None)
        if membership is None:
            return False
        request.membership = membership
        request.org = membership.organisation
        method = request.method.lower()
        if method == "options" or not hasattr(view, method):
            # OPTIONS describes the endpoint; an unhandled method is answered 405.
            return True
        declared = getattr(view, "capabilities", {})
        if request.method not in declared:
            return False
        return allows(membership, declared[request.method])


class TokenRateThrottle(SimpleRateThrottle):
    """At most VOUCH_API_THROTTLE_RATE requests per API token ("600/minute"; empty: off),
    counted in the shared "throttle" cache so every web process sees the same count.

    If the cache cannot be reached the request is let through: a rate limit must not
    turn a broker outage into failed submissions."""

    scope = "api_token"

    def __init__(self) -> None:
        self.cache = caches["throttle"]
        super().__init__()

    def get_rate(self) -> str | None:
        return settings.VOUCH_API_THROTTLE_RATE or None

    def get_cache_key(self, request, view) -> str | None:
        token = request.auth
        if token is None or getattr(token, "pk", None) is None:
            return None
        return f"vouch:throttle:token:{token.pk}"

    def allow_request(self, request, view) -> bool:
        try:
            return super().allow_request(request, view)
        except Exception:
            logger.warning("API throttle cache unavailable; request allowed", exc_info=True)
            return True
