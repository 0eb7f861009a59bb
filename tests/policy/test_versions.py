"""Versions: the list, JSON export of versions and of the draft, and import as the draft."""

import html
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from policy.engine import compile_policy, default_policy
from policy.models import Policy, PolicyVersion
from policy.services import policy_draft_update, policy_ensure, policy_publish

pytestmark = pytest.mark.django_db


def _publish_v2(org, manager) -> PolicyVersion:
    policy_ensure(org=org)
    data = default_policy()
    data["rules"]["short_note"]["params"]["min_length"] = 55
    data["custom_rules"] = [
        {
            "id": "crypto",
            "reason": "spam",
            "kind": "keyword",
            "pattern": "bitcoin",
            "fields": ["message"],
            "weight": 1.5,
            "explanation_en": "Crypto.",
            "explanation_de": "Krypto.",
            "enabled": True,
        }
    ]
    policy_draft_update(org=org, data=data, actor=manager)
    return policy_publish(org=org, actor=manager, change_note="Longer notes")


def _upload(content: bytes | str, name: str = "policy.json") -> SimpleUploadedFile:
    if isinstance(content, str):
        content = content.encode()
    return SimpleUploadedFile(name, content, content_type="application/json")


def test_the_versions_list_shows_number_publisher_time_and_note(org, manager, login, url):
    _publish_v2(org, manager)
    response = login(manager).get(url("policy_versions"))
    assert response.status_code == 200
    page = response.content.decode()
    assert [v.number for v in response.context["page"]] == [2, 1]
    assert "Longer notes" in page and "max" in page
    assert url("policy_version_export", number=2) in page
    assert url("policy_draft_export") in page


def test_a_version_exports_as_a_json_attachment_with_its_metadata(org, manager, login, url):
    version = _publish_v2(org, manager)
    response = login(manager).get(url("policy_version_export", number=2))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="vouch-policy-acme-v2.json"'
    text = response.content.decode()
    assert text.startswith('{\n  "format": "vouch-policy"')
    document = json.loads(text)
    assert document["version"] == 2
    assert document["change_note"] == "Longer notes"
    assert document["published_at"] == version.published_at.isoformat()
    assert document["organisation"] == "acme"
    assert document["policy"] == version.data
    compile_policy(document["policy"])


def test_the_export_is_what_the_command_line_evaluator_reads(org, manager, login, url, tmp_path):
    from policy.offline import load_policy_file

    version = _publish_v2(org, manager)
    path = tmp_path / "policy.json"
    path.write_bytes(login(manager).get(url("policy_version_export", number=2)).content)
    assert load_policy_file(str(path)) == version.data


def test_the_draft_exports_too(org, manager, login, url, edit_policy):
    client = login(manager)
    edit_policy(client, rule__no_note__weight="0.25")
    response = client.get(url("policy_draft_export"))
    document = json.loads(response.content)
    assert document["version"] is None and document["published_at"] is None
    assert document["policy"]["rules"]["no_note"]["weight"] == 0.25
    assert "draft.json" in response["Content-Disposition"]


def test_a_version_of_another_organisation_cannot_be_exported(org, other_org, manager, login, url):
    policy_ensure(org=org)
    _publish_v2(other_org, manager)
    response = login(manager).get(url("policy_version_export", number=2))
    assert response.status_code == 404


def test_an_export_imported_into_another_organisation_round_trips(
    org, other_org, manager, outsider, login, url
):
    version = _publish_v2(org, manager)
    exported = login(manager).get(url("policy_version_export", number=2)).content
    client = login(outsider)
    import_url = reverse("policy_import", kwargs={"org_slug": other_org.slug})
    response = client.post(import_url, {"file": _upload(exported)})
    assert response.status_code == 302
    assert response["Location"] == reverse("policy_diff", kwargs={"org_slug": other_org.slug})
    draft = Policy.objects.get(organisation=other_org).draft
    assert draft == version.data
    diff = client.get(response["Location"]).content.decode()
    assert "Custom rule crypto added." in diff
    # Importing changes only the draft; nothing is published.
    assert PolicyVersion.objects.for_org(other_org).count() == 1


def test_a_bare_policy_object_imports_too(org, manager, login, url):
    bare = {"rules": {"no_photo": {"enabled": False}}}
    response = login(manager).post(url("policy_import"), {"file": _upload(json.dumps(bare))})
    assert response.status_code == 302
    draft = Policy.objects.get(organisation=org).draft
    assert draft["rules"]["no_photo"]["enabled"] is False
    assert draft["rules"]["no_note"] == default_policy()["rules"]["no_note"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"rules": {', "not valid JSON"),
        (b"", "The submitted file is empty."),
        (b"  \n", "the file is empty"),
        (b"\xff\xfe{}", "not UTF-8"),
        (b"[1, 2]", "must hold a JSON object"),
        (b'{"format": "something-else", "policy": {}}', "expected 'vouch-policy'"),
    ],
)
def test_a_file_that_is_no_policy_is_rejected_and_nothing_changes(
    org, manager, login, url, content, message
):
    before = policy_ensure(org=org).draft
    response = login(manager).post(url("policy_import"), {"file": _upload(content)})
    assert response.status_code == 400
    assert message in html.unescape(response.content.decode())
    assert Policy.objects.get(organisation=org).draft == before


def test_an_invalid_policy_lists_every_error_with_its_json_path_and_nothing_changes(
    org, manager, login, url
):
    before = policy_ensure(org=org).draft
    document = {
        "format": "vouch-policy",
        "version": 4,
        "policy": {
            "rules": {"short_note": {"weight": "abc", "params": {"min_length": -1}}},
            "thresholds": {"spam": 0},
            "custom_rules": [
                {
                    "id": "x",
                    "reason": "spam",
                    "kind": "regex",
                    "pattern": "(",
                    "fields": ["message"],
                    "weight": 1,
                }
            ],
        },
    }
    response = login(manager).post(url("policy_import"), {"file": _upload(json.dumps(document))})
    assert response.status_code == 400
    paths = {e["path"] for e in response.context["errors"]}
    assert paths == {
        "policy.rules.short_note.weight",
        "policy.rules.short_note.params.min_length",
        "policy.thresholds.spam",
        "policy.custom_rules[0].pattern",
    }
    page = response.content.decode()
    assert "<code>policy.rules.short_note.weight</code>" in page
    assert "The draft is unchanged." in page
    assert Policy.objects.get(organisation=org).draft == before


def test_the_import_page_opens_on_its_own(org, manager, login, url):
    response = login(manager).get(url("policy_import"))
    assert response.status_code == 200
    assert 'enctype="multipart/form-data"' in response.content.decode()
