import datetime
import xml.etree.ElementTree as ET

from django.test import TestCase

from news.factories import EventPageFactory, NewsPageFactory, PolicyBriefPageFactory

from .helpers import multilingual_sections, soup

ATOM = "{http://www.w3.org/2005/Atom}"


class SectionFeedsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.homes, cls.sections = multilingual_sections()
        fr, es = cls.sections["fr"], cls.sections["es"]
        cls.news_fr = [
            NewsPageFactory(parent=fr["news"], title=f"Nouvelle {n}", slug=f"nouvelle-{n}")
            for n in range(3)
        ]
        cls.draft_fr = NewsPageFactory(
            parent=fr["news"], title="Brouillon", slug="brouillon", live=False
        )
        cls.news_es = NewsPageFactory(parent=es["news"], title="Noticia", slug="noticia")
        cls.event_fr = EventPageFactory(parent=fr["events"], title="Webinaire", slug="webinaire")
        cls.event_es = EventPageFactory(
            parent=es["events"], title="Seminario web", slug="seminario"
        )
        cls.brief_fr = PolicyBriefPageFactory(parent=fr["publications"], title="Note", slug="note")

    def rss_items(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response["Content-Type"].startswith("application/rss+xml"))
        channel = ET.fromstring(response.content).find("channel")
        return channel, [item.findtext("link") for item in channel.findall("item")]

    def test_news_rss_parses_and_lists_only_the_live_news_of_its_language(self):
        channel, links = self.rss_items("/fr/actualites/rss/")
        self.assertEqual(channel.findtext("language"), "fr")
        expected = {f"http://testserver/fr/actualites/nouvelle-{n}/" for n in range(3)}
        self.assertEqual(set(links), expected)

    def test_news_rss_of_another_language_lists_only_its_own_news(self):
        channel, links = self.rss_items("/es/actualites/rss/")
        self.assertEqual(channel.findtext("language"), "es")
        self.assertEqual(links, ["http://testserver/es/actualites/noticia/"])

    def test_an_unpublished_page_leaves_the_feed(self):
        self.news_fr[0].unpublish()
        _channel, links = self.rss_items("/fr/actualites/rss/")
        self.assertNotIn("http://testserver/fr/actualites/nouvelle-0/", links)
        self.assertEqual(len(links), 2)

    def test_atom_feeds_parse_for_the_three_sections(self):
        for url, expected in [
            ("/fr/actualites/atom/", 3),
            ("/fr/agenda/atom/", 1),
            ("/fr/publications/atom/", 1),
            ("/es/agenda/atom/", 1),
        ]:
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                feed = ET.fromstring(response.content)
                self.assertEqual(feed.tag, f"{ATOM}feed")
                entries = feed.findall(f"{ATOM}entry")
                self.assertEqual(len(entries), expected)
                prefix = "http://testserver/" + url.split("/")[1] + "/"
                for entry in entries:
                    self.assertTrue(entry.find(f"{ATOM}link").get("href").startswith(prefix))

    def test_event_feed_items_say_when_in_the_event_time_zone(self):
        _channel, _links = self.rss_items("/fr/agenda/rss/")
        response = self.client.get("/fr/agenda/rss/")
        description = ET.fromstring(response.content).find("channel/item/description").text
        self.assertIn("Europe/Madrid", description)

    def test_news_pubdate_is_the_news_date(self):
        response = self.client.get("/es/actualites/rss/")
        pubdate = ET.fromstring(response.content).findtext("channel/item/pubDate")
        expected = self.news_es.date.strftime("%d %b %Y")
        self.assertIn(expected, pubdate)
        self.assertIsInstance(self.news_es.date, datetime.date)

    def test_feeds_are_advertised_in_the_head_of_section_and_detail_pages(self):
        for url, types in [
            ("/fr/actualites/", {"application/rss+xml", "application/atom+xml"}),
            ("/fr/actualites/nouvelle-1/", {"application/rss+xml", "application/atom+xml"}),
            ("/fr/agenda/", {"application/rss+xml", "application/atom+xml", "text/calendar"}),
            ("/fr/publications/note/", {"application/rss+xml", "application/atom+xml"}),
        ]:
            with self.subTest(url=url):
                head = soup(self.client.get(url)).head
                links = {
                    link["type"]: link["href"]
                    for link in head.find_all("link", rel="alternate")
                    if link.get("type")
                }
                self.assertEqual(set(links), types)
                for href in links.values():
                    self.assertEqual(self.client.get(href).status_code, 200)
