from django import forms
from django.utils.translation import gettext_lazy as _


class MailboxForm(forms.Form):
    url = forms.CharField(
        label=_("Mailbox address"),
        max_length=1000,
        help_text=_(
            "imaps://user:password@imap.example.com:993/INBOX — write @ in the user name as "
            "%40. Leave the password out to keep the stored one."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    password = forms.CharField(
        label=_("Password"),
        required=False,
        max_length=1000,
        help_text=_("Instead of writing it into the address."),
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}),
    )
    enabled = forms.BooleanField(label=_("Poll this mailbox"), required=False, initial=True)
