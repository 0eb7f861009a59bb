"""Celery tasks: thin wrappers that take ids and call a service."""

from celery import shared_task

from insights.simulation import simulation_run


@shared_task(acks_late=True, reject_on_worker_lost=True)
def run_simulation(simulation_id: int) -> bool:
    """Run one queued simulation; a redelivered or repeated task changes nothing."""
    return simulation_run(simulation_id=simulation_id)
