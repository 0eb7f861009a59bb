"""The committed German and French catalogues are complete, compiled and current with the code."""

import gettext
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from tests.i18n.pofile import LOCALE, messages, read_po

ROOT = LOCALE.parent
DOMAINS = ("django", "djangojs")
# Each translated language with the plural rule its header must declare.
PLURAL_RULES = {
    "de": "nplurals=2; plural=(n != 1);",
    "fr": "nplurals=2; plural=(n > 1);",
}
LANGUAGES = tuple(PLURAL_RULES)
# What makemessages must not look at: our tests, the virtualenv, collected static files
# and the vendored, minified htmx.
IGNORE = [".venv", "staticfiles", "tests", "static/vendor"]


def _po(domain: str, language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / f"{domain}.po"


def test_every_language_the_site_offers_besides_english_has_a_catalogue():
    offered = {code for code, _name in settings.LANGUAGES} - {"en"}
    assert offered == set(LANGUAGES)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("domain", DOMAINS)
def test_every_msgid_has_a_translation_and_none_is_fuzzy(domain, language):
    entries = read_po(_po(domain, language))
    assert entries and entries[0].msgid == "", "the catalogue has no header"
    assert "fuzzy" not in entries[0].flags, "the header is marked fuzzy"
    live = messages(_po(domain, language))
    assert live
    fuzzy = [e.msgid for e in live if "fuzzy" in e.flags]
    assert fuzzy == []
    empty = [e.msgid for e in live if not e.msgstr or not all(e.msgstr.values())]
    assert empty == []
    plural = [e.msgid for e in live if e.msgid_plural and sorted(e.msgstr) != [0, 1]]
    assert plural == [], "German and French have two plural forms"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("domain", DOMAINS)
def test_the_catalogue_header_declares_its_language_and_plural_rule(domain, language):
    header = read_po(_po(domain, language))[0].msgstr[0]
    assert f"Language: {language}\n" in header
    assert f"Plural-Forms: {PLURAL_RULES[language]}\n" in header
    assert "charset=UTF-8" in header


def test_french_uses_the_singular_for_zero_and_one_and_the_plural_from_two():
    with open(_po("django", "fr").with_suffix(".mo"), "rb") as fp:
        compiled = gettext.GNUTranslations(fp)
    one, many = "%(n)d invitation imported", "%(n)d invitations imported"
    assert compiled.ngettext(one, many, 0) == "%(n)d invitation importée"
    assert compiled.ngettext(one, many, 1) == "%(n)d invitation importée"
    assert compiled.ngettext(one, many, 2) == "%(n)d invitations importées"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("domain", DOMAINS)
def test_the_committed_mo_file_matches_the_po_file(domain, language):
    with open(_po(domain, language).with_suffix(".mo"), "rb") as fp:
        compiled = gettext.GNUTranslations(fp)
    for e in messages(_po(domain, language)):
        if e.msgid_plural:
            assert compiled.ngettext(e.msgid, e.msgid_plural, 1) == e.msgstr[0], e.msgid
            assert compiled.ngettext(e.msgid, e.msgid_plural, 2) == e.msgstr[1], e.msgid
        else:
            assert compiled.gettext(e.msgid) == e.msgstr[0], e.msgid


def _regenerated(domain: str, tmp_path: Path, monkeypatch, probe: str = "") -> dict[str, set]:
    """Return, per language, the msgids makemessages finds in a copy of the sources (plus a
    `probe` template)."""
    copy = tmp_path / "src"
    shutil.copytree(
        ROOT,
        copy,
        ignore=shutil.ignore_patterns(
            ".venv",
            ".git",
            "staticfiles",
            "tests",
            "vendor",
            "*.egg-info",
            "*.sqlite3",
            ".hypothesis",
            ".ruff_cache",
            "test-artifacts",
            "__pycache__",
            "*.mo",
        ),
    )
    if probe:
        (copy / "templates" / "_probe.html").write_text(probe, encoding="utf-8")
    monkeypatch.chdir(copy)
    monkeypatch.setattr("django.conf.settings.LOCALE_PATHS", [str(copy / "locale")])
    call_command(
        "makemessages",
        locale=list(LANGUAGES),
        domain=domain,
        ignore_patterns=IGNORE,
        verbosity=0,
    )
    return {
        language: {
            e.key for e in messages(copy / "locale" / language / "LC_MESSAGES" / f"{domain}.po")
        }
        for language in LANGUAGES
    }


needs_gettext = pytest.mark.skipif(shutil.which("xgettext") is None, reason="needs GNU gettext")


@needs_gettext
@pytest.mark.parametrize("domain", DOMAINS)
def test_the_po_files_are_up_to_date_with_the_code_and_templates(domain, tmp_path, monkeypatch):
    """Run makemessages on a copy of the sources and compare the msgids it finds."""
    regenerated = _regenerated(domain, tmp_path, monkeypatch)
    for language in LANGUAGES:
        fresh = regenerated[language]
        committed = {e.key for e in messages(_po(domain, language))}
        assert sorted(fresh - committed, key=str) == [], f"run makemessages -l {language}: new"
        assert sorted(committed - fresh, key=str) == [], f"run makemessages -l {language}: gone"


@needs_gettext
def test_the_up_to_date_check_notices_a_new_string(tmp_path, monkeypatch):
    probe = '{% load i18n %}{% translate "A string nobody translated yet" %}'
    fresh = _regenerated("django", tmp_path, monkeypatch, probe)
    assert all((None, "A string nobody translated yet", "") in fresh[lang] for lang in LANGUAGES)
