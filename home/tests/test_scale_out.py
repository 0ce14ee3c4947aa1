import json
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

from django.conf import settings
from django.test import TestCase, override_settings

from home.factories import build_multilingual_site, publish_translation
from news.factories import NewsPageFactory, build_sections


class PurgeReceiver(BaseHTTPRequestHandler):
    """A local stand-in for Varnish: records the PURGE requests it receives."""

    received = []

    def do_PURGE(self):
        PurgeReceiver.received.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


class FrontendCachePurgeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.homes = build_multilingual_site()
        cls.sections = build_sections(cls.homes)
        cls.news = NewsPageFactory(parent=cls.sections["news"], title="Forum", slug="forum")
        cls.english_section = publish_translation(cls.sections["news"], "en")
        cls.english = publish_translation(cls.news, "en")

    def setUp(self):
        PurgeReceiver.received = []
        self.server = HTTPServer(("127.0.0.1", 0), PurgeReceiver)
        thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        thread.start()
        self.addCleanup(self.server.server_close)
        self.addCleanup(self.server.shutdown)
        self.location = f"http://127.0.0.1:{self.server.server_port}"

    def test_publishing_purges_the_translations_and_the_listings_above_them(self):
        backend = {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend"}
        with override_settings(
            WAGTAILFRONTENDCACHE={"proxy": {**backend, "LOCATION": self.location}}
        ):
            self.news.save_revision().publish()
        purged = set(PurgeReceiver.received)
        self.assertIn(self.english.url, purged)
        self.assertIn(self.sections["news"].url, purged)
        self.assertIn(self.english_section.url, purged)
        self.assertIn("/fr/", purged)
        self.assertIn("/en/", purged)

    def test_nothing_is_purged_without_a_configured_frontend_cache(self):
        with override_settings(WAGTAILFRONTENDCACHE={}):
            self.news.save_revision().publish()
        self.assertEqual(PurgeReceiver.received, [])


def settings_in(module, **environment):
    """Selected settings of a settings module loaded in a fresh process with this environment."""
    code = (
        "import json, django; from django.conf import settings as s; django.setup(); "
        "print(json.dumps({'tasks': s.TASKS['default']['BACKEND'], "
        "'apps': s.INSTALLED_APPS, 'frontend': s.WAGTAILFRONTENDCACHE, "
        "'storage': s.STORAGES['default']['BACKEND'], "
        "'bucket': getattr(s, 'AWS_STORAGE_BUCKET_NAME', ''), "
        "'endpoint': getattr(s, 'AWS_S3_ENDPOINT_URL', None)}))"
    )
    keep = {k: v for k, v in os.environ.items() if not k.startswith(("FRONTEND_CACHE", "AWS_"))}
    keep.pop("TASKS_BACKEND", None)
    env = {
        **keep,
        "DJANGO_SETTINGS_MODULE": module,
        "SECRET_KEY": "settings-selection-test-" + "x" * 30,
        "DATABASE_URL": "sqlite:////tmp/oidp-settings-selection.sqlite3",
        **environment,
    }
    output = subprocess.run(
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


class SettingsSelectionTests(TestCase):
    def test_by_default_tasks_run_at_once_with_no_frontend_cache_and_media_on_disk(self):
        chosen = settings_in("oidp.settings.production")
        self.assertEqual(chosen["tasks"], "django_tasks.backends.immediate.ImmediateBackend")
        self.assertNotIn("django_tasks_db", chosen["apps"])
        self.assertEqual(chosen["frontend"], {})
        self.assertNotIn("wagtail.contrib.frontend_cache", chosen["apps"])
        self.assertEqual(chosen["storage"], "django.core.files.storage.FileSystemStorage")

    def test_the_environment_chooses_the_task_queue_the_cdn_and_s3_media(self):
        chosen = settings_in(
            "oidp.settings.production",
            TASKS_BACKEND="database",
            FRONTEND_CACHE_HTTP_URL="http://varnish:6081",
            FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID="E123",
            AWS_STORAGE_BUCKET_NAME="oidp-media",
            AWS_S3_ENDPOINT_URL="https://s3.example.org",
        )
        self.assertEqual(chosen["tasks"], "django_tasks_db.DatabaseBackend")
        self.assertIn("django_tasks_db", chosen["apps"])
        self.assertIn("wagtail.contrib.frontend_cache", chosen["apps"])
        self.assertEqual(chosen["frontend"]["proxy"]["LOCATION"], "http://varnish:6081")
        self.assertEqual(chosen["frontend"]["cloudfront"]["DISTRIBUTION_ID"], "E123")
        self.assertEqual(chosen["storage"], "storages.backends.s3.S3Storage")
        self.assertEqual(chosen["bucket"], "oidp-media")
        self.assertEqual(chosen["endpoint"], "https://s3.example.org")

    def test_s3_media_is_for_production_settings_only(self):
        chosen = settings_in("oidp.settings.dev", AWS_STORAGE_BUCKET_NAME="oidp-media")
        self.assertEqual(chosen["storage"], "django.core.files.storage.FileSystemStorage")
