"""Security headers on public pages, the admin and served documents; no inline script runs."""

import re
import subprocess
import sys

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.test import TestCase, override_settings

from wagtail.documents import get_document_model

from bs4 import BeautifulSoup

from home.page_cache import CACHE_HEADER
from oidp.security import source_of
from repository.factories import ExperiencePageFactory
from repository.tests.base import build_repository

DATA_BLOCK_TYPES = {"application/json", "application/ld+json"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data"}


def policy(response):
    """The Content-Security-Policy header as {directive: [sources]}."""
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    return directives


def inline_code_problems(html, nonce_sources):
    """What in the page would need 'unsafe-inline' (or is not covered by the page's nonce)."""
    soup = BeautifulSoup(html, "html.parser")
    problems = []
    for script in soup.find_all("script"):
        if script.get("src"):
            continue
        if (script.get("type") or "").lower() in DATA_BLOCK_TYPES:
            continue  # a data block: browsers never execute it
        if f"'nonce-{script.get('nonce')}'" not in nonce_sources:
            problems.append(f"inline script without the page's nonce: {str(script)[:80]}")
    for style in soup.find_all("style"):
        if f"'nonce-{style.get('nonce')}'" not in nonce_sources:
            problems.append(f"<style> without the page's nonce: {str(style)[:80]}")
    for tag in soup.find_all(True):
        for attribute, value in tag.attrs.items():
            if attribute == "style":
                problems.append(f"style attribute on <{tag.name}>")
            if attribute.lower().startswith("on"):
                problems.append(f"event handler attribute {attribute} on <{tag.name}>")
            if (
                attribute in URL_ATTRIBUTES
                and isinstance(value, str)
                and value.strip().lower().startswith("javascript:")
            ):
                problems.append(f"javascript: URL in {attribute} of <{tag.name}>")
    return problems


class PublicPagesHeadersTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_repository()
        cls.experience = ExperiencePageFactory(
            parent=cls.tree["indexes"]["fr"], title="Budget participatif", slug="budget"
        )

    def public_paths(self):
        return [
            "/fr/",
            "/en/",
            "/fr/experiences/",
            self.experience.url,
            "/fr/search/?q=budget",
            "/fr/members/directory/",
            "/fr/members/login/",
            "/fr/members/apply/",
            "/fr/members/password-reset/",
            "/fr/experiences/suggest/",
        ]

    def test_public_pages_have_a_strict_content_security_policy(self):
        for path in self.public_paths():
            with self.subTest(path=path):
                response = self.client.get(path)
                self.assertEqual(response.status_code, 200)
                directives = policy(response)
                self.assertEqual(directives["default-src"], ["'self'"])
                self.assertEqual(directives["object-src"], ["'none'"])
                self.assertEqual(directives["frame-ancestors"], ["'self'"])
                self.assertEqual(directives["base-uri"], ["'self'"])
                for name in ("script-src", "style-src"):
                    self.assertNotIn("'unsafe-inline'", directives[name])
                    self.assertNotIn("'unsafe-eval'", directives[name])

    def test_public_pages_carry_the_other_security_headers(self):
        for path in self.public_paths():
            with self.subTest(path=path):
                response = self.client.get(path)
                self.assertEqual(response["X-Content-Type-Options"], "nosniff")
                self.assertEqual(response["Referrer-Policy"], "strict-origin-when-cross-origin")
                self.assertEqual(response["X-Frame-Options"], "SAMEORIGIN")
                self.assertEqual(response["Cross-Origin-Opener-Policy"], "same-origin")
                permissions = response["Permissions-Policy"]
                for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
                    self.assertIn(feature, permissions)

    def test_no_inline_script_style_or_handler_runs_outside_the_nonce(self):
        for path in self.public_paths():
            with self.subTest(path=path):
                response = self.client.get(path)
                problems = inline_code_problems(
                    response.content.decode(), policy(response)["script-src"]
                )
                self.assertEqual(problems, [])

    def test_the_experience_json_ld_is_a_data_block_not_a_script(self):
        html = self.client.get(self.experience.url).content.decode()
        blocks = BeautifulSoup(html, "html.parser").find_all("script", type="application/ld+json")
        self.assertEqual(len(blocks), 1)

    def test_a_page_served_from_the_cache_keeps_its_headers(self):
        first = self.client.get("/fr/")
        second = self.client.get("/fr/")
        self.assertEqual(second[CACHE_HEADER], "hit")
        self.assertEqual(policy(second)["script-src"], policy(first)["script-src"])
        self.assertIn("camera=()", second["Permissions-Policy"])

    def test_session_csrf_and_language_cookies_are_http_only(self):
        response = self.client.get("/fr/members/login/")
        self.assertTrue(response.cookies["csrftoken"]["httponly"])
        self.assertEqual(response.cookies["csrftoken"]["samesite"], "Lax")
        self.assertTrue(response.cookies["oidp_language"]["httponly"])
        User = get_user_model()
        User.objects.create_user("reader", "reader@example.org", "a-long-passphrase-42")
        response = self.client.post(
            "/fr/members/login/", {"username": "reader", "password": "a-long-passphrase-42"}
        )
        self.assertTrue(response.cookies["sessionid"]["httponly"])


class NonceTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_repository()

    def test_a_response_that_used_the_nonce_announces_it_and_is_not_cached(self):
        from django.http import HttpResponse

        from oidp.security import NoncedResponsesStayPrivateMiddleware

        def view(request):
            return HttpResponse(f'<script nonce="{request.csp_nonce}">1</script>')

        from django.test import RequestFactory

        from oidp.security import ContentSecurityPolicyMiddleware

        request = RequestFactory().get("/fr/")
        inner = NoncedResponsesStayPrivateMiddleware(view)
        response = ContentSecurityPolicyMiddleware(inner)(request)
        nonce = re.search(r'nonce="([^"]+)"', response.content.decode()).group(1)
        self.assertIn(f"'nonce-{nonce}'", policy(response)["script-src"])
        self.assertIn("private", response["Cache-Control"])


class AdminPolicyTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_repository()
        cls.admin = get_user_model().objects.create_superuser(
            "admin", "admin@example.org", "a-long-passphrase-42"
        )

    def setUp(self):
        self.client.force_login(self.admin)

    def test_the_admin_has_its_own_policy_with_inline_code_allowed_only_there(self):
        response = self.client.get("/admin/")
        self.assertEqual(response.status_code, 200)
        directives = policy(response)
        self.assertIn("'unsafe-inline'", directives["script-src"])
        self.assertFalse(any(s.startswith("'nonce-") for s in directives["script-src"]))
        self.assertEqual(directives["object-src"], ["'none'"])
        self.assertEqual(directives["frame-ancestors"], ["'self'"])
        self.assertEqual(response["X-Content-Type-Options"], "nosniff")
        self.assertIn("camera=()", response["Permissions-Policy"])
        # The exception stays in the admin.
        self.assertNotIn("'unsafe-inline'", policy(self.client.get("/fr/"))["script-src"])

    def test_the_admin_login_page_is_under_the_admin_policy(self):
        self.client.logout()
        response = self.client.get("/admin/login/")
        self.assertEqual(response.status_code, 200)
        self.assertIn("'self'", policy(response)["default-src"])


class DocumentServingTests(TestCase):
    def test_a_served_document_is_sandboxed_and_not_sniffed(self):
        Document = get_document_model()
        document = Document(title="Report")
        document.file.save("report.txt", ContentFile(b"plain words"), save=False)
        document.save()
        response = self.client.get(document.url)
        self.assertEqual(response.status_code, 200)
        directives = policy(response)
        self.assertEqual(directives["default-src"], ["'none'"])
        self.assertIn("sandbox", directives)
        self.assertEqual(response["X-Content-Type-Options"], "nosniff")
        self.assertTrue(response["Content-Disposition"].startswith("attachment"))


class PolicySourcesTests(TestCase):
    @override_settings(
        AWS_STORAGE_BUCKET_NAME="oidp-media", AWS_S3_CUSTOM_DOMAIN="media.example.org"
    )
    def test_images_on_an_s3_custom_domain_are_allowed(self):
        response = self.client.get("/healthz")
        self.assertIn("https://media.example.org", policy(response)["img-src"])

    @override_settings(
        AWS_STORAGE_BUCKET_NAME="oidp-media",
        AWS_S3_CUSTOM_DOMAIN=None,
        AWS_S3_ENDPOINT_URL="https://s3.fr-par.scw.cloud",
    )
    def test_images_on_an_s3_endpoint_are_allowed(self):
        sources = policy(self.client.get("/healthz"))["img-src"]
        self.assertIn("https://s3.fr-par.scw.cloud", sources)
        self.assertIn("https://*.s3.fr-par.scw.cloud", sources)

    def test_the_map_tile_server_is_allowed_as_an_image_source(self):
        self.assertEqual(
            source_of("https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png"),
            "https://*.tile.openstreetmap.org",
        )
        self.assertIsNone(source_of("/media/"))


class ProductionPolicyTests(TestCase):
    def test_production_settings_upgrade_insecure_requests_and_pass_the_checklist(self):
        code = (
            "from django.conf import settings;"
            "d = settings.CONTENT_SECURITY_POLICY['DIRECTIVES'];"
            "print(d['upgrade-insecure-requests'], settings.SESSION_COOKIE_SECURE,"
            " settings.CSRF_COOKIE_SECURE, settings.SECURE_HSTS_SECONDS > 0)"
        )
        result = subprocess.run(
            [sys.executable, "-c", f"import django; django.setup(); {code}"],
            capture_output=True,
            text=True,
            env={
                "DJANGO_SETTINGS_MODULE": "oidp.settings.production",
                "SECRET_KEY": "x" * 60,
                "ALLOWED_HOSTS": "oidp.example.org",
                "PATH": "/usr/bin:/bin",
            },
            check=False,
        )
        self.assertEqual(result.stdout.split(), ["True", "True", "True", "True"], result.stderr)
