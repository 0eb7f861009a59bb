"""What to press on LinkedIn for each recommendation, in the person's own words."""

from django.utils.translation import gettext_lazy as _

LINKEDIN_BUTTON = {
    "accept": _("Press “Accept”."),
    "ignore": _("Press “Ignore”."),
    "dont_know": _("Press “Ignore”, then choose “I don't know this person”."),
    "report_spam": _(
        "Press “Ignore”, then “Report as spam” (or open “More” → “Report / Block”). "
        "Do not open attachments or links."
    ),
}
