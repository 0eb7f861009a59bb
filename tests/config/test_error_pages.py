"""Branded error pages in English, German and French, instead of Django's bare ones."""

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation
from django.views.defaults import server_error

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", "This page is not for your role"),
        ("de", "Diese Seite ist nicht für Ihre Rolle"),
        ("fr", "Cette page n’est pas destinée à votre rôle"),
    ],
)
def test_a_forbidden_page_explains_itself_in_the_readers_language(
    org, member, login, language, words
):
    response = login(member).get(
        reverse("review_queue", kwargs={"org_slug": org.slug}), HTTP_ACCEPT_LANGUAGE=language
    )
    assert response.status_code == 403
    html = response.content.decode()
    assert words in html and 'data-status="403"' in html and "css/vouch" in html


@pytest.mark.parametrize(
    ("language", "words"),
    [("en", "Nothing here"), ("de", "Hier ist nichts"), ("fr", "Il n’y a rien ici")],
)
def test_a_missing_page_is_branded_in_the_readers_language(org, member, login, language, words):
    response = login(member).get("/o/no-such-organisation/", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 404
    html = response.content.decode()
    assert words in html and 'data-status="404"' in html


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", "Something went wrong"),
        ("de", "Etwas ist schiefgelaufen"),
        ("fr", "Une erreur s’est produite"),
    ],
)
def test_a_server_error_page_is_branded_in_the_readers_language(language, words):
    with translation.override(language):
        response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    html = response.content.decode()
    assert words in html and 'data-status="500"' in html and f'lang="{language}"' in html
