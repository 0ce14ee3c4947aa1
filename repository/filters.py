"""Faceted filtering of the repository: combinable filters, each value with its count.

Facets combine with AND; several values of one facet combine with OR. The count shown
next to a value is the number of results the visitor would get by choosing that value
alone in its facet while keeping the other facets as they are, so counts always match
what the link leads to.

Everything is computed from a handful of queries over the whole language's repository
(one for the experiences' plain fields, one per vocabulary relation), whatever the
number of experiences or of selected values.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.utils.translation import gettext_lazy as _

from django_countries import countries

from .models import ExperiencePage, Scale, Status
from .regions import Region
from .vocabularies import SustainableDevelopmentGoal, Theme, localised_labels

SORTS = {
    "newest": _("Newest first"),
    "updated": _("Last updated"),
    "title": _("Title (A to Z)"),
}
DEFAULT_SORT = "newest"


@dataclass
class Facet:
    name: str
    label: str
    options: list = field(default_factory=list)

    @property
    def selected(self):
        return [option for option in self.options if option["selected"]]


@dataclass
class FilterResult:
    rows: list
    facets: list
    selected: dict
    sort: str

    def querystring(self, **overrides):
        return build_querystring(self.selected, self.sort, **overrides)


FACET_NAMES = ["theme", "method", "sdg", "country", "region", "scale", "status", "year"]
FACET_LABELS = {
    "theme": _("Theme"),
    "method": _("Method"),
    "sdg": _("Sustainable development goal"),
    "country": _("Country"),
    "region": _("World region"),
    "scale": _("Scale"),
    "status": _("Status"),
    "year": _("Start year"),
}
ROW_FIELDS = [
    "pk",
    "title",
    "slug",
    "summary",
    "city",
    "country",
    "region",
    "scale",
    "status",
    "start_date",
    "last_updated",
    "first_published_at",
    "locale_id",
    "latitude",
    "longitude",
]


def build_querystring(selected, sort=DEFAULT_SORT, **overrides):
    params = []
    for name in FACET_NAMES:
        for value in sorted(selected.get(name, ())):
            params.append((name, value))
    if sort and sort != DEFAULT_SORT:
        params.append(("sort", sort))
    for key, value in overrides.items():
        if value not in (None, ""):
            params.append((key, value))
    return urlencode(params)


def experience_rows(index_page):
    """The plain fields and facet values of every live experience of the index."""
    queryset = index_page.listed_experiences()
    rows = {row["pk"]: row for row in queryset.values(*ROW_FIELDS)}
    for row in rows.values():
        start = row["start_date"]
        row["values"] = {
            "theme": set(),
            "method": set(),
            "sdg": set(),
            "country": {row["country"]} if row["country"] else set(),
            "region": {row["region"]} if row["region"] else set(),
            "scale": {row["scale"]} if row["scale"] else set(),
            "status": {row["status"]} if row["status"] else set(),
            "year": {str(start.year)} if start else set(),
        }
    through = ExperiencePage.themes.through.objects.filter(experiencepage__in=queryset)
    for page_id, slug, parent_slug in through.values_list(
        "experiencepage_id", "theme__slug", "theme__parent__slug"
    ):
        # Choosing a main theme finds the experiences filed under its sub-themes too.
        rows[page_id]["values"]["theme"].update(s for s in (slug, parent_slug) if s)
    through = ExperiencePage.methods.through.objects.filter(experiencepage__in=queryset)
    for page_id, slug in through.values_list("experiencepage_id", "method__slug"):
        rows[page_id]["values"]["method"].add(slug)
    through = ExperiencePage.sdgs.through.objects.filter(experiencepage__in=queryset)
    for page_id, number in through.values_list(
        "experiencepage_id", "sustainabledevelopmentgoal__number"
    ):
        rows[page_id]["values"]["sdg"].add(str(number))
    return list(rows.values())


def _matches(row, selected, skip=None):
    for name, values in selected.items():
        if name == skip or not values:
            continue
        if not row["values"][name] & values:
            return False
    return True


def _option_labels(name):
    if name == "theme":
        return localised_labels(Theme)
    if name == "method":
        from .vocabularies import Method

        return localised_labels(Method)
    if name == "sdg":
        return {
            code: f"{code}. {label}"
            for code, label in localised_labels(SustainableDevelopmentGoal, key="number").items()
        }
    if name == "country":
        return dict(countries)
    if name == "region":
        return dict(Region.choices)
    if name == "scale":
        return dict(Scale.choices)
    if name == "status":
        return dict(Status.choices)
    return {}


def _theme_parents():
    return dict(
        Theme.objects.live()
        .filter(parent__isnull=False)
        .values_list("slug", "parent__slug")
        .distinct()
    )


def _option_order(name, options, theme_parents):
    if name == "year":
        return sorted(options, key=lambda o: o["value"], reverse=True)
    if name == "sdg":
        return sorted(options, key=lambda o: int(o["value"]))
    if name in {"scale", "status"}:
        order = [value for value, _label in (Scale.choices if name == "scale" else Status.choices)]
        return sorted(options, key=lambda o: order.index(o["value"]) if o["value"] in order else 99)
    if name == "theme":
        # Sub-themes follow their main theme, indented.
        labels = {o["value"]: str(o["label"]) for o in options}

        def key(option):
            parent = theme_parents.get(option["value"])
            if parent:
                return (labels.get(parent, parent).lower(), 1, str(option["label"]).lower())
            return (str(option["label"]).lower(), 0, "")

        for option in options:
            option["is_child"] = option["value"] in theme_parents
        return sorted(options, key=key)
    return sorted(options, key=lambda o: str(o["label"]).lower())


def parse_selection(query):
    """The facet values of a query string, as sets (unknown values are dropped later)."""
    return {name: {v for v in query.getlist(name) if v} for name in FACET_NAMES}


def apply_filters(index_page, query):
    rows = experience_rows(index_page)
    selected = parse_selection(query)
    sort = query.get("sort", DEFAULT_SORT)
    if sort not in SORTS:
        sort = DEFAULT_SORT

    theme_parents = _theme_parents()
    facets = []
    for name in FACET_NAMES:
        counts = {}
        for row in rows:
            if _matches(row, selected, skip=name):
                for value in row["values"][name]:
                    counts[value] = counts.get(value, 0) + 1
        labels = _option_labels(name)
        options = [
            {
                "value": value,
                "label": labels.get(value, value),
                "count": counts.get(value, 0),
                "selected": value in selected[name],
                "is_child": False,
            }
            for value in set(counts) | selected[name]
        ]
        facets.append(
            Facet(
                name=name,
                label=FACET_LABELS[name],
                options=_option_order(name, options, theme_parents),
            )
        )

    results = [row for row in rows if _matches(row, selected)]
    if sort == "title":
        results.sort(key=lambda row: row["title"].lower())
    elif sort == "updated":
        results.sort(key=lambda row: (row["last_updated"], row["pk"]), reverse=True)
    else:
        results.sort(
            key=lambda row: (row["start_date"] is not None, row["start_date"], row["pk"]),
            reverse=True,
        )
    return FilterResult(rows=results, facets=facets, selected=selected, sort=sort)
