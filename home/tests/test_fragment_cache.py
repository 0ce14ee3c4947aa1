from unittest import mock

from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext

from home.factories import (
    SiteSettingsFactory,
    StandardPageFactory,
    build_multilingual_site,
    publish_translation,
)


def _queries_on(table, captured):
    return [query["sql"] for query in captured if f'"{table}"' in query["sql"]]


def _menu_queries(captured):
    """The queries that select the menu's pages (show_in_menus in their WHERE clause)."""
    return [
        query["sql"]
        for query in captured
        if "show_in_menus" in query["sql"].partition(" WHERE ")[2]
    ]


# The page cache is off so that every request renders the page: what is measured is the
# fragment cache of the menu and the footer.
@override_settings(PAGE_CACHE_SECONDS=0)
class MenuAndFooterFragmentCacheTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.homes = build_multilingual_site()
        cls.about = StandardPageFactory(
            parent=cls.homes["fr"], title="Qui sommes-nous", slug="qui", show_in_menus=True
        )
        cls.legal = StandardPageFactory(
            parent=cls.homes["fr"], title="Mentions", slug="mentions", show_in_menus=False
        )
        SiteSettingsFactory(footer_text="<p>Un réseau de CGLU.</p>", live=True)

    def get(self, path):
        with CaptureQueriesContext(connection) as captured:
            response = self.client.get(path)
        self.assertEqual(response.status_code, 200)
        return response, captured.captured_queries

    def test_the_second_render_of_the_menu_and_footer_runs_no_query_for_them(self):
        first, first_queries = self.get("/fr/mentions/")
        self.assertTrue(_menu_queries(first_queries))
        self.assertTrue(_queries_on("home_sitesettings", first_queries))

        second, second_queries = self.get("/fr/mentions/")
        self.assertEqual(_menu_queries(second_queries), [])
        self.assertEqual(_queries_on("home_sitesettings", second_queries), [])
        self.assertLess(len(second_queries), len(first_queries))
        self.assertContains(second, "Qui sommes-nous")
        self.assertContains(second, "Un réseau de CGLU.")
        self.assertEqual(first.content, second.content)

    def test_a_changed_menu_page_title_shows_at_once(self):
        self.get("/fr/mentions/")
        self.about.title = "Le réseau"
        self.about.save_revision().publish()
        response, _queries = self.get("/fr/mentions/")
        self.assertContains(response, "Le réseau")
        self.assertNotContains(response, "Qui sommes-nous")

    def test_a_changed_footer_shows_at_once(self):
        self.get("/fr/mentions/")
        from home.models import SiteSettings

        settings_record = SiteSettings.objects.get()
        settings_record.footer_text = "<p>Observatoire international.</p>"
        settings_record.save()
        response, _queries = self.get("/fr/mentions/")
        self.assertContains(response, "Observatoire international.")

    def test_the_current_section_is_marked_in_its_own_cached_menu(self):
        self.get("/fr/mentions/")
        response, _queries = self.get("/fr/qui/")
        self.assertContains(response, 'aria-current="page">Qui sommes-nous</a>', html=False)
        other, _queries = self.get("/fr/mentions/")
        self.assertNotContains(other, 'aria-current="page">Qui sommes-nous</a>', html=False)

    def test_each_language_has_its_own_menu(self):
        english = publish_translation(self.about, "en")
        english.title = "About us"
        english.save_revision().publish()
        self.get("/fr/mentions/")
        response, queries = self.get("/en/")
        self.assertTrue(_menu_queries(queries))
        self.assertContains(response, "About us")
        self.assertNotContains(response, "Qui sommes-nous")

    def test_pages_render_without_the_fragment_cache_when_the_cache_server_is_down(self):
        with mock.patch("home.page_cache.current_generation", side_effect=ConnectionError("down")):
            response, queries = self.get("/fr/mentions/")
        self.assertContains(response, "Qui sommes-nous")
        self.assertTrue(_menu_queries(queries))
