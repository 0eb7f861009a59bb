from django.urls import path

from invitations import views

urlpatterns = [
    path("submit/", views.submit, name="invitation_submit"),
    path("submit/upload/", views.upload, name="invitation_upload"),
    path("submit/uploads/<int:pk>/", views.upload_status, name="invitation_upload_status"),
    path("submit/template.csv", views.template_csv, name="invitation_template"),
    path("mine/", views.mine, name="invitation_mine"),
    path("invitations/<int:pk>/", views.detail, name="invitation_detail"),
]
