"""Public URLs of the awards app, mounted under the language prefix in oidp/urls.py."""

from django.urls import path

from oidp.ratelimit import rate_limit

from . import views

# Drafts, uploads and scores are saved by POST: limited per account (or address).
candidature_limit = rate_limit("candidature", key="user_or_ip")
jury_limit = rate_limit("jury", key="user_or_ip")

app_name = "awards"

urlpatterns = [
    path(
        "editions/<int:edition_id>/apply/",
        candidature_limit(views.candidature_new),
        name="candidature_new",
    ),
    path("candidatures/<int:pk>/", candidature_limit(views.candidature_detail), name="candidature"),
    path(
        "candidatures/<int:pk>/attachments/<int:attachment_pk>/delete/",
        views.attachment_delete,
        name="attachment_delete",
    ),
    path("editions/<int:edition_id>/vote/", views.vote, name="vote"),
    path("vote/confirm/<str:token>/", views.vote_confirm, name="vote_confirm"),
    path("jury/", views.jury_home, name="jury_home"),
    path("jury/<int:edition_id>/", views.jury_edition, name="jury_edition"),
    path(
        "jury/<int:edition_id>/<int:candidature_id>/",
        jury_limit(views.jury_score),
        name="jury_score",
    ),
    path(
        "jury/<int:edition_id>/<int:candidature_id>/conflict/",
        jury_limit(views.jury_conflict),
        name="jury_conflict",
    ),
]
