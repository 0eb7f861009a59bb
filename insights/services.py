"""Queueing a simulation. The Celery task runs it with `insights.simulation.simulation_run`.

This lives apart from `insights.simulation` so that the modules import one way only:
services -> tasks -> simulation (a service enqueues the task; the task calls the simulation).
"""

from django.db import transaction

from config.publish import publish_on_commit
from insights.models import Simulation
from insights.tasks import run_simulation
from policy.engine import compile_policy
from policy.services import policy_current_version


def simulation_create(
    *, org, actor, policy_data: dict, period_from=None, period_to=None
) -> Simulation:
    """Store a queued simulation of `policy_data` and enqueue it once the transaction commits.

    Raises PolicyInvalid when the draft cannot be compiled, so nothing is queued in vain.
    """
    compile_policy(policy_data)
    with transaction.atomic():
        simulation = Simulation.objects.create(
            organisation=org,
            requested_by=actor,
            policy_data=policy_data,
            base_version=policy_current_version(org=org),
            period_from=period_from,
            period_to=period_to,
        )
        publish_on_commit(run_simulation, simulation.pk)
    return simulation
