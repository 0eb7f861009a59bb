"""Demo invitations: a varied queue for the demo reviewer (review.demo decides a few)."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from intake.records import attachment_entry, empty_record
from invitations.models import Channel, Invitation
from organisations.demo import seeder
from policy.engine.links import find_links

DEFAULT_EN = "I'd like to add you to my professional network on LinkedIn."
DEFAULT_DE = "Ich möchte Sie gerne zu meinem beruflichen Netzwerk auf LinkedIn hinzufügen."

# (name, headline, company, country, photo, mutual, message, extra)
DEMO_INVITATIONS: list[tuple] = [
    (
        "Sam Sellmore",
        "Growth hacker | 10x your leads",
        "LeadRocket",
        "US",
        False,
        0,
        "Hi! Special offer: 5,000 verified leads for only $99. Book now: https://bit.ly/lead-offer",
        {},
    ),
    (
        "Vanessa Vertrieb",
        "Vertriebsprofi",
        "Reichweite24",
        "DE",
        False,
        0,
        "Exklusives Angebot: Ihre Website auf Platz 1 bei Google, nur 49 € im Monat! "
        "www.seo-turbo.example/angebot",
        {},
    ),
    (
        "Crypto Chris",
        "Investor | Web3 | Passive income",
        "MoonFund",
        "VN",
        False,
        0,
        "Earn 30% per month guaranteed. Join my trading group: https://t.me/moonfund-signals",
        {},
    ),
    (
        "Linda Link",
        "Recruiter",
        "Talent Hub",
        "NG",
        False,
        1,
        "Please see the attached job description and apply today.",
        {
            "attachments": [
                attachment_entry(
                    "JobOffer.pdf.exe", 48_213, "application/octet-stream", "9f2b" * 16
                )
            ]
        },
    ),
    (
        "Peter Pitch",
        "CEO at Pitchly",
        "Pitchly",
        "GB",
        True,
        2,
        "Quick question: can I get 15 minutes to show you our sales tool? "
        "Free trial at pitchly.io/demo",
        {},
    ),
    ("Anna Schmidt", "Project manager", "Globex", "DE", True, 0, DEFAULT_DE, {}),
    ("Ben Miller", "Software engineer", "Initech", "US", True, 1, DEFAULT_EN, {}),
    (
        "Chiara Rossi",
        "Marketing lead",
        "Umbrella Ltd",
        "IT",
        True,
        0,
        "Vorrei aggiungerti alla mia rete professionale su LinkedIn.",
        {},
    ),
    ("Deniz Yılmaz", "Consultant", "Hooli", "TR", True, 3, "", {}),
    ("Emil Jensen", "Student", "", "DK", None, None, "Hi", {}),
    (
        "Fatima Khan",
        "Data scientist",
        "Stark AG",
        "DE",
        True,
        12,
        "Hello Mia, we met at the Data Summit in Berlin last week, where you spoke about "
        "evaluation pipelines. I'd love to stay in touch and swap notes on our projects.",
        {"worked_together": "no", "recognises_name": "yes"},
    ),
    (
        "Georg Weber",
        "Head of Finance",
        "Demo Agency",
        "DE",
        True,
        25,
        "Hallo Mia, wir haben letztes Jahr gemeinsam am Projekt Nordlicht gearbeitet. "
        "Schön, dass wir uns hier wiederfinden!",
        {"worked_together": "yes"},
    ),
    (
        "Hana Novak",
        "UX designer",
        "Wayne Group",
        "AT",
        True,
        4,
        "Hi Mia, I'm Hana from the Vienna UX meetup; we talked about accessibility audits "
        "over coffee. Let's connect!",
        {"recognises_name": "yes"},
    ),
    (
        "Ivan Petrov",
        "Procurement",
        "Soylent",
        "BG",
        False,
        0,
        DEFAULT_EN,
        {"recognises_name": "no"},
    ),
    ("Jana Kowalski", "HR business partner", "Tyrell Corp", "PL", True, 0, "I'm Jana. Bye.", {}),
    (
        "Kofi Mensah",
        "Entrepreneur",
        "Kofi Ventures",
        "GH",
        False,
        0,
        "Dear friend, I have a business proposal of mutual benefit. Contact me at "
        "kofi.ventures@mail.example or https://kofi-ventures.example/proposal",
        {},
    ),
    ("Lena Fischer", "Account manager", "Cyberdyne", "DE", True, 2, DEFAULT_DE, {}),
    (
        "Marco Costa",
        "Sales director",
        "Acme GmbH",
        "CH",
        True,
        8,
        "Hi Mia, Marco here, your counterpart at Acme on the migration project. "
        "Looking forward to our workshop next Tuesday.",
        {"worked_together": "yes"},
    ),
    ("Nora Jensen", "", "", "", None, None, "", {}),
    (
        "Omar Haddad",
        "Freelance developer",
        "",
        "AE",
        True,
        0,
        "Hello, I build websites and apps for a fixed price of 500 USD. "
        "Portfolio: omar-dev.example/work",
        {},
    ),
    (
        "Paula Lopez",
        "Researcher",
        "University of Leipzig",
        "DE",
        True,
        6,
        "Dear Mia, I read your article on trust in professional networks and would like "
        "to cite it in my thesis. Could we connect?",
        {},
    ),
    (
        "<b>Quentin</b> Test",
        "Security <script>alert(1)</script> tester",
        "Red Team",
        "FR",
        True,
        0,
        'Click <a href="javascript:alert(1)">here</a> or visit hxxp://phish.example/login',
        {},
    ),
    (
        "Rosa Meyer",
        "Office manager",
        "Demo Agency",
        "DE",
        True,
        14,
        DEFAULT_DE,
        {"recognises_name": "yes"},
    ),
    (
        "Sven Andersen",
        "Investor",
        "Nordic Capital",
        "SE",
        False,
        0,
        "Exclusive investment opportunity, limited seats. Buy now: https://tinyurl.com/nordic-invest",
        {},
    ),
    (
        "Tara Brown",
        "LinkedIn Member Services",
        "LinkedIn",
        "US",
        False,
        0,
        "Your account will be suspended. Verify your identity: http://linkedln-security.example/verify",
        {},
    ),
]


def _record(index: int, row: tuple, recipient: str) -> dict:
    name, headline, company, country, photo, mutual, message, extra = row
    record = empty_record()
    record.update(
        {
            "ref": f"demo-{index}",
            "recipient": recipient,
            "requester_name": name,
            "requester_headline": headline,
            "requester_company": company,
            "requester_country": country,
            "requester_profile_url": (
                f"https://www.linkedin.com/in/demo-{index}" if index % 3 else ""
            ),
            "requester_has_photo": photo,
            "mutual_connections": mutual,
            "message": message,
            "received_at": timezone.now() - timedelta(days=index % 9, hours=index),
            "links": find_links(message),
        }
    )
    record.update(extra)
    return record


@seeder("invitations")
def seed_invitations(org, stdout) -> None:
    """Submit and evaluate ~25 invitations in `org`; nothing if it has any."""
    from invitations.evaluation import invitations_evaluate
    from invitations.services import invitation_submit

    if Invitation.objects.for_org(org).exists():
        return
    User = get_user_model()
    member = User.objects.filter(username="member", memberships__organisation=org).first()
    if member is None:
        return
    ids = []
    for index, row in enumerate(DEMO_INVITATIONS, start=1):
        invitation, _created = invitation_submit(
            org=org,
            submitter=member,
            channel=Channel.FORM,
            record=_record(index, row, member.email or member.get_username()),
        )
        ids.append(invitation.pk)
    invitations_evaluate(invitation_ids=ids, claim="demo")
    stdout.write(f"Demo invitations: {len(ids)} submitted.")
