import datetime
import json

from django.test import TestCase

import wagtail_factories

from news.factories import EventPageFactory, NewsPageFactory, PolicyBriefPageFactory
from news.models import NewsPage

from .helpers import multilingual_sections, soup


def json_ld(response):
    scripts = soup(response).find_all("script", type="application/ld+json")
    return [json.loads(script.string) for script in scripts]


class StructuredDataAndImagesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.homes, cls.sections = multilingual_sections()
        fr = cls.sections["fr"]
        cls.news = NewsPageFactory(
            parent=fr["news"],
            slug="nouvelle",
            image_alt="Une assemblée citoyenne",
            author="Elisa Vachon",
        )
        cls.online = EventPageFactory(parent=fr["events"], slug="webinaire")
        cls.in_person = EventPageFactory(
            parent=fr["events"],
            slug="valongo",
            online_url="",
            venue="Fórum Cultural",
            city="Valongo",
            country="PT",
            time_zone="Europe/Lisbon",
        )
        document = wagtail_factories.DocumentFactory(title="Brief", file_size=48_213)
        cls.brief = PolicyBriefPageFactory(
            parent=fr["publications"],
            slug="note",
            pdf=document,
            pdf_language="fr",
            editors=[("person", {"name": "Elisa Vachon", "role": "OIDP"})],
            recommendations=[
                ("recommendation", {"title": "Éduquer", "text": "<p>a</p>"}),
                ("recommendation", {"title": "Délibérer", "text": "<p>b</p>"}),
            ],
        )

    def setUp(self):
        # Image files live in each test's own media folder (conftest), so the image is made here.
        image = wagtail_factories.ImageFactory(file__width=1600, file__height=1000)
        NewsPage.objects.filter(pk=self.news.pk).update(image=image)

    def test_news_page_describes_a_news_article_with_its_image(self):
        (data,) = json_ld(self.client.get("/fr/actualites/nouvelle/"))
        self.assertEqual(data["@type"], "NewsArticle")
        self.assertEqual(data["inLanguage"], "fr")
        self.assertEqual(data["author"]["name"], "Elisa Vachon")
        self.assertEqual((data["image"]["width"], data["image"]["height"]), (1200, 630))

    def test_opengraph_image_falls_back_to_a_rendition_of_the_page_image(self):
        head = soup(self.client.get("/fr/actualites/nouvelle/")).head
        og = head.find("meta", property="og:image")
        self.assertIn("fill-1200x630", og["content"])
        self.assertEqual(head.find("meta", property="og:image:width")["content"], "1200")

    def test_images_are_responsive_lazy_and_in_modern_formats(self):
        page = soup(self.client.get("/fr/actualites/"))
        picture = page.select_one(".news-card picture")
        self.assertIn("image/webp", [s.get("type") for s in picture.find_all("source")])
        img = picture.find("img")
        self.assertEqual(img["loading"], "lazy")
        self.assertEqual(img["alt"], "Une assemblée citoyenne")
        self.assertTrue(img.get("width") and img.get("height"))
        self.assertIn("800w", img["srcset"])

    def test_online_event_has_a_virtual_location(self):
        (data,) = json_ld(self.client.get("/fr/agenda/webinaire/"))
        self.assertEqual(data["@type"], "Event")
        self.assertEqual(data["location"]["@type"], "VirtualLocation")
        self.assertEqual(
            data["eventAttendanceMode"], "https://schema.org/OnlineEventAttendanceMode"
        )
        self.assertEqual(data["startDate"], "2024-09-15T16:00:00+02:00")

    def test_in_person_event_has_a_place(self):
        (data,) = json_ld(self.client.get("/fr/agenda/valongo/"))
        self.assertEqual(data["location"]["@type"], "Place")
        self.assertEqual(data["location"]["address"]["addressLocality"], "Valongo")
        self.assertEqual(data["startDate"], "2024-09-15T16:00:00+01:00")

    def test_policy_brief_is_a_report_with_its_download_citation_and_print_styles(self):
        response = self.client.get("/fr/publications/note/")
        (data,) = json_ld(response)
        self.assertEqual(data["@type"], "Report")
        self.assertEqual(data["encoding"]["encodingFormat"], "application/pdf")
        page = soup(response)
        download = page.select_one(".policy-brief__download")
        self.assertEqual(download.find("a")["hreflang"], "fr")
        meta = download.select_one(".block-document__meta").get_text()
        self.assertIn("Français", meta)
        self.assertIn("47,1", meta)  # 48,213 bytes, in the French number format
        self.assertEqual(
            [
                h.get_text()
                for h in page.select(".policy-brief__recommendations .recommendation__title")
            ],
            ["Éduquer", "Délibérer"],
        )
        citation = page.select_one(".policy-brief__citation").get_text()
        self.assertIn("Elisa Vachon (2023).", citation)
        self.assertIn("http://testserver/fr/publications/note/", citation)
        self.assertIsNotNone(page.find("link", rel="stylesheet", media="print"))


class HomeHighlightsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.homes, cls.sections = multilingual_sections()
        fr = cls.sections["fr"]
        NewsPageFactory(
            parent=fr["news"], title="Dernière nouvelle", date=datetime.date(2024, 3, 1)
        )
        EventPageFactory(
            parent=fr["events"],
            title="Prochain",
            start_date=datetime.date.today() + datetime.timedelta(days=3),
        )
        EventPageFactory(parent=fr["events"], title="Passé", start_date=datetime.date(2020, 1, 1))
        PolicyBriefPageFactory(parent=fr["publications"], title="Dernière note")

    def test_home_shows_latest_news_next_events_and_latest_publication_of_its_language(self):
        page = soup(self.client.get("/fr/"))
        highlights = page.select_one(".news-home")
        titles = [a.get_text(strip=True) for a in highlights.select(".news-card__title a")]
        self.assertEqual(titles, ["Dernière nouvelle", "Prochain", "Dernière note"])

    def test_a_home_without_content_shows_no_empty_boxes(self):
        self.assertIsNone(soup(self.client.get("/pt/")).select_one(".news-home"))
