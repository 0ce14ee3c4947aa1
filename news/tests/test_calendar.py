import datetime
import zoneinfo

from django.test import TestCase

from icalendar import Calendar

from news.factories import EventPageFactory
from news.models import EventKind

from .helpers import multilingual_sections


class EventCalendarTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.homes, cls.sections = multilingual_sections()
        fr = cls.sections["fr"]
        cls.conference = EventPageFactory(
            parent=fr["events"],
            title="Conférence de l'OIDP à Valongo",
            slug="valongo",
            kind=EventKind.CONFERENCE,
            start_date=datetime.date(2024, 10, 17),
            start_time=datetime.time(9, 30),
            end_date=datetime.date(2024, 10, 19),
            end_time=datetime.time(13, 0),
            time_zone="Europe/Lisbon",
            venue="Fórum Cultural de Ermesinde",
            city="Valongo",
            country="PT",
            online_url="",
        )
        cls.webinar = EventPageFactory(
            parent=fr["events"],
            title="Webinaire",
            slug="webinaire",
            start_date=datetime.date(2024, 9, 15),
            start_time=datetime.time(10, 0),
            end_time=datetime.time(12, 0),
            time_zone="America/Sao_Paulo",
        )
        cls.deadline = EventPageFactory(
            parent=fr["events"],
            title="Date limite des candidatures",
            slug="date-limite",
            kind=EventKind.MILESTONE,
            start_date=datetime.date(2024, 5, 15),
            start_time=None,
            end_time=None,
        )
        cls.event_es = EventPageFactory(parent=cls.sections["es"]["events"], slug="es-only")

    def calendar(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response["Content-Type"].startswith("text/calendar"))
        return Calendar.from_ical(response.content)

    def test_event_ics_parses_and_keeps_the_event_time_zone(self):
        cal = self.calendar("/fr/agenda/webinaire/ics/")
        (event,) = cal.walk("VEVENT")
        start = event.decoded("dtstart")
        self.assertEqual(str(start.tzinfo), "America/Sao_Paulo")
        self.assertEqual(start.replace(tzinfo=None), datetime.datetime(2024, 9, 15, 10, 0))
        self.assertEqual(start.astimezone(datetime.UTC).hour, 13)
        self.assertEqual(event.decoded("dtend") - start, datetime.timedelta(hours=2))
        self.assertEqual(event["dtstart"].params["TZID"], "America/Sao_Paulo")
        zones = [str(zone["tzid"]) for zone in cal.walk("VTIMEZONE")]
        self.assertEqual(zones, ["America/Sao_Paulo"])
        self.assertEqual(str(event["url"]), "http://testserver/fr/agenda/webinaire/")

    def test_multi_day_event_spans_its_days_in_its_own_zone(self):
        (event,) = self.calendar("/fr/agenda/valongo/ics/").walk("VEVENT")
        lisbon = zoneinfo.ZoneInfo("Europe/Lisbon")
        self.assertEqual(
            event.decoded("dtstart"), datetime.datetime(2024, 10, 17, 9, 30, tzinfo=lisbon)
        )
        self.assertEqual(
            event.decoded("dtend"), datetime.datetime(2024, 10, 19, 13, 0, tzinfo=lisbon)
        )
        self.assertIn("Valongo", str(event["location"]))

    def test_all_day_event_is_a_date_not_a_time(self):
        (event,) = self.calendar("/fr/agenda/date-limite/ics/").walk("VEVENT")
        self.assertEqual(event.decoded("dtstart"), datetime.date(2024, 5, 15))
        self.assertEqual(event.decoded("dtend"), datetime.date(2024, 5, 16))

    def test_language_calendar_holds_every_event_of_its_language_and_only_those(self):
        cal = self.calendar("/fr/agenda/ics/")
        summaries = sorted(str(event["summary"]) for event in cal.walk("VEVENT"))
        self.assertEqual(
            summaries,
            ["Conférence de l'OIDP à Valongo", "Date limite des candidatures", "Webinaire"],
        )
        # The all-day deadline is a date: only the two timed events need a VTIMEZONE.
        self.assertEqual(
            sorted(str(zone["tzid"]) for zone in cal.walk("VTIMEZONE")),
            ["America/Sao_Paulo", "Europe/Lisbon"],
        )
        es = self.calendar("/es/agenda/ics/")
        self.assertEqual(len(es.walk("VEVENT")), 1)

    def test_uids_are_stable_between_downloads(self):
        first = self.calendar("/fr/agenda/ics/").walk("VEVENT")
        second = self.calendar("/fr/agenda/ics/").walk("VEVENT")
        self.assertEqual([str(e["uid"]) for e in first], [str(e["uid"]) for e in second])
        self.assertEqual(len({str(e["uid"]) for e in first}), 3)
