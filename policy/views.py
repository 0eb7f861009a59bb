"""Manager pages of the policy: edit the draft, diff, publish, versions, import/export, the
organisation profile, and the roster (which every member may add their own connections to)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from organisations.access import org_view
from organisations.models import Capability, Membership
from organisations.params import whole_number
from policy import editing
from policy.engine import RULES, PolicyInvalid
from policy.engine.catalogue import COMBINE_PARAMS
from policy.forms import (
    ImportForm,
    MemberActionForm,
    PolicyEditor,
    ProfileForm,
    PublishForm,
    RosterUploadForm,
    SharedRosterForm,
)
from policy.models import OrgProfile, PolicyVersion, RosterContact, RosterSource
from policy.roster import (
    ANY,
    RosterRejected,
    roster_delete,
    roster_import_file,
    roster_summary,
)
from policy.services import (
    policy_current_version,
    policy_draft_update,
    policy_ensure,
    policy_member_action_set,
    policy_publish,
)
from policy.texts import active_language, localised

# -- Editing the draft ----------------------------------------------------------------------


@org_view(Capability.MANAGE)
def policy_edit(request):
    policy = policy_ensure(org=request.org)
    current = policy_current_version(org=request.org)
    posted = request.POST if request.method == "POST" else None
    editor = PolicyEditor(editing.editable_policy(policy.draft), posted)
    status = 200
    stamp = policy.draft_updated_at.isoformat()
    if request.method == "POST":
        if request.POST.get("loaded_at") not in ("", None, stamp):
            who = policy.draft_updated_by.get_username() if policy.draft_updated_by else "?"
            editor.other_errors.append(
                _(
                    "%(who)s changed the draft while you were editing; nothing was saved. "
                    "Save again to overwrite their changes with yours."
                )
                % {"who": who}
            )
            status = 409
        elif editor.is_valid():
            policy_draft_update(org=request.org, data=editor.data, actor=request.user)
            messages.success(request, _("Draft saved. Publish it to put it into effect."))
            return redirect("policy_edit", org_slug=request.org.slug)
        else:
            status = 400
    changes = editing.draft_changes(policy, current)
    return render(
        request,
        "policy/edit.html",
        {
            "editor": editor,
            "groups": editor.groups(),
            "error_summary": editor.error_summary() if request.method == "POST" else [],
            "current": current,
            "policy": policy,
            "changes": changes,
            "loaded_at": stamp,
            "member_action_form": MemberActionForm(initial={"member_action": policy.member_action}),
        },
        status=status,
    )


@org_view(Capability.MANAGE)
@require_POST
def policy_member_action(request):
    form = MemberActionForm(request.POST)
    if form.is_valid():
        policy_member_action_set(org=request.org, value=form.cleaned_data["member_action"])
        messages.success(request, _("Saved: members see the new guidance at once."))
    else:
        messages.error(request, _("Choose one of the two options."))
    return redirect(reverse("policy_edit", kwargs={"org_slug": request.org.slug}) + "#guidance")


# -- Diff and publish -----------------------------------------------------------------------


def _diff_page(request, form: PublishForm, errors: list[str] | None = None, status: int = 200):
    policy = policy_ensure(org=request.org)
    current = policy_current_version(org=request.org)
    changes = [
        {"path": c.path, "description": localised(c.message)}
        for c in editing.draft_changes(policy, current)
    ]
    return render(
        request,
        "policy/diff.html",
        {
            "changes": changes,
            "current": current,
            "policy": policy,
            "form": form,
            "publish_errors": errors or [],
        },
        status=status,
    )


@org_view(Capability.MANAGE)
def policy_diff(request):
    return _diff_page(request, PublishForm())


@org_view(Capability.MANAGE)
@require_POST
def policy_publish_view(request):
    form = PublishForm(request.POST)
    if not form.is_valid():
        return _diff_page(request, form, status=400)
    policy = policy_ensure(org=request.org)
    current = policy_current_version(org=request.org)
    if not editing.draft_changes(policy, current):
        return _diff_page(
            request,
            form,
            [
                _("Nothing to publish: the draft is the same as version %(n)d.")
                % {"n": current.number}
            ],
            status=400,
        )
    try:
        version = policy_publish(
            org=request.org, actor=request.user, change_note=form.cleaned_data["change_note"]
        )
    except PolicyInvalid as exc:
        return _diff_page(request, form, [str(e) for e in exc.errors], status=400)
    messages.success(
        request,
        _("Version %(n)d published; new invitations are evaluated with it.")
        % {"n": version.number},
    )
    return redirect("policy_versions", org_slug=request.org.slug)


# -- Versions, export and import ------------------------------------------------------------


@org_view(Capability.MANAGE)
def policy_versions(request):
    policy = policy_ensure(org=request.org)
    versions = PolicyVersion.objects.for_org(request.org).select_related("published_by")
    page = Paginator(versions.order_by("-number"), 50).get_page(request.GET.get("page"))
    current = policy_current_version(org=request.org)
    return render(
        request,
        "policy/versions.html",
        {
            "page": page,
            "current": current,
            "policy": policy,
            "changes": editing.draft_changes(policy, current),
            "import_form": ImportForm(),
        },
    )


def _json_attachment(document: dict, filename: str) -> HttpResponse:
    response = HttpResponse(
        editing.export_json(document), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@org_view(Capability.MANAGE)
def policy_version_export(request, number: int):
    version = get_object_or_404(PolicyVersion.objects.for_org(request.org), number=number)
    document = editing.export_document(version.data, org=request.org, version=version)
    return _json_attachment(document, f"vouch-policy-{request.org.slug}-v{version.number}.json")


@org_view(Capability.MANAGE)
def policy_draft_export(request):
    policy = policy_ensure(org=request.org)
    document = editing.export_document(policy.draft, org=request.org)
    return _json_attachment(document, f"vouch-policy-{request.org.slug}-draft.json")


@org_view(Capability.MANAGE)
def policy_import(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        uploaded = form.cleaned_data["file"]
        raw = uploaded.read(editing.MAX_IMPORT_BYTES + 1)
        try:
            editing.policy_import_draft(org=request.org, raw=raw, actor=request.user)
        except PolicyInvalid as exc:
            errors = [{"path": e.path or "—", "message": localised(e.message)} for e in exc.errors]
        else:
            messages.success(
                request, _("Imported as the new draft. Review the changes, then publish.")
            )
            return redirect("policy_diff", org_slug=request.org.slug)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "policy/import.html",
        {"form": form, "errors": errors, "filename": getattr(form.files.get("file"), "name", "")},
        status=status,
    )


# -- The published policy in plain words (everyone who reads everything) --------------------


@org_view(Capability.READ_ALL)
def policy_published(request):
    current = policy_current_version(org=request.org)
    data = editing.editable_policy(current.data)
    groups = []
    for reason, label in editing.REASON_LABELS.items():
        rules = []
        for rule in RULES:
            if rule.reason != reason:
                continue
            settings = data["rules"][rule.id]
            rules.append(
                {
                    "id": rule.id,
                    "title": localised(rule.title),
                    "description": localised(rule.description),
                    "enabled": settings["enabled"],
                    "weight": settings["weight"] if rule.strength != "cap" else None,
                    "params": [
                        {
                            "label": editing.param_label(spec.name),
                            "help": localised(spec.help),
                            "value": settings["params"].get(spec.name, spec.default),
                            "is_bool": spec.type == "bool",
                        }
                        for spec in rule.params
                    ],
                }
            )
        custom = [
            {
                **rule,
                "explanation": rule.get(f"explanation_{active_language()}")
                or rule["explanation_en"],
                "field_labels": [localised(editing.CUSTOM_FIELD_LABELS[f]) for f in rule["fields"]],
            }
            for rule in data["custom_rules"]
            if rule["reason"] == reason
        ]
        groups.append(
            {
                "reason": reason,
                "label": localised(label),
                "help": localised(editing.REASON_HELP[reason]),
                "threshold": data["thresholds"][reason],
                "rules": rules,
                "custom": custom,
            }
        )
    combine = [
        {
            "label": editing.param_label(spec.name),
            "help": localised(spec.help),
            "value": data["combine"][spec.name],
            "is_bool": spec.type == "bool",
        }
        for spec in COMBINE_PARAMS
    ]
    lists = []
    keys = ["default_texts", *editing.promo_keys(data["lists"])]
    keys += ["context_words", "url_shorteners", "greetings", "blocklist"]
    for key in keys:
        title, help_text = editing.list_label(key)
        items = data["lists"].get(key, [])
        if key == "default_texts":
            items = [f"{i['lang']}: {i['text']}" for i in items]
        lists.append({"key": key, "title": title, "help": help_text, "items": items})
    return render(
        request,
        "policy/published.html",
        {"current": current, "groups": groups, "combine": combine, "lists": lists},
    )


# -- Organisation profile -------------------------------------------------------------------


@org_view(Capability.MANAGE)
def policy_profile(request):
    profile, _created = OrgProfile.objects.get_or_create(organisation=request.org)
    fields = ("countries", "industries", "employers", "clients", "blocklist")
    initial = {name: getattr(profile, name) for name in fields}
    form = ProfileForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        for name in fields:
            setattr(profile, name, form.cleaned_data[name])
        profile.save()
        messages.success(request, _("Organisation profile saved."))
        return redirect("policy_profile", org_slug=request.org.slug)
    status = 400 if request.method == "POST" else 200
    return render(request, "policy/profile.html", {"form": form, "profile": profile}, status=status)


# -- Roster ---------------------------------------------------------------------------------


def _roster_page(request, *, errors=None, upload=None, shared=None, status: int = 200):
    org = request.org
    mine = RosterContact.objects.for_org(org).filter(owner=request.user)
    context = {
        "upload_form": upload or RosterUploadForm(),
        "errors": errors or [],
        "mine_linkedin": mine.filter(source=RosterSource.LINKEDIN).count(),
        "mine_last": mine.order_by("-imported_at").values_list("imported_at", flat=True).first(),
        "is_manager": request.membership.can(Capability.MANAGE),
    }
    if context["is_manager"]:
        summary = roster_summary(org=org)
        members = set(Membership.objects.for_org(org).values_list("user_id", flat=True))
        for row in summary["by_owner"]:
            row["former"] = row["owner"] is not None and row["owner"] not in members
        context.update(
            {
                "summary": summary,
                "shared_form": shared or SharedRosterForm(),
                "sources": RosterSource.choices,
            }
        )
    return render(request, "policy/roster.html", context, status=status)


@org_view(Capability.SUBMIT)
def roster(request):
    return _roster_page(request)


def _imported_message(request, outcome) -> None:
    text = ngettext("%(n)d contact imported", "%(n)d contacts imported", outcome.created) % {
        "n": outcome.created
    }
    if outcome.replaced:
        text += "; " + ngettext(
            "%(n)d earlier entry replaced", "%(n)d earlier entries replaced", outcome.replaced
        ) % {"n": outcome.replaced}
    if outcome.skipped:
        text += "; " + ngettext(
            "%(n)d repeated or empty row skipped",
            "%(n)d repeated or empty rows skipped",
            outcome.skipped,
        ) % {"n": outcome.skipped}
    messages.success(request, text + ".")


@org_view(Capability.SUBMIT)
@require_POST
def roster_upload_mine(request):
    form = RosterUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return _roster_page(request, upload=form, status=400)
    uploaded = form.cleaned_data["file"]
    try:
        outcome = roster_import_file(
            org=request.org,
            owner=request.user,
            source=RosterSource.LINKEDIN,
            fileobj=uploaded.file,
            filename=uploaded.name,
            actor=request.user,
        )
    except RosterRejected as exc:
        return _roster_page(request, errors=exc.errors, upload=form, status=400)
    _imported_message(request, outcome)
    return redirect("roster", org_slug=request.org.slug)


@org_view(Capability.SUBMIT)
@require_POST
def roster_forget_mine(request):
    deleted = roster_delete(org=request.org, owner=request.user)
    messages.success(
        request,
        ngettext("%(n)d of your contacts removed.", "%(n)d of your contacts removed.", deleted)
        % {"n": deleted},
    )
    return redirect("roster", org_slug=request.org.slug)


@org_view(Capability.MANAGE)
@require_POST
def roster_upload_shared(request):
    form = SharedRosterForm(request.POST, request.FILES)
    if not form.is_valid():
        return _roster_page(request, shared=form, status=400)
    uploaded = form.cleaned_data["file"]
    try:
        outcome = roster_import_file(
            org=request.org,
            owner=None,
            source=RosterSource.CSV,
            fileobj=uploaded.file,
            filename=uploaded.name,
            actor=request.user,
            replace=form.cleaned_data["replace"],
        )
    except RosterRejected as exc:
        return _roster_page(request, errors=exc.errors, shared=form, status=400)
    _imported_message(request, outcome)
    return redirect("roster", org_slug=request.org.slug)


@org_view(Capability.MANAGE)
@require_POST
def roster_delete_view(request):
    source = request.POST.get("source", "")
    owner_value = request.POST.get("owner", "")
    if source and source not in RosterSource.values:
        messages.error(request, _("Unknown source."))
        return redirect("roster", org_slug=request.org.slug)
    owner = ANY
    if owner_value == "shared":
        owner = None
    elif owner_value:
        owner_pk = whole_number(owner_value, minimum=1)
        if owner_pk is None:
            messages.error(request, _("Unknown colleague."))
            return redirect("roster", org_slug=request.org.slug)
        owner = get_object_or_404(
            get_user_model().objects.filter(roster_contacts__organisation=request.org).distinct(),
            pk=owner_pk,
        )
    if owner is ANY and not source:
        messages.error(request, _("Choose a source or a colleague whose entries to delete."))
        return redirect("roster", org_slug=request.org.slug)
    deleted = roster_delete(org=request.org, source=source or None, owner=owner)
    messages.success(
        request,
        ngettext("%(n)d roster entry deleted.", "%(n)d roster entries deleted.", deleted)
        % {"n": deleted},
    )
    return redirect("roster", org_slug=request.org.slug)
