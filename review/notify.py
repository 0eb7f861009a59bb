"""Telling the submitter what was decided and which LinkedIn button to press.

The default wording lives in templates/review/email/<action>_{subject,body}.txt, one set
for every language: its text comes from the message catalogues (locale/<language>).
A manager may replace it per action and language (NotificationTemplate); their text is
never rendered as a Django template: only the placeholders {requester_name}, {decision},
{button} and {link} are filled in, with str.format_map over a dictionary that leaves
anything else untouched. E-mails are plain text only.
"""

import re

from django import forms
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from invitations.advice import LINKEDIN_BUTTON
from invitations.models import Decision, NotificationTemplate, Recommendation
from organisations import preferences
from organisations.outbox import email_queue
from policy.engine.links import defang

PLACEHOLDERS = ("requester_name", "decision", "button", "link")
LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)
_FIELD = re.compile(r"\{([^{}]*)\}")
_KNOWN = re.compile(r"\{\{(" + "|".join(PLACEHOLDERS) + r")\}\}")


class _Unfilled(dict):
    """A mapping for str.format_map that leaves unknown placeholders as they were written."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill_placeholders(text: str, values: dict[str, str]) -> str:
    """Return `text` with {requester_name}, {decision}, {button}, {link} filled in.

    Every other brace is escaped first, so str.format_map can only substitute those
    four plain names: no attribute or index access ({x.__class__}), no format specs.
    """
    escaped = text.replace("{", "{{").replace("}", "}}")
    escaped = _KNOWN.sub(r"{\1}", escaped)
    return escaped.format_map(_Unfilled({k: values.get(k, "") for k in PLACEHOLDERS}))


def unknown_placeholders(text: str) -> list[str]:
    """Return the {names} in `text` that are not one of the four placeholders."""
    return sorted({m for m in _FIELD.findall(text) if m not in PLACEHOLDERS})


def language_of(user) -> str:
    """Return the user's language if they chose a supported one, else the site's default."""
    for candidate in (
        getattr(user, "language", ""),
        getattr(getattr(user, "profile", None), "language", ""),
    ):
        code = (candidate or "")[:2].lower()
        if code in LANGUAGES:
            return code
    return preferences.language_of(user)[:2]


def decision_words(action: str, language: str) -> tuple[str, str]:
    """Return (decision label, LinkedIn button advice) for `action` in `language`."""
    with translation.override(language):
        return str(Recommendation(action).label), str(LINKEDIN_BUTTON[action])


def _site_link(invitation) -> str:
    path = reverse(
        "invitation_detail",
        kwargs={"org_slug": invitation.organisation.slug, "pk": invitation.pk},
    )
    return settings.SITE_URL.rstrip("/") + path


def default_wording(action: str, language: str, values: dict, reversal: bool = False):
    """Return (subject, body) of the built-in e-mail for `action` in `language`."""
    context = {**values, "reversal": reversal, "language": language}
    with translation.override(language):
        subject = render_to_string(f"review/email/{action}_subject.txt", context)
        body = render_to_string(f"review/email/{action}_body.txt", context)
    return subject, body


def default_wording_with_placeholders(action: str, language: str) -> tuple[str, str]:
    """Return the built-in wording with the placeholders left in, as a manager's start."""
    return default_wording(action, language, {k: "{" + k + "}" for k in PLACEHOLDERS})


def compose(decision: Decision) -> tuple[str, str, str] | None:
    """Return (recipient, subject, body) of the e-mail about `decision`, or None if nobody."""
    invitation = decision.invitation
    submitter = invitation.submitter
    if submitter is None or not submitter.email:
        return None
    language = language_of(submitter)
    label, button = decision_words(decision.action, language)
    values = {
        # Plain text, but mail clients turn anything link-like into a link: defang it.
        "requester_name": defang(invitation.requester_name),
        "decision": label,
        "button": button,
        "link": _site_link(invitation),
    }
    custom = NotificationTemplate.objects.filter(
        organisation_id=invitation.organisation_id, action=decision.action, language=language
    ).first()
    if custom is not None:
        subject = fill_placeholders(custom.subject, values)
        body = fill_placeholders(custom.body, values)
    else:
        subject, body = default_wording(
            decision.action, language, values, reversal=decision.reverses_id is not None
        )
    # A header is one line: newlines in a requester's name must not start new headers.
    subject = " ".join(subject.split())[:250]
    return submitter.email, subject, body.strip() + "\n"


def notify_decision_queue(*, decision: Decision):
    """Put the e-mail about `decision` in the outbox (in the caller's transaction).

    Return the queued OutboundEmail, or None if the submitter has no address. Queueing
    the same decision twice stores one e-mail.
    """
    message = compose(decision)
    if message is None:
        return None
    recipient, subject, body = message
    return email_queue(
        org=decision.invitation.organisation,
        recipient=recipient,
        subject=subject,
        body=body,
        kind="decision",
        key=f"decision:{decision.pk}",
    )


class NotificationTemplateForm(forms.Form):
    """A manager's wording for one action in one language."""

    subject = forms.CharField(label=_("Subject"), max_length=200)
    body = forms.CharField(label=_("Body"), widget=forms.Textarea(attrs={"rows": 8}))

    def _clean_placeholders(self, name: str) -> str:
        value = self.cleaned_data[name]
        unknown = unknown_placeholders(value)
        if unknown:
            raise forms.ValidationError(
                _(
                    "Unknown placeholder(s): %(names)s. Use {requester_name}, {decision}, "
                    "{button} or {link}."
                )
                % {"names": ", ".join("{" + u + "}" for u in unknown)}
            )
        return value

    def clean_subject(self) -> str:
        return self._clean_placeholders("subject")

    def clean_body(self) -> str:
        return self._clean_placeholders("body")


def notification_template_save(*, org, action: str, language: str, subject: str, body: str):
    """Store `org`'s wording for `action` in `language` and return it."""
    template, _created = NotificationTemplate.objects.update_or_create(
        organisation=org,
        action=action,
        language=language,
        defaults={"subject": subject, "body": body},
    )
    return template


def notification_template_reset(*, org, action: str, language: str) -> None:
    """Drop `org`'s wording for `action` in `language`: the built-in one applies again."""
    NotificationTemplate.objects.filter(organisation=org, action=action, language=language).delete()
