from django import forms
from django.contrib.auth.forms import SetPasswordForm
from django.utils.translation import gettext_lazy as _

from organisations.models import Role


class AddMemberForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.MEMBER)


class ChangeRoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name"), max_length=100, help_text=_("e.g. CRM sync, mail gateway")
    )
    user = forms.ModelChoiceField(
        label=_("Acts as"),
        queryset=None,
        help_text=_("Invitations submitted with this token are recorded as this member's."),
    )

    def __init__(self, *args, org, **kwargs):
        super().__init__(*args, **kwargs)
        from django.contrib.auth import get_user_model

        self.fields["user"].queryset = (
            get_user_model().objects.filter(memberships__organisation=org).order_by("username")
        )


class JoinForm(SetPasswordForm):
    """The password a newly invited person chooses for the account made for their address."""

    def __init__(self, *args, email: str, **kwargs):
        from django.contrib.auth import get_user_model

        # Validated against the address, as the account will be named after it.
        super().__init__(get_user_model()(username=email, email=email), *args, **kwargs)
