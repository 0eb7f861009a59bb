"""Forms of the policy pages: the catalogue-generated editor, publish, import, profile, roster."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.text import format_lazy
from django.utils.translation import get_language_info, gettext
from django.utils.translation import gettext_lazy as _

from policy.editing import (
    CUSTOM_FIELD_LABELS,
    REASON_HELP,
    REASON_LABELS,
    STRENGTH_LABELS,
    THRESHOLD_HELP,
    list_label,
    param_label,
    promo_keys,
)
from policy.engine import REASONS, RULES, RULES_BY_ID, SPAM, PolicyError, validate_policy
from policy.engine.catalogue import (
    COMBINE_PARAMS,
    CUSTOM_RULE_FIELDS,
    CUSTOM_RULE_KINDS,
    THRESHOLD_BOUNDS,
    WEIGHT_BOUNDS,
    ParamSpec,
)
from policy.engine.validate import ALWAYS_EXPLAINED, MAX_CUSTOM_RULES, MAX_PATTERN_LENGTH
from policy.models import MemberAction
from policy.texts import localised

# Lists every policy has (an empty textarea stores an empty list, not the defaults).
FIXED_LISTS = ("default_texts", "context_words", "url_shorteners", "greetings", "blocklist")
ALWAYS_PRESENT_PROMO = ("promo_en", "promo_de")
_DEFAULT_TEXT_RE = re.compile(r"^\s*([A-Za-z]{2})\s*:\s*(.*?)\s*$")
_PATH_RE = re.compile(r"^(\w+)(?:\[(\d+)\])?(?:\.(.*))?$")


def _number_widget(low: float | None, high: float | None, step: str) -> forms.NumberInput:
    attrs = {"step": step}
    if low is not None:
        attrs["min"] = f"{low:g}"
    if high is not None:
        attrs["max"] = f"{high:g}"
    return forms.NumberInput(attrs=attrs)


def _param_field(spec: ParamSpec, label: str) -> forms.Field:
    help_text = localised(spec.help)
    if spec.type == "bool":
        return forms.BooleanField(label=label, required=False, help_text=help_text)
    if spec.type == "int":
        return forms.IntegerField(
            label=label, help_text=help_text, widget=_number_widget(spec.min, spec.max, "1")
        )
    return forms.FloatField(
        label=label, help_text=help_text, widget=_number_widget(spec.min, spec.max, "any")
    )


def _weight_field() -> forms.FloatField:
    return forms.FloatField(
        label=_("Weight"),
        help_text=_("How much the rule counts when it fires."),
        widget=_number_widget(*WEIGHT_BOUNDS, "any"),
    )


def split_lines(text: str) -> tuple[list[str], list[int]]:
    """Return the non-empty, stripped lines of `text` and their 1-based line numbers."""
    entries, numbers = [], []
    for number, line in enumerate((text or "").splitlines(), 1):
        if line.strip():
            entries.append(line.strip())
            numbers.append(number)
    return entries, numbers


def default_texts_text(items: list[dict[str, str]]) -> str:
    return "\n".join(f"{item['lang']}: {item['text']}" for item in items)


class PolicyForm(forms.Form):
    """Thresholds, combination settings, every built-in rule and the phrase lists."""

    def __init__(self, *args: Any, policy: dict[str, Any], **kwargs: Any) -> None:
        self.policy = policy
        kwargs.setdefault("initial", self._initial(policy))
        super().__init__(*args, **kwargs)
        for reason in REASONS:
            self.fields[f"threshold__{reason}"] = forms.FloatField(
                label=gettext("Threshold (%(reason)s)")
                % {"reason": localised(REASON_LABELS[reason])},
                help_text=localised(THRESHOLD_HELP),
                widget=_number_widget(*THRESHOLD_BOUNDS, "any"),
            )
        for spec in COMBINE_PARAMS:
            self.fields[f"combine__{spec.name}"] = _param_field(spec, param_label(spec.name))
        for rule in RULES:
            self.fields[f"rule__{rule.id}__enabled"] = forms.BooleanField(
                label=_("On"), required=False
            )
            if rule.strength != "cap":
                self.fields[f"rule__{rule.id}__weight"] = _weight_field()
            for spec in rule.params:
                self.fields[f"rule__{rule.id}__param__{spec.name}"] = _param_field(
                    spec, param_label(spec.name)
                )
        for key in self.list_keys:
            title, help_text = list_label(key)
            self.fields[f"list__{key}"] = forms.CharField(
                label=title,
                help_text=help_text,
                required=False,
                widget=forms.Textarea(attrs={"rows": 6, "spellcheck": "false"}),
            )
        self.fields["new_promo_lang"] = forms.CharField(
            label=_("Language code"),
            required=False,
            max_length=2,
            help_text=_("Two letters, e.g. fr"),
        )
        self.fields["new_promo_list"] = forms.CharField(
            label=_("Promotional phrases in another language"),
            required=False,
            help_text=_("One per line."),
            widget=forms.Textarea(attrs={"rows": 3, "spellcheck": "false"}),
        )
        self.list_lines: dict[str, list[int]] = {}

    @property
    def list_keys(self) -> list[str]:
        lists = self.policy["lists"]
        keys = [k for k in FIXED_LISTS if k != "blocklist"]
        keys += promo_keys({**{k: [] for k in ALWAYS_PRESENT_PROMO}, **lists})
        return [*keys, "blocklist"]

    @staticmethod
    def _initial(policy: dict[str, Any]) -> dict[str, Any]:
        initial: dict[str, Any] = {}
        for reason, value in policy["thresholds"].items():
            initial[f"threshold__{reason}"] = value
        for name, value in policy["combine"].items():
            initial[f"combine__{name}"] = value
        for rule_id, rule in policy["rules"].items():
            initial[f"rule__{rule_id}__enabled"] = rule["enabled"]
            initial[f"rule__{rule_id}__weight"] = rule["weight"]
            for name, value in rule["params"].items():
                initial[f"rule__{rule_id}__param__{name}"] = value
        for key, items in policy["lists"].items():
            if key == "default_texts":
                initial[f"list__{key}"] = default_texts_text(items)
            else:
                initial[f"list__{key}"] = "\n".join(items)
        return initial

    def clean_new_promo_lang(self) -> str:
        code = self.cleaned_data["new_promo_lang"].strip().lower()
        if code and not re.fullmatch(r"[a-z]{2}", code):
            raise ValidationError(gettext("Use a two-letter language code like fr."))
        if code and f"promo_{code}" in self.list_keys:
            raise ValidationError(gettext("This language already has a list above."))
        return code

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if (
            data.get("new_promo_list", "").strip()
            and not data.get("new_promo_lang")
            and "new_promo_lang" not in self.errors
        ):
            self.add_error("new_promo_lang", gettext("Which language are these phrases in?"))
        return data

    # -- building policy data --------------------------------------------------------------

    def value(self, name: str) -> Any:
        """Return the cleaned value of field `name`, or its raw text when it did not clean."""
        cleaned = getattr(self, "cleaned_data", {})
        if name in cleaned:
            return cleaned[name]
        return self.data.get(self.add_prefix(name), "")

    def _lists(self) -> dict[str, Any]:
        lists: dict[str, Any] = {}
        for key in self.list_keys:
            entries, numbers = split_lines(self.value(f"list__{key}"))
            if key == "default_texts":
                items, kept = [], []
                for entry, number in zip(entries, numbers, strict=True):
                    match = _DEFAULT_TEXT_RE.match(entry)
                    if match is None:
                        self.add_error(
                            f"list__{key}",
                            gettext("Line %(line)d: write the language first, like “en: %(text)s”")
                            % {"line": number, "text": entry[:60]},
                        )
                        continue
                    items.append({"lang": match.group(1).lower(), "text": match.group(2)})
                    kept.append(number)
                lists[key], self.list_lines[key] = items, kept
                continue
            if entries or key in FIXED_LISTS or key in ALWAYS_PRESENT_PROMO:
                lists[key], self.list_lines[key] = entries, numbers
        lang = self.value("new_promo_lang")
        if isinstance(lang, str) and re.fullmatch(r"[a-z]{2}", lang):
            entries, numbers = split_lines(self.value("new_promo_list"))
            if entries:
                lists[f"promo_{lang}"], self.list_lines[f"promo_{lang}"] = entries, numbers
        return lists

    def policy_data(self) -> dict[str, Any]:
        """Return the policy data the submitted fields describe (custom rules left empty)."""
        rules = {}
        for rule in RULES:
            prefix = f"rule__{rule.id}"
            weight_name = f"{prefix}__weight"
            rules[rule.id] = {
                "enabled": bool(self.value(f"{prefix}__enabled")),
                "weight": (
                    self.value(weight_name)
                    if weight_name in self.fields
                    else self.policy["rules"][rule.id]["weight"]
                ),
                "params": {
                    spec.name: self.value(f"{prefix}__param__{spec.name}") for spec in rule.params
                },
            }
        return {
            "schema": self.policy.get("schema", 1),
            "thresholds": {reason: self.value(f"threshold__{reason}") for reason in REASONS},
            "combine": {spec.name: self.value(f"combine__{spec.name}") for spec in COMBINE_PARAMS},
            "rules": rules,
            "lists": self._lists(),
            "custom_rules": [],
        }

    def field_for_path(self, path: str) -> tuple[str | None, str]:
        """Return (field name, message prefix) for an engine error `path`, or (None, "")."""
        parts = path.split(".")
        head = parts[0]
        if head == "thresholds" and len(parts) == 2:
            name = f"threshold__{parts[1]}"
        elif head == "combine" and len(parts) == 2:
            name = f"combine__{parts[1]}"
        elif head == "rules" and len(parts) >= 3:
            if parts[2] == "params" and len(parts) == 4:
                name = f"rule__{parts[1]}__param__{parts[3]}"
            else:
                name = f"rule__{parts[1]}__{parts[2]}"
        elif head.startswith("lists"):
            match = re.match(r"^lists\.(\w+)(?:\[(\d+)\])?", path)
            if not match:
                return None, ""
            key, index = match.group(1), match.group(2)
            name = f"list__{key}"
            if name not in self.fields and key.startswith("promo_"):
                name = "new_promo_list"
            if index is not None:
                numbers = self.list_lines.get(key, [])
                i = int(index)
                line = numbers[i] if i < len(numbers) else i + 1
                return (
                    name if name in self.fields else None,
                    gettext("Line %(line)d: ") % {"line": line},
                )
        else:
            return None, ""
        return (name if name in self.fields else None), ""


class CustomRuleForm(forms.Form):
    """One manager-defined rule: a keyword or regular expression looked for in some fields."""

    id = forms.CharField(
        label=_("Id"),
        max_length=64,
        help_text=_("Lower-case letters, digits, - and _"),
    )
    enabled = forms.BooleanField(label=_("On"), required=False, initial=True)
    reason = forms.ChoiceField(label=_("Reason"), initial=SPAM)
    kind = forms.ChoiceField(label=_("Kind"), initial="keyword")
    pattern = forms.CharField(
        label=_("Pattern"),
        max_length=MAX_PATTERN_LENGTH,
        help_text=_("A keyword (case-insensitive) or an RE2 regular expression"),
    )
    fields = forms.MultipleChoiceField(
        label=_("Look in"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        initial=["message"],
    )
    weight = forms.FloatField(
        label=_("Weight"), initial=1.0, widget=_number_widget(*WEIGHT_BOUNDS, "any")
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for code, _name in settings.LANGUAGES:
            name = get_language_info(code)["name_translated"]
            self.fields[f"explanation_{code}"] = forms.CharField(
                label=format_lazy(_("Explanation ({language})"), language=name),
                required=False,
            )
        self.fields["reason"].choices = [(r, localised(REASON_LABELS[r])) for r in REASONS]
        self.fields["kind"].choices = [
            (k, gettext("Keyword") if k == "keyword" else gettext("Regular expression"))
            for k in CUSTOM_RULE_KINDS
        ]
        self.fields["fields"].choices = [
            (f, localised(CUSTOM_FIELD_LABELS[f])) for f in CUSTOM_RULE_FIELDS
        ]

    def value(self, name: str) -> Any:
        cleaned = getattr(self, "cleaned_data", {})
        if name in cleaned:
            return cleaned[name]
        key = self.add_prefix(name)
        if name == "fields":
            return self.data.getlist(key) if hasattr(self.data, "getlist") else []
        if name == "enabled":
            return bool(self.data.get(key))
        return self.data.get(key, "")

    def rule_data(self) -> dict[str, Any]:
        return {
            "id": str(self.value("id")).strip(),
            "reason": self.value("reason"),
            "kind": self.value("kind"),
            "pattern": self.value("pattern"),
            "fields": list(self.value("fields")),
            "weight": self.value("weight"),
            **self.explanations(),
            "enabled": bool(self.value("enabled")),
        }

    def explanations(self) -> dict[str, str]:
        """Return {"explanation_<lang>": text} for English, German and every other site
        language the manager wrote one in."""
        found = {}
        for code, _name in settings.LANGUAGES:
            text = str(self.value(f"explanation_{code}")).strip()
            if text or code in ALWAYS_EXPLAINED:
                found[f"explanation_{code}"] = text
        return found

    def explanation_fields(self) -> list[forms.BoundField]:
        """Return the explanation fields, one per site language, in the settings' order."""
        return [self[f"explanation_{code}"] for code, _name in settings.LANGUAGES]


CustomRuleFormSet = forms.formset_factory(
    CustomRuleForm,
    extra=1,
    can_delete=True,
    max_num=MAX_CUSTOM_RULES,
    validate_max=True,
)


class PolicyEditor:
    """The whole editor: the generated PolicyForm plus the custom-rule formset.

    `is_valid()` builds policy data from both, validates it with the engine and puts every
    engine error beside the field it concerns; `data` is then the new draft."""

    def __init__(self, policy: dict[str, Any], data: Any = None) -> None:
        self.policy = policy
        self.form = PolicyForm(data, policy=policy)
        initial = [
            {**rule, "fields": list(rule.get("fields", []))} for rule in policy["custom_rules"]
        ]
        self.custom = CustomRuleFormSet(data, initial=initial, prefix="custom")
        self.other_errors: list[str] = []
        self.data: dict[str, Any] | None = None
        self._custom_forms: list[CustomRuleForm] = []

    def is_valid(self) -> bool:
        form_ok = self.form.is_valid()
        custom_ok = self.custom.is_valid()
        data = self.form.policy_data()
        rules = []
        self._custom_forms = []
        if not self.custom.management_form.is_valid():
            custom_ok = False
        else:
            initial_count = self.custom.initial_form_count()
            for index, form in enumerate(self.custom.forms):
                if index >= initial_count and not form.has_changed():
                    continue
                if self.custom.can_delete and self.custom._should_delete_form(form):
                    continue
                rules.append(form.rule_data())
                self._custom_forms.append(form)
        data["custom_rules"] = rules
        errors = validate_policy(data)
        for error in errors:
            self._place(error)
        self.data = data
        return form_ok and custom_ok and not errors and not self.form.errors

    def _place(self, error: PolicyError) -> None:
        match = re.match(r"^custom_rules\[(\d+)\](?:\.(\w+))?", error.path)
        if match:
            index, field = int(match.group(1)), match.group(2)
            form = self._custom_forms[index] if index < len(self._custom_forms) else None
            if form is not None and field in form.fields:
                if not form.has_error(field):
                    form.add_error(field, localised(error.message))
                return
            if form is not None:
                form.add_error(None, localised(error.message))
                return
        name, prefix = self.form.field_for_path(error.path)
        if name is not None:
            if not self.form.has_error(name) or prefix:
                self.form.add_error(name, prefix + localised(error.message))
            return
        self.other_errors.append(str(error))

    def groups(self) -> list[dict[str, Any]]:
        """Return the rules grouped by reason, with their bound fields, for the template."""
        form = self.form
        out = []
        for reason in REASONS:
            rules = []
            for rule in RULES:
                if rule.reason != reason:
                    continue
                prefix = f"rule__{rule.id}"
                rules.append(
                    {
                        "id": rule.id,
                        "title": localised(rule.title),
                        "description": localised(rule.description),
                        "strength": localised(STRENGTH_LABELS[rule.strength]),
                        "enabled": form[f"{prefix}__enabled"],
                        "weight": form[f"{prefix}__weight"]
                        if f"{prefix}__weight" in form.fields
                        else None,
                        "params": [form[f"{prefix}__param__{p.name}"] for p in rule.params],
                    }
                )
            out.append(
                {
                    "reason": reason,
                    "label": localised(REASON_LABELS[reason]),
                    "help": localised(REASON_HELP[reason]),
                    "threshold": form[f"threshold__{reason}"],
                    "rules": rules,
                }
            )
        return out

    def combine_fields(self) -> list:
        return [self.form[f"combine__{spec.name}"] for spec in COMBINE_PARAMS]

    def list_fields(self) -> list:
        return [self.form[f"list__{key}"] for key in self.form.list_keys]

    def error_summary(self) -> list[dict[str, str]]:
        """Return [{label, message, anchor}] for every error, for a summary at the top."""
        out = []
        for name, messages in self.form.errors.items():
            if name == "__all__":
                out += [{"label": "", "message": m, "anchor": ""} for m in messages]
                continue
            bound = self.form[name]
            label = bound.label
            rule_id = name.split("__")[1] if name.startswith("rule__") else ""
            if rule_id:
                spec = RULES_BY_ID[rule_id]
                label = f"{localised(spec.title)} – {label}"
            for message in messages:
                out.append({"label": label, "message": message, "anchor": bound.id_for_label})
        for index, form in enumerate(self.custom.forms):
            for name, messages in form.errors.items():
                label = gettext("Custom rule %(n)d") % {"n": index + 1}
                if name != "__all__":
                    label += f" – {form[name].label}"
                anchor = form[name].id_for_label if name != "__all__" else ""
                out += [{"label": label, "message": m, "anchor": anchor} for m in messages]
        out += [{"label": "", "message": m, "anchor": ""} for m in self.custom.non_form_errors()]
        out += [{"label": "", "message": m, "anchor": ""} for m in self.other_errors]
        return out


class PublishForm(forms.Form):
    change_note = forms.CharField(
        label=_("Change note"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What changed and why; everyone reading the versions sees it."),
    )

    def clean_change_note(self) -> str:
        note = self.cleaned_data["change_note"].strip()
        if not note:
            raise ValidationError(gettext("Write what changed."))
        return note


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Policy file (JSON)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".json,application/json"}),
        help_text=_("A file exported from Vouch, or a bare policy object."),
    )


# ISO 3166-1 alpha-2: every officially assigned code.
ISO_COUNTRIES = frozenset(
    """
    AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ
    BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM
    DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS
    GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN
    KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ
    MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM
    PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV
    SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI
    VN VU WF WS YE YT ZA ZM ZW
    """.split()
)
MAX_PROFILE_ENTRIES = 1000
MAX_PROFILE_ENTRY = 200


class LinesField(forms.CharField):
    """A textarea holding one entry per line; cleans to a list without blanks or repeats."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 5}))
        super().__init__(*args, **kwargs)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list | tuple):
            return "\n".join(value)
        return value

    def clean(self, value: Any) -> list[str]:
        text = super().clean(value)
        entries, numbers = split_lines(text)
        out: list[str] = []
        seen: set[str] = set()
        errors = []
        for entry, number in zip(entries, numbers, strict=True):
            if len(entry) > MAX_PROFILE_ENTRY:
                errors.append(
                    gettext("Line %(line)d is longer than %(max)d characters.")
                    % {"line": number, "max": MAX_PROFILE_ENTRY}
                )
                continue
            if entry.casefold() not in seen:
                seen.add(entry.casefold())
                out.append(entry)
        if len(out) > MAX_PROFILE_ENTRIES:
            errors.append(
                gettext("At most %(max)d entries, please.") % {"max": MAX_PROFILE_ENTRIES}
            )
        if errors:
            raise ValidationError(errors)
        return out


class ProfileForm(forms.Form):
    """What the policy knows about the organisation: OrgProfile's lists."""

    countries = LinesField(
        label=_("Countries"),
        help_text=_("Two-letter ISO codes, one per line, e.g. DE"),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    industries = LinesField(label=_("Industries"), help_text=_("One per line"))
    employers = LinesField(
        label=_("Employers"), help_text=_("The organisation's own company names, one per line")
    )
    clients = LinesField(label=_("Clients"), help_text=_("One per line"))
    blocklist = LinesField(
        label=_("Blocklist"),
        help_text=_("Names, companies or domains that are always spam, one per line"),
    )

    def clean_countries(self) -> list[str]:
        codes, bad = [], []
        for entry in self.cleaned_data["countries"]:
            code = entry.upper()
            if code not in ISO_COUNTRIES:
                bad.append(entry)
            elif code not in codes:
                codes.append(code)
        if bad:
            raise ValidationError(
                gettext("Not an ISO 3166 two-letter country code: %(codes)s")
                % {"codes": ", ".join(bad[:10])}
            )
        return codes

    def clean_blocklist(self) -> list[str]:
        short = [e for e in self.cleaned_data["blocklist"] if len(e) < 2]
        if short:
            raise ValidationError(gettext("Entries need at least two characters."))
        return self.cleaned_data["blocklist"]


class RosterUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Your LinkedIn connections"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.zip"}),
        help_text=_(
            "Connections.csv or the whole data-export ZIP from LinkedIn (Settings → Data "
            "privacy → Get a copy of your data). It replaces your previous upload."
        ),
    )


class SharedRosterForm(forms.Form):
    file = forms.FileField(
        label=_("Shared contact list (CSV)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv"}),
        help_text=_("Columns name,profile_url,company — e.g. an export from your CRM."),
    )
    replace = forms.BooleanField(
        label=_("Replace the current shared list"), required=False, initial=True
    )


class MemberActionForm(forms.Form):
    member_action = forms.ChoiceField(
        label=_("What members do with a recommendation"),
        choices=MemberAction.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "Shown on every member's result page. It applies at once; "
            "the next published version records it."
        ),
    )
