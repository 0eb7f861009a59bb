"""Backtests of a policy draft over the organisation's past invitations."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SimulationStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class SimulationQuerySet(models.QuerySet):
    def for_org(self, org) -> "SimulationQuerySet":
        return self.filter(organisation=org)


class Simulation(models.Model):
    """One run of a draft policy over past invitations, compared with what happened."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="simulations"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # The draft as it was when the simulation was started; later edits do not change it.
    policy_data = models.JSONField()
    base_version = models.ForeignKey(
        "policy.PolicyVersion", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    period_from = models.DateField(null=True, blank=True)
    period_to = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=10, choices=SimulationStatus.choices, default=SimulationStatus.QUEUED
    )
    progress = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    result = models.JSONField(null=True, blank=True)
    error = models.TextField(blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    # Moved on every chunk: a run whose heartbeat stopped belonged to a worker that died.
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    objects = SimulationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["organisation", "-id"], name="simulation_org_id")]

    def __str__(self) -> str:
        return f"Simulation {self.pk} ({self.status})"

    @property
    def finished(self) -> bool:
        return self.status in (SimulationStatus.DONE, SimulationStatus.FAILED)

    @property
    def percent(self) -> int:
        if not self.total:
            return 100 if self.status == SimulationStatus.DONE else 0
        return min(100, round(100 * self.progress / self.total))
