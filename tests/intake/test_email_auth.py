"""Which Authentication-Results header counts, and what makes a LinkedIn mail genuine."""

from pathlib import Path

import pytest

from intake.email_auth import counted_auth_results, parse_auth_results
from intake.email_intake import parse_eml
from intake.email_kind import linkedin_mail_kind
from intake.limits import IntakeLimits
from intake.lookalike import is_linkedin_domain, is_lookalike_domain, skeleton

MAIL = Path(__file__).resolve().parent / "fixtures" / "mail"
OURS = "mx.vouch.example; dkim=pass (2048-bit key) header.d=linkedin.com; spf=pass"
RELAY = "relay-1.corp.linkedin.biz; spf=softfail smtp.mailfrom=linkedin.com"


def test_the_topmost_header_counts_when_no_authserv_id_is_set():
    counted = counted_auth_results([OURS, RELAY])
    assert counted.authserv_id == "mx.vouch.example"
    assert counted.failures() == []
    assert counted.linkedin_pass("linkedin.com") == "DKIM pass for linkedin.com"


def test_only_the_configured_receiving_server_counts():
    forged = "attacker.example; dkim=pass header.d=linkedin.com"
    ours_failed = "mx.vouch.example; dkim=fail header.d=linkedin.com; dmarc=fail"
    counted = counted_auth_results([forged, ours_failed], ("MX.vouch.example",))
    assert counted.failures() == ["dkim=fail", "dmarc=fail"]
    assert counted.linkedin_pass("linkedin.com") == ""
    assert counted_auth_results([forged], ("mx.vouch.example",)).results == []


def test_a_dkim_pass_counts_only_when_aligned_with_a_linkedin_from_domain():
    other = parse_auth_results("mx; dkim=pass header.d=mailer.example")
    assert other.linkedin_pass("linkedin.com") == ""
    signed = parse_auth_results("mx; dkim=pass header.i=@e.linkedin.com")
    assert signed.linkedin_pass("linkedin.com") == "DKIM pass for e.linkedin.com"
    assert signed.linkedin_pass("gmail.com") == ""
    dmarc = parse_auth_results("mx; dkim=none; dmarc=pass header.from=linkedin.com")
    assert dmarc.linkedin_pass("linkedin.com") == "DMARC pass for linkedin.com"


def test_comments_and_versions_in_the_header_are_ignored():
    parsed = parse_auth_results(
        'mx.google.com 1; dkim=pass (test mode (nested)) header.d=linkedin.com header.s="s1";'
        " spf=softfail (google.com: domain of transitioning x) smtp.mailfrom=x"
    )
    assert parsed.authserv_id == "mx.google.com"
    assert parsed.results[0] == ("dkim", "pass", {"header.d": "linkedin.com", "header.s": "s1"})
    assert parsed.failures() == ["spf=softfail"]


def test_the_setting_decides_which_header_counts_in_a_real_mail():
    data = (MAIL / "imitation" / "forged_pass_below_our_header.eml").read_bytes()
    topmost = parse_eml(data, "f.eml").record["email_findings"]
    assert ["auth_fail", "dkim=fail"] in topmost
    trusting_the_forgery = parse_eml(data, "f.eml", IntakeLimits(authserv_ids=("forged",)))
    assert trusting_the_forgery.record["email_findings"] == [
        ["genuine_linkedin", "DKIM pass for linkedin.com"]
    ]


def test_a_relay_softfail_below_our_header_does_not_make_an_employee_mail_an_imitation():
    data = (MAIL / "not_invitation" / "employee_mail.eml").read_bytes()
    result = parse_eml(data, "e.eml")
    assert [e.message for e in result.errors] == [
        "This is an e-mail from a LinkedIn employee, not a connection invitation"
    ]


@pytest.mark.parametrize(
    ("domain", "linkedin"),
    [
        ("linkedin.com", True),
        ("e.linkedin.com", True),
        ("media.licdn.com", True),
        ("lnkd.in", True),
        ("esv4-mbx02.linkedin.biz", True),
        ("linkedin.com.evil.example", False),
        ("linkedin.biz.evil.example", False),
    ],
)
def test_linkedins_own_domains_are_recognised(domain, linkedin):
    assert is_linkedin_domain(domain) is linkedin
    assert is_lookalike_domain(domain) is not linkedin


@pytest.mark.parametrize(
    ("domain", "lookalike"),
    [
        ("lnkedln.com", True),
        ("linkdein.net", True),
        ("xn--lnkedin-rog.com", True),
        ("xn--linkedn-wog.com", True),
        ("linked.example", False),
        ("linking-park.example", False),
    ],
)
def test_lookalike_domains_reach_two_edits_and_punycode_confusables(domain, lookalike):
    assert is_lookalike_domain(domain) is lookalike


def test_skeletons_come_from_unicode_confusables_not_a_hand_made_table():
    # Mathematical bold letters, a Cyrillic palochka and a digit one all fold to LinkedIn's.
    assert skeleton("\U0001d40b\u0456nked\u04c0n") == skeleton("LinkedIn") == skeleton("1inkedin")
    assert skeleton("rnicrosoft") == skeleton("microsoft")


@pytest.mark.parametrize(
    ("sender", "linkedin_class", "template", "links", "kind"),
    [
        ("invitations@linkedin.com", "", "", [], ""),
        ("invitations@linkedin.com", "INVITE-GUEST", "", [], ""),
        ("x@linkedin.com", "", "email_m2m_invite_single_01", [], ""),
        ("inmail-hit-reply@linkedin.com", "", "", [], "inmail"),
        ("messages-noreply@linkedin.com", "", "", [], "message"),
        ("jobalerts-noreply@linkedin.com", "", "", [], "job_digest"),
        ("jobs-noreply@linkedin.com", "", "email_job_alert_digest_01", [], "job_digest"),
        ("invitations@linkedin.com", "", "accept_invite_04", [], "accepted"),
        ("notifications-noreply@linkedin.com", "", "email_pymk_02", [], "suggestion"),
        ("notifications-noreply@linkedin.com", "", "", [], "notification"),
        ("security-noreply@linkedin.com", "", "", [], "security"),
        ("jane.doe@linkedin.com", "", "", [], "employee"),
        ("jane.doe@linkedin.com", "", "", ["https://www.linkedin.com/comm/invite-accept/1"], ""),
        ("noreply@linkedin.com", "INMAIL", "", ["https://x/invite-accept"], "inmail"),
        ("invitations@linkedin.com", "MBR-TO-MBR", "email_m2m_invite_single_01", [], ""),
        ("invitations@linkedin.com", "MBR-TO-MBR", "", [], ""),
        ("x@linkedin.com", "MBR-TO-MBR", "", ["https://x/comm/invite-accept/1"], ""),
        ("messages-noreply@linkedin.com", "MBR-TO-MBR", "", [], "message"),
        ("jane.doe@linkedin.com", "MBR-TO-MBR", "", [], "message"),
        ("invitations@linkedin.com", "", "email_invitation_reminder_01", [], ""),
    ],
)
def test_linkedin_mail_kinds_are_told_apart(sender, linkedin_class, template, links, kind):
    assert (
        linkedin_mail_kind(
            sender=sender,
            linkedin_class=linkedin_class,
            template=template,
            links=links,
            invitation_layout=False,
        )
        == kind
    )


def test_microsoft_results_without_an_authserv_id_are_read():
    parsed = parse_auth_results(
        "spf=fail (sender IP is 203.0.113.9) smtp.mailfrom=linkedin.com; dkim=none (message "
        "not signed) header.d=none;dmarc=fail action=quarantine header.from=linkedin.com;"
    )
    assert parsed.authserv_id == ""
    assert parsed.failures() == ["spf=fail", "dmarc=fail"]


def test_results_written_by_linkedins_own_servers_never_count_as_ours():
    counted = counted_auth_results([RELAY, "mx.vouch.example; spf=pass"])
    assert counted.authserv_id == "mx.vouch.example"
    assert counted_auth_results([RELAY]).results == []


def _staff_mail(results: str) -> bytes:
    return (
        results + "From: Marek Nowak <mnowak@linkedin.com>\nTo: paul@vouch.example\n"
        "Subject: Slides\nMessage-ID: <1@SJC-EXC01.linkedin.biz>\n\n"
        "Hi Paul, the LinkedIn Talent Insights slides: https://docs.example.org/t.pdf\n"
        "Marek Nowak | LinkedIn\n"
    ).encode()


def test_a_staff_mail_with_only_internal_relay_results_is_refused_not_called_an_imitation():
    data = _staff_mail("Authentication-Results: relay-1.corp.linkedin.biz; spf=softfail\n")
    assert [e.message for e in parse_eml(data, "s.eml").errors] == [
        "This is an e-mail from a LinkedIn employee, not a connection invitation"
    ]


def test_a_spoofed_linkedin_sender_that_failed_our_checks_is_an_imitation():
    data = _staff_mail("Authentication-Results: mx.vouch.example; spf=fail; dmarc=fail\n")
    findings = parse_eml(data, "s.eml").record["email_findings"]
    assert findings == [
        ["auth_fail", "spf=fail"],
        ["auth_fail", "dmarc=fail"],
        ["link_host", "docs.example.org"],
        ["claims_linkedin", "sender address"],
    ]


@pytest.mark.parametrize(
    ("sender", "display_name", "text", "kind"),
    [
        ("linkedin@e.linkedin.com", "LinkedIn", "Try Premium free for a month", "notification"),
        ("premium@linkedin.com", "LinkedIn Premium", "Your offer", "notification"),
        ("jane.doe@linkedin.com", "Jane Doe", "Lunch?", "employee"),
        ("jane.doe@linkedin.com", "Jane Doe", "Sie haben eine neue InMail", "inmail"),
    ],
)
def test_marketing_and_staff_mail_from_linkedin_are_named_apart(sender, display_name, text, kind):
    found = linkedin_mail_kind(
        sender=sender,
        linkedin_class="",
        template="",
        links=[],
        invitation_layout=False,
        display_name=display_name,
        text=text,
    )
    assert found == kind
