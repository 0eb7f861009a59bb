"""Anchors: the chain head, signed with a key kept outside the database, kept outside too.

A chain proves that no event changed relative to its successors, but whoever can
write the database can cut the newest events and move the head back, or rewrite
the tail and re-hash it. An anchor taken earlier (printed, mailed to compliance,
written to a file on another machine) names a seq and the hash it had then; since
each hash covers all earlier events, checking that one hash checks everything up to
it. The HMAC (VOUCH_AUDIT_ANCHOR_KEY) lets a reader tell an anchor Vouch issued from
one an intruder wrote.
"""

import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import UTC
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.models import Action, AuditChain, AuditEvent
from audit.verify import GENESIS_HASH, VerifyResult, verify_org


class AnchorError(Exception):
    """An anchor cannot be made or read; the message says why."""


def _key() -> bytes:
    key = settings.VOUCH_AUDIT_ANCHOR_KEY
    if not key:
        raise AnchorError(_("Set VOUCH_AUDIT_ANCHOR_KEY to sign and check audit anchors."))
    return key.encode()


def _mac(fields: dict) -> str:
    message = json.dumps(fields, sort_keys=True, separators=(",", ":")).encode()
    return hmac.new(_key(), message, hashlib.sha256).hexdigest()


_SIGNED = ("org", "org_id", "seq", "hash", "at")


def anchor_export(org) -> dict:
    """Return `org`'s chain head as a signed anchor (a JSON-ready dict)."""
    head = AuditChain.objects.filter(organisation=org).values_list("last_seq", "last_hash").first()
    seq, digest = head if head is not None else (0, GENESIS_HASH)
    fields = {
        "org": org.slug,
        "org_id": org.pk,
        "seq": seq,
        "hash": digest,
        "at": timezone.now().astimezone(UTC).isoformat(timespec="seconds"),
    }
    return {**fields, "mac": _mac(fields)}


def anchor_read(text: str, *, source: str = "anchor") -> dict:
    """Return the anchor in `text` after checking its form and signature; raise AnchorError."""
    try:
        anchor = json.loads(text)
    except ValueError as exc:
        raise AnchorError(
            _("%(source)s is not JSON: %(error)s") % {"source": source, "error": exc}
        ) from exc
    if not isinstance(anchor, dict) or any(k not in anchor for k in (*_SIGNED, "mac")):
        raise AnchorError(
            _("%(source)s is not an audit anchor (it needs %(keys)s).")
            % {"source": source, "keys": ", ".join((*_SIGNED, "mac"))}
        )
    if not isinstance(anchor["seq"], int) or not isinstance(anchor["hash"], str):
        raise AnchorError(_("%(source)s has a malformed seq or hash.") % {"source": source})
    expected = _mac({k: anchor[k] for k in _SIGNED})
    if not hmac.compare_digest(expected, str(anchor["mac"])):
        raise AnchorError(
            _("%(source)s has a wrong signature: it was altered or made with another key.")
            % {"source": source}
        )
    return anchor


@dataclass(frozen=True)
class AnchorVerdict:
    ok: bool
    reason: str
    chain: VerifyResult

    def __str__(self) -> str:
        return self.reason


def anchor_check(org, anchor: dict) -> AnchorVerdict:
    """Return whether `org`'s log still holds, unchanged, everything up to `anchor`.

    The chain must verify, and the event at the anchor's seq must still carry the
    anchor's hash (so no event up to it changed) unless a retention run recorded
    its removal. A head behind the anchor means the newest events were removed.
    """
    chain = verify_org(org)
    if anchor["org_id"] != org.pk or anchor["org"] != org.slug:
        return AnchorVerdict(False, _("The anchor belongs to another organisation."), chain)
    if not chain.ok:
        return AnchorVerdict(False, str(chain), chain)
    seq = anchor["seq"]
    if seq == 0:
        return AnchorVerdict(
            True, _("OK: anchor at the empty log; %(chain)s") % {"chain": chain}, chain
        )
    events = AuditEvent.objects.for_org(org)
    event = events.filter(seq=seq).values_list("hash", flat=True).first()
    if event is None:
        removed = events.filter(action=Action.RETENTION, data__to_seq__gte=seq).exists()
        if not removed:
            head = chain.last_seq or 0
            return AnchorVerdict(
                False,
                _("TAMPERED: seq %(seq)d named by the anchor is missing (the log ends at %(head)d)")
                % {"seq": seq, "head": head},
                chain,
            )
        return AnchorVerdict(
            True,
            _("OK: seq %(seq)d was removed by recorded retention; %(chain)s")
            % {"seq": seq, "chain": chain},
            chain,
        )
    if event != anchor["hash"]:
        return AnchorVerdict(
            False,
            _("TAMPERED at or before seq %(seq)d: its hash differs from the anchor's")
            % {"seq": seq},
            chain,
        )
    return AnchorVerdict(
        True,
        _("OK: unchanged up to the anchor at seq %(seq)d; %(chain)s")
        % {"seq": seq, "chain": chain},
        chain,
    )


def anchor_write(anchor: dict, directory: str | Path) -> Path:
    """Write `anchor` to `directory` as <org>-<time>.json and <org>-latest.json.

    Return the path of the first.
    """
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    text = json.dumps(anchor, indent=2, sort_keys=True) + "\n"
    stamp = anchor["at"].replace(":", "").replace("-", "").replace("+0000", "Z")
    path = folder / f"{anchor['org']}-{stamp}.json"
    path.write_text(text, encoding="utf-8")
    (folder / f"{anchor['org']}-latest.json").write_text(text, encoding="utf-8")
    return path


def anchors_distribute() -> int:
    """Write every organisation's anchor to VOUCH_AUDIT_ANCHOR_DIR (if set) and queue it by
    e-mail to its compliance users; return how many anchors were made.

    Organisations whose log is empty are skipped. Needs VOUCH_AUDIT_ANCHOR_KEY.
    """
    from organisations.models import Membership, Organisation, Role
    from organisations.outbox import email_queue

    orgs = Organisation.objects.filter(audit_chain__last_seq__gt=0).order_by("slug")
    made = 0
    for org in orgs:
        anchor = anchor_export(org)
        text = json.dumps(anchor, indent=2, sort_keys=True) + "\n"
        if settings.VOUCH_AUDIT_ANCHOR_DIR:
            anchor_write(anchor, settings.VOUCH_AUDIT_ANCHOR_DIR)
        recipients = (
            Membership.objects.for_org(org)
            .filter(role=Role.COMPLIANCE)
            .exclude(user__email="")
            .values_list("user__email", flat=True)
        )
        subject = _("Audit anchor of %(org)s at seq %(seq)d") % {
            "org": org.name,
            "seq": anchor["seq"],
        }
        body = (
            _(
                "Keep this anchor outside Vouch. To check that no audit event up to it was "
                "changed or removed, save it to a file and run\n\n"
                "    python manage.py verify_audit --org %(slug)s --anchor FILE\n\n"
            )
            % {"slug": org.slug}
            + text
        )
        for recipient in sorted(set(recipients)):
            email_queue(
                org=org,
                recipient=recipient,
                subject=subject,
                body=body,
                kind="audit_anchor",
                key=f"anchor:{org.pk}:{anchor['seq']}:{anchor['at'][:10]}:"
                + hashlib.sha256(recipient.encode()).hexdigest()[:32],
            )
        made += 1
    return made
