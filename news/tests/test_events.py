import datetime
from unittest import mock

from django.test import TestCase

from news.factories import EventPageFactory
from news.models import EventPage

from .helpers import multilingual_sections, soup


def at(*args):
    return mock.patch(
        "django.utils.timezone.now", return_value=datetime.datetime(*args, tzinfo=datetime.UTC)
    )


def listed_titles(response):
    return [a.get_text(strip=True) for a in soup(response).select(".news-card__title a")]


class UpcomingAndPastEventsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.homes, cls.sections = multilingual_sections()
        events = cls.sections["fr"]["events"]
        # 18:00 in Tokyo is 09:00 UTC.
        cls.tokyo = EventPageFactory(
            parent=events,
            title="Tokyo",
            slug="tokyo",
            start_date=datetime.date(2024, 9, 15),
            start_time=datetime.time(16, 0),
            end_time=datetime.time(18, 0),
            time_zone="Asia/Tokyo",
        )
        # An all-day event in Mexico City lasts until midnight there: 06:00 UTC the next day.
        cls.mexico = EventPageFactory(
            parent=events,
            title="Mexico",
            slug="mexico",
            start_date=datetime.date(2024, 9, 15),
            start_time=None,
            end_time=None,
            time_zone="America/Mexico_City",
        )

    def test_the_utc_instants_follow_the_event_time_zone(self):
        self.assertEqual(
            self.tokyo.ends_at, datetime.datetime(2024, 9, 15, 9, 0, tzinfo=datetime.UTC)
        )
        self.assertEqual(
            self.mexico.ends_at, datetime.datetime(2024, 9, 16, 6, 0, tzinfo=datetime.UTC)
        )

    def test_an_event_is_upcoming_until_it_ends_in_its_time_zone(self):
        with at(2024, 9, 15, 8, 59):
            # Upcoming events come in the order they start (Mexico City midnight is 06:00 UTC).
            self.assertEqual(listed_titles(self.client.get("/fr/agenda/")), ["Mexico", "Tokyo"])
            self.assertEqual(listed_titles(self.client.get("/fr/agenda/?when=past")), [])
        with at(2024, 9, 15, 9, 0):
            self.assertEqual(listed_titles(self.client.get("/fr/agenda/")), ["Mexico"])
            self.assertEqual(listed_titles(self.client.get("/fr/agenda/?when=past")), ["Tokyo"])

    def test_an_all_day_event_switches_at_midnight_local_time_not_utc(self):
        with at(2024, 9, 16, 0, 30):  # already the 16th in UTC, still the 15th in Mexico City
            self.assertEqual(listed_titles(self.client.get("/fr/agenda/")), ["Mexico"])
        with at(2024, 9, 16, 6, 0):
            self.assertEqual(listed_titles(self.client.get("/fr/agenda/")), [])
            self.assertEqual(
                listed_titles(self.client.get("/fr/agenda/?when=past")), ["Tokyo", "Mexico"]
            )

    def test_the_event_page_says_when_it_is_over_and_hides_registration(self):
        self.tokyo.registration_url = "https://example.org/register"
        self.tokyo.save_revision().publish()
        with at(2024, 9, 15, 8, 0):
            page = soup(self.client.get("/fr/agenda/tokyo/"))
            self.assertIsNotNone(page.find("a", href="https://example.org/register"))
            self.assertIsNone(page.select_one(".event-facts__past"))
        with at(2024, 9, 15, 9, 0):
            page = soup(self.client.get("/fr/agenda/tokyo/"))
            self.assertIsNone(page.find("a", href="https://example.org/register"))
            self.assertIsNotNone(page.select_one(".event-facts__past"))

    def test_the_page_shows_the_local_time_and_its_zone(self):
        page = soup(self.client.get("/fr/agenda/tokyo/"))
        when = page.select_one(".event-facts time")
        self.assertEqual(when["datetime"], "2024-09-15T16:00:00+09:00")
        self.assertIn("16:00", when.get_text())
        self.assertIn("Asia/Tokyo", page.select_one(".event-when__zone").get_text())

    def test_an_unknown_time_zone_is_refused(self):
        event = EventPage(
            title="x",
            slug="x",
            kind="webinar",
            start_date=datetime.date(2024, 1, 1),
            time_zone="Mars/Olympus",
        )
        with self.assertRaises(Exception) as caught:
            event.full_clean(
                exclude=["path", "depth", "locale", "translation_key", "starts_at", "ends_at"]
            )
        self.assertIn("time_zone", caught.exception.message_dict)

    def test_an_event_cannot_end_before_it_starts(self):
        event = EventPage(
            title="x",
            slug="x",
            kind="webinar",
            start_date=datetime.date(2024, 1, 2),
            end_date=datetime.date(2024, 1, 1),
            time_zone="Europe/Paris",
        )
        with self.assertRaises(Exception) as caught:
            event.clean()
        self.assertIn("end_date", caught.exception.message_dict)


class MonthViewTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.homes, cls.sections = multilingual_sections()
        events = cls.sections["fr"]["events"]
        EventPageFactory(
            parent=events,
            title="Valongo",
            slug="valongo",
            start_date=datetime.date(2024, 10, 17),
            end_date=datetime.date(2024, 10, 19),
            time_zone="Europe/Lisbon",
        )
        EventPageFactory(
            parent=events,
            title="Septembre",
            slug="septembre",
            start_date=datetime.date(2024, 9, 30),
            end_date=datetime.date(2024, 10, 1),
        )
        EventPageFactory(
            parent=events, title="Novembre", slug="novembre", start_date=datetime.date(2024, 11, 5)
        )

    def test_month_lists_each_day_with_its_events_including_multi_day_ones(self):
        response = self.client.get("/fr/agenda/month/2024/10/")
        self.assertEqual(response.status_code, 200)
        page = soup(response)
        days = {
            li.find("time")["datetime"]: [a.get_text() for a in li.select("ul a")]
            for li in page.select(".news-month > li")
        }
        self.assertEqual(
            days,
            {
                "2024-10-01": ["Septembre"],
                "2024-10-17": ["Valongo"],
                "2024-10-18": ["Valongo"],
                "2024-10-19": ["Valongo"],
            },
        )
        self.assertEqual(page.find("a", rel="next")["href"], "/fr/agenda/month/2024/11/")
        self.assertEqual(page.find("a", rel="prev")["href"], "/fr/agenda/month/2024/9/")

    def test_an_empty_month_says_so_and_an_impossible_one_is_not_found(self):
        page = soup(self.client.get("/fr/agenda/month/2024/12/"))
        self.assertIsNotNone(page.select_one(".news-empty"))
        self.assertEqual(self.client.get("/fr/agenda/month/2024/13/").status_code, 404)
