"""Showing the engine's and the parsers' messages in the reader's language."""

from django.utils.translation import get_language, gettext

from policy.engine.messages import Message


def active_language() -> str:
    """Return the active language's code without region ("de" for "de-at"); "en" when none."""
    return (get_language() or "en").split("-")[0]


def localised(message) -> str:
    """Return `message` in the active language when it is a Message; other text unchanged.

    A template the catalogue lacks, or one whose translation does not fit its values,
    falls back to the English text rather than failing the page.
    """
    if not isinstance(message, Message):
        return message
    return message.render(gettext, active_language())
