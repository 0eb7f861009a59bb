"""Each organisation's events form one hash chain that concurrent writers cannot fork."""

import itertools
import threading

import pytest
from django.db import connection

from audit.chain import event_hash
from audit.models import AuditChain, AuditEvent
from audit.verify import GENESIS_HASH, recompute_hash, verify_org


@pytest.mark.django_db
def test_it_links_each_event_to_the_hash_of_the_one_before(org, record):
    events = record(org, 5)
    stored = list(AuditEvent.objects.for_org(org).order_by("seq"))
    assert [e.seq for e in stored] == [1, 2, 3, 4, 5]
    assert stored[0].prev_hash == GENESIS_HASH
    for before, after in itertools.pairwise(stored):
        assert after.prev_hash == before.hash
    for event in stored:
        assert recompute_hash(event) == event.hash
    head = AuditChain.objects.get(organisation=org)
    assert (head.last_seq, head.last_hash) == (5, events[-1].hash)


@pytest.mark.django_db
def test_it_hashes_the_canonical_serialisation_including_organisation_and_seq(org, record):
    (event,) = record(org)
    fields = {
        "org_id": org.pk,
        "seq": 1,
        "created_at": event.created_at,
        "actor_id": None,
        "actor_name": "system",
        "action": event.action,
        "target_type": "user",
        "target_id": "1",
        "data": {"i": 0},
        "prev_hash": GENESIS_HASH,
    }
    assert event_hash(**fields) == event.hash
    assert event_hash(**{**fields, "org_id": org.pk + 1}) != event.hash
    assert event_hash(**{**fields, "seq": 2}) != event.hash


@pytest.mark.django_db
def test_it_keeps_each_organisations_chain_separate(org, other_org, record):
    record(org, 3)
    record(other_org, 2)
    assert list(AuditEvent.objects.for_org(other_org).values_list("seq", flat=True)) == [1, 2]
    assert verify_org(org).ok and verify_org(other_org).ok


@pytest.mark.django_db
def test_it_still_verifies_after_a_database_round_trip_of_awkward_data(org, manager, record):
    record(
        org,
        actor=manager,
        data={
            "requester_name": "Zoë O’Brien 李雷 <b>",
            "score": 0.1,
            "big": 2**53 + 1,
            "nested": {"b": [1, None, True], "a": "x"},
            "empty": "",
        },
    )
    assert verify_org(org).ok


@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_cannot_fork_the_chain(org):
    from audit.models import Action
    from audit.services import audit_record

    barrier = threading.Barrier(2)
    errors = []

    def writer(name):
        try:
            barrier.wait()
            for i in range(20):
                audit_record(
                    org=org, actor=None, action=Action.EXPORT, data={"writer": name, "i": i}
                )
        except Exception as exc:  # surfaced by the assertion below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=writer, args=(n,)) for n in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    seqs = list(AuditEvent.objects.for_org(org).order_by("seq").values_list("seq", flat=True))
    assert seqs == list(range(1, 41))
    writers = AuditEvent.objects.for_org(org).values_list("data__writer", flat=True)
    assert sorted(writers) == ["a"] * 20 + ["b"] * 20
    result = verify_org(org)
    assert result.ok, str(result)
    assert result.count == 40
