from django.urls import path

from mailboxes import views

urlpatterns = [
    path("settings/mailbox", views.mailbox_save, name="mailbox_save"),
    path("settings/mailbox/remove", views.mailbox_remove_view, name="mailbox_remove"),
    path("settings/mailbox/poll", views.mailbox_poll_now, name="mailbox_poll"),
    path("forwarded-mail/", views.forwarded_mail, name="forwarded_mail"),
]
