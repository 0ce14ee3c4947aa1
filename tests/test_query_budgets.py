"""Query budgets: each public page type renders with a number of SQL queries that does not grow
with the amount of content.

Each test renders a page with the site holding N items of every kind, then again after adding
2N more (3N in all), and asserts the same number of queries, under a ceiling that catches a
regression that would add queries to every render. The anonymous page cache is off and the
cache is cleared before each render, so what is counted is a full, uncached render.
"""

import datetime

from django.core.cache import cache
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext

from awards.factories import AwardEditionPageFactory, AwardIndexPageFactory, CandidatureFactory
from home.factories import StandardPageFactory
from news.factories import (
    EventPageFactory,
    NewsPageFactory,
    PolicyBriefPageFactory,
    build_sections,
)
from repository.factories import ExperiencePageFactory, OrganisationFactory
from repository.tests.base import build_repository

N = 2

# Ceilings (queries per uncached render), a little above today's counts.
BUDGETS = {
    "home": 45,
    "standard": 35,
    "experience_index": 45,
    "experience_index_filtered": 45,
    "experience": 50,
    "news_index": 45,
    "news": 45,
    "event_index": 45,
    "event": 45,
    "publication_index": 45,
    "publication": 45,
    "award_index": 45,
    "award_edition": 60,
    "directory": 40,
    "search": 45,
}


@override_settings(PAGE_CACHE_SECONDS=0)
class QueryBudgetTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_repository()
        home = cls.tree["homes"]["fr"]
        cls.sections = build_sections(cls.tree["homes"])
        cls.standard = StandardPageFactory(parent=home, slug="reseau", show_in_menus=True)
        cls.award_index = AwardIndexPageFactory(parent=home)
        cls.edition = AwardEditionPageFactory(
            parent=cls.award_index, title="Prix 2024", slug="2024", phase="call"
        )
        cls.grow(N)
        cls.experience = cls.experiences[0]

    @classmethod
    def grow(cls, count):
        """Adds `count` items of every kind shown on some page."""
        themes = list(cls.tree["themes"].values())
        index = cls.tree["indexes"]["fr"]
        cls.experiences = list(getattr(cls, "experiences", []))
        for number in range(count):
            experience = ExperiencePageFactory(
                parent=index, title=f"Budget participatif {len(cls.experiences)}"
            )
            experience.themes.set(themes)
            experience.methods.set([cls.tree["methods"]["pb"]])
            experience.save()
            cls.experiences.append(experience)
            NewsPageFactory(parent=cls.sections["news"])
            EventPageFactory(
                parent=cls.sections["events"],
                start_date=datetime.date.today() + datetime.timedelta(days=number + 1),
            )
            PolicyBriefPageFactory(parent=cls.sections["publications"])
            StandardPageFactory(parent=cls.standard)
            StandardPageFactory(parent=cls.tree["homes"]["fr"], show_in_menus=True)
            OrganisationFactory(is_member=True)
            CandidatureFactory(edition=cls.edition, experience=experience)

    def queries_for(self, url):
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        return len(captured.captured_queries)

    def assert_budget(self, name, url):
        url = url() if callable(url) else url
        with_n = self.queries_for(url)
        self.grow(2 * N)
        with_3n = self.queries_for(url)
        self.assertEqual(with_n, with_3n, f"{name}: {with_n} queries with N, {with_3n} with 3N")
        self.assertLessEqual(with_3n, BUDGETS[name], f"{name}: over its budget")

    def test_home_page(self):
        self.assert_budget("home", "/fr/")

    def test_standard_page(self):
        self.assert_budget("standard", self.standard.url)

    def test_experience_index(self):
        self.assert_budget("experience_index", self.tree["indexes"]["fr"].url)

    def test_experience_index_filtered(self):
        url = self.tree["indexes"]["fr"].url + "?theme=budgets&method=participatory-budgeting"
        self.assert_budget("experience_index_filtered", url)

    def test_experience_page(self):
        self.assert_budget("experience", self.experience.url)

    def test_news_index_and_page(self):
        self.assert_budget("news_index", self.sections["news"].url)
        self.assert_budget("news", lambda: self.sections["news"].get_children().first().url)

    def test_event_index_and_page(self):
        self.assert_budget("event_index", self.sections["events"].url)
        self.assert_budget("event", lambda: self.sections["events"].get_children().first().url)

    def test_publication_index_and_page(self):
        self.assert_budget("publication_index", self.sections["publications"].url)
        self.assert_budget(
            "publication", lambda: self.sections["publications"].get_children().first().url
        )

    def test_award_index_and_edition_page(self):
        self.assert_budget("award_index", self.award_index.url)
        self.assert_budget("award_edition", self.edition.url)

    def test_member_directory(self):
        self.assert_budget("directory", "/fr/members/directory/")

    def test_search_page(self):
        self.assert_budget("search", "/fr/search/?q=budget&theme=budgets")
