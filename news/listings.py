"""The listings of the three index pages: filters from the query string, pagination, month view.

Every listing runs the same number of queries whatever the number of items: the items come
with their images and renditions, the filter options are one query each, and the page of
results is a slice.
"""

import calendar
import datetime
from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.http import Http404, QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from taggit.models import Tag

from repository.vocabularies import Theme, localised_labels

from .models import PAGE_SIZE, REGION_CHOICES, EventKind, PublicationKind


@dataclass
class Filter:
    """One filter of a listing: its query-string name, label, choices and the chosen value."""

    name: str
    label: str
    choices: list = field(default_factory=list)
    value: str = ""
    any_label: str = ""

    @property
    def chosen_label(self):
        return dict(self.choices).get(self.value, "")


def _choose(request, name, choices):
    value = request.GET.get(name, "")
    return value if value in {str(key) for key, _label in choices} else ""


def _paginate(request, queryset, filters, extra=None):
    paginator = Paginator(queryset, PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    query = QueryDict(mutable=True)
    for item in filters:
        if item.value:
            query[item.name] = item.value
    for key, value in (extra or {}).items():
        if value:
            query[key] = value
    return {
        "items": page,
        "paginator": paginator,
        "filters": filters,
        "active_filters": [item for item in filters if item.value],
        "querystring": query.urlencode(),
        "page_size": PAGE_SIZE,
    }


def _year_choices(queryset, field_name):
    return [
        (str(day.year), str(day.year))
        for day in queryset.order_by().dates(field_name, "year", order="DESC")
    ]


def _theme_choices(items):
    """The themes of the listed pages, named in the reader's language (two queries)."""
    field = items.model._meta.get_field("themes")
    through = field.remote_field.through
    slugs = set(
        through.objects.filter(
            **{f"{field.m2m_field_name()}__in": items.order_by().values("pk")}
        ).values_list(f"{field.m2m_reverse_field_name()}__slug", flat=True)
    )
    if not slugs:
        return []
    labels = localised_labels(Theme)
    return sorted(((slug, labels.get(slug, slug)) for slug in slugs), key=lambda c: c[1].casefold())


def _theme_filter(items):
    return Filter("theme", _("Theme"), _theme_choices(items), any_label=_("All themes"))


def news_listing(index, request):
    # Untranslated items are listed too, in their original language (translations app).
    items = index.items(with_originals=True)
    keywords = list(
        Tag.objects.filter(news_newspagetag_items__content_object__in=items.order_by().values("pk"))
        .distinct()
        .order_by("name")
        .values_list("slug", "name")
    )
    filters = [
        _theme_filter(items),
        Filter("year", _("Year"), _year_choices(items, "date"), any_label=_("All years")),
        Filter("keyword", _("Keyword"), keywords, any_label=_("All keywords")),
    ]
    for item in filters:
        item.value = _choose(request, item.name, item.choices)
    theme, year, keyword = (item.value for item in filters)
    if theme:
        items = items.filter(themes__slug=theme)
    if year:
        items = items.filter(date__year=int(year))
    if keyword:
        items = items.filter(tagged_items__tag__slug=keyword)
    return _paginate(request, items, filters)


WHEN_CHOICES = [("upcoming", _("Upcoming")), ("past", _("Past"))]


def event_listing(index, request, now=None):
    now = now or timezone.now()
    when = _choose(request, "when", WHEN_CHOICES) or "upcoming"
    if when == "upcoming":
        items = index.upcoming(now, with_originals=True)
    else:
        items = index.past(now, with_originals=True)
    filters = [
        Filter("kind", _("Kind"), list(EventKind.choices), any_label=_("All kinds")),
        _theme_filter(index.items()),
        Filter("region", _("Region"), list(REGION_CHOICES), any_label=_("All regions")),
        Filter(
            "year", _("Year"), _year_choices(index.items(), "start_date"), any_label=_("All years")
        ),
    ]
    for item in filters:
        item.value = _choose(request, item.name, item.choices)
    kind, theme, region, year = (item.value for item in filters)
    if kind:
        items = items.filter(kind=kind)
    if theme:
        items = items.filter(themes__slug=theme)
    if region:
        items = items.filter(region=region)
    if year:
        items = items.filter(start_date__year=int(year))
    context = _paginate(request, items, filters, extra={"when": when if when == "past" else ""})
    today = timezone.localdate(now)
    context.update(
        {
            "when": when,
            "when_choices": WHEN_CHOICES,
            "this_month": {"year": today.year, "month": today.month},
        }
    )
    return context


def publication_listing(index, request):
    items = index.items(with_originals=True)
    filters = [
        Filter("kind", _("Kind"), list(PublicationKind.choices), any_label=_("All kinds")),
        _theme_filter(items),
        Filter(
            "year", _("Year"), _year_choices(items, "publication_date"), any_label=_("All years")
        ),
    ]
    for item in filters:
        item.value = _choose(request, item.name, item.choices)
    kind, theme, year = (item.value for item in filters)
    if kind:
        items = items.filter(kind=kind)
    if theme:
        items = items.filter(themes__slug=theme)
    if year:
        items = items.filter(publication_date__year=int(year))
    return _paginate(request, items, filters)


def _shift_month(year, month, delta):
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def event_month(index, request, year, month):
    """The events of a month, by day, as their participants read the dates (their time zone)."""
    if not (1 <= month <= 12 and 1900 <= year <= 2999):
        raise Http404
    first = datetime.date(year, month, 1)
    last = datetime.date(year, month, calendar.monthrange(year, month)[1])
    events = list(
        index.items()
        .filter(start_date__lte=last)
        .exclude(end_date__lt=first)
        .exclude(end_date__isnull=True, start_date__lt=first)
        .order_by("start_date", "start_time", "pk")
    )
    days = []
    for day in range(1, last.day + 1):
        date = datetime.date(year, month, day)
        todays = [event for event in events if event.start_date <= date <= event.last_day]
        if todays:
            days.append({"date": date, "events": todays})
    previous_year, previous_month = _shift_month(year, month, -1)
    next_year, next_month = _shift_month(year, month, 1)
    return {
        "month_start": first,
        "days": days,
        "events": events,
        "previous": {"year": previous_year, "month": previous_month},
        "next": {"year": next_year, "month": next_month},
    }
