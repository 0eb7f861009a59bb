"""E-mails in every shape LinkedIn sends and forwards take: read, judged and evaluated.

The fixtures in fixtures/mail/ are written by fixtures/build_mail.py; the three genuine 2016
samples in fixtures/real/ are real LinkedIn mails.
"""

import base64
from pathlib import Path

import pytest

from intake.email_intake import INFORMATIONAL, parse_eml
from policy.engine import Facts, evaluate

FIXTURES = Path(__file__).resolve().parent / "fixtures"
MAIL = FIXTURES / "mail"
LANGUAGES = ("en", "de", "fr", "es", "nl", "it", "pt")
# language: (requester, first words of the headline, first words of the note, location)
EXPECTED = {
    "en": ("Dana Whitfield", "Senior Engineer at", "We met at the DevOps meetup", "Greater Boston"),
    "de": ("Jördis Kranich", "Leiterin Einkauf", "Wir haben uns letzte Woche", "Hamburg"),
    "fr": ("Élodie Marchand", "Directrice financière", "Nous avons travaillé", "Lyon"),
    "es": ("Íñigo Salazar", "Jefe de ventas", "Coincidimos en el curso", "Madrid"),
    "nl": ("Sanne van der Berg", "Projectleider bij", "We hebben samen", "Utrecht"),
    "it": ("Chiara Lombardi", "Responsabile qualità", "Ci siamo conosciuti", "Bologna"),
    "pt": ("João Almeida", "Gerente de TI", "Trabalhamos juntos", "São Paulo"),
}

LOOKALIKE_SIGNS = [
    ["sender_domain", "lnkedin-mail.com"],
    ["message_id_domain", "mta1.lnkedin-mail.com"],
    ["link_host", "lnkedin-mail.com"],
    ["lookalike_name", "lnkedin"],
    ["lookalike_name", "lnkedin-mail.com"],
    ["lookalike_name", "mta1.lnkedin-mail.com"],
]


def _read(relative: str):
    path = MAIL / relative
    result = parse_eml(path.read_bytes(), path.name)
    assert result.errors == [], result.errors
    return result


def _signs(record) -> list[list[str]]:
    return [f for f in record["email_findings"] if f[0] not in INFORMATIONAL]


def _evaluate(record):
    return evaluate(Facts.from_mapping(record))


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("shape", ["qp", "base64", "html-only", "note-after"])
def test_a_genuine_invitation_is_read_in_every_language_and_shape(lang, shape):
    result = _read(f"genuine/invitation_{lang}_{shape}.eml")
    record = result.record
    name, headline, note, location = EXPECTED[lang]
    assert record["requester_name"] == name
    assert record["requester_headline"].startswith(headline)
    assert record["message"].startswith(note)
    assert result.location.startswith(location)
    assert record["mutual_connections"] == 12
    assert record["requester_profile_url"].startswith("https://www.linkedin.com/comm/in/")
    assert record["requester_has_photo"] is True
    assert record["attachments"] == []
    assert record["email_findings"] == [["genuine_linkedin", "DKIM pass for linkedin.com"]]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_reminder_names_the_requester_from_the_subject_and_has_no_note(lang):
    record = _read(f"genuine/reminder_{lang}.eml").record
    name, headline, _note, _location = EXPECTED[lang]
    assert record["requester_name"] == name
    assert record["requester_headline"].startswith(headline)
    assert record["message"] == ""
    assert _signs(record) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_guest_invitation_keeps_the_note_written_after_the_action_line(lang):
    record = _read(f"genuine/guest_{lang}.eml").record
    name, headline, note, _location = EXPECTED[lang]
    assert record["requester_name"] == name
    assert record["requester_headline"].startswith(headline)
    assert record["message"].startswith(note)
    assert record["message"][-1] not in '\u201d"'
    assert _signs(record) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_inline_forward_is_judged_by_the_forwarded_mail_not_the_forwarder(lang):
    record = _read(f"genuine/forwarded_inline_{lang}.eml").record
    name, headline, note, _location = EXPECTED[lang]
    assert (record["requester_name"], record["message"][: len(note)]) == (name, note)
    assert record["requester_headline"].startswith(headline)
    assert record["recipient"] == "paul.keller@vouch.example"
    assert record["email_findings"] == []


def test_an_outlook_forward_in_german_with_a_mailto_sender_is_read():
    record = _read("genuine/forwarded_inline_outlook_de.eml").record
    assert record["requester_name"] == "Jördis Kranich"
    assert record["message"].startswith("Wir haben uns letzte Woche")
    assert record["email_findings"] == []


def test_an_invitation_attached_to_a_forward_keeps_its_own_authentication_results():
    record = _read("genuine/forwarded_attached_it.eml").record
    assert record["requester_name"] == "Chiara Lombardi"
    assert record["email_findings"] == [["genuine_linkedin", "DKIM pass for linkedin.com"]]


def test_the_2011_layout_without_a_name_block_keeps_the_whole_note():
    record = _read("genuine/invitation_2011.eml").record
    assert record["requester_name"] == "Nora Quist"
    assert record["message"].startswith("We sat next to each other at the OSCON tutorial")
    assert record["message"].endswith("- Nora")


@pytest.mark.parametrize(
    "relative",
    sorted(str(p.relative_to(MAIL)) for p in (MAIL / "genuine").glob("*.eml")),
)
def test_no_genuine_mail_is_recommended_as_spam(relative):
    record = _read(relative).record
    result = _evaluate(record)
    assert result.recommendation != "report_spam", [h.explanation_en for h in result.hits]
    assert _signs(record) == []


@pytest.mark.parametrize(
    "name",
    [
        "imapdigester_linkedin_1.eml",
        "imapdigester_test_linkedin_invitations_INCOMING_1.eml",
        "imapdigester_test_linkedin_invitations_FOOBAR.eml",
    ],
)
def test_the_real_2016_invitations_are_genuine_invitations_not_spam(name):
    result = parse_eml((FIXTURES / "real" / name).read_bytes(), name)
    assert result.errors == [] and result.linkedin_layout
    assert _evaluate(result.record).recommendation != "report_spam"


def test_a_genuine_mail_says_why_it_is_genuine_in_its_evaluation():
    record = _read("genuine/invitation_de_qp.eml").record
    (hit,) = [h for h in _evaluate(record).hits if h.rule == "linkedin_imitation"]
    assert hit.weight == 0.0
    assert hit.explanation_en == (
        "The e-mail is genuine LinkedIn mail: DKIM pass for linkedin[.]com."
    )


@pytest.mark.parametrize(
    ("relative", "signs", "claim"),
    [
        (
            "imitation/lookalike_domain.eml",
            LOOKALIKE_SIGNS,
            "subject",
        ),
        (
            "imitation/confusable_name.eml",
            [
                ["sender_domain", "kontakt-service.example"],
                ["message_id_domain", "kontakt-service.example"],
                ["lookalike_name", "L\u0456nked\u0406n Einladungen"],
                ["lookalike_name", "L\u0456nked\u0406n"],
            ],
            "display name",
        ),
        (
            "imitation/reply_to_spoofed_sender.eml",
            [
                ["auth_fail", "spf=softfail"],
                ["auth_fail", "dmarc=fail"],
                ["reply_to", "gmail.com"],
            ],
            "sender address",
        ),
        (
            "imitation/forged_pass_below_our_header.eml",
            [
                ["auth_fail", "dkim=fail"],
                ["auth_fail", "dmarc=fail"],
                ["link_host", "secure-login.example.ru"],
            ],
            "sender address",
        ),
        (
            "imitation/forwarded_attached_lookalike.eml",
            LOOKALIKE_SIGNS,
            "subject",
        ),
    ],
)
def test_an_imitation_is_reported_as_spam_that_imitates_linkedin(relative, signs, claim):
    record = _read(relative).record
    assert record["email_findings"] == [*signs, ["claims_linkedin", claim]]
    result = _evaluate(record)
    assert result.recommendation == "report_spam"
    (hit,) = [h for h in result.hits if h.rule == "linkedin_imitation"]
    assert hit.explanation_en.startswith("The e-mail imitates LinkedIn: ")


def test_invitation_spam_from_another_sender_is_spam_but_not_called_an_imitation():
    record = _read("not_linkedin/invitation_spam.eml").record
    assert record["email_findings"] == [
        ["auth_fail", "dkim=fail"],
        ["sender_domain", "onyxxxmail.example"],
        ["link_host", "mailxfast.example"],
    ]
    result = _evaluate(record)
    assert result.recommendation == "report_spam"
    (hit,) = [h for h in result.hits if h.rule == "linkedin_imitation"]
    assert hit.explanation_en.startswith(
        "Invitation-themed mail from a sender that is not LinkedIn: "
    )


@pytest.mark.parametrize(
    ("relative", "sentence"),
    [
        ("not_invitation/inmail_de.eml", "This is a LinkedIn InMail, not a connection invitation"),
        (
            "not_invitation/job_digest_missing_boundary.eml",
            "This is a LinkedIn job digest, not a connection invitation",
        ),
        (
            "not_invitation/notification.eml",
            "This is a LinkedIn notification, not a connection invitation",
        ),
        (
            "not_invitation/employee_mail.eml",
            "This is an e-mail from a LinkedIn employee, not a connection invitation",
        ),
    ],
)
def test_linkedin_mail_that_is_not_an_invitation_is_refused_saying_what_it_is(relative, sentence):
    path = MAIL / relative
    result = parse_eml(path.read_bytes(), path.name)
    assert result.record is None
    assert [str(e) for e in result.errors] == [f"{path.name}: {sentence}"]


def test_a_missing_mime_boundary_never_becomes_an_attachment():
    data = (MAIL / "not_invitation" / "job_digest_missing_boundary.eml").read_bytes()
    data = data.replace(b"jobalerts-noreply@linkedin.com", b"alerts@jobs-board.example")
    record = parse_eml(data, "digest.eml").record
    assert record["attachments"] == []
    assert "12 new jobs match your preferences" in record["message"]


def test_the_fixtures_are_what_the_builder_writes():
    built = _builder().build()
    assert sorted(built) == sorted(str(p.relative_to(MAIL)) for p in MAIL.rglob("*.eml"))
    for name, data in built.items():
        assert (MAIL / name).read_bytes() == data, name


def _builder():
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_mail", FIXTURES / "build_mail.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("lang", ["fr", "it"])
def test_a_requester_without_a_photo_is_seen_in_any_language(lang):
    build = _builder()
    name, plain = build.current_plain(lang)
    _name, html = build.current_html(lang)
    html = html.replace("https://media.licdn.com/dms/image/C4E03/profile-displayphoto.jpg", "")
    head = build._headers(build._from(name, "invitations@linkedin.com"), "Invitation", build.OUR_MX)
    record = parse_eml((head + build._alternative(plain, html, "qp")).encode(), "p.eml").record
    assert record["requester_name"] == name
    assert record["requester_has_photo"] is False


def test_an_inline_forward_that_lost_the_sender_address_is_not_judged_by_it():
    text = _builder().forwarded_inline_outlook_de().decode()
    head, _, body = text.partition("\n\n")
    plain = base64.b64decode(body).decode()
    plain = plain.replace(" [mailto:invitations@linkedin.com]", "")
    data = (head.replace("base64", "8bit") + "\n\n" + plain).encode()
    record = parse_eml(data, "o.eml").record
    assert record["requester_name"] == "Jördis Kranich"
    assert record["email_findings"] == []


@pytest.mark.parametrize("note_after", [False, True])
def test_a_note_that_says_it_would_like_to_connect_is_kept_whole(note_after):
    build = _builder()
    note = build.LANG["en"][12]
    own = "I would like to connect with you, we met at the DevOps meetup in Boston."
    name, plain = build.current_plain("en", note_after=note_after)
    plain = plain.replace(note, own)
    head = build._headers(build._from(name, "invitations@linkedin.com"), "Hi", build.OUR_MX)
    record = parse_eml((head + build._single("plain", plain, "qp")).encode(), "n.eml").record
    assert record["message"] == own
    assert record["requester_name"] == name


@pytest.mark.parametrize(
    ("relative", "name", "headline", "location"),
    [
        ("genuine/reminder_2013.eml", "Tamsin Roe", "Owner, Roe Consulting", "Greater Chicago"),
        ("genuine/reminder_2015.eml", "ryan lundy", "Platform Engineer at Northwind", "Denver"),
    ],
)
def test_old_reminders_are_read_without_taking_linkedins_text_for_a_note(
    relative, name, headline, location
):
    result = _read(relative)
    record = result.record
    assert (record["requester_name"], record["requester_headline"]) == (name, headline)
    assert result.location.startswith(location)
    assert record["message"] == ""


def test_an_attached_mail_is_judged_even_when_the_forward_mentions_linkedin():
    spam = (MAIL / "not_linkedin" / "invitation_spam.eml").read_bytes()
    data = (
        _builder()
        .forwarded_attached(spam)
        .replace(b"Subject: Fwd: LinkedIn invitation", b"Subject: Fwd: is this from LinkedIn?")
    )
    record = parse_eml(data, "fwd.eml").record
    assert record["requester_name"] == "Ash"
    assert ["sender_domain", "onyxxxmail.example"] in record["email_findings"]


@pytest.mark.parametrize(
    ("relative", "name"),
    [
        ("genuine/forwarded_attached_octet_stream_nl.eml", "Sanne van der Berg"),
        ("genuine/forwarded_attached_base64_rfc822_pt.eml", "João Almeida"),
    ],
)
def test_a_mail_attached_base64_encoded_is_unpacked_and_judged(relative, name):
    record = _read(relative).record
    assert record["requester_name"] == name
    assert record["email_findings"] == [["genuine_linkedin", "DKIM pass for linkedin.com"]]


def test_a_hostile_mail_hidden_in_an_encoded_attachment_is_only_an_attachment():
    hostile = (
        b"From: a@x.example\nSubject: s\nContent-Type: text/plain" + b"; a=b" * 5000 + b"\n\nhi\n"
    )
    data = _builder().forwarded_attached_encoded(hostile, "message/rfc822")
    result = parse_eml(data, "h.eml")
    assert result.errors == []
    assert result.record["requester_name"] == "Paul Keller"
