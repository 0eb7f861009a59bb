"""Messages that a page can show in the reader's language, made without Django.

The engine and the intake parsers produce English text for logs and the CLI. A message
built with `gettext_noop(template, **values)` is that English text, and also remembers
its template and values, so a reader can translate the template and fill it in again:
the web layer with Django's gettext (policy.texts.localised), the engine's own callers
with the same compiled catalogues read by the standard library (policy.engine.texts).
The name `gettext_noop` is what makes Django's makemessages extract the template into
the catalogue.

Values may be messages themselves (a name or "the requester", a date, a list of quotes);
they are translated too. `Written` holds texts a manager wrote per language, and `Clause`
an explanation that another sentence continues.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

Gettext = Callable[[str], str]


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

    def render(self, gettext: Gettext, lang: str) -> str:
        """Return this message with `gettext` applied to the template and every message among
        the values; the English text when the translation does not fit the values."""
        # gettext("") is the catalogue's header, not an empty text.
        translated = gettext(self.template) if self.template else ""
        if not self.values:
            return translated
        values = {
            key: value.render(gettext, lang) if isinstance(value, Message) else value
            for key, value in self.values.items()
        }
        try:
            return translated % values
        except (KeyError, TypeError, ValueError):
            return str(self)

    def to_data(self) -> dict[str, Any]:
        """Return this message as JSON-serialisable data that `from_data` reads back."""
        return {
            "t": self.template,
            "v": {
                key: value.to_data() if isinstance(value, Message) else value
                for key, value in self.values.items()
            },
        }


class Written(Message):
    """Text a person wrote in some languages ({"en": …, "de": …}); other languages, and
    languages left empty, get the translated `fallback` message."""

    texts: dict[str, str]
    fallback: Message

    def __new__(cls, texts: dict[str, str], fallback: Message) -> Written:
        english = texts.get("en") or str(fallback)
        made = str.__new__(cls, english)
        made.template = english
        made.values = {}
        made.texts = {lang: text for lang, text in texts.items() if text}
        made.fallback = fallback
        return made

    def __reduce__(self):
        return (Written, (self.texts, self.fallback))

    def render(self, gettext: Gettext, lang: str) -> str:
        """Return the text written for `lang`, else the translated fallback."""
        return self.texts.get(lang) or self.fallback.render(gettext, lang)

    def to_data(self) -> dict[str, Any]:
        """Return {"w": texts, "f": fallback data}."""
        return {"w": dict(self.texts), "f": self.fallback.to_data()}


class Clause(Message):
    """A sentence without its final full stop, in whichever language it is rendered."""

    def __new__(cls, sentence: Message) -> Clause:
        made = str.__new__(cls, str(sentence).rstrip("."))
        made.template = "%(sentence)s"
        made.values = {"sentence": sentence}
        return made

    def __reduce__(self):
        return (Clause, (self.values["sentence"],))

    def render(self, gettext: Gettext, lang: str) -> str:
        """Return the rendered sentence without its final full stop."""
        return self.values["sentence"].render(gettext, lang).rstrip(".")

    def to_data(self) -> dict[str, Any]:
        """Return {"c": sentence data}."""
        return {"c": self.values["sentence"].to_data()}


def gettext_noop(template: str, **values) -> Message:
    """Return `template` filled with `values` as a Message (English, translatable later)."""
    # Rules call this for every hit: build the Message without copying the fresh `values`.
    made = str.__new__(Message, template % values if values else template)
    made.template = template
    made.values = values
    return made


def joined(separator: str, items: Iterable[Any]) -> Message:
    """Return `items` (messages or text) joined by `separator` as one Message, so that each
    item is still translated on its own."""
    values = {str(i): item for i, item in enumerate(items)}
    template = separator.replace("%", "%%").join(f"%({key})s" for key in values)
    return Message(template, values)


def render(message: Any, gettext: Gettext, lang: str) -> Any:
    """Return `message` rendered with `gettext` for `lang` when it is a Message; anything else
    unchanged."""
    if isinstance(message, Message):
        return message.render(gettext, lang)
    return message


def from_data(data: Any) -> Any:
    """Return the Message that `Message.to_data` made `data` from; other values unchanged."""
    if not isinstance(data, dict):
        return data
    if "w" in data:
        return Written(data["w"], from_data(data["f"]))
    if "c" in data:
        return Clause(from_data(data["c"]))
    return Message(data["t"], {key: from_data(value) for key, value in data.get("v", {}).items()})
