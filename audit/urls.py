from django.urls import path

from audit import views

urlpatterns = [
    path("", views.audit_log, name="audit_log"),
    path("events/<int:seq>/", views.audit_event, name="audit_event"),
    path("export/", views.audit_export, name="audit_export"),
    path("verify/", views.audit_verify, name="audit_verify"),
    path("settings/", views.audit_settings, name="audit_settings"),
]
