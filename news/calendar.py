"""iCalendar files: one per event and one subscribable calendar per language."""

import datetime

from django.http import HttpResponse
from django.utils.text import slugify

from icalendar import Calendar
from icalendar import Event as CalendarEvent


def _event_component(event, request):
    component = CalendarEvent()
    host = request.get_host().split(":")[0]
    # The UID stays the same across edits so that subscribed calendars update in place.
    component.add("uid", f"event-{event.translation_key}-{event.locale_id}@{host}")
    component.add("summary", event.title)
    component.add("dtstamp", event.last_published_at or event.starts_at)
    if event.is_all_day:
        component.add("dtstart", event.start_date)
        component.add("dtend", event.last_day + datetime.timedelta(days=1))
    else:
        component.add("dtstart", event.local_start)
        component.add("dtend", event.local_end)
    url = event.get_full_url(request)
    component.add("url", url)
    description = "\n\n".join(part for part in (event.teaser, event.online_url, url) if part)
    component.add("description", description)
    location = ", ".join(
        part for part in (event.venue, event.address, event.city, event.country) if part
    )
    component.add("location", location or event.online_url)
    component.add("categories", [event.get_kind_display()])
    return component


def build_calendar(events, request, name):
    events = list(events)
    cal = Calendar()
    cal.add("prodid", "-//OIDP//News and events//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    for event in events:
        cal.add_component(_event_component(event, request))
    # VTIMEZONE definitions for every TZID used, so that any client reads the right instants.
    if events:
        cal.add_missing_timezones(
            first_date=min(event.start_date for event in events) - datetime.timedelta(days=366),
            last_date=max(event.last_day for event in events) + datetime.timedelta(days=366),
        )
    return cal


def calendar_response(events, request, name, filename):
    cal = build_calendar(events, request, name)
    response = HttpResponse(cal.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="{slugify(filename) or "calendar"}.ics"'
    )
    return response
