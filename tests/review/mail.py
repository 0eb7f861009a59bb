"""Sending a decision's e-mail in a test the way the outbox worker does."""

from organisations.models import OutboundEmail
from organisations.outbox import email_send


def send_decision_email(decision) -> bool:
    """Send the e-mail `decision_record` queued for `decision`; return True if it went out,
    False when none was queued (no address) or the mail server failed."""
    email = OutboundEmail.objects.filter(key=f"decision:{decision.pk}").first()
    return email is not None and email_send(email_id=email.pk)
