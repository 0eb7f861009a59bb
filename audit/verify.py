"""Verifying an organisation's hash chain.

`verify_chain` is pure: it reads events (anything with AuditEvent's attributes) in
seq order, one at a time, and never touches the database, so a chain of any length
is checked in constant memory. `verify_org` feeds it from the database.

What is checked, stopping at the first problem:

- every event's stored hash equals the hash of its canonical serialisation
  (a changed row fails here; a row whose seq was changed is named out of order);
- seqs are contiguous (a gap is a removed row) and each prev_hash is the hash of
  the event before it (a re-hashed altered row breaks the next link);
- the chain starts at seq 1 from the genesis hash, or, after retention removed the
  oldest events, at the seq that a later `retention` event names, with the
  prev_hash that event recorded as the hash of the last removed event;
- the chain head (AuditChain.last_seq / last_hash, read before the events) matches
  the event at that seq, so removing the newest rows is detected too.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext as _

from audit.chain import event_hash
from audit.models import Action, AuditChain, AuditEvent

GENESIS_HASH = "0" * 64

# How far from its position a row's original seq is searched for, to tell a
# reordered row from an altered one. Only a diagnosis: the verdict does not depend on it.
_REORDER_WINDOW = 64


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    count: int
    first_bad_seq: int | None = None
    reason: str = ""
    last_seq: int | None = None
    last_hash: str = ""

    def __str__(self) -> str:
        if not self.ok:
            return _("TAMPERED at seq %(seq)s: %(reason)s") % {
                "seq": self.first_bad_seq,
                "reason": self.reason,
            }
        if self.count == 0:
            return _("OK: 0 events, chain intact (empty log)")
        return _("OK: %(count)d events, chain intact (head %(hash)s…)") % {
            "count": self.count,
            "hash": self.last_hash[:12],
        }


def recompute_hash(event, *, seq: int | None = None) -> str:
    """Return the hash `event` should carry (at `seq`, if given, instead of its own)."""
    return event_hash(
        org_id=event.organisation_id,
        seq=event.seq if seq is None else seq,
        created_at=event.created_at,
        actor_id=event.actor_id,
        actor_name=event.actor_name,
        action=event.action,
        target_type=event.target_type,
        target_id=event.target_id,
        data=event.data,
        prev_hash=event.prev_hash,
    )


def _original_seq(event) -> int | None:
    """Return the nearby seq at which `event`'s stored hash is valid, if there is one."""
    for delta in range(1, _REORDER_WINDOW + 1):
        for candidate in (event.seq - delta, event.seq + delta):
            if candidate >= 1 and recompute_hash(event, seq=candidate) == event.hash:
                return candidate
    return None


def _missing(first: int, last: int) -> str:
    if first == last:
        return _("seq %(seq)d missing (row removed)") % {"seq": first}
    return _("seqs %(first)d–%(last)d missing (rows removed)") % {"first": first, "last": last}


def anchors(event, first_seq: int, first_prev_hash: str) -> bool:
    """Return True if `event` is a retention record that vouches for the start of the chain.

    Retention removes events 1..n and records n and the hash of event n; the first
    remaining event n+1 must then carry exactly that hash as its prev_hash.
    """
    if event.action != Action.RETENTION or not isinstance(event.data, dict):
        return False
    to_seq = event.data.get("to_seq")
    return (
        isinstance(to_seq, int)
        and to_seq == first_seq - 1
        and event.data.get("last_removed_hash") == first_prev_hash
    )


def verify_chain(events: Iterable, *, head: tuple[int, str] | None = None) -> VerifyResult:
    """Check `events` (one organisation's, in ascending seq order) and return the verdict.

    `head` is the chain head (last_seq, last_hash) read *before* the events, so
    events appended while verifying do not count as a mismatch.
    """
    count = 0
    expected_seq: int | None = None
    prev_hash = GENESIS_HASH
    first_seq: int | None = None
    # Set while the start of the chain (seq > 1) still needs a retention record.
    pending_start: tuple[int, str] | None = None
    retention_upto = 0  # the highest seq any retention record says it removed
    head_seq, head_hash = head if head is not None else (0, GENESIS_HASH)
    head_seen = head_seq == 0

    def bad(seq: int, reason: str) -> VerifyResult:
        return VerifyResult(False, count, seq, reason)

    for event in events:
        count += 1
        seq = event.seq
        if expected_seq is not None and seq > expected_seq:
            return bad(expected_seq, _missing(expected_seq, seq - 1))
        if (expected_seq is not None and seq < expected_seq) or seq < 1:
            return bad(seq, _("seq out of order"))
        if recompute_hash(event) != event.hash:
            original = _original_seq(event)
            if original is not None:
                return bad(
                    seq, _("seq out of order (row belongs at seq %(seq)d)") % {"seq": original}
                )
            return bad(seq, _("hash mismatch (row altered)"))
        if expected_seq is None:
            first_seq = seq
            if seq == 1:
                if event.prev_hash != GENESIS_HASH:
                    return bad(seq, _("chain broken (seq 1 does not start from the genesis hash)"))
            else:
                pending_start = (seq, event.prev_hash)
        elif event.prev_hash != prev_hash:
            return bad(
                seq,
                _("chain broken (prev_hash is not the hash of seq %(seq)d)") % {"seq": seq - 1},
            )
        if seq == head_seq:
            head_seen = True
            if event.hash != head_hash:
                return bad(seq, _("chain head mismatch (head records another hash for this seq)"))
        if event.action == Action.RETENTION and isinstance(event.data, dict):
            to_seq = event.data.get("to_seq")
            if isinstance(to_seq, int):
                retention_upto = max(retention_upto, to_seq)
            if pending_start is not None and anchors(event, *pending_start):
                pending_start = None
        prev_hash = event.hash
        expected_seq = seq + 1

    if pending_start is not None:
        first_missing = retention_upto + 1 if retention_upto < pending_start[0] - 1 else 1
        return VerifyResult(
            False,
            count,
            first_missing,
            _missing(first_missing, pending_start[0] - 1)
            + _("; no retention record accounts for them"),
        )
    if not head_seen:
        last_seen = (expected_seq or 1) - 1
        if head_seq > last_seen:
            return VerifyResult(False, count, last_seen + 1, _missing(last_seen + 1, head_seq))
        # The head's event was removed by a retention run that finished meanwhile,
        # which is fine only if a retention record covers it.
        if first_seq is None or head_seq >= first_seq or retention_upto < head_seq:
            return VerifyResult(False, count, head_seq, _missing(head_seq, head_seq))
    last_seq = (expected_seq - 1) if expected_seq is not None else None
    return VerifyResult(True, count, None, "", last_seq, prev_hash if count else "")


def org_events(org):
    """Return `org`'s events in seq order, as a queryset to stream with `.iterator()`."""
    return AuditEvent.objects.for_org(org).order_by("seq")


def verify_org(org) -> VerifyResult:
    """Verify `org`'s whole chain against its head, streaming the events."""
    head = AuditChain.objects.filter(organisation=org).values_list("last_seq", "last_hash").first()
    return verify_chain(org_events(org).iterator(chunk_size=2000), head=head)


@dataclass(frozen=True)
class EventCheck:
    """One event's checks, for its detail page. None: nothing to compare with."""

    hash_ok: bool
    prev_ok: bool | None
    next_ok: bool | None

    @property
    def ok(self) -> bool:
        return self.hash_ok and self.prev_ok is not False and self.next_ok is not False


def check_event(event) -> EventCheck:
    """Check one event's own hash and its links to its neighbours (or its retention anchor)."""
    events = AuditEvent.objects.for_org(event.organisation_id)
    hash_ok = recompute_hash(event) == event.hash
    if event.seq == 1:
        prev_ok = event.prev_hash == GENESIS_HASH
    else:
        previous = events.filter(seq=event.seq - 1).first()
        if previous is not None:
            prev_ok = previous.hash == event.prev_hash
        else:
            retention = events.filter(action=Action.RETENTION, seq__gt=event.seq)
            prev_ok = any(anchors(r, event.seq, event.prev_hash) for r in retention.iterator())
    following = events.filter(seq=event.seq + 1).first()
    next_ok = None if following is None else following.prev_hash == event.hash
    return EventCheck(hash_ok, prev_ok, next_ok)
