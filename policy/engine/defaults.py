"""The default policy: the article's three reasons ("Stranger danger") as policy data."""

from __future__ import annotations

import copy
from typing import Any

from .catalogue import COMBINE_PARAMS, RULES

SCHEMA_VERSION = 1

DEFAULT_TEXTS: tuple[tuple[str, str], ...] = (
    ("en", "I'd like to add you to my professional network on LinkedIn."),
    ("en", "I'd like to add you to my LinkedIn network."),
    ("en", "I'd like to join your LinkedIn network."),
    ("en", "I would like to add you to my professional network on LinkedIn."),
    ("de", "Ich möchte Sie gerne zu meinem beruflichen Netzwerk auf LinkedIn hinzufügen."),
    ("de", "Ich möchte Sie zu meinem beruflichen Netzwerk auf LinkedIn hinzufügen."),
    ("de", "Ich möchte dich gerne zu meinem beruflichen Netzwerk auf LinkedIn hinzufügen."),
    ("de", "Ich möchte dich zu meinem beruflichen Netzwerk auf LinkedIn hinzufügen."),
    (
        "fr",
        "J'aimerais vous inviter à rejoindre mon réseau professionnel en ligne, sur le site "
        "LinkedIn.",
    ),
    ("fr", "Je souhaiterais vous ajouter à mon réseau professionnel sur LinkedIn."),
    ("es", "Me gustaría añadirte a mi red profesional en LinkedIn."),
    ("es", "Me gustaría agregarte a mi red profesional de LinkedIn."),
    ("nl", "Ik wil je graag toevoegen aan mijn professionele netwerk op LinkedIn."),
    ("nl", "Ik wil u graag toevoegen aan mijn professionele netwerk op LinkedIn."),
    ("pt", "Gostaria de adicioná-lo à minha rede profissional no LinkedIn."),
    ("pt", "Gostaria de adicionar você à minha rede profissional no LinkedIn."),
    ("it", "Vorrei aggiungerti alla mia rete professionale su LinkedIn."),
)

URL_SHORTENERS = (
    "bit.ly",
    "tinyurl.com",
    "t.co",
    "goo.gl",
    "ow.ly",
    "is.gd",
    "buff.ly",
    "rebrand.ly",
    "cutt.ly",
    "shorturl.at",
    "tiny.cc",
    "rb.gy",
    "t.ly",
    "s.id",
    "lnkd.in",
    "v.gd",
    "shorte.st",
    "adf.ly",
    "bl.ink",
    "soo.gd",
    "qr.ae",
    "x.co",
    "trib.al",
    "tiny.one",
)
GREETINGS = (
    "hi",
    "hello",
    "hey",
    "dear",
    "good morning",
    "good afternoon",
    "good evening",
    "greetings",
    "hallo",
    "guten tag",
    "guten morgen",
    "moin",
    "servus",
    "liebe",
    "lieber",
    "liebes",
    "sehr geehrte",
    "sehr geehrter",
    "grüss gott",
    "bonjour",
    "salut",
    "cher",
    "chère",
    "hola",
    "buenos días",
    "buenas",
    "estimado",
    "estimada",
    "hoi",
    "beste",
    "geachte",
    "goedemiddag",
    "olá",
    "ola",
    "oi",
    "prezado",
    "prezada",
    "caro",
    "cara",
    "ciao",
    "buongiorno",
    "salve",
    "gentile",
)


def default_policy() -> dict[str, Any]:
    """Return a fresh copy of the default policy data (safe to mutate)."""
    return copy.deepcopy(_DEFAULT_POLICY)


_DEFAULT_POLICY: dict[str, Any] = {
    "schema": SCHEMA_VERSION,
    "thresholds": {"unknown": 1.0, "not_personal": 1.0, "spam": 1.0},
    "combine": {p.name: p.default for p in COMBINE_PARAMS},
    "rules": {
        rule.id: {"enabled": rule.enabled, "weight": rule.weight, "params": rule.default_params()}
        for rule in RULES
    },
    "lists": {
        "default_texts": [{"lang": lang, "text": text} for lang, text in DEFAULT_TEXTS],
        # The note reader (policy/engine/notes) knows advertising and context in every
        # language; these lists are a manager's additions to it.
        "promo_en": [],
        "promo_de": [],
        "context_words": [],
        "url_shorteners": list(URL_SHORTENERS),
        "greetings": list(GREETINGS),
        "blocklist": [],
    },
    "custom_rules": [],
}
