from datetime import date, datetime, time, timedelta

from django import forms
from django.db.models import F, Q
from django.db.models.fields.json import KT
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from audit.models import MAX_RETENTION_DAYS, MIN_RETENTION_DAYS, Action, AuditSettings
from organisations.params import whole_number


class DateInput(forms.DateInput):
    input_type = "date"


class AuditFilterForm(forms.Form):
    """The search of the audit page, shared by the list and the export.

    Decision events carry data like {"requester_name", "recommendation", "decision",
    "policy_version", ...}; the requester, override and policy filters read those keys.
    """

    actor = forms.CharField(label=_("Actor"), required=False, max_length=254)
    action = forms.ChoiceField(
        label=_("Action"), required=False, choices=[("", _("Any"))] + Action.choices
    )
    date_from = forms.DateField(label=_("From"), required=False, widget=DateInput)
    date_to = forms.DateField(label=_("To"), required=False, widget=DateInput)
    requester = forms.CharField(label=_("Requester"), required=False, max_length=200)
    policy_version = forms.CharField(label=_("Policy version"), required=False, max_length=40)
    overrides = forms.BooleanField(
        label=_("Overrides only"),
        required=False,
        help_text=_("Decisions that differ from the recommendation."),
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end date is before the start date."))
        return cleaned

    @staticmethod
    def _day_start(day: date) -> datetime:
        return timezone.make_aware(datetime.combine(day, time.min))

    def filter(self, queryset):
        """Return `queryset` narrowed by the (valid) form's filters."""
        data = self.cleaned_data
        if data.get("actor"):
            queryset = queryset.filter(actor_name__icontains=data["actor"])
        if data.get("action"):
            queryset = queryset.filter(action=data["action"])
        if data.get("date_from"):
            queryset = queryset.filter(created_at__gte=self._day_start(data["date_from"]))
        if data.get("date_to"):
            end = self._day_start(data["date_to"] + timedelta(days=1))
            queryset = queryset.filter(created_at__lt=end)
        if data.get("requester"):
            queryset = queryset.filter(data__requester_name__icontains=data["requester"])
        version = (data.get("policy_version") or "").strip()
        if version:
            match = Q(data__policy_version=version)
            if (number := whole_number(version)) is not None:
                match |= Q(data__policy_version=number)
            queryset = queryset.filter(match)
        if data.get("overrides"):
            queryset = (
                queryset.annotate(
                    recommendation_text=KT("data__recommendation"),
                    decision_text=KT("data__decision"),
                )
                .filter(recommendation_text__isnull=False, decision_text__isnull=False)
                .exclude(recommendation_text=F("decision_text"))
            )
        return queryset

    def active_filters(self) -> dict:
        """Return the filters in use as JSON-ready values (recorded with an export)."""
        active = {}
        for name, value in self.cleaned_data.items():
            if value in (None, "", False):
                continue
            active[name] = value.isoformat() if isinstance(value, date) else value
        return active


class ExportForm(AuditFilterForm):
    format = forms.ChoiceField(choices=[("csv", "CSV"), ("jsonl", "JSON lines")], required=False)

    def clean_format(self) -> str:
        return self.cleaned_data.get("format") or "csv"

    def active_filters(self) -> dict:
        active = super().active_filters()
        active.pop("format", None)
        return active


class RetentionForm(forms.ModelForm):
    retention_days = forms.IntegerField(
        label=_("Retention period (days)"),
        required=False,
        min_value=MIN_RETENTION_DAYS,
        max_value=MAX_RETENTION_DAYS,
        help_text=_("Events older than this are removed nightly. Empty: keep forever."),
    )

    class Meta:
        model = AuditSettings
        fields = ["retention_days"]
