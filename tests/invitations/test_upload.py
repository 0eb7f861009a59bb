"""Uploading files on the submit page: formats, the export ZIP, and rejection of bad files."""

import io
import zipfile
from pathlib import Path

import pytest
from django.urls import reverse

from invitations.models import Channel, Invitation, Upload
from policy.models import RosterContact

FIXTURES = Path(__file__).parents[1] / "intake" / "fixtures"


def _upload(client, org, name: str, data: bytes):
    upload = io.BytesIO(data)
    upload.name = name
    return client.post(
        reverse("invitation_upload", kwargs={"org_slug": org.slug}), {"file": upload}
    )


@pytest.fixture
def upload_imported(eager_tasks, django_capture_on_commit_callbacks):
    """Return _upload that also runs the upload's import task in-process, as on commit."""

    def _upload_imported(client, org, name: str, data: bytes):
        with django_capture_on_commit_callbacks(execute=True):
            return _upload(client, org, name, data)

    return _upload_imported


def _export_zip(*, with_connections: bool = True) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "Basic_LinkedInDataExport_11-20-2026/Invitations.csv",
            (FIXTURES / "invitations_2026.csv").read_bytes(),
        )
        if with_connections:
            archive.writestr(
                "Basic_LinkedInDataExport_11-20-2026/Connections.csv",
                (FIXTURES / "connections_2026.csv").read_bytes(),
            )
    return buffer.getvalue()


@pytest.mark.django_db
def test_the_export_zip_brings_invitations_and_the_submitters_roster(
    org, member, login, upload_imported
):
    client = login(member)
    response = upload_imported(client, org, "export.zip", _export_zip())
    assert response.status_code == 302
    assert response["Location"].startswith(f"/o/{org.slug}/submit/uploads/")
    invitations = Invitation.objects.for_org(org)
    assert invitations.exists()
    assert set(invitations.values_list("channel", flat=True)) == {Channel.EXPORT}
    contacts = RosterContact.objects.for_org(org)
    assert contacts.exists()
    assert set(contacts.values_list("owner", flat=True)) == {member.pk}
    follow = client.get(response["Location"])
    assert "connections added to your roster" in follow.content.decode()


@pytest.mark.django_db
def test_an_export_without_connections_still_brings_its_invitations(
    org, member, login, upload_imported
):
    response = upload_imported(
        login(member), org, "export.zip", _export_zip(with_connections=False)
    )
    assert response.status_code == 302
    assert Invitation.objects.for_org(org).exists()
    assert not RosterContact.objects.exists()


@pytest.mark.django_db
def test_linkedin_invitations_csv_keeps_only_incoming_rows(org, member, login):
    data = (
        b"From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"
        b'Jane Roe,Mia Member,"7/8/26, 3:43 PM",Hi Mia,INCOMING,https://www.linkedin.com/in/jane,\n'
        b'Mia Member,Bob,"7/9/26, 9:00 AM",,OUTGOING,,https://www.linkedin.com/in/bob\n'
    )
    assert _upload(login(member), org, "Invitations.csv", data).status_code == 302
    assert list(Invitation.objects.values_list("requester_name", flat=True)) == ["Jane Roe"]


@pytest.mark.django_db
def test_an_unrecognised_file_is_refused_with_what_is_accepted(org, member, login):
    response = _upload(login(member), org, "notes.txt", b"just some text\nand more\n")
    assert response.status_code == 400
    assert "notes.txt" in response.content.decode()
    assert not Invitation.objects.exists()


@pytest.mark.django_db
def test_a_row_submitted_earlier_counts_as_a_duplicate_not_an_error(org, member, login):
    data = b"requester_name,message\nJane Roe,Hi there we met in Berlin\n"
    client = login(member)
    assert _upload(client, org, "a.csv", data).status_code == 302
    response = _upload(client, org, "b.csv", data)
    assert response.status_code == 302
    assert Invitation.objects.count() == 1
    follow = client.get(response["Location"])
    assert "submitted before and skipped" in follow.content.decode()


@pytest.mark.django_db
def test_the_template_can_be_downloaded_and_uploaded_back(org, member, login):
    client = login(member)
    template = client.get(reverse("invitation_template", kwargs={"org_slug": org.slug}))
    assert template["Content-Disposition"].startswith("attachment")
    response = _upload(client, org, "template.csv", template.content)
    assert response.status_code == 302
    assert Invitation.objects.count() == 2


def _export_of(connections: bytes, invitations: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("Basic_LinkedInDataExport_11-20-2026/Connections.csv", connections)
        archive.writestr("Basic_LinkedInDataExport_11-20-2026/Invitations.csv", invitations)
    return buffer.getvalue()


EXPORTS = FIXTURES / "exports"
MOSTLY_CONNECTED = _export_of(
    (EXPORTS / "connections_excel_us.csv").read_bytes(),
    (EXPORTS / "invitations_mostly_connected.csv").read_bytes(),
)


@pytest.mark.django_db
def test_invitations_from_people_already_connected_are_skipped_and_the_page_says_so(
    org, member, login, upload_imported
):
    client = login(member)
    response = upload_imported(client, org, "export.zip", MOSTLY_CONNECTED)
    assert response.status_code == 302
    assert sorted(Invitation.objects.for_org(org).values_list("requester_name", flat=True)) == [
        "Kim Meier",
        "Rocket Growth",
    ]
    page = " ".join(client.get(response["Location"]).content.decode().split())
    assert "4 already connected, skipped; 2 invitations imported" in page
    assert "4 connections added to your roster" in page


@pytest.mark.django_db
def test_a_file_of_sent_invitations_says_there_are_no_incoming_invitations(org, member, login):
    client = login(member)
    data = (EXPORTS / "invitations_outgoing_only.csv").read_bytes()
    response = _upload(client, org, "Invitations.csv", data)
    assert response.status_code == 302
    assert not Invitation.objects.exists()
    page = client.get(response["Location"]).content.decode()
    assert "No incoming invitations in this file: all 2 invitations are ones you sent" in page


@pytest.mark.django_db
def test_an_excel_resaved_export_with_semicolons_imports(org, member, login, upload_imported):
    data = _export_of(
        (EXPORTS / "connections_excel_de_cp1252.csv").read_bytes(),
        (EXPORTS / "invitations_excel_de.csv").read_bytes(),
    )
    assert upload_imported(login(member), org, "export.zip", data).status_code == 302
    assert list(Invitation.objects.values_list("requester_name", flat=True)) == ["Sabine Vogel"]
    assert sorted(RosterContact.objects.values_list("name", flat=True)) == [
        "Jürgen Müller",
        "Zoë Lefèvre",
    ]


@pytest.mark.django_db
def test_a_bad_connections_csv_rejects_the_export_naming_file_line_and_column(
    org, member, login, upload_imported
):
    data = _export_of(
        b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        b"Kim,Meier,https://www.linkedin.com/in/kim,,,,31-Feb-26\n",
        (FIXTURES / "invitations_2026.csv").read_bytes(),
    )
    response = upload_imported(login(member), org, "export.zip", data)
    assert response.status_code == 302
    upload = Upload.objects.get()
    assert upload.status == "rejected"
    assert [(e["file"], e["line"], e["column"], e["message"]) for e in upload.errors] == [
        (
            "export.zip/Basic_LinkedInDataExport_11-20-2026/Connections.csv",
            2,
            "Connected On",
            "'31-Feb-26' is not a real date",
        )
    ]
    assert not Invitation.objects.exists() and not RosterContact.objects.exists()


@pytest.mark.django_db
def test_the_api_takes_the_export_zip_and_counts_what_it_skipped(org, member, client):
    from organisations.tokens import api_token_create

    _token, key = api_token_create(org=org, name="cli", user=member, actor=member)
    upload = io.BytesIO(MOSTLY_CONNECTED)
    upload.name = "export.zip"
    response = client.post(
        "/api/v1/invitations/file", {"file": upload}, headers={"authorization": f"Bearer {key}"}
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["created"], body["already_connected"], body["outgoing"]) == (2, 4, 1)
    assert body["summary"].startswith("4 already connected, skipped; 2 invitations imported")
    assert sorted(body["ids"]) == sorted(Invitation.objects.values_list("id", flat=True))


@pytest.mark.django_db
def test_the_api_lists_every_error_of_a_rejected_file(org, member, client):
    from organisations.tokens import api_token_create

    _token, key = api_token_create(org=org, name="cli", user=member, actor=member)
    upload = io.BytesIO(b"From,To,Sent At,Message,Direction\nKim,P,soon,,INCOMING\n")
    upload.name = "Invitations.csv"
    response = client.post(
        "/api/v1/invitations/file", {"file": upload}, headers={"authorization": f"Bearer {key}"}
    )
    assert response.status_code == 400
    (error,) = response.json()["errors"]
    assert (error["item"], error["field"]) == (2, "Sent At")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "data", "channel"),
    [
        (
            "invite.eml",
            (FIXTURES / "real" / "imapdigester_test_linkedin_invitations_INCOMING_1.eml"),
            Channel.EMAIL,
        ),
        (
            "invitations.jsonl",
            b'{"requester_name": "Jo Lines", "message": "Hi"}\n',
            Channel.JSONL,
        ),
        ("invitations.csv", b"requester_name,message\nCarla Comma,Hello\n", Channel.CSV),
    ],
)
def test_each_upload_is_labelled_with_the_channel_it_came_by(
    org, member, login, name, data, channel
):
    raw = data.read_bytes() if isinstance(data, Path) else data
    response = _upload(login(member), org, name, raw)
    assert response.status_code == 302, response.content.decode()[:2000]
    if channel == Channel.EMAIL:
        # E-mails are parsed by a worker; the stored upload carries the channel on.
        assert Upload.objects.get().channel == Channel.EMAIL
        return
    invitation = Invitation.objects.get()
    assert invitation.channel == channel
    assert invitation.batch.channel == channel
    assert "CSV upload" not in str(invitation.get_channel_display()) or channel == Channel.CSV


@pytest.mark.django_db
def test_upload_errors_are_shown_in_the_readers_language(org, member, login):
    client = login(member)
    data = b"requester_name,requester_country,mutual_connections\nKim,Germany,-2\n"
    upload = io.BytesIO(data)
    upload.name = "bad.csv"
    response = client.post(
        reverse("invitation_upload", kwargs={"org_slug": org.slug}),
        {"file": upload},
        HTTP_ACCEPT_LANGUAGE="de",
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "ist kein zweibuchstabiger ISO-3166-Ländercode; schreiben Sie DE für Germany" in html
    assert "-2 ist negativ" in html
    assert "is negative" not in html
