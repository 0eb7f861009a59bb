import pytest

from policy.engine import Facts, OrgContext, compile_policy, default_policy, evaluate

ORG = OrgContext.from_profile(
    {
        "name": "Muster Agentur",
        "countries": ["DE", "AT", "CH"],
        "industries": ["Marketing and Advertising"],
        "employers": ["Muster Agentur GmbH"],
        "clients": ["ACME AG"],
        "known_contacts": [
            {"name": "Karl Kontakt", "profile_url": "https://www.linkedin.com/in/karl-k/"}
        ],
        "blocklist": ["Lead Machine", "growth-hack.biz"],
    }
)
POLICY = compile_policy()
PERSONAL = "Hi Anna, we met at the DMEXCO conference in Cologne last week. Great talk!"
GOOD = {
    "recipient": "anna.schmidt@muster.de",
    "requester_name": "Jane Roe",
    "requester_company": "Foo Consulting",
    "requester_industry": "Marketing and Advertising",
    "requester_country": "DE",
    "requester_profile_url": "https://www.linkedin.com/in/jane-roe/",
    "requester_has_photo": True,
    "mutual_connections": 4,
    "message": PERSONAL,
}


def judge(policy=POLICY, org=ORG, **changes):
    return evaluate(Facts(org=org, **{**GOOD, **changes}), policy)


def hit(result, rule):
    return next((h for h in result.hits if h.rule == rule), None)


def test_a_personal_note_from_someone_with_mutual_connections_is_accepted():
    result = judge()
    assert result.recommendation == "accept"
    assert result.scores == {"unknown": -3.0, "not_personal": 0.0, "spam": 0.0}
    assert result.rules() == ("has_mutual_connections",)
    assert hit(result, "has_mutual_connections").explanation("en") == (
        "Jane Roe has 4 mutual connections."
    )


# Reason 1: unknown requester.


def test_it_recognises_a_known_contact_by_profile_url():
    result = judge(
        requester_name="Someone Else",
        mutual_connections=0,
        requester_profile_url="https://de.linkedin.com/in/Karl-K?trk=x",
    )
    known = hit(result, "known_contact")
    assert known.weight == -3.0
    assert known.explanation_en == "Someone Else is a known contact (profile URL on the roster)."
    assert hit(result, "no_one_knows_requester") is None
    assert result.recommendation == "accept"


def test_it_recognises_a_known_contact_by_normalised_name():
    result = judge(
        requester_name="karl  KONTAKT", mutual_connections=None, requester_profile_url=""
    )
    assert hit(result, "known_contact").explanation_de == (
        "karl  KONTAKT ist ein bekannter Kontakt (Name in der Kontaktliste)."
    )
    assert result.recommendation == "accept"


def test_a_stranger_is_not_a_known_contact():
    assert hit(judge(), "known_contact") is None


def test_it_counts_the_submitters_word_that_they_worked_together():
    result = judge(mutual_connections=0, worked_together="yes")
    assert hit(result, "worked_together").explanation_en == (
        "The submitter says they worked with Jane Roe."
    )
    assert result.recommendation == "accept"


def test_it_counts_a_requester_working_at_a_client_even_with_a_legal_suffix():
    result = judge(mutual_connections=0, requester_company="Acme Deutschland GmbH")
    assert hit(result, "worked_together").explanation_en == (
        "Jane Roe works at Acme Deutschland GmbH, one of our employers or clients."
    )
    assert result.recommendation == "accept"


def test_worked_together_does_not_fire_for_other_companies_or_a_no():
    result = judge(requester_company="Acmeville Ltd", worked_together="no")
    assert hit(result, "worked_together") is None


def test_the_submitter_recognising_the_name_is_evidence():
    result = judge(mutual_connections=None, recognises_name="yes")
    assert hit(result, "name_recognised").weight == -3.0
    assert result.recommendation == "accept"


def test_connections_to_colleagues_are_evidence_and_count_as_mutual():
    result = judge(mutual_connections=0, colleagues_connected=2)
    assert hit(result, "connected_to_colleagues").explanation_en == (
        "Jane Roe is connected to 2 colleagues."
    )
    assert hit(result, "has_mutual_connections").explanation_en == (
        "Jane Roe has 2 mutual connections."
    )
    assert result.recommendation == "accept"


def test_colleague_counts_can_come_from_the_org_context():
    org = OrgContext(colleagues_connected_by_url={"linkedin.com/in/jane-roe": 3})
    result = judge(org=org, mutual_connections=None)
    assert hit(result, "connected_to_colleagues").explanation_en == (
        "Jane Roe is connected to 3 colleagues."
    )


def test_a_requester_nobody_knows_is_dont_know_and_missing_data_is_said():
    result = judge(mutual_connections=None)
    assert result.recommendation == "dont_know"
    nobody = hit(result, "no_one_knows_requester")
    assert (
        nobody.explanation_en == "Nobody said they know Jane Roe; no mutual connections recorded."
    )
    assert nobody.explanation_de == (
        "Niemand hat angegeben, Jane Roe zu kennen; keine gemeinsamen Kontakte erfasst."
    )
    assert hit(result, "few_mutual_connections").explanation_en == "No mutual connections recorded."
    assert result.scores["unknown"] == 1.5


def test_few_mutual_connections_names_the_count_and_minimum():
    policy = default_policy()
    policy["rules"]["few_mutual_connections"]["params"]["min_mutual"] = 3
    policy["rules"]["has_mutual_connections"]["params"]["min_mutual"] = 3
    result = judge(policy=compile_policy(policy), mutual_connections=1)
    assert hit(result, "few_mutual_connections").explanation_en == (
        "1 mutual connection (minimum 3)."
    )
    assert hit(result, "no_one_knows_requester").explanation_en == (
        "Nobody said they know Jane Roe; 1 mutual connection."
    )
    assert result.recommendation == "dont_know"


def test_an_industry_outside_ours_adds_weight_but_does_not_decide_alone():
    result = judge(requester_industry="Financial Services")
    outside = hit(result, "industry_outside")
    assert outside.weight == 0.25
    assert outside.explanation_en == "Jane Roe's industry Financial Services is not one of ours."
    assert result.recommendation == "accept"
    assert hit(judge(), "industry_outside") is None
    assert hit(judge(requester_industry=""), "industry_outside") is None


def test_the_submitter_not_recognising_the_name_fires():
    result = judge(recognises_name="no", mutual_connections=0)
    assert hit(result, "name_not_recognised").explanation_en == (
        "The submitter does not recognise the name Jane Roe."
    )
    assert result.recommendation == "dont_know"
    assert hit(judge(recognises_name=""), "name_not_recognised") is None


def test_an_unnamed_requester_is_called_the_requester():
    result = judge(requester_name="", mutual_connections=None)
    assert hit(result, "no_one_knows_requester").explanation_en.startswith(
        "Nobody said they know the requester;"
    )


# Reason 2: not personalised.


def test_it_flags_a_missing_note():
    result = judge(message="   ")
    assert hit(result, "no_note").explanation("de") == "Die Einladung hat keine Notiz."
    assert result.recommendation == "ignore"


DEFAULT_TEXTS = [
    ("English", "I'd like to add you to my professional network on LinkedIn."),
    ("English", "I'd like to add you to my LinkedIn network."),
    ("English", "I'd like to join your LinkedIn network."),
    ("German", "Ich möchte Sie gerne zu meinem beruflichen Netzwerk auf LinkedIn hinzufügen."),
    ("German", "Ich möchte Sie zu meinem beruflichen Netzwerk auf LinkedIn hinzufügen."),
    (
        "French",
        "J'aimerais vous inviter à rejoindre mon réseau professionnel en ligne, sur le "
        "site LinkedIn.",
    ),
    ("Spanish", "Me gustaría añadirte a mi red profesional en LinkedIn."),
    ("Dutch", "Ik wil je graag toevoegen aan mijn professionele netwerk op LinkedIn."),
    ("Portuguese", "Gostaria de adicioná-lo à minha rede profissional no LinkedIn."),
    ("Italian", "Vorrei aggiungerti alla mia rete professionale su LinkedIn."),
]


def _variants(text):
    return [
        text,
        text.upper(),
        text.replace("'", "\u2019"),
        "  " + text.replace(" ", "   ") + "  ",
        text + " - Nina",
        text + "\n\u2014 Paul Zimmermann",
        text + "\nViele Grüße, Max",
        "Hi Paul, " + text,
        "Hallo Herr Zimmermann,\n" + text,
        text.rstrip(".") + "!",
    ]


@pytest.mark.parametrize(("language", "text"), DEFAULT_TEXTS)
def test_it_flags_default_text_in_every_language_and_variant(language, text):
    for variant in _variants(text):
        result = judge(message=variant)
        default = hit(result, "default_text")
        assert default is not None, variant
        assert default.explanation_en == f"The note is LinkedIn's default text ({language}).", (
            variant
        )
        assert hit(result, "short_note") is None
        assert hit(result, "no_context") is None
        assert result.recommendation == "ignore", variant


def test_it_flags_german_default_text():
    result = judge(
        message="Ich möchte Sie gerne zu meinem beruflichen Netzwerk auf LinkedIn hinzufügen."
    )
    assert hit(result, "default_text").explanation_de == (
        "Die Notiz ist LinkedIns Standardtext (Deutsch)."
    )


def test_a_default_text_with_a_real_context_added_is_not_default():
    result = judge(
        message="I'd like to add you to my professional network on LinkedIn. We met "
        "at the DMEXCO conference."
    )
    assert hit(result, "default_text") is None
    assert result.recommendation == "accept"


def test_managers_can_add_default_texts_in_new_languages():
    policy = default_policy()
    policy["lists"]["default_texts"].append(
        {"lang": "pl", "text": "Chciałbym dodać Cię do mojej sieci zawodowej na LinkedIn."}
    )
    result = judge(
        policy=compile_policy(policy),
        message="Chciałbym dodać Cię do mojej sieci zawodowej na LinkedIn.",
    )
    assert hit(result, "default_text").explanation_en == (
        "The note is LinkedIn's default text (Polish)."
    )


def test_it_flags_a_short_note_with_its_length():
    result = judge(message="I'm Kim. Bye.")
    short = hit(result, "short_note")
    assert short.explanation_en == (
        "The note has only 13 characters (minimum 30): \u201cI'm Kim. Bye.\u201d."
    )
    assert short.explanation_de == (
        "Die Notiz hat nur 13 Zeichen (Minimum 30): \u201eI'm Kim. Bye.\u201c."
    )
    assert result.recommendation == "ignore"


def test_a_signature_does_not_count_towards_the_length():
    result = judge(message="We met at the expo. Best regards, Maximilian Mustermann")
    assert hit(result, "short_note").explanation_en.startswith("The note has only 19 characters")


def test_a_long_enough_note_is_not_short():
    assert hit(judge(), "short_note") is None


@pytest.mark.parametrize(
    "note",
    [
        "We worked together at Globex on the billing migration back in 2019.",
        "Schön, dass wir uns auf der Messe in Köln kennengelernt haben!",
        "Nous avons travaillé ensemble chez Globex pendant deux ans.",
        "Trabajamos juntos en Madrid hace unos años, ¿te acuerdas?",
        "We hebben samengewerkt bij Globex in Utrecht, leuk je weer te zien.",
        "Trabalhamos juntos na Globex em Lisboa, seria ótimo reconectar.",
        "Abbiamo lavorato insieme in Globex a Milano qualche anno fa.",
        "Anna, I was in the ACME rollout team with your colleague Paul.",
        "Great to connect after your talk - I enjoyed the conference very much.",
        "Good to finally connect, I still remember the project kickoff in Munich.",
    ],
)
def test_a_note_with_context_is_personal(note):
    result = judge(message=note)
    assert hit(result, "no_context") is None, note
    assert result.recommendation == "accept", note


def test_a_note_mentioning_an_org_client_has_context():
    result = judge(message="Hello Anna, I follow everything Acme Deutschland publishes online.")
    assert hit(result, "no_context") is None


def test_a_greeting_with_the_recipients_name_alone_is_no_context():
    result = judge(message="Hi Anna, I would love to connect with you and grow my network!")
    assert hit(result, "no_context").explanation_en == (
        "The note greets Anna by name but does not say where or how they know each other."
    )
    assert result.recommendation == "ignore"


def test_a_note_without_any_context_says_so():
    result = judge(recipient="", message="I would love to connect with you and grow my network!")
    assert hit(result, "no_context").explanation_de == "Die Notiz sagt nicht, woher man sich kennt."


# Reason 3: spam.


def test_no_photo_alone_is_a_weak_signal_with_weight_zero_and_caps_at_ignore():
    result = judge(requester_has_photo=False)
    assert hit(result, "no_photo").weight == 0.0
    assert hit(result, "no_photo").explanation_en == "Jane Roe has no profile photo."
    assert result.recommendation == "ignore"
    cap = hit(result, "no_face_no_connection")
    assert cap.explanation_en == (
        "No face, no connection: Jane Roe has no profile photo, so ignore rather than accept."
    )
    assert hit(judge(requester_has_photo=None), "no_photo") is None


@pytest.mark.parametrize(
    ("note", "evidence"),
    [
        ("Our SEO package is only $99 a month, DMEXCO conference special.", "$99"),
        ("Book a free demo of our tool, we met at the conference last week.", "Book a free demo"),
        ("Wir haben uns auf der Messe getroffen - jetzt 20% Rabatt auf alles!", "20% Rabatt"),
        (
            "Wir haben uns auf der Messe getroffen, ein unverbindliches Angebot.",
            "unverbindliches Angebot",
        ),
        ("We met at the expo, the workshop costs 49 EUR per person.", "49 EUR"),
        ("We met at the expo, the workshop costs \u20ac 49 per person.", "\u20ac 49"),
    ],
)
def test_it_flags_promotional_notes_and_names_the_phrase(note, evidence):
    result = judge(message=note)
    promo = hit(result, "promotional")
    assert promo is not None, note
    assert promo.explanation_en == f"The note advertises: \u201c{evidence}\u201d."
    assert result.recommendation == "report_spam"


@pytest.mark.parametrize(
    ("note", "evidence"),
    [
        ("We met at the expo. Guaranteed returns with our crypto fund!", "Guaranteed returns"),
        ("We met at the expo. Work from home and earn $500 a day!", "Work from home and earn"),
    ],
)
def test_it_flags_scam_openers_and_names_the_phrase(note, evidence):
    result = judge(message=note)
    assert hit(result, "promotional").explanation_en == (
        f"The note looks like a scam: \u201c{evidence}\u201d."
    )
    assert result.recommendation == "report_spam"


def test_an_ordinary_note_is_not_promotional():
    assert hit(judge(), "promotional") is None
    assert (
        hit(judge(message="We met at the expo in 2019 and talked about 3 projects."), "promotional")
        is None
    )


def test_a_plain_link_is_weak_and_shown_defanged():
    result = judge(message=PERSONAL + " Slides: https://example.com/slides.pdf")
    links = hit(result, "links_in_note")
    assert links.explanation_en == "1 link in the note: hxxps://example[.]com/slides.pdf"
    assert links.weight == 0.0
    assert result.recommendation == "accept"


def test_a_shortened_link_is_strong_and_never_shown_raw():
    result = judge(message=PERSONAL + " See https://bit.ly/3xYz and www.example.org/a")
    assert hit(result, "links_in_note").explanation_en == (
        "2 links in the note: hxxps://bit[.]ly/3xYz, www[.]example[.]org/a"
    )
    short = hit(result, "shortened_link")
    assert short.explanation_en == "1 shortened link hides where it leads: hxxps://bit[.]ly/3xYz"
    assert result.recommendation == "report_spam"
    for h in result.hits:
        assert "https://" not in h.explanation_en and "bit.ly" not in h.explanation_de


def test_a_bare_shortener_without_scheme_is_caught():
    result = judge(message=PERSONAL + " tinyurl.com/abc")
    assert hit(result, "shortened_link") is not None


def test_attachments_are_strong():
    result = judge(attachments=("invoice.pdf.exe",))
    assert hit(result, "attachments").explanation_en == "1 attachment: invoice[.]pdf[.]exe."
    assert result.recommendation == "report_spam"
    assert hit(judge(), "attachments") is None


def test_a_foreign_country_is_weak_and_only_when_both_are_known():
    result = judge(requester_country="NG")
    assert hit(result, "foreign_country").explanation_en == (
        "Jane Roe is in NG, outside our countries (AT, CH, DE)."
    )
    assert hit(result, "foreign_country").weight == 0.0
    assert hit(judge(requester_country=""), "foreign_country") is None
    assert hit(judge(org=OrgContext(), requester_country="NG"), "foreign_country") is None


def test_two_weak_signals_for_a_stranger_are_spam():
    result = judge(mutual_connections=0, requester_has_photo=False, requester_country="NG")
    assert hit(result, "no_photo").weight == 0.5
    assert hit(result, "foreign_country").weight == 0.5
    assert result.scores["spam"] == 1.0
    assert result.recommendation == "report_spam"


def test_weak_signals_do_not_count_for_a_known_requester():
    result = judge(requester_has_photo=False, requester_country="NG")
    assert result.scores["spam"] == 0.0
    assert result.recommendation == "ignore"


@pytest.mark.parametrize(
    ("changes", "where"),
    [
        ({"requester_name": "Lead Machine Bot"}, "the name"),
        ({"requester_company": "LEAD MACHINE Ltd"}, "the company"),
        ({"requester_profile_url": "https://growth-hack.biz/p/1"}, "the profile URL"),
        ({"message": PERSONAL + " Powered by growth-hack.biz"}, "the note"),
    ],
)
def test_it_flags_blocklisted_entries_in_every_field(changes, where):
    result = judge(**changes)
    blocked = hit(result, "blocklisted")
    assert blocked is not None
    assert blocked.explanation_en.endswith(f"appears in {where}.")
    assert "growth-hack.biz" not in blocked.explanation_en
    assert result.recommendation == "report_spam"


def test_the_policy_blocklist_adds_to_the_orgs():
    policy = default_policy()
    policy["lists"]["blocklist"] = ["Spammy Corp"]
    result = judge(policy=compile_policy(policy), requester_company="Spammy Corp")
    assert hit(result, "blocklisted").explanation_en == (
        "Blocklisted \u201cSpammy Corp\u201d appears in the company."
    )
    assert hit(judge(), "blocklisted") is None


def test_it_flags_linkedin_imitation_from_email_findings():
    result = judge(
        email_findings=(
            ("claims_linkedin", "display name"),
            ("sender_domain", "linkedln-mail.com"),
            ("auth_fail", ""),
        )
    )
    imitation = hit(result, "linkedin_imitation")
    assert imitation.explanation_en == (
        "The e-mail imitates LinkedIn: sender domain is not LinkedIn's "
        "(linkedln-mail[.]com); failed SPF/DKIM/DMARC."
    )
    assert imitation.explanation_de.startswith("Die E-Mail imitiert LinkedIn: ")
    assert result.recommendation == "report_spam"


def test_mail_that_does_not_claim_to_be_linkedin_is_called_invitation_themed():
    result = judge(email_findings=(("sender_domain", "growth-mail.example"),))
    imitation = hit(result, "linkedin_imitation")
    assert imitation.explanation_en == (
        "Invitation-themed mail from a sender that is not LinkedIn: sender domain is not "
        "LinkedIn's (growth-mail[.]example)."
    )
    assert imitation.explanation_de.startswith(
        "Einladungs-Mail eines Absenders, der nicht LinkedIn ist: "
    )
    assert result.recommendation == "report_spam"


def test_a_claim_alone_is_not_an_imitation_sign():
    result = judge(email_findings=(("claims_linkedin", "subject"),))
    assert hit(result, "linkedin_imitation") is None
    assert result.recommendation == "accept"


def test_genuine_linkedin_mail_is_said_with_zero_weight():
    result = judge(
        email_findings=(
            ("claims_linkedin", "layout"),
            ("genuine_linkedin", "DKIM pass for linkedin.com"),
        )
    )
    genuine = hit(result, "linkedin_imitation")
    assert genuine.weight == 0.0
    assert genuine.explanation_en == (
        "The e-mail is genuine LinkedIn mail: DKIM pass for linkedin[.]com."
    )
    assert result.scores["spam"] == 0.0
    assert result.recommendation == "accept"


def test_it_flags_a_mass_inviter_from_the_minimum_on():
    assert hit(judge(recent_invites_to_colleagues=2), "mass_inviter") is None
    result = judge(recent_invites_to_colleagues=3)
    assert hit(result, "mass_inviter").explanation_en == (
        "Jane Roe invited 3 colleagues within 7 days."
    )
    assert hit(result, "mass_inviter").explanation_de == (
        "Jane Roe hat 3 Kolleg(inn)en in 7 Tagen eingeladen."
    )
    assert result.recommendation == "report_spam"


def test_a_disabled_rule_never_fires():
    policy = default_policy()
    policy["rules"]["attachments"]["enabled"] = False
    result = judge(policy=compile_policy(policy), attachments=("a.exe",))
    assert hit(result, "attachments") is None
    assert result.recommendation == "accept"


def test_every_explanation_defangs_links_from_untrusted_fields():
    result = judge(
        requester_name="https://evil.example/x",
        requester_company="evil.example",
        requester_industry="www.evil.example",
        mutual_connections=None,
        message="https://bit.ly/zzz",
        attachments=("http://evil.example/a.exe",),
    )
    for h in result.hits:
        for text in (h.explanation_en, h.explanation_de):
            assert "evil.example" not in text and "bit.ly" not in text, text
            assert "http://" not in text and "https://" not in text, text
