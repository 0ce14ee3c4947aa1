from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from bs4 import BeautifulSoup

from home.factories import StandardPageFactory, build_multilingual_site
from home.templatetags.site_tags import breadcrumb_ancestors


class BreadcrumbTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.homes = build_multilingual_site()
        cls.section = StandardPageFactory(parent=cls.homes["fr"], title="Le réseau", slug="reseau")
        cls.page = StandardPageFactory(parent=cls.section, title="Les villes", slug="villes")

    def trail(self, response):
        nav = BeautifulSoup(response.content, "html.parser").select_one("nav.breadcrumbs")
        return [
            (li.get_text(strip=True), li.a["href"] if li.a else None) for li in nav.select("li")
        ]

    def test_the_trail_runs_from_the_language_home_to_the_page(self):
        response = self.client.get("/fr/reseau/villes/")
        self.assertEqual(
            self.trail(response),
            [
                (self.homes["fr"].title, "/fr/"),
                ("Le réseau", "/fr/reseau/"),
                ("Les villes", None),
            ],
        )

    def test_a_language_home_has_no_trail(self):
        response = self.client.get("/fr/")
        self.assertIsNone(BeautifulSoup(response.content, "html.parser").select_one(".breadcrumbs"))

    def test_the_pages_routing_passed_through_need_no_query(self):
        routed = self.page.specific
        routed._cached_parent_obj = self.section
        self.section._cached_parent_obj = self.homes["fr"]
        with CaptureQueriesContext(connection) as queries:
            ancestors = breadcrumb_ancestors(routed)
        self.assertEqual(len(queries), 0)
        self.assertEqual([a.pk for a in ancestors], [self.homes["fr"].pk, self.section.pk])

    def test_a_page_not_reached_by_routing_reads_its_ancestors(self):
        fresh = type(self.page).objects.get(pk=self.page.pk)
        with self.assertNumQueries(1):
            ancestors = breadcrumb_ancestors(fresh)
        self.assertEqual([a.pk for a in ancestors], [self.homes["fr"].pk, self.section.pk])
