from django.urls import path

from organisations import views

urlpatterns = [
    path("", views.home, name="home"),
    path("language/", views.language_switch, name="language_switch"),
    path("join/<str:token>/", views.member_join, name="member_join"),
]
