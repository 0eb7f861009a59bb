"""REST API: submit invitations and read their outcome, authenticated by organisation token."""

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, extend_schema, inline_serializer
from rest_framework import parsers, serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from invitations.i18n import localised
from invitations.intake.detect import HEAD_BYTES
from invitations.intake.errors import ParsedRow
from invitations.intake.fields import build_record
from invitations.models import Channel, Invitation, Upload
from invitations.services import (
    IntakeRejected,
    intake_limits,
    intake_summary,
    invitation_import,
    invitation_submit,
)
from invitations.uploads import channel_of, upload_import_now, upload_receive
from policy.roster import RosterRejected

MAX_API_ITEMS = 5000


class InvitationOutcomeSerializer(serializers.ModelSerializer):
    policy_version = serializers.IntegerField(
        source="evaluation.policy_version.number", allow_null=True, default=None
    )
    scores = serializers.JSONField(source="evaluation.scores", allow_null=True, default=None)
    hits = serializers.SerializerMethodField()

    class Meta:
        model = Invitation
        fields = [
            "id",
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

    def get_hits(self, obj) -> list[dict]:
        if obj.evaluation is None:
            return []
        return [
            {
                "rule": h["rule"],
                "reason": h["reason"],
                "weight": h["weight"],
                "explanation": h["en"],
                "explanation_de": h["de"],
            }
            for h in obj.evaluation.hits
        ]


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


class InvitationListView(APIView):
    """POST one invitation (an object) or many (a list); every item is checked first."""

    @extend_schema(
        request=OpenApiTypes.OBJECT,
        responses={201: OpenApiTypes.OBJECT, 400: OpenApiTypes.OBJECT},
        examples=[OpenApiExample("One invitation", value=_INVITATION_EXAMPLE)],
        description=(
            "Submit one invitation (a JSON object) or many (a JSON array) with the fields of "
            "the CSV template. If any item is invalid nothing is stored and every error is "
            "listed with its item index (1-based) and field."
        ),
    )
    def post(self, request):
        token = request.auth
        org = token.organisation
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
                record, errors = None, [_item_error(index, "each item must be a JSON object")]
            else:
                record, errors = build_record(item, "request", index, limits)
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
            return Response(
                {"id": invitation.pk, "status": invitation.status, "duplicate": not created},
                status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
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


def _item_error(index: int, message: str):
    from invitations.intake.errors import IntakeError

    return IntakeError("request", index, None, message)


class InvitationFileView(APIView):
    """POST a file as the upload page takes it: CSV template, Invitations.csv, export ZIP, …"""

    parser_classes = [parsers.MultiPartParser]

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
                org=request.auth.organisation,
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
    @extend_schema(responses=InvitationOutcomeSerializer)
    def get(self, request, pk: int):
        invitation = get_object_or_404(
            Invitation.objects.for_org(request.auth.organisation).select_related(
                "evaluation__policy_version"
            ),
            pk=pk,
        )
        return Response(InvitationOutcomeSerializer(invitation).data)


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
            org=request.auth.organisation,
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
    @extend_schema(responses=InboundReceiptSerializer)
    def get(self, request, pk: int):
        receipt = get_object_or_404(
            Upload.objects.for_org(request.auth.organisation).filter(channel=Channel.INBOUND),
            pk=pk,
        )
        return Response(InboundReceiptSerializer(receipt).data)
