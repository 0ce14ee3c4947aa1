import io

from django.test import TestCase

from home import demo as home_demo
from news import demo
from news.models import EventPage, NewsPage, PolicyBriefPage

from .helpers import soup


class DemoContentTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home_demo.seed(io.StringIO())
        from repository.factories import ThemeFactory

        ThemeFactory(name="Gouvernement ouvert", slug="open-government")
        ThemeFactory(name="Transparence", slug="transparency")
        cls.first_run = io.StringIO()
        demo.seed(cls.first_run)

    def test_seeding_twice_creates_nothing_new_and_reports_progress(self):
        counts = (
            NewsPage.objects.count(),
            EventPage.objects.count(),
            PolicyBriefPage.objects.count(),
        )
        second_run = io.StringIO()
        demo.seed(second_run)
        self.assertEqual(
            counts,
            (NewsPage.objects.count(), EventPage.objects.count(), PolicyBriefPage.objects.count()),
        )
        self.assertEqual(counts, (3 * 4, 7 * 4, 4))
        self.assertIn("news [1/", self.first_run.getvalue())
        self.assertIn("already there", second_run.getvalue())

    def test_the_policy_brief_is_translated_with_its_recommendations_and_dates(self):
        french = PolicyBriefPage.objects.get(locale__language_code="fr")
        english = french.get_translation(french.locale.__class__.objects.get(language_code="en"))
        self.assertEqual(english.publication_date, french.publication_date)
        self.assertEqual(
            english.recommendations[0].value["title"],
            "Promote democratic values through civic education and democratic culture",
        )
        self.assertEqual(english.pdf_id, french.pdf_id)
        page = soup(self.client.get(english.url))
        self.assertEqual(len(page.select(".policy-brief__recommendations > li")), 5)

    def test_translated_events_keep_their_time_zone_and_instants(self):
        french = EventPage.objects.get(slug="conference-oidp-valongo", locale__language_code="fr")
        for translation in french.get_translations():
            self.assertEqual(translation.time_zone, "Europe/Lisbon")
            self.assertEqual(translation.starts_at, french.starts_at)

    def test_demo_pages_carry_themes_and_sdgs_in_every_language(self):
        briefs = PolicyBriefPage.objects.all()
        self.assertEqual(briefs.count(), 4)
        for brief in briefs:
            self.assertEqual(
                sorted(theme.slug for theme in brief.themes.all()),
                ["open-government", "transparency"],
            )
            self.assertEqual(sorted(sdg.number for sdg in brief.sdgs.all()), [16, 17])
        self.assertIn("themes and SDGs set on", self.first_run.getvalue())
