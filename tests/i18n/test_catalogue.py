"""The committed German catalogue is complete, compiled, and up to date with the code."""

import gettext
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.i18n.pofile import LOCALE, messages, read_po

ROOT = LOCALE.parent
DOMAINS = ("django", "djangojs")
# What makemessages must not look at: our tests, the virtualenv, collected static files
# and the vendored, minified htmx.
IGNORE = [".venv", "staticfiles", "tests", "static/vendor"]


def _po(domain: str) -> Path:
    return LOCALE / "de" / "LC_MESSAGES" / f"{domain}.po"


@pytest.mark.parametrize("domain", DOMAINS)
def test_every_msgid_has_a_german_translation_and_none_is_fuzzy(domain):
    entries = read_po(_po(domain))
    assert entries and entries[0].msgid == "", "the catalogue has no header"
    assert "fuzzy" not in entries[0].flags, "the header is marked fuzzy"
    live = messages(_po(domain))
    assert live
    fuzzy = [e.msgid for e in live if "fuzzy" in e.flags]
    assert fuzzy == []
    empty = [e.msgid for e in live if not e.msgstr or not all(e.msgstr.values())]
    assert empty == []
    plural = [e.msgid for e in live if e.msgid_plural and sorted(e.msgstr) != [0, 1]]
    assert plural == [], "German has two plural forms"


def test_the_catalogue_header_declares_german_and_its_plural_rule():
    header = read_po(_po("django"))[0].msgstr[0]
    assert "Language: de\n" in header
    assert "Plural-Forms: nplurals=2; plural=(n != 1);\n" in header
    assert "charset=UTF-8" in header


@pytest.mark.parametrize("domain", DOMAINS)
def test_the_committed_mo_file_matches_the_po_file(domain):
    with open(_po(domain).with_suffix(".mo"), "rb") as fp:
        compiled = gettext.GNUTranslations(fp)
    for e in messages(_po(domain)):
        if e.msgid_plural:
            assert compiled.ngettext(e.msgid, e.msgid_plural, 1) == e.msgstr[0], e.msgid
            assert compiled.ngettext(e.msgid, e.msgid_plural, 2) == e.msgstr[1], e.msgid
        else:
            assert compiled.gettext(e.msgid) == e.msgstr[0], e.msgid


def _regenerated(domain: str, tmp_path: Path, monkeypatch, probe: str = "") -> set:
    """Return the msgids makemessages finds in a copy of the sources (plus a `probe` template)."""
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
    call_command("makemessages", locale=["de"], domain=domain, ignore_patterns=IGNORE, verbosity=0)
    return {e.key for e in messages(copy / "locale" / "de" / "LC_MESSAGES" / f"{domain}.po")}


needs_gettext = pytest.mark.skipif(shutil.which("xgettext") is None, reason="needs GNU gettext")


@needs_gettext
@pytest.mark.parametrize("domain", DOMAINS)
def test_the_po_file_is_up_to_date_with_the_code_and_templates(domain, tmp_path, monkeypatch):
    """Run makemessages on a copy of the sources and compare the msgids it finds."""
    fresh = _regenerated(domain, tmp_path, monkeypatch)
    committed = {e.key for e in messages(_po(domain))}
    assert sorted(fresh - committed, key=str) == [], "run makemessages: new strings"
    assert sorted(committed - fresh, key=str) == [], "run makemessages: strings gone"


@needs_gettext
def test_the_up_to_date_check_notices_a_new_string(tmp_path, monkeypatch):
    probe = '{% load i18n %}{% translate "A string nobody translated yet" %}'
    fresh = _regenerated("django", tmp_path, monkeypatch, probe)
    assert (None, "A string nobody translated yet", "") in fresh
