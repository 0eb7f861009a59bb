"""The review queue, reviewing one invitation, deciding, and the notification wording.

Included at /o/<slug:org_slug>/ by config/urls.py.
"""

from django.urls import path

from review import views

urlpatterns = [
    path("review/", views.queue, name="review_queue"),
    path("review/bulk/", views.bulk, name="review_bulk"),
    path("review/campaign/decide/", views.campaign_decision, name="review_campaign_decide"),
    path("review/<int:pk>/", views.detail, name="review_detail"),
    path("review/<int:pk>/decide/", views.decide, name="review_decide"),
    path("notifications/", views.notification_templates, name="notification_templates"),
]
