"""The pipeline benchmark: a real import, real worker processes, one JSON line of figures."""

import io
import json

import pytest
from django.core.management import call_command

from invitations.models import Invitation
from organisations.models import Organisation

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def test_it_imports_evaluates_and_reports_figures_then_cleans_up(empty_queue):
    out = io.StringIO()
    call_command("bench_pipeline", n=400, stdout=out)
    figures = json.loads(out.getvalue())
    assert figures["n"] == 400 and figures["workers"] == 2
    assert figures["import_per_s"] > 0 and figures["end_to_end_per_s"] > 0
    assert figures["end_to_end_seconds"] >= figures["import_seconds"] > 0
    assert figures["peak_rss_mb"] > 0
    org = Organisation.objects.get(slug="bench-pipeline")
    assert not Invitation.objects.filter(organisation=org).exists()
