from django.urls import path

from oidp.ratelimit import rate_limit
from search import views

app_name = "search"

urlpatterns = [
    path("", views.search, name="search"),
    path(
        "autocomplete/",
        rate_limit("autocomplete", methods=("GET",), json=True)(views.autocomplete),
        name="autocomplete",
    ),
]
