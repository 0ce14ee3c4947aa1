from django.conf import settings
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from bs4 import BeautifulSoup

from home.factories import (
    SiteSettingsFactory,
    StandardPageFactory,
    build_multilingual_site,
    publish_translation,
)

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


class MultilingualHomesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.homes = build_multilingual_site()
        cls.about_fr = StandardPageFactory(
            parent=cls.homes["fr"], title="À propos", slug="a-propos", show_in_menus=True
        )
        cls.about_es = publish_translation(cls.about_fr, "es")
        cls.about_es.title = "Acerca"
        cls.about_es.slug = "acerca"
        cls.about_es.save_revision().publish()
        # Only in French: its switcher must fall back to the other languages' homes.
        cls.legal_fr = StandardPageFactory(
            parent=cls.homes["fr"], title="Mentions", slug="mentions"
        )

    def test_every_language_home_answers_with_its_lang_and_hreflang_to_the_others(self):
        for code in LANGUAGES:
            with self.subTest(language=code):
                response = self.client.get(f"/{code}/")
                self.assertEqual(response.status_code, 200)
                page = soup(response)
                self.assertEqual(page.html["lang"], code)
                alternates = {
                    link["hreflang"]: link["href"]
                    for link in page.find_all("link", rel="alternate")
                    if link.get("hreflang")
                }
                self.assertEqual(set(alternates), {*LANGUAGES, "x-default"})
                for other in LANGUAGES:
                    self.assertEqual(alternates[other], f"http://testserver/{other}/")
                self.assertEqual(
                    alternates["x-default"], f"http://testserver/{settings.LANGUAGE_CODE}/"
                )

    def test_root_redirects_to_the_accept_language_of_the_visitor(self):
        response = self.client.get("/", headers={"accept-language": "pt-BR,pt;q=0.9"})
        self.assertRedirects(response, "/pt/", fetch_redirect_response=False)

    def test_root_prefers_the_language_cookie_to_accept_language(self):
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
        response = self.client.get("/", headers={"accept-language": "en"})
        self.assertRedirects(response, "/es/", fetch_redirect_response=False)

    def test_root_falls_back_to_the_default_language(self):
        response = self.client.get("/", headers={"accept-language": "de, ja;q=0.5"})
        self.assertRedirects(response, f"/{settings.LANGUAGE_CODE}/", fetch_redirect_response=False)

    def test_reading_a_language_remembers_it_for_the_root(self):
        self.client.get("/en/")
        response = self.client.get("/", headers={"accept-language": "fr"})
        self.assertRedirects(response, "/en/", fetch_redirect_response=False)

    def test_switcher_on_a_translated_page_links_to_its_translation(self):
        page = soup(self.client.get("/fr/a-propos/"))
        switcher = page.find("nav", class_="language-switcher")
        link = switcher.find("a", hreflang="es")
        self.assertEqual(link["href"], "/es/acerca/")
        self.assertNotIn("data-fallback", link.attrs)
        self.assertEqual(switcher.find(attrs={"aria-current": "true"})["lang"], "fr")

    def test_switcher_on_an_untranslated_page_goes_to_the_other_home_and_says_so(self):
        page = soup(self.client.get("/fr/mentions/"))
        switcher = page.find("nav", class_="language-switcher")
        for code in ["es", "en", "pt"]:
            with self.subTest(language=code):
                link = switcher.find("a", hreflang=code)
                self.assertEqual(link["href"], f"/{code}/")
                self.assertEqual(link["data-fallback"], "home")
                self.assertTrue(link.find(class_="language-switcher__note").get_text(strip=True))

    def test_untranslated_page_announces_only_its_own_language(self):
        page = soup(self.client.get("/fr/mentions/"))
        alternates = [link["hreflang"] for link in page.find_all("link", hreflang=True)]
        self.assertEqual(alternates, ["fr", "x-default"])

    def test_unknown_url_under_es_gives_the_spanish_404_page(self):
        response = self.client.get("/es/no-existe/")
        self.assertEqual(response.status_code, 404)
        page = soup(response)
        self.assertEqual(page.html["lang"], "es")
        self.assertEqual(page.h1.get_text(strip=True), "Página no encontrada")
        # The switcher still offers the homes of the other languages.
        self.assertEqual(page.find("a", hreflang="pt")["href"], "/pt/")

    def test_main_menu_lists_the_menu_pages_of_the_current_language(self):
        page = soup(self.client.get("/es/"))
        menu = page.find("nav", class_="main-nav")
        self.assertEqual([a.get_text(strip=True) for a in menu.find_all("a")], ["Acerca"])

    def test_page_has_landmarks_a_skip_link_and_a_canonical_url(self):
        page = soup(self.client.get("/es/acerca/"))
        self.assertEqual(page.find("a", class_="skip-link")["href"], "#main")
        self.assertIsNotNone(page.find("main", id="main"))
        self.assertIsNotNone(page.find("header"))
        self.assertIsNotNone(page.find("footer"))
        self.assertEqual(page.find("link", rel="canonical")["href"], "http://testserver/es/acerca/")
        self.assertEqual(page.find("meta", property="og:locale")["content"], "es")

    def test_footer_shows_the_site_settings_of_the_current_language(self):
        fr = SiteSettingsFactory(
            locale=self.homes["fr"].locale, footer_text="<p>Réseau de CGLU</p>"
        )
        SiteSettingsFactory(
            locale=self.homes["es"].locale,
            translation_key=fr.translation_key,
            footer_text="<p>Red de CGLU</p>",
        )
        self.assertContains(self.client.get("/es/"), "Red de CGLU")
        self.assertContains(self.client.get("/fr/"), "Réseau de CGLU")
        # English has none yet: the default language's settings stand in.
        self.assertContains(self.client.get("/en/"), "Réseau de CGLU")

    def test_home_page_query_count_does_not_grow_with_the_menu(self):
        def count_queries():
            self.client.get("/fr/")  # warm the site-root cache
            with CaptureQueriesContext(connection) as queries:
                response = self.client.get("/fr/")
            self.assertEqual(response.status_code, 200)
            return len(queries)

        before = count_queries()
        for number in range(5):
            StandardPageFactory(parent=self.homes["fr"], title=f"Menu {number}", show_in_menus=True)
        self.assertEqual(count_queries(), before)


class SitemapAndRobotsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.homes = build_multilingual_site()
        about = StandardPageFactory(parent=cls.homes["fr"], title="À propos", slug="a-propos")
        for code in ["es", "en", "pt"]:
            publish_translation(about, code)

    def test_sitemap_lists_pages_of_all_languages_with_their_alternates(self):
        response = self.client.get("/sitemap.xml")
        self.assertEqual(response.status_code, 200)
        document = BeautifulSoup(response.content, "html.parser")
        locations = [loc.get_text() for loc in document.find_all("loc")]
        for code in LANGUAGES:
            self.assertIn(f"http://testserver/{code}/", locations)
            self.assertIn(f"http://testserver/{code}/a-propos/", locations)
        first = document.find("url")
        alternates = {link["hreflang"] for link in first.find_all("xhtml:link")}
        self.assertEqual(alternates, set(LANGUAGES))

    def test_robots_txt_points_to_the_sitemap_and_keeps_out_of_the_admin(self):
        response = self.client.get("/robots.txt")
        self.assertEqual(response["Content-Type"], "text/plain; charset=utf-8")
        self.assertContains(response, "Disallow: /admin/")
        self.assertContains(response, "Sitemap: http://testserver/sitemap.xml")
