"""The review queue, reviewing one invitation, deciding, and the notification wording.

Included at /o/<slug:org_slug>/ by config/urls.py.
"""

from django.urls import path

from invitations import review

urlpatterns = [
    path("review/", review.queue, name="review_queue"),
    path("review/bulk/", review.bulk, name="review_bulk"),
    path("review/campaign/decide/", review.campaign_decision, name="review_campaign_decide"),
    path("review/<int:pk>/", review.detail, name="review_detail"),
    path("review/<int:pk>/decide/", review.decide, name="review_decide"),
    path("notifications/", review.notification_templates, name="notification_templates"),
]
