from django.urls import path

from policy import views

urlpatterns = [
    path("", views.policy_edit, name="policy_edit"),
    path("published/", views.policy_published, name="policy_published"),
    path("diff/", views.policy_diff, name="policy_diff"),
    path("publish/", views.policy_publish_view, name="policy_publish"),
    path("guidance/", views.policy_member_action, name="policy_member_action"),
    path("versions/", views.policy_versions, name="policy_versions"),
    path(
        "versions/<int:number>/export.json",
        views.policy_version_export,
        name="policy_version_export",
    ),
    path("draft/export.json", views.policy_draft_export, name="policy_draft_export"),
    path("import/", views.policy_import, name="policy_import"),
    path("profile/", views.policy_profile, name="policy_profile"),
    path("roster/", views.roster, name="roster"),
    path("roster/mine/", views.roster_upload_mine, name="roster_upload_mine"),
    path("roster/mine/delete/", views.roster_forget_mine, name="roster_forget_mine"),
    path("roster/shared/", views.roster_upload_shared, name="roster_upload_shared"),
    path("roster/delete/", views.roster_delete_view, name="roster_delete"),
]
