"""Insights: the dashboard, per-rule statistics and policy simulations.

Included at /o/<slug:org_slug>/insights/ by config/urls.py.
"""

from django.urls import path

from insights import views

urlpatterns = [
    path("", views.dashboard, name="insights_dashboard"),
    path("figures.csv", views.figure_csv, name="insights_csv"),
    path("rules/", views.rules, name="insights_rules"),
    path("rules/<str:rule>/", views.rule_invitations, name="insights_rule_invitations"),
    path("simulations/", views.simulations, name="simulations"),
    path("simulations/start/", views.simulation_start, name="simulation_start"),
    path("simulations/<int:pk>/", views.simulation_detail, name="simulation_detail"),
]
