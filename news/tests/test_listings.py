import datetime

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

import wagtail_factories

from news.factories import EventPageFactory, NewsPageFactory, PolicyBriefPageFactory
from news.models import PAGE_SIZE, WORLDWIDE, EventKind, NewsPage, PublicationKind, Region
from repository.factories import ThemeFactory

from .helpers import multilingual_sections, soup


def titles(response):
    return [a.get_text(strip=True) for a in soup(response).select(".news-card__title a")]


class NewsListingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.homes, cls.sections = multilingual_sections()
        news = cls.sections["fr"]["news"]
        for n in range(PAGE_SIZE + 3):
            NewsPageFactory(
                parent=news,
                title=f"N{n:02d}",
                date=datetime.date(2023 if n < 5 else 2024, 1, 1) + datetime.timedelta(days=n),
            )
        tagged = NewsPageFactory(parent=news, title="Tagged", date=datetime.date(2022, 5, 1))
        tagged.keywords.add("budget participatif")
        tagged.save_revision().publish()

    def test_newest_first_and_paginated(self):
        first = titles(self.client.get("/fr/actualites/"))
        self.assertEqual(len(first), PAGE_SIZE)
        self.assertEqual(first[0], "N14")
        second = titles(self.client.get("/fr/actualites/?page=2"))
        self.assertEqual(second, ["N02", "N01", "N00", "Tagged"])
        # A page number out of range shows the last page rather than an error.
        self.assertEqual(titles(self.client.get("/fr/actualites/?page=99")), second)

    def test_filter_by_year_keeps_the_filter_in_pagination_links(self):
        response = self.client.get("/fr/actualites/?year=2023")
        self.assertEqual(titles(response), ["N04", "N03", "N02", "N01", "N00"])
        page = soup(response)
        self.assertEqual(page.select_one("#filter-year option[selected]")["value"], "2023")
        self.assertIn("2023", page.select_one(".news-results").get_text())

    def test_filter_by_keyword(self):
        response = self.client.get("/fr/actualites/?keyword=budget-participatif")
        self.assertEqual(titles(response), ["Tagged"])

    def test_an_unknown_filter_value_is_ignored(self):
        response = self.client.get("/fr/actualites/?year=1066&keyword=nope")
        self.assertEqual(len(titles(response)), PAGE_SIZE)

    def test_pagination_links_carry_the_filters(self):
        response = self.client.get("/fr/actualites/?year=2024")
        self.assertEqual(len(titles(response)), PAGE_SIZE - 2)
        self.assertIsNone(soup(response).select_one(".pagination"))
        response = self.client.get("/fr/actualites/")
        next_link = soup(response).find("a", rel="next")
        self.assertEqual(next_link["href"], "?page=2")

    def test_an_empty_section_says_what_to_do(self):
        # Untranslated news are listed in their original language: empty means none at all.
        NewsPage.objects.update(live=False)
        page = soup(self.client.get("/es/actualites/"))
        empty = page.select_one(".news-empty")
        self.assertIn("Todavía no se ha publicado ninguna noticia", empty.get_text())
        self.assertTrue(empty.find("a")["href"].endswith("/rss/"))
        self.assertEqual(page.select(".news-card"), [])


class EventAndPublicationFiltersTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.homes, cls.sections = multilingual_sections()
        events = cls.sections["fr"]["events"]
        future = datetime.date.today() + datetime.timedelta(days=30)
        EventPageFactory(
            parent=events,
            title="Conf",
            kind=EventKind.CONFERENCE,
            region=Region.EUROPE,
            start_date=future,
        )
        EventPageFactory(
            parent=events,
            title="Web",
            kind=EventKind.WEBINAR,
            region=WORLDWIDE,
            start_date=future,
        )
        EventPageFactory(
            parent=events,
            title="Old",
            kind=EventKind.WEBINAR,
            region=Region.AFRICA,
            start_date=datetime.date(2020, 3, 1),
        )
        publications = cls.sections["fr"]["publications"]
        PolicyBriefPageFactory(
            parent=publications,
            title="Brief",
            kind=PublicationKind.POLICY_BRIEF,
            publication_date=datetime.date(2023, 12, 1),
        )
        PolicyBriefPageFactory(
            parent=publications,
            title="Report",
            kind=PublicationKind.ANNUAL_REPORT,
            publication_date=datetime.date(2024, 3, 1),
        )

    def test_events_filter_by_kind_and_region(self):
        self.assertEqual(titles(self.client.get("/fr/agenda/?kind=conference")), ["Conf"])
        self.assertEqual(titles(self.client.get("/fr/agenda/?region=worldwide")), ["Web"])
        self.assertEqual(titles(self.client.get("/fr/agenda/?when=past&region=africa")), ["Old"])
        self.assertEqual(titles(self.client.get("/fr/agenda/?when=past&year=2020")), ["Old"])

    def test_no_match_offers_to_clear_the_filters(self):
        page = soup(self.client.get("/fr/agenda/?kind=assembly"))
        empty = page.select_one(".news-empty")
        self.assertIsNotNone(empty.find("a"))

    def test_publications_filter_by_kind_and_year(self):
        self.assertEqual(titles(self.client.get("/fr/publications/")), ["Report", "Brief"])
        self.assertEqual(titles(self.client.get("/fr/publications/?kind=policy_brief")), ["Brief"])
        self.assertEqual(titles(self.client.get("/fr/publications/?year=2024")), ["Report"])


class ListingQueryCountTests(TestCase):
    """A listing page costs the same number of queries with 5 items as with 30."""

    @classmethod
    def setUpTestData(cls):
        cls.homes, cls.sections = multilingual_sections()
        cls.image = wagtail_factories.ImageFactory()
        cls.themes = [ThemeFactory(name=f"Thème {n}", slug=f"theme-{n}") for n in range(4)]

    def fill(self, count):
        fr = self.sections["fr"]
        future = datetime.date.today() + datetime.timedelta(days=10)
        for n in range(count):
            themes = self.themes[: 1 + n % 4]
            page = NewsPageFactory(parent=fr["news"], image=self.image)
            page.keywords.add(f"mot {n % 3}")
            page.themes.set(themes)
            page.save_revision().publish()
            event = EventPageFactory(
                parent=fr["events"],
                image=self.image,
                start_date=future + datetime.timedelta(days=n),
                region=["europe", "africa", "worldwide"][n % 3],
            )
            event.themes.set(themes)
            event.save_revision().publish()
            brief = PolicyBriefPageFactory(parent=fr["publications"], image=self.image)
            brief.themes.set(themes)
            brief.save_revision().publish()

    def count_queries(self, url):
        self.client.get(url)  # renditions are created on the first view
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return len(queries)

    def test_query_count_does_not_grow_with_the_items(self):
        urls = [
            "/fr/actualites/",
            "/fr/actualites/?theme=theme-0",
            "/fr/agenda/",
            "/fr/agenda/?theme=theme-1&region=europe",
            "/fr/publications/",
            "/fr/publications/?theme=theme-0",
            "/fr/agenda/month/2024/10/",
            "/fr/",
        ]
        self.fill(5)
        few = {url: self.count_queries(url) for url in urls}
        self.fill(25)
        many = {url: self.count_queries(url) for url in urls}
        self.assertEqual(few, many)
