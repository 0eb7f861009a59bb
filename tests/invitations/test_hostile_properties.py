"""Generated hostile values thrown at every intake channel: never a 5xx, nothing stored on
rejection. Form, CSV, JSON lines, ZIP, .eml, API, inbound e-mail, policy import, query strings."""

import io
import json
import zipfile

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intake.records import INPUT_FIELDS
from invitations.models import Channel, Invitation, Upload, UploadStatus
from invitations.uploads import upload_import, upload_receive
from organisations.tokens import api_token_create
from policy.models import Policy

pytestmark = pytest.mark.django_db

SETTINGS = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Characters that break storage or parsers: NUL and controls, lone surrogates, quotes,
# separators, digits int() refuses, bidi overrides, and plain letters.
HOSTILE_CHARS = st.one_of(
    st.sampled_from(list('\x00\x01\x1b\r\n\t",;\\{}[]<>()=?%²٣\u202e\ufeff\uffff')),
    st.characters(categories=["Cs"]),
    st.characters(codec="utf-8"),
)
HOSTILE_TEXT = st.one_of(
    st.text(HOSTILE_CHARS, max_size=40),
    st.builds(lambda c, n: c * n, HOSTILE_CHARS, st.integers(200, 20_000)),
    st.sampled_from(
        [
            "0001-01-01T00:00:00+01:00",
            "9999-12-31T23:59:59-14:00",
            "1" + "0" * 400,
            "-1",
            "1e400",
            "NaN",
            "[" * 1000,
            "=cmd|' /C calc'!A0",
            "",
        ]
    ),
)
HOSTILE_JSON = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(10**400), max_value=10**400),
        st.floats(allow_nan=False, allow_infinity=False),
        HOSTILE_TEXT,
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)
HOSTILE_RECORD = st.dictionaries(
    st.sampled_from(INPUT_FIELDS), HOSTILE_TEXT, min_size=1, max_size=4
).map(lambda r: {"requester_name": "Kim Example", **r})


def _bytes(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


def _no_surrogates(text: str) -> str:
    return text.encode("utf-8", "replace").decode("utf-8")


def _csv(record: dict) -> bytes:
    names = list(record)
    cells = ['"' + str(record[n]).replace('"', '""') + '"' for n in names]
    return _bytes(",".join(names) + "\n" + ",".join(cells) + "\n")


def _assert_refused_or_stored(status: int, before: int) -> None:
    assert status < 500
    if 400 <= status < 500:
        assert Invitation.objects.count() == before


def _post_file(client, url: str, name: str, data: bytes):
    upload = io.BytesIO(data)
    upload.name = name
    return client.post(url, {"file": upload})


def _stored_upload(org, member, name, data, channel) -> tuple[str, Upload]:
    upload = upload_receive(org=org, submitter=member, content=data, filename=name, channel=channel)
    status = upload_import(upload_id=upload.pk, claim="property")
    upload.refresh_from_db()
    return status, upload


def _post_api(client, api_key: str, body) -> None:
    before = Invitation.objects.count()
    response = client.post(
        "/api/v1/invitations",
        json.dumps(body),
        content_type="application/json",
        headers={"authorization": f"Bearer {api_key}"},
    )
    _assert_refused_or_stored(response.status_code, before)


@pytest.fixture
def api_key(org, manager):
    return api_token_create(org=org, name="fuzz", user=manager, actor=manager)[1]


@SETTINGS
@given(record=HOSTILE_RECORD)
def test_the_api_never_answers_5xx(client, api_key, record):
    _post_api(client, api_key, record)


@SETTINGS
@given(body=HOSTILE_JSON)
def test_the_api_never_answers_5xx_for_any_json_document(client, api_key, body):
    _post_api(client, api_key, body)


@SETTINGS
@given(record=HOSTILE_RECORD)
def test_the_form_never_answers_5xx(org, member, login, record):
    client = login(member)
    before = Invitation.objects.count()
    data = {key: _no_surrogates(value) for key, value in record.items()}
    response = client.post(reverse("invitation_submit", kwargs={"org_slug": org.slug}), data)
    _assert_refused_or_stored(response.status_code, before)


@SETTINGS
@given(record=HOSTILE_RECORD, as_jsonl=st.booleans())
def test_csv_and_json_lines_uploads_never_answer_5xx(org, member, login, record, as_jsonl):
    client = login(member)
    before = Invitation.objects.count()
    if as_jsonl:
        name, data = "fuzz.jsonl", json.dumps(record).encode() + b"\n"
    else:
        name, data = "fuzz.csv", _csv(record)
    response = _post_file(
        client, reverse("invitation_upload", kwargs={"org_slug": org.slug}), name, data
    )
    _assert_refused_or_stored(response.status_code, before)


@SETTINGS
@given(sender=HOSTILE_TEXT, message=HOSTILE_TEXT, sent=HOSTILE_TEXT)
def test_export_zips_never_fail_the_worker(org, member, sender, message, sent):
    row = {"From": sender or "x", "To": "Mia", "Sent At": sent, "Message": message}
    row |= {"Direction": "INCOMING", "inviterProfileUrl": "", "inviteeProfileUrl": ""}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("Export/Invitations.csv", _csv(row))
    before = Invitation.objects.count()
    status, upload = _stored_upload(org, member, "fuzz.zip", buffer.getvalue(), Channel.EXPORT)
    assert status in (UploadStatus.IMPORTED, UploadStatus.REJECTED)
    if status == UploadStatus.REJECTED:
        assert Invitation.objects.count() == before and upload.errors


def _eml(sender: str, subject: str, content_type: str, body: str) -> bytes:
    return _bytes(
        f"From: {sender}\r\nTo: mia@example.com\r\nSubject: {subject}\r\n"
        f"Date: Mon, 2 Nov 2026 10:00:00 +0000\r\nContent-Type: {content_type}\r\n\r\n{body}\r\n"
    )


EML_PARTS = {
    "sender": st.one_of(HOSTILE_TEXT, st.just("Kim <kim@example.com>")),
    "subject": HOSTILE_TEXT,
    "content_type": st.one_of(HOSTILE_TEXT, st.just("text/plain; charset=utf-8")),
    "body": HOSTILE_TEXT,
}


@settings(SETTINGS, max_examples=15)
@given(**EML_PARTS)
def test_uploaded_e_mails_never_fail_the_worker(org, member, sender, subject, content_type, body):
    before = Invitation.objects.count()
    data = _eml(sender, subject, content_type, body)
    status, upload = _stored_upload(org, member, "fuzz.eml", data, Channel.EMAIL)
    assert status in (UploadStatus.IMPORTED, UploadStatus.REJECTED)
    if status == UploadStatus.REJECTED:
        assert Invitation.objects.count() == before and upload.errors


@settings(SETTINGS, max_examples=15)
@given(**EML_PARTS)
def test_the_inbound_endpoint_accepts_then_the_worker_decides(
    client, api_key, sender, subject, content_type, body
):
    before = Invitation.objects.count()
    response = client.post(
        "/api/v1/inbound-email",
        data=_eml(sender, subject, content_type, body),
        content_type="message/rfc822",
        headers={"authorization": f"Bearer {api_key}"},
    )
    assert response.status_code == 202
    status = upload_import(upload_id=response.json()["id"], claim="property")
    assert status in (UploadStatus.IMPORTED, UploadStatus.REJECTED)
    if status == UploadStatus.REJECTED:
        assert Invitation.objects.count() == before


@SETTINGS
@given(value=HOSTILE_JSON, where=st.sampled_from(["weight", "threshold", "rule", "top"]))
def test_policy_imports_never_answer_5xx(org, manager, login, value, where):
    document = {
        "weight": {"rules": {"no_note": {"weight": value}}},
        "threshold": {"thresholds": {"report_spam": value}},
        "rule": {"rules": {"no_note": value}},
        "top": value,
    }[where]
    client = login(manager)
    drafts = list(Policy.objects.filter(organisation=org).values_list("draft", flat=True))
    response = _post_file(
        client,
        reverse("policy_import", kwargs={"org_slug": org.slug}),
        "policy.json",
        json.dumps(document).encode(),
    )
    assert response.status_code < 500
    if response.status_code >= 400:
        after = list(Policy.objects.filter(organisation=org).values_list("draft", flat=True))
        assert after == drafts


QUERY_PAGES = (
    ("review_queue", {}),
    ("invitation_mine", {}),
    ("audit_log", {}),
    ("insights_dashboard", {}),
    ("insights_rules", {}),
    ("insights_rule_invitations", {"rule": "no_note"}),
    ("policy_versions", {}),
)


@SETTINGS
@given(
    params=st.dictionaries(
        st.sampled_from(
            ["before", "after", "page", "q", "figure", "show", "recommendation", "status"]
            + ["policy_version", "date_from", "date_to", "channel", "sort", "format"]
        ),
        HOSTILE_TEXT.map(_no_surrogates),
        max_size=4,
    )
)
def test_query_parameters_never_answer_5xx(org, manager, login, params):
    from django.urls import NoReverseMatch

    client = login(manager)
    for name, kwargs in QUERY_PAGES:
        try:
            url = reverse(name, kwargs={"org_slug": org.slug, **kwargs})
        except NoReverseMatch:
            continue
        response = client.get(url, params)
        assert response.status_code < 500, (url, params)
