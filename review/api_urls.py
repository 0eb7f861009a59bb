"""The review app's API routes, included at /api/v1/ by config/urls.py."""

from django.urls import path

from review import api

urlpatterns = [
    path(
        "invitations/<int:pk>/decision",
        api.InvitationDecisionView.as_view(),
        name="api_invitation_decision",
    ),
]
