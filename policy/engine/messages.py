"""Messages that a page can show in the reader's language, made without Django.

The engine and the intake parsers produce English text for logs and the CLI. A message
built with `gettext_noop(template, **values)` is that English text, and also remembers
its template and values, so the web layer can translate the template and fill it in
again (invitations.i18n.localised). The name `gettext_noop` is what makes Django's
makemessages extract the template into the catalogue.
"""

from __future__ import annotations


class Message(str):
    """English text that knows the template and values it was made of."""

    template: str
    values: dict

    def __new__(cls, template: str, values: dict | None = None) -> Message:
        values = dict(values or {})
        text = template % values if values else template
        made = super().__new__(cls, text)
        made.template = template
        made.values = values
        return made

    def __reduce__(self):
        return (Message, (self.template, self.values))


def gettext_noop(template: str, **values) -> Message:
    """Return `template` filled with `values` as a Message (English, translatable later)."""
    return Message(template, values)
