"""Public URLs of the members app, mounted under the language prefix in oidp/urls.py."""

from django.urls import path

from oidp.ratelimit import rate_limit

from . import views

app_name = "members"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("login/", rate_limit("login")(views.LoginView.as_view()), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("password-reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path("password-reset/sent/", views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "password-reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password-reset/done/",
        views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path(
        "invitation/<str:token>/",
        rate_limit("invitation")(views.accept_invitation),
        name="accept_invitation",
    ),
    path("experiences/<int:page_id>/edit/", views.edit_experience, name="edit_experience"),
    path("experiences/<int:page_id>/compare/", views.compare, name="compare"),
    path("experiences/<int:page_id>/sign-off/", views.sign_off, name="sign_off"),
    path("my-data/", views.personal_data, name="personal_data"),
    path("delete-account/", views.delete_account, name="delete_account"),
    path("account-deleted/", views.account_deleted, name="account_deleted"),
    path("directory/", views.directory, name="directory"),
    path("apply/", views.apply, name="apply"),
    path("apply/thanks/", views.apply_thanks, name="apply_thanks"),
]
