"""Public URLs of the members app, mounted under the language prefix in oidp/urls.py."""

from django.urls import path  # noqa: F401

app_name = "members"

urlpatterns = []
