from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from wagtail.models import Site

from home.factories import HomePageFactory, build_multilingual_site


def site_queries(queries):
    return [q for q in queries if 'FROM "wagtailcore_site"' in q["sql"]]


class CurrentSiteTests(TestCase):
    """The request's Wagtail site comes from a per-process memo, renewed on any content change."""

    @classmethod
    def setUpTestData(cls):
        cls.homes = build_multilingual_site()
        cls.other_home = HomePageFactory(
            parent=cls.homes["fr"].get_parent(), title="Autre site", slug="autre"
        )
        cls.other = Site.objects.create(hostname="localhost", root_page=cls.other_home)

    def test_each_host_gets_its_site_and_asks_the_database_once(self):
        self.assertContains(self.client.get("/fr/"), "Accueil")
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get("/fr/", HTTP_HOST="localhost")
        self.assertContains(response, "Autre site")
        self.assertEqual(len(site_queries(queries)), 1)
        with CaptureQueriesContext(connection) as queries:
            self.client.get("/fr/?again", HTTP_HOST="localhost")
            self.client.get("/fr/?again", HTTP_HOST="testserver")
        self.assertEqual(site_queries(queries), [])

    def test_a_host_no_site_names_gets_the_default_site(self):
        self.other.delete()
        response = self.client.get("/fr/", HTTP_HOST="127.0.0.1")
        self.assertContains(response, "Accueil")

    def test_changing_a_site_is_seen_at_once(self):
        self.client.get("/fr/", HTTP_HOST="localhost")
        self.other.hostname = "elsewhere.example"
        self.other.save()
        self.assertContains(self.client.get("/fr/?x", HTTP_HOST="localhost"), "Accueil")

    def test_hosts_outside_allowed_hosts_are_refused_before_any_lookup(self):
        response = self.client.get("/fr/", HTTP_HOST="attacker.example")
        self.assertEqual(response.status_code, 400)
