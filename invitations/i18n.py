"""Showing the engine's and the parsers' messages in the reader's language."""

from django.utils.translation import gettext

from policy.engine.messages import Message


def localised(message) -> str:
    """Return `message` in the active language when it is a Message; other text unchanged.

    A template the catalogue lacks, or one whose translation does not fit its values,
    falls back to the English text rather than failing the page.
    """
    if not isinstance(message, Message):
        return message
    translated = gettext(message.template)
    if translated == message.template:
        return str(message)
    try:
        return translated % message.values if message.values else translated
    except (KeyError, TypeError, ValueError):
        return str(message)
