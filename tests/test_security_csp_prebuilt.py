from unittest import mock

from django.http import HttpResponse
from django.test import RequestFactory, SimpleTestCase, override_settings

from csp.middleware import CSPMiddleware

from oidp import security
from oidp.security import ContentSecurityPolicyMiddleware


class PrebuiltPolicyTests(SimpleTestCase):
    """The public and admin policies are built once and are exactly django-csp's."""

    def setUp(self):
        security._built_policies.clear()
        self.addCleanup(security._built_policies.clear)
        self.middleware = ContentSecurityPolicyMiddleware(lambda request: HttpResponse())

    def respond(self, path, response=None, library=False):
        request = RequestFactory().get(path)
        self.middleware.process_request(request)
        response = response or HttpResponse()
        if library:
            return CSPMiddleware.process_response(self.middleware, request, response)
        return self.middleware.process_response(request, response)

    def test_the_headers_are_django_csps_own_for_the_site_and_the_admin(self):
        for path in ("/fr/", "/admin/pages/"):
            with self.subTest(path=path):
                ours = self.respond(path)
                theirs = self.respond(path, library=True)
                self.assertEqual(ours["Content-Security-Policy"], theirs["Content-Security-Policy"])
                self.assertEqual(
                    ours.get("Content-Security-Policy-Report-Only"),
                    theirs.get("Content-Security-Policy-Report-Only"),
                )
        self.assertNotEqual(
            self.respond("/fr/")["Content-Security-Policy"],
            self.respond("/admin/")["Content-Security-Policy"],
        )

    def test_each_policy_is_built_once(self):
        with mock.patch.object(security, "build_policy", wraps=security.build_policy) as build:
            for _ in range(5):
                self.respond("/fr/")
                self.respond("/en/experiences/")
        self.assertEqual(build.call_count, 2)  # the policy and the (empty) report-only one

    def test_a_nonce_or_a_view_decorator_still_gets_its_own_policy(self):
        response = HttpResponse()
        response._csp_update = {"img-src": ["https://tiles.example.org"]}
        self.assertIn(
            "https://tiles.example.org", self.respond("/fr/", response)["Content-Security-Policy"]
        )
        self.assertNotIn(
            "https://tiles.example.org", self.respond("/fr/")["Content-Security-Policy"]
        )
        request = RequestFactory().get("/fr/")
        self.middleware.process_request(request)
        nonce = str(request.csp_nonce)
        header = self.middleware.process_response(request, HttpResponse())[
            "Content-Security-Policy"
        ]
        self.assertIn(f"'nonce-{nonce}'", header)

    def test_a_settings_change_builds_the_policy_again(self):
        self.respond("/fr/")
        with override_settings(AWS_STORAGE_BUCKET_NAME="b", AWS_S3_CUSTOM_DOMAIN="m.example.org"):
            self.assertIn("https://m.example.org", self.respond("/fr/")["Content-Security-Policy"])
        self.assertNotIn("m.example.org", self.respond("/fr/")["Content-Security-Policy"])
