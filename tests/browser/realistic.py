"""A realistic review queue for the browser tests: long names, long headlines, many people.

It holds no tests itself; the queue layout and campaign tests share it.
"""

from datetime import timedelta

from django.utils import timezone

from tests.invitations.fixtures import make_invitation

FIRST = [
    "Maximilian-Alexander",
    "Anna-Katharina",
    "Jean-Baptiste",
    "Siddharth",
    "Oluwaseun",
    "Guðrún",
    "Zbigniew",
    "María José",
    "Christopher",
    "Nguyễn Thị",
]
LAST = [
    "von Hohenzollern-Sigmaringen",
    "Papadopoulou-Schmidt",
    "de la Fontaine-Beaumont",
    "Venkataraghavan",
    "Adebayo-Ogunleye",
    "Sigurðardóttir",
    "Brzęczyszczykiewicz",
    "Fernández de Córdoba",
    "Worthington-Smythe",
    "Minh Khai",
]
HEADLINES = [
    "Senior Vice President Global Growth Hacking & Demand Generation | Keynote Speaker | "
    "Helping B2B SaaS founders 10x their pipeline with AI-driven outbound",
    "Chief Visionary Officer at Blockchain Synergy Partners — Web3, DeFi, NFTs, Metaverse, "
    "Crypto Investments with guaranteed monthly returns",
    "Freelance recruiter for IT, engineering and life sciences across EMEA and APAC; "
    "always looking for top talent, DM me",
    "Head of Procurement, Automotive Tier-1 Supplier (Powertrain, E-Mobility), "
    "Stuttgart / München / Wolfsburg",
    "Certified Scrum Master, PMP, ITIL v4, SAFe 6.0 Agilist, Six Sigma Black Belt, "
    "Lean Practitioner, Kanban Coach",
]
RECOMMENDATIONS = ["report_spam", "dont_know", "ignore", "accept", "report_spam", "ignore"]


def realistic_queue(org, submitters, count: int = 30) -> list:
    """Return `count` evaluated invitations of `org`, spread over `submitters` and ages."""
    made = []
    now = timezone.now()
    for n in range(count):
        name = f"{FIRST[n % len(FIRST)]} {LAST[(n * 3) % len(LAST)]}"
        recommendation = RECOMMENDATIONS[n % len(RECOMMENDATIONS)]
        made.append(
            make_invitation(
                org,
                submitters[n % len(submitters)],
                recommendation=recommendation,
                risk=float(30 - n),
                requester_name=name,
                requester_headline=HEADLINES[n % len(HEADLINES)],
                requester_company="Synergy Partners International GmbH & Co. KGaA",
                channel=["form", "email", "csv", "export", "api"][n % 5],
                requester_key=f"name:{name.lower()} {n}",
                created_at=now - timedelta(hours=3 * n + 1),
            )
        )
    return made
