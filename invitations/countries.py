"""ISO 3166 countries by name in the reader's language, from pycountry's maintained data.

The web form offers countries by name and stores the alpha-2 code; it never guesses a
code from the first letters of a name ("Germany" is DE, never GE).
"""

import gettext
from functools import lru_cache

import pycountry
from django import forms
from django.utils.translation import gettext_lazy as _

from policy.engine.normalise import strip_accents
from policy.texts import active_language


def _fold(text: str) -> str:
    """Return `text` without case and accents, for comparing names as people type them."""
    return strip_accents(text.casefold()).strip()


@lru_cache(maxsize=16)
def _translation(language: str):
    return gettext.translation(
        "iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True
    )


def _english(country) -> str:
    return getattr(country, "common_name", None) or country.name


@lru_cache(maxsize=16)
def country_choices(language: str = "en") -> tuple[tuple[str, str], ...]:
    """Return (alpha-2 code, name in `language`) for every ISO 3166 country, sorted by name."""
    translate = _translation(language[:2]).gettext
    named = [(c.alpha_2, translate(_english(c))) for c in pycountry.countries]
    return tuple(sorted(named, key=lambda pair: _fold(pair[1])))


@lru_cache(maxsize=16)
def _names_to_codes(language: str) -> dict[str, str]:
    found = {}
    for lang in ("en", language[:2]):
        translate = _translation(lang).gettext
        for c in pycountry.countries:
            for name in {c.name, _english(c), getattr(c, "official_name", c.name)}:
                found[_fold(name)] = c.alpha_2
                found[_fold(translate(name))] = c.alpha_2
    return found


def country_code(text: str, language: str = "en") -> str | None:
    """Return the alpha-2 code that `text` names (a code, or a full name in English or
    `language`), or None when it names no country. Never matches on a prefix."""
    value = (text or "").strip()
    if not value:
        return None
    if len(value) == 2 and pycountry.countries.get(alpha_2=value.upper()) is not None:
        return value.upper()
    return _names_to_codes(language).get(_fold(value))


class CountryField(forms.CharField):
    """A country chosen by name (a select with a filter); cleans to the ISO alpha-2 code."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.Select(attrs={"data-filter": ""}))
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.pop("maxlength", None)
        return attrs

    def _choices(self):
        return [("", "—")] + list(country_choices(active_language()))

    def get_bound_field(self, form, field_name):
        self.widget.choices = self._choices()
        return super().get_bound_field(form, field_name)

    def to_python(self, value):
        text = super().to_python(value)
        if not text:
            return ""
        code = country_code(text, active_language())
        if code is None:
            raise forms.ValidationError(
                _("“%(value)s” is not a country; choose one from the list."),
                code="country",
                params={"value": text},
            )
        return code
