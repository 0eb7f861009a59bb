"""The engine's messages in any language that has a catalogue, without Django.

The web layer translates the same msgids with Django's gettext; this module reads the same
compiled catalogues (locale/<lang>/LC_MESSAGES/django.mo) with the standard library, so the
command line and the engine's own callers explain in the same words as the pages.
"""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path
from typing import Any

from .messages import Message

LOCALE_DIR = Path(__file__).resolve().parents[2] / "locale"
SOURCE_LANGUAGE = "en"


@cache
def _catalogue(lang: str) -> gettext.NullTranslations:
    return gettext.translation("django", LOCALE_DIR, languages=[lang], fallback=True)


def translate(message: Any, lang: str = SOURCE_LANGUAGE) -> Any:
    """Return `message` in `lang` when it is a Message (English where the catalogue has no
    translation); anything else unchanged."""
    if not isinstance(message, Message):
        return message
    if lang == SOURCE_LANGUAGE:
        return str(message)
    return message.render(_catalogue(lang).gettext, lang)


@cache
def languages() -> tuple[str, ...]:
    """Return English and every language with a compiled catalogue, in alphabetical order."""
    found = {path.parent.parent.name for path in LOCALE_DIR.glob("*/LC_MESSAGES/django.mo")}
    return tuple(sorted(found | {SOURCE_LANGUAGE}))
