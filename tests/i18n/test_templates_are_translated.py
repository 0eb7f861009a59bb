"""Every user-facing word in a template is marked for translation."""

import pytest

from tests.i18n.template_check import TEMPLATES, check_source, template_paths, untranslated


def test_no_template_holds_an_untranslated_user_facing_string():
    report = untranslated()
    assert report == {}, "\n".join(
        f"{name}: {text}" for name, found in report.items() for text in found
    )


def test_the_checker_looks_at_every_page_and_e_mail_the_decision_e_mails_too():
    names = {p.relative_to(TEMPLATES).as_posix() for p in template_paths()}
    assert "base.html" in names
    assert "registration/login.html" in names
    assert "organisations/email/welcome_subject.txt" in names
    assert "review/email/base_body.txt" in names
    assert "review/email/report_spam_subject.txt" in names


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("<p>Hello there</p>", ["Hello there"]),
        ('<input placeholder="Your name">', ["<input placeholder='Your name'>"]),
        ('<a title="{% translate "Open" %} it">→</a>', ["<a title='… it'>"]),
        ('<form data-confirm="Sure?"></form>', ["<form data-confirm='Sure?'>"]),
        (
            '{{ name|default:"nobody" }}',
            ["literal filter argument 'nobody' in {{ name|default:\"nobody\" }}"],
        ),
    ],
)
def test_the_checker_reports_text_attributes_and_literal_defaults(source, expected):
    assert check_source("{% load i18n %}" + source) == expected


@pytest.mark.parametrize(
    "source",
    [
        "<p>{% translate 'Hello there' %}</p>",
        "<p>{% blocktranslate %}Hello <strong>{{ name }}</strong>{% endblocktranslate %}</p>",
        "<pre>curl -X POST https://example.org</pre>",
        "<p><code>requester_name</code> · Vouch — CSV, JSON, API, SHA-256</p>",
        '<p title="{{ when }}">{{ x|default:_("nobody") }} — 42 ✔</p>',
        "{% comment %}Notes for developers{% endcomment %}",
    ],
)
def test_the_checker_accepts_translated_text_code_and_symbols(source):
    assert check_source("{% load i18n %}" + source) == []
