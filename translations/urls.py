"""Admin URLs of the translators' workflow, mounted by `wagtail_hooks.register_admin_urls`."""

from django.urls import path

from . import views

app_name = "translations"

urlpatterns = [
    path("", views.status_view, name="status"),
    path("page/<int:page_id>/", views.page_status_view, name="page_status"),
    path("review/<int:translation_id>/", views.submit_for_review, name="submit_for_review"),
]
