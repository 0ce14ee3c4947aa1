"""Faceted filtering of the repository: combinable filters, each value with its count.

Facets combine with AND; several values of one facet combine with OR. The count shown
next to a value is the number of results the visitor would get by choosing that value
alone in its facet while keeping the other facets as they are, so counts always match
what the link leads to.

Everything is computed from a handful of queries over the whole language's repository
(one for the experiences' plain fields, one per vocabulary relation), whatever the
number of experiences or of selected values: each facet value is held as the set of the
experiences that have it, so results and counts are set intersections, not a pass over
every experience per facet.
"""

from collections import namedtuple
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.utils.translation import gettext_lazy as _

from django_countries import countries

from home.page_cache import generation_memo

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
    pks: list  # the matching experiences, in the chosen order
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
# What filtering and sorting read, for every listed experience (the cards and the map read
# their own fields for the experiences they show).
ROW_FIELDS = [
    "pk",
    "path",
    "title",
    "start_date",
    "last_updated",
    "country",
    "region",
    "scale",
    "status",
]
Row = namedtuple("Row", ROW_FIELDS)
PLAIN_FACETS = ["country", "region", "scale", "status"]
# What is kept of a row once its facet values are in the sets: what the sorts read.
SortRow = namedtuple("SortRow", ["pk", "path", "title", "start_date", "last_updated"])


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
    """The plain fields of every live experience the index lists, and its facet values.

    Returns ({pk: SortRow}, {facet: {value: set of pks}}), read by `read_experience_rows` once
    per process and content generation (home/page_cache.py): after that, a new combination of
    filters costs set intersections only. Not to be modified by the caller.
    """
    return generation_memo(
        f"repository:rows:{index_page.pk}", lambda: read_experience_rows(index_page)
    )


def read_experience_rows(index_page):
    """Four queries whatever the number of experiences: the experiences' plain fields (one
    pass over what the index lists, the expensive part), then the theme, method and goal links.
    The link tables are read without repeating the listing's filter (rows of pages not listed
    are dropped here), which costs far less than evaluating it again per relation.
    """
    queryset = index_page.listed_experiences().order_by().values_list(*ROW_FIELDS)
    rows = {fields[0]: Row._make(fields) for fields in queryset}
    values = {name: {} for name in FACET_NAMES}

    def add(name, value, pk):
        pks = values[name].get(value)
        if pks is None:
            values[name][value] = {pk}
        else:
            pks.add(pk)

    for pk, row in rows.items():
        for name in PLAIN_FACETS:
            value = getattr(row, name)
            if value:
                add(name, value, pk)
        if row.start_date:
            add("year", str(row.start_date.year), pk)
    # Kept per process (`experience_rows`): a third of the memory of the full rows.
    rows = {
        pk: SortRow(pk, row.path, row.title, row.start_date, row.last_updated)
        for pk, row in rows.items()
    }
    # The link rows' ids are new int objects: the sets keep the rows' own (memory, see above).
    listed = {pk: pk for pk in rows}
    links = ExperiencePage.themes.through.objects.values_list(
        "experiencepage_id", "theme__slug", "theme__parent__slug"
    )
    for pk, slug, parent_slug in links:
        if (pk := listed.get(pk)) is not None:
            add("theme", slug, pk)
            # Choosing a main theme finds the experiences filed under its sub-themes too.
            if parent_slug:
                add("theme", parent_slug, pk)
    links = ExperiencePage.methods.through.objects.values_list("experiencepage_id", "method__slug")
    for pk, slug in links:
        if (pk := listed.get(pk)) is not None:
            add("method", slug, pk)
    links = ExperiencePage.sdgs.through.objects.values_list(
        "experiencepage_id", "sustainabledevelopmentgoal__number"
    )
    for pk, number in links:
        if (pk := listed.get(pk)) is not None:
            add("sdg", str(number), pk)
    return rows, values


def _matching(all_pks, values, selected, skip=None):
    """The pks that match every selected facet but `skip` (OR within a facet)."""
    found = all_pks
    for name, chosen in selected.items():
        if name == skip or not chosen:
            continue
        found = found & set().union(*(values[name].get(value, ()) for value in chosen))
    return found


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
    return generation_memo(
        "repository:theme_parents",
        lambda: dict(
            Theme.objects.live()
            .filter(parent__isnull=False)
            .values_list("slug", "parent__slug")
            .distinct()
        ),
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
    rows, values = experience_rows(index_page)
    selected = parse_selection(query)
    sort = query.get("sort", DEFAULT_SORT)
    if sort not in SORTS:
        sort = DEFAULT_SORT

    all_pks = set(rows)
    matching = _matching(all_pks, values, selected)
    theme_parents = _theme_parents()
    facets = []
    for name in FACET_NAMES:
        # The count of a value: the results of choosing it alone in its facet.
        among = _matching(all_pks, values, selected, skip=name) if selected[name] else matching
        counts = {}
        for value, pks in values[name].items():
            count = len(pks & among)
            if count:
                counts[value] = count
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

    results = [rows[pk] for pk in matching]
    if sort == "title":
        results.sort(key=lambda row: (row.title.lower(), row.path))
    elif sort == "updated":
        results.sort(key=lambda row: (row.last_updated, row.pk), reverse=True)
    else:
        results.sort(
            key=lambda row: (row.start_date is not None, row.start_date, row.pk), reverse=True
        )
    return FilterResult(
        pks=[row.pk for row in results], facets=facets, selected=selected, sort=sort
    )
