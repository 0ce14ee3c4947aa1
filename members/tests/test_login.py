"""Logging in and out, the brute-force lockout, the dashboard and its panels hook."""

from django.test import TestCase
from django.utils.safestring import mark_safe

from wagtail import hooks

from .base import PASSWORD, build_members


class LoginTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_members()

    def test_a_member_logs_in_and_lands_on_the_dashboard(self):
        response = self.client.post(
            "/pt/members/login/", {"username": "ana@example.org", "password": PASSWORD}
        )
        self.assertRedirects(response, "/pt/members/", fetch_redirect_response=False)
        dashboard = self.client.get("/pt/members/")
        self.assertContains(dashboard, "Budget participatif")
        self.assertContains(dashboard, 'data-state="published"')
        response = self.client.post("/pt/members/logout/")
        self.assertEqual(self.client.get("/pt/members/").status_code, 302)

    def test_repeated_wrong_passwords_lock_the_login_with_a_localised_page(self):
        for _ in range(5):
            response = self.client.post(
                "/pt/members/login/", {"username": "ana@example.org", "password": "wrong"}
            )
        response = self.client.post(
            "/pt/members/login/", {"username": "ana@example.org", "password": PASSWORD}
        )
        self.assertEqual(response.status_code, 429)
        self.assertContains(response, '<html lang="pt"', status_code=429)
        self.assertContains(
            response, "Demasiadas tentativas de início de sessão falhadas", status_code=429
        )
        self.assertNotIn("_auth_user_id", self.client.session)

    def test_the_admin_login_is_protected_too(self):
        for _ in range(6):
            response = self.client.post(
                "/admin/login/", {"username": "editor@example.org", "password": "wrong"}
            )
        self.assertEqual(response.status_code, 429)
        self.assertNotIn("_auth_user_id", self.client.session)

    def test_other_apps_add_panels_to_the_dashboard_through_the_hook(self):
        def candidatures_panel(request):
            return mark_safe(f"<section><h2>Candidatures of {request.user.email}</h2></section>")

        def nothing(request):
            return None

        self.client.force_login(self.tree["claire"])
        with hooks.register_temporarily(
            [
                ("members_dashboard_panels", candidatures_panel),
                ("members_dashboard_panels", nothing),
            ]
        ):
            response = self.client.get("/fr/members/")
        self.assertContains(response, "<h2>Candidatures of claire@example.org</h2>", html=True)
        self.assertNotContains(response, "None</")
