"""The interface speaks the browser's language, and a user's own choice is remembered."""

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import reverse

from organisations.models import UserPreference
from organisations.preferences import language_of
from review.decisions import decision_record
from review.notify import language_of as notify_language_of
from tests.invitations.fixtures import make_invitation
from tests.review.mail import send_decision_email

pytestmark = pytest.mark.django_db


def _page(client, url, language):
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return response.content.decode()


def test_a_german_browser_sees_the_login_page_in_german():
    page = _page(Client(), reverse("login"), "de")
    assert '<html lang="de">' in page
    assert "Bei Vouch anmelden" in page
    assert "Passwort vergessen?" in page
    assert "Benutzername" in page  # Django's own translation of the form's label
    assert "Log in to Vouch" not in page


def test_an_english_browser_sees_the_login_page_in_english():
    page = _page(Client(), reverse("login"), "en")
    assert '<html lang="en">' in page
    assert "Log in to Vouch" in page
    assert "Forgot your password?" in page
    assert "Bei Vouch anmelden" not in page


def test_a_german_browser_sees_the_members_submit_page_in_german(org, member, login):
    url = reverse("invitation_submit", kwargs={"org_slug": org.slug})
    page = _page(login(member), url, "de")
    assert "Soll ich das annehmen?" in page
    assert "Name der anfragenden Person" in page
    assert "Diese Einladung prüfen" in page
    assert "Meine Einreichungen" in page  # the organisation's menu
    english = _page(login(member), url, "en")
    assert "Should I accept this?" in english and "Check this invitation" in english


def test_a_german_browser_sees_the_review_queue_in_german(org, member, reviewer, login):
    make_invitation(org, member, requester_name="Sam Spammer")
    url = reverse("review_queue", kwargs={"org_slug": org.slug})
    page = _page(login(reviewer), url, "de")
    assert "Prüfwarteschlange" in page
    assert "Anfragende Person" in page
    assert "Entscheidung speichern" in page
    assert "Ich kenne diese Person nicht" in page
    english = _page(login(reviewer), url, "en")
    assert "Review queue" in english and "Record decision" in english


def test_a_german_browser_sees_the_policy_editor_in_german(org, manager, login):
    url = reverse("policy_edit", kwargs={"org_slug": org.slug})
    page = _page(login(manager), url, "de")
    assert "Richtlinienentwurf" in page
    assert "Entwurf speichern" in page
    assert "Eigene Regeln" in page
    assert "Unbekannte Person" in page  # a reason group, worded by the policy engine
    english = _page(login(manager), url, "en")
    assert "Policy draft" in english and "Save draft" in english


def test_a_french_browser_sees_the_login_page_in_french():
    page = _page(Client(), reverse("login"), "fr")
    assert '<html lang="fr">' in page
    assert "Se connecter à Vouch" in page
    assert "Mot de passe oublié\u00a0?" in page
    assert "Nom d’utilisateur" in page  # Django's own translation of the form's label
    assert "Log in to Vouch" not in page


def test_a_french_browser_sees_the_members_submit_page_in_french(org, member, login):
    url = reverse("invitation_submit", kwargs={"org_slug": org.slug})
    page = _page(login(member), url, "fr")
    assert "Dois-je accepter cette invitation\u00a0?" in page
    assert "Nom du demandeur" in page
    assert "Vérifier cette invitation" in page
    assert "Mes soumissions" in page  # the organisation's menu
    assert "Check this invitation" not in page


def test_a_french_browser_sees_the_review_queue_in_french(org, member, reviewer, login):
    make_invitation(org, member, requester_name="Sam Spammer")
    url = reverse("review_queue", kwargs={"org_slug": org.slug})
    page = _page(login(reviewer), url, "fr")
    assert "File d’examen" in page
    assert "Demandeur" in page
    assert "Enregistrer la décision" in page
    assert "Je ne connais pas cette personne" in page
    assert "Signaler comme spam" in page
    assert "Record decision" not in page


def test_a_french_browser_sees_the_policy_editor_in_french(org, manager, login):
    url = reverse("policy_edit", kwargs={"org_slug": org.slug})
    page = _page(login(manager), url, "fr")
    assert "Brouillon de la politique" in page
    assert "Enregistrer le brouillon" in page
    assert "Règles personnalisées" in page
    assert "Save draft" not in page


def test_the_javascript_catalogue_is_served_in_the_browsers_language():
    response = Client().get(reverse("javascript-catalog"), HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 200
    assert "Begr\\u00fcndung erforderlich" in response.content.decode() or (
        "Begründung erforderlich" in response.content.decode()
    )


def test_a_french_browser_gets_the_french_javascript_catalogue():
    response = Client().get(reverse("javascript-catalog"), HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 200
    assert "justification obligatoire" in response.content.decode()


def test_the_page_loads_the_javascript_catalogue_before_its_own_scripts():
    page = _page(Client(), reverse("login"), "en")
    catalogue = page.index(f'src="{reverse("javascript-catalog")}"')
    assert catalogue < page.index("htmx-2.min") < page.index("js/vouch")


def test_the_switcher_posts_to_the_view_that_remembers_the_choice():
    page = _page(Client(), reverse("login"), "en")
    assert f'action="{reverse("language_switch")}"' in page


def test_the_switcher_offers_english_german_and_french():
    page = _page(Client(), reverse("login"), "en")
    for code in ("en", "de", "fr"):
        assert f'name="language" value="{code}"' in page
    assert 'value="fr" class="link" lang="fr">FR</button>' in page


def test_the_switcher_stores_a_logged_in_users_choice_and_sets_the_cookie(member, login):
    client = login(member)
    response = client.post(reverse("language_switch"), {"language": "de", "next": "/"})
    assert response.status_code == 302
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "de"
    assert UserPreference.objects.get(user=member).language == "de"
    client.post(reverse("language_switch"), {"language": "en", "next": "/"})
    assert UserPreference.objects.get(user=member).language == "en"


def test_a_user_who_chooses_french_keeps_it_on_a_browser_without_a_cookie(org, member, login):
    response = login(member).post(reverse("language_switch"), {"language": "fr", "next": "/"})
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "fr"
    assert UserPreference.objects.get(user=member).language == "fr"
    assert language_of(member) == "fr"
    url = reverse("invitation_submit", kwargs={"org_slug": org.slug})
    page = _page(login(member), url, "en")
    assert '<html lang="fr">' in page
    assert "Vérifier cette invitation" in page


def test_an_unsupported_language_or_an_anonymous_visitor_stores_nothing(member, login):
    login(member).post(reverse("language_switch"), {"language": "it", "next": "/"})
    Client().post(reverse("language_switch"), {"language": "de", "next": "/"})
    assert not UserPreference.objects.exists()


def test_the_switcher_only_accepts_post(member, login):
    assert login(member).get(reverse("language_switch")).status_code == 405


def test_the_stored_language_applies_on_a_browser_without_a_language_cookie(org, member, login):
    UserPreference.objects.create(user=member, language="de")
    url = reverse("invitation_submit", kwargs={"org_slug": org.slug})
    page = _page(login(member), url, "en")
    assert "Soll ich das annehmen?" in page


def test_the_language_cookie_wins_over_the_stored_language(org, member, login):
    UserPreference.objects.create(user=member, language="de")
    client = login(member)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = _page(client, reverse("invitation_submit", kwargs={"org_slug": org.slug}), "de")
    assert "Should I accept this?" in page


def test_language_of_returns_the_stored_language_or_the_sites_default(member, settings):
    settings.LANGUAGE_CODE = "en"
    assert language_of(member) == "en"
    assert language_of(None) == "en"
    UserPreference.objects.create(user=member, language="de")
    assert language_of(member) == "de"


def test_a_user_who_chose_german_gets_the_decision_e_mail_in_german(
    org, member, reviewer, login, settings
):
    settings.LANGUAGE_CODE = "en"
    login(member).post(reverse("language_switch"), {"language": "de", "next": "/"})
    assert notify_language_of(member) == "de"
    invitation = make_invitation(org, member, requester_name="Sam Spammer")
    decision = decision_record(
        invitation=invitation, action="report_spam", actor=reviewer, justification="checked"
    )
    mail.outbox.clear()
    assert send_decision_email(decision) is True
    message = mail.outbox[0]
    assert message.subject == "Melden Sie die Einladung von Sam Spammer als Spam"
    assert "Als Spam melden" in message.body
    assert "Press" not in message.body
