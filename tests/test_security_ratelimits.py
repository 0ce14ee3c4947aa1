"""Every public endpoint that takes input is rate-limited, with a localized answer and Retry-After."""

import json

from django.contrib.auth import get_user_model
from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import translation

from awards.factories import CandidatureFactory
from awards.models import Candidature
from awards.tests.base import build_awards, experience
from repository.tests.base import build_repository

TIGHT = {
    "login": "2/h",
    "password-reset": "2/h",
    "invitation": "2/h",
    "suggest": "2/h",
    "apply": "2/h",
    "candidature": "2/h",
    "jury": "2/h",
    "autocomplete": "2/m",
}
PAUSED = "Too many attempts came from your connection in a short time"


@override_settings(RATE_LIMITS=TIGHT)
class PublicFormsRateLimitTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_repository()
        cls.user = get_user_model().objects.create_user(
            "ana@example.org", "ana@example.org", "a-long-passphrase-42"
        )

    def assert_limited(self, response, language="en"):
        self.assertEqual(response.status_code, 429)
        self.assertGreater(int(response["Retry-After"]), 0)
        self.assertIn("no-cache", response["Cache-Control"])
        self.assertContains(response, f'<html lang="{language}"', status_code=429)

    def post_times(self, times, url, data):
        return [self.client.post(url, data) for _ in range(times)]

    def test_member_login_gives_the_localized_429_page_after_too_many_attempts(self):
        data = {"username": "nobody@example.org", "password": "wrong"}
        _first, second = self.post_times(2, "/en/members/login/", data)
        self.assertEqual(second.status_code, 200)
        response = self.client.post("/en/members/login/", data)
        self.assert_limited(response)
        self.assertContains(response, PAUSED, status_code=429)

    def test_the_429_page_is_in_the_language_of_the_url(self):
        data = {"username": "nobody@example.org", "password": "wrong"}
        self.post_times(2, "/pt/members/login/", data)
        self.assert_limited(self.client.post("/pt/members/login/", data), language="pt")

    def test_the_admin_login_is_rate_limited_per_address(self):
        for number in range(2):
            # different accounts: axes' per-account lockout is not what stops them
            self.client.post("/admin/login/", {"username": f"u{number}", "password": "x"})
        response = self.client.post("/admin/login/", {"username": "u9", "password": "x"})
        self.assertEqual(response.status_code, 429)
        self.assertIn("Retry-After", response)

    def test_reading_the_login_page_is_not_counted(self):
        for _ in range(5):
            self.assertEqual(self.client.get("/en/members/login/").status_code, 200)

    def test_password_reset_requests_are_limited_and_keep_the_form(self):
        url = "/en/members/password-reset/"
        self.post_times(2, url, {"email": "ana@example.org"})
        response = self.client.post(url, {"email": "ana@example.org"})
        self.assert_limited(response)
        self.assertContains(response, 'value="ana@example.org"', status_code=429)

    def test_membership_applications_are_limited_and_keep_what_was_typed(self):
        url = "/en/members/apply/"
        data = {"organisation_name": "Comune di Bologna"}
        self.post_times(2, url, data)
        response = self.client.post(url, data)
        self.assert_limited(response)
        self.assertContains(response, 'value="Comune di Bologna"', status_code=429)

    def test_suggestions_are_limited_and_keep_what_was_typed(self):
        url = "/en/experiences/suggest/"
        self.post_times(2, url, {"title": "Assemblée de Grenoble"})
        response = self.client.post(url, {"title": "Assemblée de Grenoble"})
        self.assertEqual(response.status_code, 429)
        self.assertIn("Retry-After", response)
        self.assertContains(response, 'value="Assemblée de Grenoble"', status_code=429)

    def test_invitation_links_cannot_be_guessed_quickly(self):
        self.post_times(2, "/en/members/invitation/not-a-token/", {})
        self.assert_limited(self.client.post("/en/members/invitation/not-a-token/", {}))

    def test_autocomplete_answers_429_with_a_json_error(self):
        with translation.override("en"):
            url = reverse("search:autocomplete") + "?q=budget"
        for _ in range(2):
            self.assertEqual(self.client.get(url).status_code, 200)
        response = self.client.get(url)
        self.assertEqual(response.status_code, 429)
        self.assertEqual(response["Content-Type"], "application/json")
        body = json.loads(response.content)
        self.assertIn("Too many requests", body["error"])
        self.assertGreater(body["retry_after"], 0)
        self.assertEqual(response["Retry-After"], str(body["retry_after"]))

    def test_limits_are_counted_per_address(self):
        data = {"username": "nobody@example.org", "password": "wrong"}
        for _ in range(3):
            self.client.post("/en/members/login/", data, REMOTE_ADDR="10.0.0.1")
        response = self.client.post("/en/members/login/", data, REMOTE_ADDR="10.0.0.2")
        self.assertEqual(response.status_code, 200)


@override_settings(RATE_LIMITS=TIGHT)
class AwardsRateLimitTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_awards(phase="call")
        cls.edition = cls.tree["edition"]
        cls.user = get_user_model().objects.create_user(
            "cand@example.org", "cand@example.org", "a-long-passphrase-42"
        )

    def test_candidature_drafts_are_limited_per_account(self):
        self.client.force_login(self.user)
        url = f"/en/awards/editions/{self.edition.pk}/apply/"
        for _ in range(2):
            self.assertNotEqual(self.client.post(url, {}).status_code, 429)
        response = self.client.post(url, {})
        self.assertEqual(response.status_code, 429)
        self.assertContains(response, PAUSED, status_code=429)
        # Reading the form is never limited.
        self.assertEqual(self.client.get(url).status_code, 200)

    def test_jury_scores_are_limited_per_account(self):
        self.client.force_login(self.user)
        candidature = CandidatureFactory(
            edition=self.edition, experience=experience(self.tree), state=Candidature.State.FINALIST
        )
        url = f"/en/awards/jury/{self.edition.pk}/{candidature.pk}/"
        for _ in range(2):
            self.client.post(url, {})
        self.assertEqual(self.client.post(url, {}).status_code, 429)


@override_settings(RATE_LIMITS=TIGHT, RATE_LIMIT_IP_HEADER="HTTP_X_FORWARDED_FOR")
class BehindAProxyTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_repository()

    def login(self, forwarded):
        return self.client.post(
            "/en/members/login/",
            {"username": "nobody@example.org", "password": "wrong"},
            HTTP_X_FORWARDED_FOR=forwarded,
        )

    def test_limits_count_the_address_our_proxy_saw_not_what_the_client_claims(self):
        for claimed in ("1.1.1.1", "2.2.2.2"):
            self.login(f"{claimed}, 198.51.100.7")
        # The client changes its own claim, but the proxy saw the same address: limited.
        self.assertEqual(self.login("3.3.3.3, 198.51.100.7").status_code, 429)
        # Another visitor behind the same proxy is not.
        self.assertEqual(self.login("198.51.100.8").status_code, 200)

    def test_a_malformed_or_missing_header_falls_back_instead_of_failing(self):
        self.assertEqual(self.login("not-an-address").status_code, 200)
        response = self.client.post(
            "/en/members/login/", {"username": "nobody@example.org", "password": "wrong"}
        )
        self.assertEqual(response.status_code, 200)
