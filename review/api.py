"""REST API: a reviewer's or manager's decision on an invitation.

It lives in the review app, beside the decisions it records, so that invitations never
imports review; it shares the serializers and strict validation of invitations.api.views.
"""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from invitations.api.views import DecisionSerializer, Errors, invitation_url, strictly_valid
from invitations.models import Invitation, Recommendation
from organisations.models import Capability
from review.decisions import DecisionRefused, decision_record


class DecisionInput(serializers.Serializer):
    action = serializers.ChoiceField(Recommendation.choices)
    justification = serializers.CharField(required=False, allow_blank=True, default="")
    reverses = serializers.IntegerField(
        required=False,
        allow_null=True,
        default=None,
        help_text="The id of the decision in force, to reverse it (with a justification).",
    )


# A refused decision that conflicts with the invitation's current state is a 409.
_CONFLICTS = frozenset({"pending", "already_decided", "stale", "same_action"})


class InvitationDecisionView(APIView):
    """A reviewer's or manager's decision, recorded as on the web (with audit event and the
    submitter's notification)."""

    capabilities = {"POST": Capability.REVIEW}

    @extend_schema(
        request=DecisionInput,
        responses={201: DecisionSerializer, 400: Errors, 404: Errors, 409: Errors},
        description=(
            "Record a decision (accept, ignore, dont_know, report_spam). One that differs "
            "from the recommendation, and every reversal, needs a justification. An "
            "invitation not evaluated yet or already decided answers 409 with a code."
        ),
    )
    def post(self, request, pk: int):
        invitation = get_object_or_404(Invitation.objects.for_org(request.org), pk=pk)
        data = request.data if isinstance(request.data, dict) else None
        if data is None:
            return Response({"errors": [{"message": "the body must be a JSON object"}]}, 400)
        given, error = strictly_valid(DecisionInput, data)
        if error is not None:
            return error
        try:
            decision = decision_record(
                invitation=invitation,
                action=given["action"],
                actor=request.user,
                justification=given["justification"],
                reverses=given["reverses"],
            )
        except DecisionRefused as exc:
            code = 409 if exc.code in _CONFLICTS else 400
            return Response({"errors": [{"code": exc.code, "message": exc.message}]}, code)
        return Response(
            DecisionSerializer(decision).data,
            status=status.HTTP_201_CREATED,
            headers={"Location": invitation_url(request, invitation.pk)},
        )
