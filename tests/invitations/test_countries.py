"""Countries by name in the reader's language; the form stores codes and never guesses."""

import pytest
from django.urls import reverse
from django.utils import translation

from intake.fields import FieldError, parse_country
from invitations.countries import country_choices, country_code
from invitations.forms import InvitationForm
from invitations.models import Invitation


def test_the_names_are_in_the_readers_language_and_sorted():
    english = dict(country_choices("en"))
    german = dict(country_choices("de"))
    assert english["DE"] == "Germany" and german["DE"] == "Deutschland"
    assert german["GE"] == "Georgien" and german["GB"] == "Vereinigtes Königreich"
    names = [name for _code, name in country_choices("de")]
    assert names.index("Ägypten") < names.index("Albanien")  # accents sort with their letter
    assert len(english) >= 249


@pytest.mark.parametrize(
    ("text", "language", "code"),
    [
        ("Germany", "en", "DE"),
        ("germany", "en", "DE"),
        ("Deutschland", "de", "DE"),
        ("Georgia", "en", "GE"),
        ("de", "en", "DE"),
        ("Germ", "en", None),
        ("Narnia", "en", None),
        ("Österreich", "de", "AT"),
    ],
)
def test_a_country_is_found_by_its_code_or_whole_name_never_by_a_prefix(text, language, code):
    assert country_code(text, language) == code


def test_the_form_offers_a_filterable_select_and_stores_the_code():
    with translation.override("de"):
        form = InvitationForm()
        html = str(form["requester_country"])
    assert "<select" in html and "data-filter" in html
    assert '<option value="DE">Deutschland</option>' in html
    form = InvitationForm({"requester_name": "Kim", "requester_country": "Germany"})
    assert form.is_valid() and form.cleaned_data["requester_country"] == "DE"
    form = InvitationForm({"requester_name": "Kim", "requester_country": "Germ"})
    assert not form.is_valid()
    assert "not a country" in form.errors["requester_country"][0]


@pytest.mark.django_db
def test_germany_submitted_through_the_form_is_stored_as_de_never_ge(
    org, member, login, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        response = login(member).post(
            reverse("invitation_submit", kwargs={"org_slug": org.slug}),
            {"requester_name": "Kim Lee", "requester_country": "DE"},
        )
    assert response.status_code == 302
    assert Invitation.objects.get().requester_country == "DE"


def test_files_keep_iso_codes_and_a_name_is_refused_with_its_code():
    assert parse_country(" de ") == "DE"
    assert parse_country("uk") == "GB"
    with pytest.raises(FieldError, match="write DE for Germany"):
        parse_country("Germany")
    with pytest.raises(FieldError, match="two-letter ISO 3166"):
        parse_country("ZZ")
