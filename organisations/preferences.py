"""A user's stored preferences, and the middleware that applies their language."""

from django.conf import settings
from django.utils import translation

from organisations.models import UserPreference


def stored_language(user) -> str | None:
    """Return the language `user` chose with the switcher, or None if they never chose one."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.pk:
        return None
    language = (
        UserPreference.objects.filter(user_id=user.pk).values_list("language", flat=True).first()
    )
    return language if language in dict(settings.LANGUAGES) else None


def language_of(user) -> str:
    """Return the language `user` chose, else the site's default (settings.LANGUAGE_CODE)."""
    return stored_language(user) or settings.LANGUAGE_CODE


def remember_language(user, language: str) -> None:
    """Store `language` as `user`'s choice; unsupported codes are ignored."""
    if language in dict(settings.LANGUAGES) and getattr(user, "is_authenticated", False):
        UserPreference.objects.update_or_create(user=user, defaults={"language": language})


class UserLanguageMiddleware:
    """Speak a logged-in user's stored language on a browser that has no language cookie yet.

    The cookie (set by the switcher) wins, so a choice made on this browser applies at once;
    without it, the stored preference beats the browser's Accept-Language header.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.LANGUAGE_COOKIE_NAME not in request.COOKIES:
            language = stored_language(getattr(request, "user", None))
            if language:
                translation.activate(language)
                request.LANGUAGE_CODE = translation.get_language()
        return self.get_response(request)
