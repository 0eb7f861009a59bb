from django.urls import path

from organisations import views

urlpatterns = [
    path("", views.org_home, name="org_home"),
    path("members/", views.members, name="members"),
    path("members/<int:membership_id>/role", views.member_role, name="member_role"),
    path("members/<int:membership_id>/remove", views.member_remove, name="member_remove"),
    path("api-tokens/", views.api_tokens, name="api_tokens"),
    path("outbox/", views.outbox, name="outbox"),
    path("outbox/<int:email_id>/retry", views.outbox_retry, name="outbox_retry"),
    path("settings/", views.org_settings, name="org_settings"),
    path(
        "api-tokens/<int:token_id>/revoke",
        views.api_token_revoke_view,
        name="api_token_revoke",
    ),
]
