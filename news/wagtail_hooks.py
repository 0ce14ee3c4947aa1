from django.db.models import Min, Q

from wagtail import hooks

from .models import EventPage


@hooks.register("page_cache_next_change")
def next_event_boundary(now):
    """Listings, the home page and event pages change when an event starts or ends."""
    moments = EventPage.objects.live().aggregate(
        next_start=Min("starts_at", filter=Q(starts_at__gt=now)),
        next_end=Min("ends_at", filter=Q(ends_at__gt=now)),
    )
    return min((moment for moment in moments.values() if moment), default=None)
