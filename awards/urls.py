"""Public URLs of the awards app, mounted under the language prefix in oidp/urls.py."""

from django.urls import path  # noqa: F401

app_name = "awards"

urlpatterns = []
