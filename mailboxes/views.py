"""The mailbox section of the organisation's settings, and the list of forwarded mails."""

from urllib.parse import quote

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mailboxes.forms import MailboxForm
from mailboxes.imap import MailboxUnavailable, parse_mailbox_url
from mailboxes.models import ForwardedMail, Mailbox, MailStatus
from mailboxes.services import mailbox_configure, mailbox_remove
from organisations.access import org_view
from organisations.models import Capability
from organisations.views import settings_page


def _without_password(url: str) -> str:
    try:
        address = parse_mailbox_url(url)
    except ValueError:
        return url.split("@", 1)[-1] if "@" in url else url
    return address.url() if address.password else url


def settings_context(*, org, membership=None) -> dict:
    """Return the template context of the mailbox section of the settings page.

    Registered with organisations.pages, which passes the reader's `membership`; every
    reader of the settings page manages the organisation, so it changes nothing here.
    A refused save shows its own form instead (mailbox_save).
    """
    mailbox = Mailbox.objects.for_org(org).first()
    initial = {"url": mailbox.address, "enabled": mailbox.enabled} if mailbox else {}
    return {
        "mailbox": mailbox,
        "mailbox_form": MailboxForm(initial=initial),
        "set_aside": ForwardedMail.objects.for_org(org).needing_attention().count(),
    }


@org_view(Capability.MANAGE)
@require_POST
def mailbox_save(request):
    form = MailboxForm(request.POST)
    if form.is_valid():
        url = form.cleaned_data["url"].strip()
        password = form.cleaned_data["password"]
        if password and "://" in url:
            scheme, rest = url.split("://", 1)
            user_part, at, host_part = rest.rpartition("@")
            if at:
                user = user_part.split(":", 1)[0]
                url = f"{scheme}://{user}:{quote(password, safe='')}@{host_part}"
        try:
            mailbox_configure(org=request.org, url=url, enabled=form.cleaned_data["enabled"])
        except ValueError as exc:
            form.add_error("url", _("The address %(problem)s.") % {"problem": exc})
        except MailboxUnavailable as exc:
            form.add_error("url", _("Vouch could not open the mailbox: %(why)s") % {"why": exc})
        else:
            messages.success(request, _("The mailbox is saved; Vouch polls it every minute."))
            return redirect("org_settings", org_slug=request.org.slug)
    # The address typed may hold a password: it is never sent back to the browser.
    form.errors  # noqa: B018 - errors are computed before the data is replaced
    data = request.POST.copy()
    data["url"] = _without_password(data.get("url", ""))
    data["password"] = ""
    form.data = data
    return settings_page(request, context={"mailbox_form": form}, status=400)


@org_view(Capability.MANAGE)
@require_POST
def mailbox_remove_view(request):
    if mailbox_remove(org=request.org):
        messages.success(request, _("The mailbox is removed; its password is deleted."))
    return redirect("org_settings", org_slug=request.org.slug)


@org_view(Capability.MANAGE)
@require_POST
def mailbox_poll_now(request):
    from mailboxes.tasks import poll_mailbox

    mailbox = Mailbox.objects.for_org(request.org).enabled().first()
    if mailbox is not None:
        poll_mailbox.delay_on_commit(mailbox.pk)
        messages.success(request, _("Vouch is checking the mailbox now."))
    return redirect("org_settings", org_slug=request.org.slug)


@org_view(Capability.MANAGE)
def forwarded_mail(request):
    mails = ForwardedMail.objects.for_org(request.org).select_related("submitter", "invitation")
    status = request.GET.get("status", "attention")
    if status == "attention":
        mails = mails.needing_attention()
    elif status in MailStatus.values:
        mails = mails.filter(status=status)
    else:
        status = "all"
    page = Paginator(mails, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "mailboxes/forwarded_mail.html",
        {"page": page, "status": status, "statuses": MailStatus.choices},
    )
