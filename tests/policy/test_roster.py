"""The roster: members share their LinkedIn connections, managers a contact list."""

import datetime as dt
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from audit.models import Action, AuditEvent
from intake import ParsedRow, read_roster
from policy.models import RosterContact
from policy.roster import RosterRejected, roster_import, roster_import_file
from policy.services import roster_matches
from tests.policy.conftest import FIXTURES

pytestmark = pytest.mark.django_db


def _file(name: str, content: bytes | None = None) -> SimpleUploadedFile:
    if content is None:
        content = (FIXTURES / name).read_bytes()
    return SimpleUploadedFile(name, content, content_type="text/csv")


def _entries(org, **filters):
    return list(
        RosterContact.objects.for_org(org)
        .filter(**filters)
        .order_by("name")
        .values_list("name", "name_key", "profile_key", "company", "source", "owner")
    )


def test_a_connections_csv_with_the_notes_preamble_is_imported_with_normalised_keys(org, member):
    with (FIXTURES / "Connections.csv").open("rb") as handle:
        outcome = roster_import(
            org=org,
            owner=member,
            source="linkedin",
            rows=read_roster(handle, "Connections.csv"),
            filename="Connections.csv",
        )
    assert (outcome.created, outcome.replaced) == (3, 0)
    assert _entries(org) == [
        ("Jane Roe", "jane roe", "linkedin.com/in/jane-roe", "Initech", "linkedin", member.pk),
        (
            "Jürgen Müller-Lüdenscheidt",
            "jurgen muller ludenscheidt",
            "linkedin.com/in/juergen-mueller",
            "Acme Deutschland GmbH & Co. KG",
            "linkedin",
            member.pk,
        ),
        ("Kim Lee", "kim lee", "linkedin.com/in/kim-lee", "Globex", "linkedin", member.pk),
    ]
    jane = RosterContact.objects.get(name="Jane Roe")
    assert jane.position == "Head of Billing"
    assert jane.connected_on == dt.date(2026, 2, 8)
    event = AuditEvent.objects.for_org(org).get(action=Action.ROSTER_IMPORTED)
    assert event.actor_id == member.pk
    assert event.data["created"] == 3 and event.data["source"] == "linkedin"


def test_the_roster_is_what_the_engine_sees_as_known_contacts(org, member):
    with (FIXTURES / "Connections.csv").open("rb") as handle:
        roster_import_file(
            org=org, owner=member, source="linkedin", fileobj=handle, filename="Connections.csv"
        )
    matches = roster_matches(
        org=org,
        name_keys={"jurgen muller ludenscheidt", "nobody"},
        profile_keys={"linkedin.com/in/kim-lee"},
    )
    assert matches.names == {"jurgen muller ludenscheidt"}
    assert matches.urls == {"linkedin.com/in/kim-lee"}
    assert matches.colleagues_by_url == {"linkedin.com/in/kim-lee": 1}


def test_a_second_upload_replaces_the_owners_earlier_linkedin_entries_only(org, member, manager):
    def upload(owner, content):
        return roster_import_file(
            org=org,
            owner=owner,
            source="linkedin",
            fileobj=io.BytesIO(content),
            filename="Connections.csv",
        )

    full = (FIXTURES / "Connections.csv").read_bytes()
    upload(member, full)
    upload(manager, full)
    smaller = (
        b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        b"Ada,Byron,https://www.linkedin.com/in/ada-byron,,Analytical,Engineer,01 Jan 2025\n"
    )
    outcome = upload(member, smaller)
    assert (outcome.created, outcome.replaced) == (1, 3)
    assert [e[0] for e in _entries(org, owner=member)] == ["Ada Byron"]
    assert len(_entries(org, owner=manager)) == 3


def test_a_file_with_errors_is_rejected_with_every_line_and_nothing_changes(org, member):
    with (FIXTURES / "Connections.csv").open("rb") as handle:
        roster_import_file(
            org=org, owner=member, source="linkedin", fileobj=handle, filename="Connections.csv"
        )
    before = _entries(org)
    events = AuditEvent.objects.count()
    with (
        (FIXTURES / "Connections_bad.csv").open("rb") as handle,
        pytest.raises(RosterRejected) as caught,
    ):
        roster_import_file(
            org=org, owner=member, source="linkedin", fileobj=handle, filename="Connections.csv"
        )
    assert [(e.file, e.line, e.column) for e in caught.value.errors] == [
        ("Connections.csv", 6, "Connected On"),
        ("Connections.csv", 7, "Connected On"),
    ]
    assert _entries(org) == before
    assert AuditEvent.objects.count() == events


def test_repeated_people_in_one_file_are_stored_once(org):
    entry = {"name": "Jane Roe", "profile_url": "https://www.linkedin.com/in/jane-roe/"}
    rows = [ParsedRow(2, dict(entry), []), ParsedRow(3, dict(entry), [])]
    outcome = roster_import(org=org, owner=None, source="csv", rows=rows, filename="c.csv")
    assert (outcome.created, outcome.skipped) == (1, 1)


def test_the_whole_linkedin_export_zip_is_accepted(org, member, login, url):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("Connections.csv", (FIXTURES / "Connections.csv").read_bytes())
    response = login(member).post(
        url("roster_upload_mine"),
        {"file": SimpleUploadedFile("Basic_LinkedInDataExport.zip", buffer.getvalue())},
    )
    assert response.status_code == 302
    assert len(_entries(org, owner=member)) == 3


def test_a_member_uploads_their_own_connections_on_the_roster_page(org, member, login, url):
    client = login(member)
    page = client.get(url("roster"))
    assert page.status_code == 200
    html = page.content.decode()
    assert url("roster_upload_mine") in html
    assert url("roster_upload_shared") not in html and 'id="summary"' not in html
    response = client.post(url("roster_upload_mine"), {"file": _file("Connections.csv")})
    assert response.status_code == 302
    assert {e[5] for e in _entries(org)} == {member.pk}
    page = client.get(url("roster")).content.decode()
    assert "3 contacts imported." in page
    assert "You have shared 3 connections." in page


def test_a_rejected_upload_lists_file_line_column_and_message(org, member, login, url):
    response = login(member).post(url("roster_upload_mine"), {"file": _file("Connections_bad.csv")})
    assert response.status_code == 400
    errors = response.context["errors"]
    assert [(e.line, e.column) for e in errors] == [(6, "Connected On"), (7, "Connected On")]
    html = response.content.decode()
    assert "The file was rejected: 2 problems. Nothing was stored." in html
    assert "<td>6</td><td>Connected On</td>" in html
    assert not _entries(org)


def test_a_member_may_not_upload_a_crm_list_as_their_own_connections(org, member, login, url):
    response = login(member).post(url("roster_upload_mine"), {"file": _file("contacts.csv")})
    assert response.status_code == 400
    assert "is not LinkedIn&#x27;s Connections.csv" in response.content.decode()
    assert not _entries(org)


def test_a_member_may_not_upload_the_shared_list_or_delete_entries(org, member, login, url):
    client = login(member)
    assert (
        client.post(url("roster_upload_shared"), {"file": _file("contacts.csv")}).status_code == 403
    )
    assert client.post(url("roster_delete"), {"source": "csv"}).status_code == 403
    assert not _entries(org)


def test_a_member_can_remove_their_own_connections(org, member, manager, login, url):
    login(manager).post(url("roster_upload_mine"), {"file": _file("Connections.csv")})
    client = login(member)
    client.post(url("roster_upload_mine"), {"file": _file("Connections.csv")})
    assert client.post(url("roster_forget_mine")).status_code == 302
    assert not _entries(org, owner=member)
    assert len(_entries(org, owner=manager)) == 3


def test_a_manager_uploads_a_shared_contact_list_without_an_owner(org, manager, login, url):
    client = login(manager)
    response = client.post(url("roster_upload_shared"), {"file": _file("contacts.csv")})
    assert response.status_code == 302
    assert _entries(org) == [
        (
            "Lena Vogel",
            "lena vogel",
            "linkedin.com/in/lena-vogel",
            "Nordwind Logistik",
            "csv",
            None,
        ),
        ("Sophie Brandt", "sophie brandt", "", "Nordwind Logistik", "csv", None),
    ]
    # Unticking "replace" adds to the shared list; ticking it replaces the list.
    more = b"name,profile_url,company\nOla Nordmann,,Fjord AS\n"
    client.post(url("roster_upload_shared"), {"file": _file("more.csv", more)})
    assert len(_entries(org, owner=None)) == 3
    client.post(url("roster_upload_shared"), {"file": _file("more.csv", more), "replace": "on"})
    assert [e[0] for e in _entries(org, owner=None)] == ["Ola Nordmann"]


def test_the_manager_sees_counts_per_source_and_per_colleague(org, manager, member, login, url):
    login(member).post(url("roster_upload_mine"), {"file": _file("Connections.csv")})
    client = login(manager)
    client.post(url("roster_upload_shared"), {"file": _file("contacts.csv"), "replace": "on"})
    response = client.get(url("roster"))
    summary = response.context["summary"]
    assert summary["total"] == 5
    assert {(r["source"], r["n"]) for r in summary["by_source"]} == {("csv", 2), ("linkedin", 3)}
    assert {(r["owner__username"], r["source"], r["n"]) for r in summary["by_owner"]} == {
        ("mia", "linkedin", 3),
        (None, "csv", 2),
    }
    html = response.content.decode()
    assert "Shared list" in html and "mia" in html
    # No contact's personal data is listed, only counts.
    assert "Jane Roe" not in html


def test_a_manager_deletes_entries_by_owner_or_by_source(org, manager, member, login, url):
    login(member).post(url("roster_upload_mine"), {"file": _file("Connections.csv")})
    client = login(manager)
    client.post(url("roster_upload_mine"), {"file": _file("Connections.csv")})
    client.post(url("roster_upload_shared"), {"file": _file("contacts.csv"), "replace": "on"})
    response = client.post(url("roster_delete"), {"source": "linkedin", "owner": member.pk})
    assert response.status_code == 302
    assert not _entries(org, owner=member)
    assert len(_entries(org, owner=manager)) == 3
    client.post(url("roster_delete"), {"owner": "shared"})
    assert not _entries(org, owner=None)
    client.post(url("roster_delete"), {"source": "linkedin"})
    assert not _entries(org)


def test_a_delete_without_a_choice_deletes_nothing(org, manager, login, url):
    client = login(manager)
    client.post(url("roster_upload_shared"), {"file": _file("contacts.csv"), "replace": "on"})
    client.post(url("roster_delete"), {})
    client.post(url("roster_delete"), {"source": "nonsense"})
    assert len(_entries(org)) == 2
    assert client.post(url("roster_delete"), {"owner": "99999"}).status_code == 404


def test_compliance_has_no_roster_page(org, compliance, login, url):
    assert login(compliance).get(url("roster")).status_code == 403


EXPORTS = FIXTURES.parents[1] / "intake" / "fixtures" / "exports"


def _import_roster(*args) -> str:
    from django.core.management import call_command

    out = io.StringIO()
    call_command("import_roster", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_import_roster_imports_an_excel_resaved_connections_csv_for_a_member(org, member):
    path = EXPORTS / "connections_excel_us.csv"
    out = _import_roster("--org", org.slug, "--user", member.username, str(path))
    assert "4 contacts imported into mia's roster" in out
    rows = _entries(org, owner=member)
    assert [(name, source) for name, _k, _p, _c, source, _o in rows] == [
        ("Jonas Weber", "linkedin"),
        ("Kim Meier", "linkedin"),
        ("Lena Fischer", "linkedin"),
        ("Priya Raman", "linkedin"),
    ]
    # Lena's export row carries a bare https://www.linkedin.com/in: no profile key.
    assert [p for name, _k, p, *_ in rows if name == "Lena Fischer"] == [""]


def test_import_roster_takes_the_whole_export_zip(org, member, tmp_path):
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("x/Connections.csv", (EXPORTS / "connections_excel_de.csv").read_bytes())
    _import_roster("--org", org.slug, "--user", member.username, str(path))
    assert sorted(n for n, *_ in _entries(org, owner=member)) == [
        "Jürgen Müller-Lüdenscheidt",
        "Kim Meier",
    ]


def test_import_roster_stores_a_plain_csv_as_the_members_own_contact_list(org, member, tmp_path):
    path = tmp_path / "crm.csv"
    path.write_text("name;profile_url;company\nKim Meier;linkedin.com/in/kim;Beispiel\n")
    _import_roster("--org", org.slug, "--user", member.username, str(path))
    assert [(n, s, o) for n, _k, _p, _c, s, o in _entries(org)] == [("Kim Meier", "csv", member.pk)]


def test_import_roster_lists_every_error_and_changes_nothing(org, member, tmp_path):
    from django.core.management import CommandError, call_command

    path = tmp_path / "Connections.csv"
    path.write_bytes(
        b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
        b"Kim,Meier,,,,,someday\r\nSam,Roe,ftp://x,,,,6-Feb-26\r\n"
    )
    err = io.StringIO()
    with pytest.raises(CommandError, match="2 error"):
        call_command(
            "import_roster", "--org", org.slug, "--user", member.username, str(path), stderr=err
        )
    assert err.getvalue().splitlines() == [
        "Connections.csv, line 2, column Connected On: 'someday' is not a date like 12 Mar 2024",
        "Connections.csv, line 3, column URL: 'ftp://x' is not an http or https URL",
    ]
    assert not RosterContact.objects.exists()


def test_import_roster_refuses_outsiders_and_the_shared_list_to_members(
    org, member, outsider, tmp_path
):
    from django.core.management import CommandError

    path = str(EXPORTS / "connections_excel_us.csv")
    with pytest.raises(CommandError, match="not a member"):
        _import_roster("--org", org.slug, "--user", outsider.username, path)
    with pytest.raises(CommandError, match="may not import the shared list"):
        _import_roster("--org", org.slug, "--user", member.username, "--shared", path)
    assert not RosterContact.objects.exists()


def test_import_roster_imports_the_shared_list_for_a_manager(org, manager, tmp_path):
    path = tmp_path / "crm.csv"
    path.write_text("name,profile_url,company\nKim Meier,,Beispiel\n")
    _import_roster("--org", org.slug, "--user", manager.username, "--shared", str(path))
    assert [(n, s, o) for n, _k, _p, _c, s, o in _entries(org)] == [("Kim Meier", "csv", None)]
