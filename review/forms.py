"""The review queue's filter form and search bar, and the form a reviewer decides with."""

import shlex

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from invitations.models import Channel, Recommendation
from organisations.models import Membership
from review.decisions import JUSTIFICATION_MAX

REASON_CHOICES = [
    ("unknown", gettext_lazy("Unknown requester")),
    ("not_personal", gettext_lazy("Not personalised")),
    ("spam", gettext_lazy("Looks like spam")),
]


class QueueFilterForm(forms.Form):
    q = forms.CharField(
        label=gettext_lazy("Search"),
        required=False,
        max_length=200,
        widget=forms.TextInput(
            attrs={
                "type": "search",
                "placeholder": gettext_lazy(
                    "Name, company, headline — or recommendation:spam from:alice channel:email"
                ),
            }
        ),
    )
    recommendation = forms.ChoiceField(
        label=gettext_lazy("Recommendation"),
        required=False,
        choices=[("", gettext_lazy("Any"))] + list(Recommendation.choices),
    )
    reason = forms.ChoiceField(
        label=gettext_lazy("Reason"),
        required=False,
        choices=[("", gettext_lazy("Any"))] + REASON_CHOICES,
    )
    channel = forms.ChoiceField(
        label=gettext_lazy("Channel"),
        required=False,
        choices=[("", gettext_lazy("Any"))] + list(Channel.choices),
    )
    submitter = forms.TypedChoiceField(
        label=gettext_lazy("Submitted by"), required=False, coerce=int, empty_value=None
    )
    requester = forms.CharField(label=gettext_lazy("Requester"), required=False, max_length=500)
    date_from = forms.DateField(
        label=gettext_lazy("Submitted from"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    date_to = forms.DateField(
        label=gettext_lazy("Submitted until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args, org, **kwargs):
        super().__init__(*args, **kwargs)
        people = (
            Membership.objects.for_org(org)
            .select_related("user")
            .order_by("user__username")
            .values_list("user_id", "user__username")
        )
        self.fields["submitter"].choices = [("", _("Anyone"))] + list(people)


#: The keys the search bar understands, each naming the filter it sets.
SEARCH_KEYS = {
    "recommendation": "recommendation",
    "rec": "recommendation",
    "from": "submitter_name",
    "by": "submitter_name",
    "channel": "channel",
    "reason": "reason",
    "requester": "requester",
}


def _match_choice(value: str, choices) -> str | None:
    """Return the choice whose value or label `value` names (exactly, else as a part of it)."""
    wanted = value.casefold().replace("-", "_")
    labels = [(code, code.casefold(), str(label).casefold()) for code, label in choices]
    for code, lowered, label in labels:
        if wanted in (lowered, label):
            return code
    for code, lowered, label in labels:
        if wanted in lowered or wanted in label.replace("-", ""):
            return code
    return None


def search_parse(text: str) -> tuple[dict, str, list[str]]:
    """Return (filters, free text, problems) of a search like `recommendation:spam from:alice`.

    Keys name filters (SEARCH_KEYS); a value may be quoted ("from:\"Anna Lee\"") and may
    name a choice by its code or its words in the active language ("channel:email",
    "recommendation:spam"). A value that names no choice is a problem to show, never
    silently dropped; words without a known key stay free text.
    """
    try:
        words = shlex.split(text or "")
    except ValueError:
        words = (text or "").split()
    filters: dict = {}
    free: list[str] = []
    problems: list[str] = []
    choices = {
        "recommendation": Recommendation.choices,
        "channel": Channel.choices,
        "reason": REASON_CHOICES,
    }
    for word in words:
        key, sep, value = word.partition(":")
        target = SEARCH_KEYS.get(key.casefold()) if sep else None
        if target is None or not value:
            free.append(word)
            continue
        if target in choices:
            code = _match_choice(value, choices[target])
            if code is None:
                problems.append(
                    _("“%(value)s” is not a %(key)s; try one of: %(choices)s.")
                    % {
                        "value": value,
                        "key": key,
                        "choices": ", ".join(c for c, _label in choices[target]),
                    }
                )
                continue
            filters[target] = code
        else:
            filters[target] = value
    return filters, " ".join(free), problems


class DecideForm(forms.Form):
    action = forms.ChoiceField(
        label=gettext_lazy("Decision"), choices=Recommendation.choices, widget=forms.RadioSelect
    )
    justification = forms.CharField(
        label=gettext_lazy("Justification"),
        required=False,
        max_length=JUSTIFICATION_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "Required when you decide against the recommendation, and for every reversal."
        ),
    )
    reverses = forms.IntegerField(required=False, widget=forms.HiddenInput)
