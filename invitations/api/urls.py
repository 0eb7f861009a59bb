from django.urls import path

from invitations.api import views

urlpatterns = [
    path("invitations", views.InvitationListView.as_view(), name="api_invitations"),
    path("invitations/file", views.InvitationFileView.as_view(), name="api_invitation_file"),
    path("invitations/<int:pk>", views.InvitationDetailView.as_view(), name="api_invitation"),
    path("inbound-email", views.InboundEmailView.as_view(), name="api_inbound_email"),
    path(
        "inbound-email/<int:pk>",
        views.InboundReceiptView.as_view(),
        name="api_inbound_email_receipt",
    ),
]
