"""Telling a LinkedIn connection invitation from LinkedIn's other mail.

LinkedIn sends InMails, job digests, notifications and suggestions from the same domains as
invitations, and its staff write from linkedin.com too. None of them is a connection
invitation, so intake refuses them with a sentence saying what they are. Evidence, strongest
first: LinkedIn's own X-LinkedIn-Class and X-LinkedIn-Template headers, an invitation's
accept link, then the sender address (SOURCES.md §2 lists LinkedIn's sender addresses).
"""

from __future__ import annotations

import re

INVITATION = ""
KIND_NAMES = {
    "inmail": "a LinkedIn InMail",
    "message": "a LinkedIn message",
    "job_digest": "a LinkedIn job digest",
    "notification": "a LinkedIn notification",
    "suggestion": "a LinkedIn suggestion of people you may know",
    "accepted": "a LinkedIn notice that an invitation was accepted",
    "newsletter": "a LinkedIn newsletter",
    "security": "a LinkedIn security notice",
    "employee": "an e-mail from a LinkedIn employee",
}
# Classes that decide on their own. MBR-TO-MBR ("member to member") also covers
# invitations (template email_m2m_invite_single_01), so it only decides last.
_CLASSES = {
    "invite-guest": INVITATION,
    "inmail": "inmail",
    "savedsearch": "job_digest",
}
_TEMPLATE_WORDS = (
    ("accept_invite", "accepted"),
    ("invit", INVITATION),
    ("inmail", "inmail"),
    ("job", "job_digest"),
    ("member_message", "message"),
    ("messag", "message"),
    ("pymk", "suggestion"),
    ("suggestion", "suggestion"),
    ("editorial", "newsletter"),
    ("newsletter", "newsletter"),
    ("security", "security"),
    ("password", "security"),
)
_SENDERS = (
    ("invitations", INVITATION),
    ("invitation", INVITATION),
    ("hit-reply", "inmail"),
    ("inmail", "inmail"),
    ("messaging-digest", "message"),
    ("messages", "message"),
    ("jobalerts", "job_digest"),
    ("jobs", "job_digest"),
    ("editors", "newsletter"),
    ("newsletters", "newsletter"),
    ("security", "security"),
    ("notifications", "notification"),
    ("groups", "notification"),
    ("updates", "notification"),
    ("member", INVITATION),  # "member@linkedin.com": old invitations sent "via LinkedIn"
)
_ACCEPT_LINK_RE = re.compile(
    r"invite-accept|/invitations?/|invitationid=|acceptinvite|/blk/I\d|[?&](?:mboxid|msgid)=I\d",
    re.I,
)


_INMAIL_RE = re.compile(r"\bInMails?\b")


def not_invitation_message(kind: str) -> str:
    """Return the refusal sentence for a non-invitation `kind` ("This is a LinkedIn InMail…")."""
    return f"This is {KIND_NAMES[kind]}, not a connection invitation"


def linkedin_mail_kind(
    *,
    sender: str,
    linkedin_class: str,
    template: str,
    links: list[str],
    invitation_layout: bool,
    display_name: str = "",
    text: str = "",
) -> str:
    """Return the kind of a mail from LinkedIn: INVITATION ("") or a key of KIND_NAMES.

    `sender` is the From address and `display_name` its name, `links` every link target of
    the mail, `invitation_layout` whether LinkedIn's invitation layout (action lines) was
    recognised, and `text` the subject and the start of the body.
    """
    template = template.strip().casefold()
    for word, kind in _TEMPLATE_WORDS:
        if word in template:
            return kind
    linkedin_class = linkedin_class.strip().casefold()
    if linkedin_class in _CLASSES:
        return _CLASSES[linkedin_class]
    local = sender.rpartition("@")[0].casefold()
    by_sender = next(
        (
            kind
            for word, kind in _SENDERS
            if local == word or local.startswith((word + "-", word + "_", word + "."))
        ),
        None,
    )
    # LinkedIn's service senders say what they send; an accept link decides for the rest.
    if by_sender:
        return by_sender
    if any(_ACCEPT_LINK_RE.search(link) for link in links):
        return INVITATION
    if by_sender is not None:
        return by_sender
    if _INMAIL_RE.search(text):
        return "inmail"
    if linkedin_class == "mbr-to-mbr":
        return "message"
    if invitation_layout:
        return INVITATION
    service = "noreply" in local or "no-reply" in local or not local
    if service or "linkedin" in display_name.casefold() or local in ("linkedin", "info", "news"):
        return "notification"
    return "employee"
