"""REST API: submit invitations, list and read their outcome (deciding: review.api).

Authenticated by organisation token; each view declares the capability each method needs
(`capabilities`), checked by organisations.api_access.OrganisationAccess with the same
rules as the web: a member reads only their own invitations (others are 404), compliance
reads but cannot submit, reviewers and managers decide.
"""

import difflib

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    PolymorphicProxySerializer,
    extend_schema,
    extend_schema_field,
    inline_serializer,
)
from rest_framework import parsers, serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.pagination import CursorPagination
from rest_framework.response import Response
from rest_framework.views import APIView

from intake.detect import HEAD_BYTES
from intake.errors import ParsedRow
from intake.fields import build_record
from intake.records import INPUT_FIELDS
from invitations.evaluation import stored_hit_message
from invitations.models import Channel, Decision, Invitation, Recommendation, Status, Upload
from invitations.services import (
    IntakeRejected,
    intake_limits,
    intake_summary,
    invitation_import,
    invitation_submit,
)
from invitations.uploads import channel_of, upload_import_now, upload_receive
from organisations.models import Capability
from policy.engine.texts import translate
from policy.roster import RosterRejected
from policy.texts import localised

MAX_API_ITEMS = 5000
_INPUT = frozenset(INPUT_FIELDS)


def unknown_fields(item: dict, allowed) -> list[str]:
    """Return the keys of `item` that are not in `allowed`, in their order."""
    return [key for key in item if key not in allowed]


def unknown_field_message(key: str, allowed) -> str:
    """Return "unknown field" with the closest allowed name as a suggestion, if any."""
    close = difflib.get_close_matches(str(key), sorted(allowed), n=1, cutoff=0.75)
    if close:
        return f"unknown field; did you mean {close[0]!r}?"
    return "unknown field"


def invitation_url(request, invitation_id: int) -> str:
    return request.build_absolute_uri(reverse("api_invitation", kwargs={"pk": invitation_id}))


class DecisionSerializer(serializers.ModelSerializer):
    decided_by = serializers.CharField(source="decided_by.username", default=None)
    reverses = serializers.IntegerField(source="reverses_id", allow_null=True)

    class Meta:
        model = Decision
        fields = ["id", "action", "recommendation", "justification", "reverses", "decided_by"]
        read_only_fields = fields

    def to_representation(self, instance):
        data = super().to_representation(instance)
        data["decided_at"] = serializers.DateTimeField().to_representation(instance.created_at)
        return data


class InvitationOutcomeSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    policy_version = serializers.IntegerField(
        source="evaluation.policy_version.number", allow_null=True, default=None
    )
    scores = serializers.JSONField(source="evaluation.scores", allow_null=True, default=None)
    hits = serializers.SerializerMethodField()

    class Meta:
        model = Invitation
        fields = [
            "id",
            "url",
            "ref",
            "requester_name",
            "channel",
            "status",
            "recommendation",
            "decision",
            "scores",
            "hits",
            "policy_version",
            "created_at",
            "evaluated_at",
            "decided_at",
        ]

    def get_url(self, obj) -> str:
        return invitation_url(self.context["request"], obj.pk)

    def get_hits(self, obj) -> list[dict]:
        if obj.evaluation is None:
            return []
        return [_hit_data(hit) for hit in obj.evaluation.hits]


def _hit_data(hit: dict) -> dict:
    """Return a stored rule hit for the API: the explanation in the request's language, and
    in English and German as before."""
    message = stored_hit_message(hit)
    return {
        "rule": hit["rule"],
        "reason": hit["reason"],
        "weight": hit["weight"],
        "explanation": localised(message),
        "explanation_en": str(message),
        "explanation_de": translate(message, "de"),
    }


class InboundReceiptSerializer(serializers.ModelSerializer):
    """Where a posted e-mail stands: queued, importing, imported (with its invitation) or
    rejected (with every error)."""

    url = serializers.SerializerMethodField()
    invitation = serializers.IntegerField(source="invitation_id", allow_null=True)
    duplicate = serializers.SerializerMethodField()

    class Meta:
        model = Upload
        fields = ["id", "url", "status", "invitation", "duplicate", "errors", "created_at"]

    def get_url(self, obj) -> str:
        return reverse("api_inbound_email_receipt", kwargs={"pk": obj.pk})

    def get_duplicate(self, obj) -> bool:
        return obj.duplicate_count > 0


class InvitationDetailSerializer(InvitationOutcomeSerializer):
    decisions = serializers.SerializerMethodField()

    class Meta(InvitationOutcomeSerializer.Meta):
        fields = [*InvitationOutcomeSerializer.Meta.fields, "decisions"]

    @extend_schema_field(DecisionSerializer(many=True))
    def get_decisions(self, obj) -> list[dict]:
        rows = Decision.objects.filter(invitation_id=obj.pk).select_related("decided_by")
        return DecisionSerializer(rows.order_by("id"), many=True).data


def _error_list(errors) -> list[dict]:
    return [
        {"item": e.line, "field": e.column, "message": localised(e.message), "text": str(e)}
        for e in errors
    ]


_INVITATION_EXAMPLE = {
    "ref": "crm-4711",
    "requester_name": "Jane Roe",
    "requester_company": "Initech",
    "requester_profile_url": "https://www.linkedin.com/in/jane-roe",
    "requester_has_photo": True,
    "mutual_connections": 3,
    "message": "Hi Anna, we met at the Berlin FinTech meetup last week.",
    "worked_together": "no",
    "recognises_name": "yes",
}

_SubmitOne = inline_serializer(
    "InvitationSubmitted",
    {
        "id": serializers.IntegerField(),
        "url": serializers.URLField(),
        "status": serializers.ChoiceField(Status.choices),
        "recommendation": serializers.ChoiceField(Recommendation.choices, allow_null=True),
        "duplicate": serializers.BooleanField(),
    },
)
_SubmitMany = inline_serializer(
    "InvitationsSubmitted",
    {
        "ids": serializers.ListField(child=serializers.IntegerField()),
        "created": serializers.IntegerField(),
        "duplicates": serializers.IntegerField(),
    },
)
Errors = inline_serializer(
    "Errors",
    {
        "errors": serializers.ListField(
            child=inline_serializer(
                "Error",
                {
                    "item": serializers.IntegerField(allow_null=True, required=False),
                    "field": serializers.CharField(allow_null=True, required=False),
                    "code": serializers.CharField(required=False),
                    "message": serializers.CharField(),
                    "text": serializers.CharField(required=False),
                },
            )
        )
    },
)


class InvitationFilters(serializers.Serializer):
    """The query parameters of the invitation list; any other parameter is an error."""

    status = serializers.ChoiceField(Status.choices, required=False)
    recommendation = serializers.ChoiceField(Recommendation.choices, required=False)
    channel = serializers.ChoiceField(Channel.choices, required=False)
    submitted_since = serializers.DateTimeField(required=False)
    cursor = serializers.CharField(required=False)
    page_size = serializers.IntegerField(required=False, min_value=1, max_value=500)


class InvitationCursor(CursorPagination):
    ordering = "-id"
    page_size = 100
    page_size_query_param = "page_size"
    max_page_size = 500


def strictly_valid(serializer_class, data: dict) -> tuple[dict | None, Response | None]:
    """Return (validated data, None), or (None, a 400 naming every unknown or invalid key),
    so that a misspelt parameter or field is never silently ignored."""
    allowed = set(serializer_class().fields)
    errors = [
        {"field": key, "message": unknown_field_message(key, allowed)}
        for key in unknown_fields(data, allowed)
    ]
    given = serializer_class(data=data)
    if not given.is_valid():
        errors += [
            {"field": key, "message": " ".join(str(m) for m in messages)}
            for key, messages in given.errors.items()
        ]
    if errors:
        return None, Response({"errors": errors}, status=400)
    return given.validated_data, None


class InvitationListView(APIView):
    """GET lists the invitations the token may read; POST submits one or many."""

    capabilities = {"GET": None, "POST": Capability.SUBMIT}

    @extend_schema(
        operation_id="v1_invitations_list",
        parameters=[InvitationFilters],
        responses={
            200: inline_serializer(
                "InvitationPage",
                {
                    "next": serializers.URLField(allow_null=True),
                    "previous": serializers.URLField(allow_null=True),
                    "results": InvitationOutcomeSerializer(many=True),
                },
            ),
            400: Errors,
        },
        description=(
            "The invitations this token's user may read, newest first: all of the "
            "organisation's for reviewers, compliance and managers, their own for members. "
            "Filter by status, recommendation, channel and submitted_since (ISO 8601); page "
            "with the `next` and `previous` cursor links. An unknown parameter is a 400."
        ),
    )
    def get(self, request):
        filters, error = strictly_valid(InvitationFilters, request.query_params.dict())
        if error is not None:
            return error
        rows = (
            Invitation.objects.for_org(request.org)
            .visible_to(request.membership)
            .select_related("evaluation__policy_version")
        )
        for key in ("status", "recommendation", "channel"):
            if key in filters:
                rows = rows.filter(**{key: filters[key]})
        if "submitted_since" in filters:
            rows = rows.filter(created_at__gte=filters["submitted_since"])
        paginator = InvitationCursor()
        try:
            page = paginator.paginate_queryset(rows, request, view=self)
        except NotFound:
            message = "is not a cursor of this list; follow the next and previous links"
            return Response({"errors": [{"field": "cursor", "message": message}]}, status=400)
        data = InvitationOutcomeSerializer(page, many=True, context={"request": request}).data
        return paginator.get_paginated_response(data)

    @extend_schema(
        request=OpenApiTypes.OBJECT,
        responses={
            200: _SubmitOne,
            201: PolymorphicProxySerializer(
                component_name="InvitationsCreated",
                serializers=[_SubmitOne, _SubmitMany],
                resource_type_field_name=None,
            ),
            400: Errors,
        },
        examples=[OpenApiExample("One invitation", value=_INVITATION_EXAMPLE)],
        description=(
            "Submit one invitation (a JSON object) or many (a JSON array) with the fields of "
            "the CSV template. If any item is invalid, or has a field that is not one of "
            "them, nothing is stored and every error is listed with its item index (1-based) "
            "and field. One new invitation answers 201 with its `Location`, status and "
            "recommendation (null until it is evaluated); a duplicate answers 200 with the "
            "existing one."
        ),
    )
    def post(self, request):
        org = request.org
        items = request.data if isinstance(request.data, list) else [request.data]
        if not items:
            return Response({"errors": [{"message": "no invitations given"}]}, status=400)
        if len(items) > MAX_API_ITEMS:
            return Response(
                {"errors": [{"message": f"{len(items)} items; the limit is {MAX_API_ITEMS}"}]},
                status=400,
            )
        rows = []
        limits = intake_limits()
        for index, item in enumerate(items, start=1):
            if not isinstance(item, dict):
                record, errors = None, [_item_error(index, None, "each item must be a JSON object")]
            else:
                record, errors = build_record(item, "request", index, limits)
                unknown = [
                    _item_error(index, str(key), unknown_field_message(key, _INPUT))
                    for key in unknown_fields(item, _INPUT)
                ]
                if unknown:
                    record, errors = None, [*unknown, *errors]
            rows.append(ParsedRow(index, record, errors))
        if not isinstance(request.data, list):
            row = rows[-1]
            if row.errors:
                return Response({"errors": _error_list(row.errors)}, status=400)
            try:
                invitation, created = invitation_submit(
                    org=org, submitter=request.user, channel=Channel.API, record=row.record
                )
            except IntakeRejected as exc:
                return Response({"errors": _error_list(exc.errors)}, status=400)
            # Evaluation may already have run (in-process tasks, or a fast worker).
            invitation.refresh_from_db(fields=["status", "recommendation"])
            url = invitation_url(request, invitation.pk)
            return Response(
                {
                    "id": invitation.pk,
                    "url": url,
                    "status": invitation.status,
                    "recommendation": invitation.recommendation or None,
                    "duplicate": not created,
                },
                status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
                headers={"Location": url},
            )
        try:
            outcome = invitation_import(
                org=org,
                submitter=request.user,
                channel=Channel.API,
                rows=rows,
                filename="request",
            )
        except IntakeRejected as exc:
            return Response({"errors": _error_list(exc.errors)}, status=400)
        return Response(
            {
                "ids": outcome.created_ids,
                "created": outcome.created,
                "duplicates": outcome.duplicates,
            },
            status=status.HTTP_201_CREATED,
        )


def _item_error(index: int, field: str | None, message: str):
    from intake.errors import IntakeError

    return IntakeError("request", index, field, message)


class InvitationFileView(APIView):
    """POST a file as the upload page takes it: CSV template, Invitations.csv, export ZIP, …"""

    parser_classes = [parsers.MultiPartParser]
    capabilities = {"POST": Capability.SUBMIT}

    @extend_schema(
        request={
            "multipart/form-data": inline_serializer(
                "InvitationFile", {"file": serializers.FileField()}
            )
        },
        responses={201: OpenApiTypes.OBJECT, 400: OpenApiTypes.OBJECT},
        description=(
            "Import one file the way the upload page does. A LinkedIn export ZIP also "
            "imports the token user's Connections.csv as their roster, and invitations from "
            "people already in it are skipped (`already_connected`). If the file has any "
            "error nothing is stored and every error is listed with file, line and column."
        ),
    )
    def post(self, request):
        uploaded = request.FILES.get("file")
        if uploaded is None:
            return Response({"errors": [{"message": "send the file in the field 'file'"}]}, 400)
        head = uploaded.file.read(HEAD_BYTES)
        uploaded.file.seek(0)
        try:
            outcome, roster = upload_import_now(
                org=request.org,
                submitter=request.user,
                fileobj=uploaded.file,
                filename=uploaded.name,
                channel=channel_of(head, uploaded.name),
            )
        except (IntakeRejected, RosterRejected) as exc:
            return Response({"errors": _error_list(exc.errors)}, status=400)
        return Response(
            {
                "ids": outcome.created_ids,
                "created": outcome.created,
                "duplicates": outcome.duplicates,
                "already_connected": outcome.already_connected,
                "outgoing": outcome.outgoing,
                "no_incoming_invitations": outcome.no_incoming,
                "roster_contacts": roster.created if roster is not None else 0,
                "summary": intake_summary(outcome, roster),
            },
            status=status.HTTP_201_CREATED,
        )


class InvitationDetailView(APIView):
    """One invitation the token may read: status, recommendation, hits and decisions."""

    capabilities = {"GET": None}

    @extend_schema(responses={200: InvitationDetailSerializer})
    def get(self, request, pk: int):
        invitation = get_object_or_404(
            Invitation.objects.for_org(request.org)
            .visible_to(request.membership)
            .select_related("evaluation__policy_version"),
            pk=pk,
        )
        return Response(InvitationDetailSerializer(invitation, context={"request": request}).data)


class RawMessageParser(parsers.BaseParser):
    """Take the request body as bytes: what mail gateways post (message/rfc822)."""

    media_type = "*/*"

    def parse(self, stream, media_type=None, parser_context=None) -> bytes:
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        data = stream.read(limit + 1) if stream is not None else b""
        if len(data) > limit:
            raise serializers.ValidationError(f"the message is larger than {limit:,} bytes")
        return data


class InboundEmailView(APIView):
    """A mail gateway posts one raw MIME message; a worker makes it an invitation of the
    token's organisation. The answer is 202 with a receipt to look the outcome up by."""

    parser_classes = [RawMessageParser]
    capabilities = {"POST": Capability.SUBMIT}

    @extend_schema(
        request={"message/rfc822": OpenApiTypes.BINARY},
        responses={
            202: InboundReceiptSerializer,
            400: OpenApiTypes.OBJECT,
        },
    )
    def post(self, request):
        data = request.data
        if not isinstance(data, bytes | bytearray) or not data:
            return Response({"errors": [{"message": "the body must be a raw e-mail"}]}, 400)
        receipt = upload_receive(
            org=request.org,
            submitter=request.user,
            content=bytes(data),
            filename="inbound.eml",
            channel=Channel.INBOUND,
        )
        body = InboundReceiptSerializer(receipt).data
        response = Response(body, status=status.HTTP_202_ACCEPTED)
        response["Location"] = body["url"]
        return response


class InboundReceiptView(APIView):
    """What became of an e-mail this token posted."""

    capabilities = {"GET": Capability.SUBMIT}

    @extend_schema(responses=InboundReceiptSerializer)
    def get(self, request, pk: int):
        receipt = get_object_or_404(
            Upload.objects.for_org(request.org).filter(
                channel=Channel.INBOUND, submitter=request.user
            ),
            pk=pk,
        )
        return Response(InboundReceiptSerializer(receipt).data)
