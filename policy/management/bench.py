"""Benchmark data and timing for the engine (`manage.py bench_engine`); bench_pipeline and
bench_simulate import its records too."""

from __future__ import annotations

import random
import time
from collections.abc import Iterator
from typing import Any

from policy.engine.compile import compile_policy
from policy.engine.defaults import DEFAULT_TEXTS
from policy.engine.evaluate import evaluate
from policy.engine.facts import Facts, OrgContext

BENCH_ORG = OrgContext.from_profile(
    {
        "name": "Muster Agentur",
        "countries": ["DE", "AT", "CH"],
        "industries": ["Marketing and Advertising", "Information Technology"],
        "employers": ["Muster Agentur GmbH"],
        "clients": ["ACME AG", "Globex Corporation", "Initech Ltd"],
        "known_contacts": [
            {"name": f"Known Person{i}", "profile_url": f"https://www.linkedin.com/in/known-{i}/"}
            for i in range(500)
        ],
        "blocklist": ["growth-hackers.biz", "Lead Machine Ltd", "Crypto King"],
    }
)

_FIRST = ("Anna", "Paul", "Nina", "Jane", "Max", "Lena", "Omar", "Chen", "Sofia", "Luca", "Kim")
_LAST = ("Schmidt", "Roe", "Zimmermann", "Müller", "Rossi", "García", "Dubois", "Jansen", "Li")
_COMPANIES = ("ACME AG", "Globex", "Foo Consulting GmbH", "Lead Machine Ltd", "", "Bar & Co. KG")
_INDUSTRIES = ("Marketing and Advertising", "Financial Services", "Information Technology", "")
_COUNTRIES = ("DE", "AT", "CH", "US", "IN", "NG", "BR", "")
_PERSONAL = (
    "Hi {first}, we met at the DMEXCO conference in Cologne last week - great talk on "
    "attribution. Would love to stay in touch.",
    "Hallo {first}, wir haben letztes Jahr im Projekt für ACME zusammengearbeitet. Ich würde "
    "mich freuen, in Kontakt zu bleiben. Viele Grüße, Max",
    "Bonjour {first}, nous nous sommes rencontrés au salon VivaTech à Paris. Au plaisir !",
    "Hi {first}! I really enjoyed your keynote at the Berlin meetup about data privacy.",
    "Dear {first}, I am a former colleague of Paul from Globex and he suggested I reach out.",
    "Hey {first}, let's connect. I like your posts about marketing a lot, really great work.",
)
_SPAM = (
    "Hi {first}, we help companies like yours get 10x more leads. Book a demo: https://bit.ly/3xYz",
    "Exclusive offer: our SEO services for only $99/month! Free trial at www.seo-magic.xyz/start",
    "Make passive income with bitcoin - guaranteed returns of 30%. DM me on telegram.",
    "Hallo {first}, kostenloses Erstgespräch für Ihre Marketingstrategie, jetzt 20% Rabatt!",
    "Work from home and earn $500 per day, hiring now no experience needed! tinyurl.com/abc",
)
_SHORT = ("I'm Kim. Bye.", "Hi!", "Let's connect.", "Hallo {first}")


def _note(rng: random.Random, first: str) -> str:
    roll = rng.random()
    if roll < 0.15:
        return ""
    if roll < 0.45:
        text = rng.choice(DEFAULT_TEXTS)[1]
        variant = rng.random()
        if variant < 0.3:
            text = f"Hi {first}, {text}"
        elif variant < 0.5:
            text = text.replace("'", "\u2019").upper()
        elif variant < 0.7:
            text = f"{text}\n- {rng.choice(_FIRST)}"
        return text
    if roll < 0.7:
        return rng.choice(_PERSONAL).format(first=first)
    if roll < 0.88:
        return rng.choice(_SPAM).format(first=first)
    return rng.choice(_SHORT).format(first=first)


def generate_records(n: int, seed: int = 0) -> Iterator[dict[str, Any]]:
    """Yield `n` varied, realistic invitation records (default texts in several languages with
    variants, personal notes, spam with links and prices, short notes, missing photos, known
    contacts, foreign countries, attachments, earlier decisions), reproducible for a `seed`."""
    rng = random.Random(seed)
    for i in range(n):
        first, last = rng.choice(_FIRST), rng.choice(_LAST)
        known = rng.random() < 0.1
        name = f"Known Person{rng.randrange(500)}" if known else f"{first} {last}"
        slug = name.lower().replace(" ", "-")
        recipient_first = rng.choice(_FIRST)
        yield {
            "ref": f"bench-{i}",
            "recipient": f"{recipient_first.lower()}.{rng.choice(_LAST).lower()}@muster.de",
            "requester_name": name,
            "requester_headline": rng.choice(("CEO", "Growth Hacker", "Consultant", "")),
            "requester_company": rng.choice(_COMPANIES),
            "requester_industry": rng.choice(_INDUSTRIES),
            "requester_country": rng.choice(_COUNTRIES),
            "requester_profile_url": f"https://www.linkedin.com/in/{slug}/",
            "requester_has_photo": rng.choice((True, True, True, False, None)),
            "mutual_connections": rng.choice((None, 0, 0, 1, 3, 25)),
            "message": _note(rng, recipient_first),
            "worked_together": rng.choice(("", "", "no", "yes", "unsure")),
            "recognises_name": rng.choice(("", "", "no", "yes")),
            "colleagues_connected": rng.choice((None, None, 0, 2)),
            "attachments": ("invoice.pdf.exe",) if rng.random() < 0.03 else (),
            "email_findings": (
                (("sender_domain", "linkedln-mail.com"),) if rng.random() < 0.03 else ()
            ),
            "recent_invites_to_colleagues": rng.choice((None, 0, 1, 4)),
            "reported_spam_on": "2026-11-03" if rng.random() < 0.02 else None,
            "accepted_before_on": "2026-05-04" if rng.random() < 0.05 else None,
        }


def generate_facts(n: int, seed: int = 0, org: OrgContext = BENCH_ORG) -> list[Facts]:
    """Return the Facts of `generate_records(n, seed)` for organisation `org`."""
    return [Facts.from_mapping(data, org) for data in generate_records(n, seed)]


def run_benchmark(n: int = 100_000, seed: int = 0) -> dict[str, Any]:
    """Return {"n", "seconds", "per_s"} for evaluating `n` generated invitations with the
    default policy. Only evaluation is timed (not generation or compilation)."""
    policy = compile_policy()
    facts = generate_facts(n, seed)
    for item in facts[:200]:
        evaluate(item, policy)
    start = time.perf_counter()
    for item in facts:
        evaluate(item, policy)
    seconds = time.perf_counter() - start
    return {"n": n, "seconds": round(seconds, 3), "per_s": round(n / seconds) if seconds else 0}
