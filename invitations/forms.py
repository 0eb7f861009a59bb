from django import forms
from django.utils.translation import gettext_lazy as _

from invitations.countries import CountryField

YES_NO_UNSURE = [("", _("—")), ("yes", _("Yes")), ("no", _("No")), ("unsure", _("Not sure"))]
YES_NO = [("", _("—")), ("yes", _("Yes")), ("no", _("No"))]
PHOTO = [("", _("Don't know")), ("true", _("Yes")), ("false", _("No photo"))]


class InvitationForm(forms.Form):
    """ "Should I accept this?" — what a member copies from the invitation, plus their answers."""

    requester_name = forms.CharField(label=_("Requester's name"), max_length=300)
    requester_headline = forms.CharField(label=_("Headline"), max_length=500, required=False)
    requester_company = forms.CharField(label=_("Company"), max_length=300, required=False)
    requester_profile_url = forms.CharField(
        label=_("Profile URL"),
        max_length=500,
        required=False,
        help_text=_("e.g. https://www.linkedin.com/in/jane-doe"),
    )
    requester_country = CountryField(
        label=_("Country"),
        required=False,
        help_text=_("Type to filter the list, e.g. “Germ” for Germany."),
    )
    requester_industry = forms.CharField(label=_("Industry"), max_length=200, required=False)
    requester_has_photo = forms.ChoiceField(
        label=_("Profile photo?"), choices=PHOTO, required=False
    )
    mutual_connections = forms.IntegerField(
        label=_("Mutual connections"), min_value=0, required=False
    )
    message = forms.CharField(
        label=_("Their note"),
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        max_length=10_000,
        help_text=_("Paste the note exactly; leave empty if there was none."),
    )
    received_at = forms.DateTimeField(
        label=_("Received"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )
    worked_together = forms.ChoiceField(
        label=_("Have you worked with them?"), choices=YES_NO_UNSURE, required=False
    )
    recognises_name = forms.ChoiceField(
        label=_("Do you recognise the name?"), choices=YES_NO, required=False
    )

    def as_values(self, *, recipient: str) -> dict:
        """Return the cleaned answers as raw template values for intake's record builder."""
        data = dict(self.cleaned_data)
        data["recipient"] = recipient
        received = data.get("received_at")
        data["received_at"] = received.isoformat() if received else ""
        return {k: ("" if v is None else v) for k, v in data.items()}


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_(
            "Our CSV template, LinkedIn's Invitations.csv, the whole LinkedIn data-export ZIP, "
            "JSON lines, or a forwarded e-mail (.eml)."
        ),
    )
