import socket

from django.test import TestCase, override_settings

from oidp import health


def closed_port():
    """A local port nobody listens on (bound then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class HealthzTests(TestCase):
    def setUp(self):
        health.forget_engine_ping()
        self.addCleanup(health.forget_engine_ping)

    def test_a_healthy_instance_answers_ok_with_one_query(self):
        with self.assertNumQueries(1):
            response = self.client.get("/healthz")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            response.json(),
            {"status": "ok", "checks": {"database": "ok", "cache": "ok", "search": "database"}},
        )
        self.assertIn("no-cache", response["Cache-Control"])

    def test_it_needs_no_language_prefix_and_refuses_writes(self):
        self.assertEqual(self.client.head("/healthz").status_code, 200)
        self.assertEqual(self.client.post("/healthz").status_code, 405)

    def test_an_unreachable_cache_takes_the_instance_out_of_rotation(self):
        redis_url = f"redis://127.0.0.1:{closed_port()}/0"
        caches = {
            "default": {
                "BACKEND": "oidp.cache.RedisCache",
                "LOCATION": redis_url,
                "OPTIONS": {"socket_connect_timeout": 0.5},
            }
        }
        with override_settings(CACHES=caches):
            response = self.client.get("/healthz")
        self.assertEqual(response.status_code, 503)
        self.assertEqual(response.json()["status"], "unavailable")
        self.assertEqual(response.json()["checks"]["cache"], "error")

    def test_a_search_engine_down_degrades_but_keeps_serving(self):
        url = f"http://127.0.0.1:{closed_port()}"
        backends = {
            "default": {"BACKEND": "search.backends.database"},
            **{
                f"engine_{code}": {
                    "BACKEND": "search.backends.opensearch3",
                    "URLS": [url],
                    "LANGUAGE": code,
                    "INDEX_PREFIX": "healthz_",
                    "TIMEOUT": 1,
                    "OPTIONS": {"max_retries": 0},
                    "AUTO_UPDATE": False,
                }
                for code in ["fr", "es", "en", "pt"]
            },
        }
        with override_settings(WAGTAILSEARCH_BACKENDS=backends):
            response = self.client.get("/healthz")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json()["status"], "degraded")
        self.assertEqual(response.json()["checks"]["search"], "down")
