"""DRF authentication by organisation API token: `Authorization: Bearer vch_…`."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions

from organisations.access import membership_in
from organisations.tokens import api_token_lookup


class OrganisationTokenAuthentication(authentication.BaseAuthentication):
    """Authenticate a request by its bearer token; `request.auth` is the ApiToken, with its
    user's current `membership` attached."""

    keyword = "Bearer"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != self.keyword.lower().encode():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(_("Malformed Authorization header."))
        token = api_token_lookup(header[1].decode("ascii", "replace"))
        if token is None:
            raise exceptions.AuthenticationFailed(_("Unknown or revoked token."))
        # A token outlives nothing: if its user left the organisation, it stops working.
        membership = membership_in(token.user, token.organisation)
        if membership is None:
            raise exceptions.AuthenticationFailed(_("The token's user is no longer a member."))
        # The token acts with its user's current role (see organisations.api_access).
        token.membership = membership
        if token.last_used_at is None or (timezone.now() - token.last_used_at).total_seconds() > 60:
            type(token).objects.filter(pk=token.pk).update(last_used_at=timezone.now())
        return token.user, token

    def authenticate_header(self, request) -> str:
        return self.keyword


class OrganisationTokenScheme(OpenApiAuthenticationExtension):
    target_class = "organisations.api_auth.OrganisationTokenAuthentication"
    name = "OrganisationToken"

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "bearer", "description": "An organisation API token."}
