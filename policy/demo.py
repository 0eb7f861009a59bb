"""Demo data of the policy feature: the organisation profile and a small roster."""

from django.contrib.auth import get_user_model

from intake import ParsedRow
from intake.linkedin_export import roster_entry
from organisations.demo import seeder
from policy.models import OrgProfile, RosterContact, RosterSource
from policy.roster import roster_import
from policy.services import policy_ensure

DEMO_PROFILE = {
    "countries": ["DE", "AT", "CH"],
    "industries": ["Marketing and Advertising", "Information Technology and Services"],
    "employers": ["Demo Agency"],
    "clients": ["Nordwind Logistik", "Alpenblick Hotels"],
    "blocklist": ["crypto-profits.example"],
}
DEMO_SHARED = [
    ("Lena Vogel", "https://www.linkedin.com/in/lena-vogel-demo", "Nordwind Logistik"),
    ("Jonas Huber", "https://www.linkedin.com/in/jonas-huber-demo", "Alpenblick Hotels"),
    ("Sophie Brandt", "", "Nordwind Logistik"),
]
DEMO_CONNECTIONS = {
    "manager": [
        ("Anna", "Schmidt", "https://www.linkedin.com/in/anna-schmidt-demo", "Demo Agency"),
        ("Lukas", "Meier", "https://www.linkedin.com/in/lukas-meier-demo", "Bergwerk Media"),
        ("Jonas", "Huber", "https://www.linkedin.com/in/jonas-huber-demo", "Alpenblick Hotels"),
    ],
    "reviewer": [
        ("Lukas", "Meier", "https://www.linkedin.com/in/lukas-meier-demo", "Bergwerk Media"),
        ("Elif", "Yılmaz", "https://www.linkedin.com/in/elif-yilmaz-demo", "Kranich Design"),
    ],
}


def _rows(entries):
    for line, entry in enumerate(entries, 2):
        yield ParsedRow(line, entry, [])


@seeder("policy")
def seed_policy(org, stdout) -> None:
    """Ensure the policy, fill the empty parts of the profile and seed a small roster once."""
    policy_ensure(org=org)
    profile, _created = OrgProfile.objects.get_or_create(organisation=org)
    filled = [name for name, values in DEMO_PROFILE.items() if not getattr(profile, name)]
    for name in filled:
        setattr(profile, name, list(DEMO_PROFILE[name]))
    if filled:
        profile.save()
    added = 0
    contacts = RosterContact.objects.for_org(org)
    if not contacts.filter(owner=None, source=RosterSource.CSV).exists():
        shared = [
            roster_entry(name=name, profile_url=url, company=company)
            for name, url, company in DEMO_SHARED
        ]
        added += roster_import(
            org=org, owner=None, source=RosterSource.CSV, rows=_rows(shared), filename="demo.csv"
        ).created
    users = get_user_model().objects.filter(
        username__in=DEMO_CONNECTIONS, memberships__organisation=org
    )
    for user in users:
        if contacts.filter(owner=user, source=RosterSource.LINKEDIN).exists():
            continue
        entries = [
            roster_entry(
                first_name=first,
                last_name=last,
                name=f"{first} {last}",
                profile_url=url,
                company=company,
            )
            for first, last, url, company in DEMO_CONNECTIONS[user.get_username()]
        ]
        added += roster_import(
            org=org,
            owner=user,
            source=RosterSource.LINKEDIN,
            rows=_rows(entries),
            filename="Connections.csv",
        ).created
    if filled or added:
        stdout.write(
            f"Policy: profile fields filled: {', '.join(filled) or 'none'}; "
            f"{added} roster contact(s) added."
        )
