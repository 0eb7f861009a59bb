from datetime import UTC, datetime
from pathlib import Path

import pytest

from intake.email_intake import parse_eml
from intake.limits import IntakeLimits
from intake.lookalike import is_lookalike_domain, is_lookalike_token
from intake.records import RECORD_KEYS

FIXTURES = Path(__file__).resolve().parent / "fixtures"
REAL = FIXTURES / "real"
IMITATIONS = FIXTURES / "imitations"
INCOMING_1 = REAL / "imapdigester_test_linkedin_invitations_INCOMING_1.eml"


def _shared_samples() -> Path:
    """Return <repo>/../shared/samples/real, found from the repository root."""
    here = Path(__file__).resolve()
    repo = next(parent for parent in here.parents if (parent / "tests").is_dir())
    return repo.parent / "shared" / "samples" / "real"


GENUINE = [
    (
        "imapdigester_linkedin_1.eml",
        "Steven Footle",
        "Principal Test Architect and Agile Leader - Certified ScrumMaster",
        "https://www.linkedin.com/comm/profile/view?id=AAsAAAAIW1gBCVPJFcvlZjm6AtEfNiLTNya_HqA",
        datetime(2016, 4, 4, 22, 13, 31, tzinfo=UTC),
        "Greater Boston Area",
        True,
    ),
    (
        "imapdigester_test_linkedin_invitations_INCOMING_1.eml",
        "Michael McAuliffe",
        "Managing Director",
        "https://www.linkedin.com/comm/profile/view?id=AAsAAAJUVTYBWkKAZwppmyYBjwgm1AI0nKRyTwA",
        datetime(2016, 5, 2, 19, 34, 46, tzinfo=UTC),
        "Charlotte, North Carolina Area",
        True,
    ),
    (
        "imapdigester_test_linkedin_invitations_FOOBAR.eml",
        "Foo Bar",
        "Vice President",
        "https://www.linkedin.com/comm/profile/view?id=AAsAAAFlvJcBCnnIlLvQhDO6ZBU5rdb7fAb_-IU",
        datetime(2016, 5, 2, 15, 38, 50, tzinfo=UTC),
        "Greater New York City Area",
        False,
    ),
]


@pytest.mark.parametrize(
    ("name", "requester", "headline", "profile", "received", "location", "photo"), GENUINE
)
def test_it_reads_the_genuine_linkedin_samples_without_findings(
    name, requester, headline, profile, received, location, photo
):
    data = (REAL / name).read_bytes()
    result = parse_eml(data, name)
    assert result.errors == []
    record = result.record
    assert tuple(record) == RECORD_KEYS
    assert record["requester_name"] == requester
    assert record["requester_headline"] == headline
    assert record["message"] == "I'd like to join your LinkedIn network."
    assert record["requester_profile_url"].startswith(profile + "&")
    assert record["recipient"] == "Paul@Hammant.org"
    assert record["received_at"] == received
    assert record["requester_has_photo"] is photo
    assert record["email_findings"] == []
    assert record["attachments"] == [] and record["links"] == []
    assert record["raw_source"] == data.decode("utf-8")
    assert result.location == location and result.linkedin_layout


def test_the_shared_samples_match_the_copied_fixtures():
    shared = _shared_samples()
    if not shared.is_dir():
        pytest.skip(f"shared samples not found at {shared}; the copies in fixtures/real are used")
    for copy in REAL.glob("*.eml"):
        assert (shared / copy.name).read_bytes() == copy.read_bytes()


def test_the_licence_travels_with_the_copied_samples():
    assert "MIT" in (REAL / "imapdigester_LICENSE.txt").read_text()


@pytest.mark.parametrize(
    ("name", "findings"),
    [
        (
            "sender_domain.eml",
            [
                ["sender_domain", "mailer-example.net"],
                ["message_id_domain", "mta7.mailer-example.net"],
                ["claims_linkedin", "subject"],
            ],
        ),
        (
            "auth_fail.eml",
            [
                ["auth_fail", "spf=softfail"],
                ["auth_fail", "dkim=fail"],
                ["auth_fail", "dmarc=fail"],
                ["claims_linkedin", "sender address"],
            ],
        ),
        (
            "link_host.eml",
            [
                ["link_host", "profile-check.example.ru"],
                ["link_host", "accept.example.ru"],
                ["claims_linkedin", "sender address"],
            ],
        ),
        (
            "attachment.eml",
            [["attachment", "invitation.pdf.exe"], ["claims_linkedin", "sender address"]],
        ),
        (
            "linkedln_gmail.eml",
            [
                ["sender_domain", "gmail.com"],
                ["message_id_domain", "mail.gmail.com"],
                ["lookalike_name", "Linkedln Security"],
                ["lookalike_name", "Linkedln"],
                ["claims_linkedin", "display name"],
            ],
        ),
    ],
)
def test_it_reports_the_signs_of_an_imitation(name, findings):
    result = parse_eml((IMITATIONS / name).read_bytes(), name)
    assert result.errors == []
    assert result.record["email_findings"] == findings
    assert result.record["requester_name"] == "Michael McAuliffe"


def test_it_records_attachment_metadata_without_opening_it():
    record = parse_eml((IMITATIONS / "attachment.eml").read_bytes(), "a.eml").record
    (attachment,) = record["attachments"]
    assert attachment["name"] == "invitation.pdf.exe"
    assert attachment["content_type"] == "application/octet-stream"
    assert attachment["size"] == len(b"MZ\x90\x00 not really a program")
    assert len(attachment["sha256"]) == 64


def test_it_reads_a_forward_with_the_invitation_attached_as_message():
    inner = INCOMING_1.read_bytes()
    outer = (
        b"From: Kim Meier <kim@vouch.example>\n"
        b"To: security@vouch.example\n"
        b"Subject: Fwd: is this real?\n"
        b"Date: Tue, 3 May 2016 08:00:00 +0200\n"
        b"Message-ID: <fwd-1@vouch.example>\n"
        b"MIME-Version: 1.0\n"
        b'Content-Type: multipart/mixed; boundary="b1"\n\n'
        b"--b1\nContent-Type: text/plain\n\nDo I know him? See https://intranet.vouch.example/x\n"
        b"--b1\nContent-Type: message/rfc822\nContent-Disposition: attachment\n\n"
        + inner
        + b"\n--b1--\n"
    )
    result = parse_eml(outer, "fwd.eml")
    assert result.errors == []
    record = result.record
    assert record["requester_name"] == "Michael McAuliffe"
    assert record["requester_headline"] == "Managing Director"
    assert record["received_at"] == datetime(2016, 5, 2, 19, 34, 46, tzinfo=UTC)
    assert record["email_findings"] == []
    assert record["raw_source"].startswith("From: Kim Meier")


def _inline_forward(from_line: str, extra: str = "") -> bytes:
    text = (
        "Is this legit? Kim\nhttps://intranet.vouch.example/signature\n\n"
        "---------- Forwarded message ---------\n"
        f"From: {from_line}\n"
        "Date: Mon, 2 May 2016 19:34:46 +0000\n"
        "Subject: Paul, please add me to your LinkedIn network\n"
        "To: Paul Hammant <Paul@Hammant.org>\n\n"
        "Hi Paul,\n\nWe met at the QCon dinner in London.\n\n"
        "Michael McAuliffe\nManaging Director\n\n"
        "View profile: https://www.linkedin.com/comm/in/michael-mcauliffe\n\n"
        "Accept: https://www.linkedin.com/comm/mynetwork/invite-accept/1/2/\n"
        f"{extra}\n"
    )
    return (
        "From: Kim Meier <kim@vouch.example>\nTo: security@vouch.example\n"
        "Subject: Fwd: Paul, please add me to your LinkedIn network\n"
        "Date: Tue, 3 May 2016 08:00:00 +0200\nMessage-ID: <x@vouch.example>\n"
        "Content-Type: text/plain; charset=utf-8\n\n" + text
    ).encode()


def test_it_reads_an_inline_forward_best_effort():
    result = parse_eml(_inline_forward("Michael McAuliffe <invitations@linkedin.com>"), "f.eml")
    record = result.record
    assert record["requester_name"] == "Michael McAuliffe"
    assert record["message"] == "We met at the QCon dinner in London."
    assert record["requester_profile_url"] == "https://www.linkedin.com/comm/in/michael-mcauliffe"
    assert record["recipient"] == "Paul@Hammant.org"
    assert record["received_at"] == datetime(2016, 5, 2, 19, 34, 46, tzinfo=UTC)
    assert record["email_findings"] == []


def test_it_flags_an_inline_forward_of_a_lookalike_sender():
    data = _inline_forward("LinkedIn <security@linkedin-security.net>", "http://linnkedin.com/a")
    findings = parse_eml(data, "f.eml").record["email_findings"]
    assert ["sender_domain", "linkedin-security.net"] in findings
    assert ["lookalike_name", "LinkedIn"] in findings
    assert ["lookalike_name", "linkedin-security.net"] in findings
    assert ["link_host", "linnkedin.com"] in findings
    assert ["lookalike_name", "linnkedin.com"] in findings


def test_it_sees_homoglyphs_and_invisible_characters_in_names():
    data = (
        "From: =?utf-8?b?{}?= <news@promo.example>\n"
        "Subject: =?utf-8?b?{}?=\n"
        "Message-ID: <1@promo.example>\nContent-Type: text/plain\n\nHello\n"
    ).format(
        __import__("base64").b64encode("Linked\u200bIn".encode()).decode(),
        __import__("base64").b64encode("New invitation on LinkedІn".encode()).decode(),
    )
    findings = parse_eml(data.encode(), "h.eml").record["email_findings"]
    assert ["lookalike_name", "Linked\\u200bIn"] in findings
    assert ["lookalike_name", "LinkedІn"] in findings
    assert ["sender_domain", "promo.example"] in findings


@pytest.mark.parametrize(
    "token", ["Linkedln", "LinkedIn", "1inkedin", "Linkdin", "linnkedin", "LINKEDІN"]
)
def test_lookalike_tokens_are_recognised_except_the_real_spelling(token):
    assert is_lookalike_token(token) is (token != "LinkedIn")


@pytest.mark.parametrize(
    ("domain", "expected"),
    [
        ("linkedin-security.net", True),
        ("linkedin.com.evil.example", True),
        ("www.linnkedin.com", True),
        ("e.linkedin.com", False),
        ("smartrecruiters.com", False),
        ("example.com", False),
    ],
)
def test_lookalike_domains_are_recognised(domain, expected):
    assert is_lookalike_domain(domain) is expected


def test_invitation_themed_mail_from_another_sender_is_flagged_without_claiming_linkedin():
    data = (
        b"From: Ash <hello@onyxxxmail.example>\nSubject: Invitation to connect\n"
        b"Message-ID: <a@b.example>\n\nHi\n"
    )
    record = parse_eml(data, "s.eml").record
    assert record["email_findings"] == [["sender_domain", "onyxxxmail.example"]]
    assert record["requester_name"] == "Ash" and record["message"] == "Hi"


def test_it_does_not_flag_a_plain_mail_that_is_neither_linkedin_nor_an_invitation():
    data = (
        b"From: Ash <hello@onyxxxmail.example>\nSubject: Lunch on Friday?\n"
        b"Message-ID: <a@b.example>\nReply-To: ash@elsewhere.example\n\n"
        b"Hi, see https://menu.example/friday\n"
    )
    record = parse_eml(data, "s.eml").record
    assert record["email_findings"] == []


def test_it_rejects_an_oversized_email():
    result = parse_eml(INCOMING_1.read_bytes(), "big.eml", IntakeLimits(max_email_bytes=1000))
    assert result.record is None
    assert [str(e) for e in result.errors] == [
        f"big.eml: the e-mail is {INCOMING_1.stat().st_size:,} bytes; the limit is 1,000 bytes"
    ]


def _nested(depth: int) -> bytes:
    body = b"Content-Type: text/plain\n\nhello\n"
    for level in range(depth):
        boundary = f"b{level}".encode()
        body = (
            b"Content-Type: multipart/mixed; boundary="
            + boundary
            + b"\n\n--"
            + boundary
            + b"\n"
            + body
            + b"\n--"
            + boundary
            + b"--\n"
        )
    return b"From: a@example.com\nSubject: nested\n" + body


def test_it_rejects_mime_nested_too_deeply():
    result = parse_eml(_nested(7), "deep.eml")
    assert result.record is None
    assert result.errors[0].message == (
        "the e-mail nests MIME parts more than 5 levels deep; the limit is 5"
    )
    assert parse_eml(_nested(4), "ok.eml").errors == []


def test_it_rejects_too_many_mime_parts():
    result = parse_eml(INCOMING_1.read_bytes(), "m.eml", IntakeLimits(max_mime_parts=2))
    assert result.errors[0].message == "the e-mail has more than 2 MIME parts; the limit is 2"


def test_it_rejects_bytes_that_are_not_an_email():
    result = parse_eml(b"just some text\nwithout headers\n", "x.eml")
    assert result.errors[0].message == "is not an e-mail: it has no From, Subject or Date header"
