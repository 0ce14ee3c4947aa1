"""What readers see: the notice on translations, and untranslated items in listings."""

from django.test import TestCase

from bs4 import BeautifulSoup

from home.factories import publish_translation
from news.factories import NewsPageFactory
from news.models import NewsIndexPage

from .base import (
    build_site_with_page,
    publish_translation_target,
    start_translation,
    translate_segments,
)


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


class ReaderNoticeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.homes, cls.page = build_site_with_page()
        translation = start_translation(cls.page, "es")
        translate_segments(translation, prefix="[es] ")
        cls.es_url = publish_translation_target(translation).url
        cls.machine = start_translation(cls.page, "pt")
        translate_segments(cls.machine, prefix="[pt] ", translation_type="machine")
        cls.pt_url = publish_translation_target(cls.machine).url

    def notice(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return soup(response).select_one("main .translation-notice")

    def test_no_notice_on_the_original(self):
        self.assertIsNone(self.notice("/fr/a-propos/"))

    def test_a_translation_names_its_original_language_with_a_link(self):
        notice = self.notice(self.es_url)
        self.assertIsNotNone(notice)
        self.assertIn("francés", notice.get_text().lower())
        link = notice.find("a")
        self.assertEqual(link["href"], "/fr/a-propos/")
        self.assertEqual(link["hreflang"], "fr")
        self.assertIsNone(notice.select_one(".translation-notice__machine"))

    def test_a_machine_translation_says_so_until_reviewed(self):
        notice = self.notice(self.pt_url)
        self.assertIn("francês", notice.get_text().lower())
        self.assertIsNotNone(notice.select_one(".translation-notice__machine"))
        # A person reviews every segment: the flag goes.
        from wagtail_localize.models import StringTranslation

        StringTranslation.objects.filter(locale__language_code="pt").update(
            translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL
        )
        # The reviewed translation is published again, which renews the anonymous page cache.
        publish_translation_target(self.machine)
        notice = self.notice(self.pt_url)
        self.assertIsNone(notice.select_one(".translation-notice__machine"))


class UntranslatedItemsInListingsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        homes, _page = build_site_with_page()
        index = NewsIndexPage(title="Actualités", slug="actualites")
        homes["fr"].add_child(instance=index)
        index.save_revision().publish()
        cls.indexes = {"fr": index}
        for code in ("es", "en", "pt"):
            cls.indexes[code] = publish_translation(index, code)
        cls.translated = NewsPageFactory(parent=index, title="Nouvelle traduite", slug="traduite")
        cls.translated_es = publish_translation(cls.translated, "es")
        cls.translated_es.title = "Noticia traducida"
        cls.translated_es.save_revision().publish()
        cls.french_only = NewsPageFactory(parent=index, title="Seulement en français", slug="fr")
        cls.spanish_only = NewsPageFactory(
            parent=cls.indexes["es"], title="Solo en español", slug="solo"
        )

    def cards(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return {
            card.select_one(".news-card__title").get_text(strip=True): card
            for card in soup(response).select(".news-card")
        }

    def test_untranslated_items_appear_in_their_language_marked_with_lang(self):
        cards = self.cards(self.indexes["es"].url)
        self.assertIn("Noticia traducida", cards)
        self.assertNotIn("Nouvelle traduite", cards)
        self.assertIn("Solo en español", cards)
        french = cards["Seulement en français"]
        self.assertEqual(french["lang"], "fr")
        self.assertIn("francés", french.select_one(".untranslated-label").get_text().lower())
        self.assertEqual(french.find("a")["href"], self.french_only.url)
        self.assertFalse(cards["Noticia traducida"].has_attr("lang"))

        cards = self.cards(self.indexes["fr"].url)
        self.assertEqual(cards["Solo en español"]["lang"], "es")
        self.assertIn("Nouvelle traduite", cards)
        self.assertNotIn("Noticia traducida", cards)
