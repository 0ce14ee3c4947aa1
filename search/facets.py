"""Facets of the search page: content type, theme, method, SDG, country, region, year.

A facet narrows the searched pages by values given in the URL (`?theme=budget&year=2024`) and
counts, for each value, how many results the current query has with that value, ignoring the
facet's own selection (values of one facet combine with OR, facets with AND).

How a facet reaches each backend:

* filtering: `apply()` narrows the queryset *before* `.search()`. Content type and year filter
  fields of `Page` (`content_type`, `first_published_at`: FilterFields of every page), so the
  engine applies them in its own query. Theme, method, SDG, country and region live on the
  specific page models (and vocabularies through many-to-many tables), which Wagtail's search
  backends cannot filter on when searching all pages: they become `id IN (subquery)` on
  `Page`. The database backends run the subquery in SQL; the engine backends evaluate it and
  send a `terms` filter on `id` (also a FilterField of `Page`).
* counting: every facet value of every live page is also kept in one narrow table
  (`search.models.PageFacetValue`, filled by `store_facet_values()` from the same code path that
  indexes the page in the database backend). All the counts of a search are ONE grouped query
  over that table, restricted to the pages matching the query (the search's own SQL as a
  subquery) and, per facet, to the pages matching the other facets' selections
  (`count_facets()`). On the engine the same values are indexed in each document
  (`FACETS_FIELD`, "theme:youth") and counted by the engine's aggregations in the request
  (`engine_aggregations()`), without shipping ids back to SQL.

The facets find their fields on every page model, so a new page type (award editions, ...) is
covered as soon as it has the field: `themes`/`methods`/`sdgs` (many-to-many to the repository's
vocabularies, linking the default language's rows, so a theme's code is the same in every
language), `country` (ISO code) and `region` (code of `repository.regions.Region`).
"""

import datetime
from functools import cache

from django.conf import settings
from django.core.cache import cache as django_cache
from django.core.exceptions import FieldDoesNotExist
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page, get_page_models

_REGISTRY = {}

# The vocabularies' labels are read on every search with facets; search.signals drops them from
# the cache when a term is saved or deleted (publishing a term saves it).
LABELS_CACHE_SECONDS = 60 * 60

WORLDWIDE = "worldwide"


def _page_ids_q(subqueries):
    condition = Q()
    for subquery in subqueries:
        condition |= Q(pk__in=subquery)
    return condition


class Facet:
    param = ""
    label = ""

    def clean(self, raw_values):
        return [value for value in raw_values if value and len(value) <= 100]

    def apply(self, queryset, values):
        """The queryset narrowed to pages with any of the values (before `.search()`)."""
        raise NotImplementedError

    def page_values(self, model, pages):
        """[(page pk, value)] of pages of one specific page model (denormalised for counting)."""
        raise NotImplementedError

    def labels(self, values):
        """{value: label in the active language} for the given values."""
        return {value: value for value in values}

    def applies(self):
        """False when no page model carries this facet's field."""
        return True

    def sort(self, rows):
        """Rows (value, label, count, selected): the most frequent first."""
        return sorted(rows, key=lambda row: (-row[2], str(row[1]).casefold()))


class ContentTypeFacet(Facet):
    """Any page type with search fields: experiences, news, events, publications, awards, ..."""

    param = "type"
    label = _("Content type")

    def clean(self, raw_values):
        return [v for v in raw_values if v.isdigit()]

    def apply(self, queryset, values):
        return queryset.filter(content_type__in=[int(v) for v in values])

    def page_values(self, model, pages):
        return [(page.pk, str(page.content_type_id)) for page in pages]

    def labels(self, values):
        from django.contrib.contenttypes.models import ContentType

        labels = {}
        for value in values:
            model = ContentType.objects.get_for_id(int(value)).model_class()  # cached
            if model is not None:
                labels[value] = str(model._meta.verbose_name).capitalize()
        return labels


class YearFacet(Facet):
    """The year of first publication."""

    param = "year"
    label = _("Year")

    def clean(self, raw_values):
        return [v for v in raw_values if v.isdigit() and len(v) == 4]

    def apply(self, queryset, values):
        # Search backends filter on indexed fields with simple lookups: a range per year.
        condition = Q()
        for value in values:
            year = int(value)
            start = timezone.make_aware(datetime.datetime(year, 1, 1))
            end = timezone.make_aware(datetime.datetime(year + 1, 1, 1))
            condition |= Q(first_published_at__gte=start, first_published_at__lt=end)
        return queryset.filter(condition)

    def page_values(self, model, pages):
        # The year in the site's time zone, as `apply()` filters it.
        zone = timezone.get_default_timezone()
        return [
            (page.pk, str(timezone.localtime(page.first_published_at, zone).year))
            for page in pages
            if page.first_published_at
        ]

    def sort(self, rows):
        return sorted(rows, key=lambda row: row[0], reverse=True)


class FieldFacet(Facet):
    """A plain field (same name) of the page models that have it: country, region."""

    field_name = ""

    @cache  # noqa: B019 - one instance per facet, the page models never change at run time
    def models(self):
        found = []
        for model in get_page_models():
            try:
                field = model._meta.get_field(self.field_name)
            except FieldDoesNotExist:
                continue
            if field.concrete and field.model is model and not field.many_to_many:
                found.append(model)
        return found

    def applies(self):
        return bool(self.models())

    def apply(self, queryset, values):
        subqueries = [
            model.objects.filter(**{f"{self.field_name}__in": values}).values("pk")
            for model in self.models()
        ]
        return queryset.filter(_page_ids_q(subqueries))

    def page_values(self, model, pages):
        if not any(issubclass(model, owner) for owner in self.models()):
            return []
        field = model._meta.get_field(self.field_name)
        # The stored form: a CountryField's code, a region's code.
        return [(page.pk, field.get_prep_value(field.value_from_object(page))) for page in pages]


class CountryFacet(FieldFacet):
    param = "country"
    label = _("Country")
    field_name = "country"

    def clean(self, raw_values):
        return [v.upper() for v in raw_values if len(v) == 2 and v.isalpha()]

    def labels(self, values):
        from django_countries import countries

        names = dict(countries)
        return {value: str(names.get(value, value)) for value in values}


class RegionFacet(FieldFacet):
    param = "region"
    label = _("World region")
    field_name = "region"

    def labels(self, values):
        from repository.regions import Region

        names = {**dict(Region.choices), WORLDWIDE: _("Worldwide")}
        return {value: str(names.get(value, value)) for value in values}


class VocabularyFacet(Facet):
    """A many-to-many relation of page models to a repository vocabulary.

    Pages link the default language's terms; a term's code (`slug`, or the SDG's number) is
    synchronised across its translations, so the code is the facet value in every language and
    the label is the term's name in the reader's language.
    """

    vocabulary = ""  # "repository.Theme"
    code_field = "slug"

    def vocabulary_model(self):
        from django.apps import apps

        return apps.get_model(self.vocabulary)

    @cache  # noqa: B019
    def relations(self):
        """[(through model, page column, term column)] for each page model with the relation."""
        target = self.vocabulary_model()
        found = []
        for model in get_page_models():
            for field in model._meta.local_many_to_many:
                if field.related_model is target:
                    found.append(
                        (
                            field.remote_field.through,
                            field.m2m_field_name(),
                            field.m2m_reverse_field_name(),
                        )
                    )
        return found

    def applies(self):
        return bool(self.relations())

    def clean(self, raw_values):
        return [v for v in raw_values if v and len(v) <= 100 and v.replace("-", "").isalnum()]

    def apply(self, queryset, values):
        subqueries = [
            through.objects.filter(**{f"{term}__{self.code_field}__in": values}).values(
                f"{page}_id"
            )
            for through, page, term in self.relations()
        ]
        return queryset.filter(_page_ids_q(subqueries))

    def page_values(self, model, pages):
        """One query per relation of the model, read from the database (what is saved)."""
        target = self.vocabulary_model()
        ids = [page.pk for page in pages]
        found = []
        for field in model._meta.many_to_many:
            if field.related_model is not target:
                continue
            through = field.remote_field.through
            page, term = field.m2m_field_name(), field.m2m_reverse_field_name()
            found += through.objects.filter(**{f"{page}_id__in": ids}).values_list(
                f"{page}_id", f"{term}__{self.code_field}"
            )
        return found

    def cache_keys(self):
        """The cache keys of this vocabulary's labels, one per language."""
        model = self.vocabulary_model()._meta.label_lower
        return [f"search:labels:{model}:{code}" for code, _name in settings.LANGUAGES]

    def all_labels(self):
        """{code: name} in the active language, cached until the vocabulary changes."""
        from repository.vocabularies import localised_labels

        model = self.vocabulary_model()._meta.label_lower
        key = f"search:labels:{model}:{translation.get_language()}"
        labels = django_cache.get(key)
        if labels is None:
            labels = localised_labels(self.vocabulary_model(), key=self.code_field)
            django_cache.set(key, labels, LABELS_CACHE_SECONDS)
        return labels

    def labels(self, values):
        labels = self.all_labels()
        return {value: labels.get(value, value) for value in values}


class ThemeFacet(VocabularyFacet):
    param = "theme"
    label = _("Theme")
    vocabulary = "repository.Theme"


class MethodFacet(VocabularyFacet):
    param = "method"
    label = _("Method")
    vocabulary = "repository.Method"


class SDGFacet(VocabularyFacet):
    param = "sdg"
    label = _("Sustainable development goal")
    vocabulary = "repository.SustainableDevelopmentGoal"
    code_field = "number"

    def clean(self, raw_values):
        return [v for v in raw_values if v.isdigit() and 1 <= int(v) <= 17]

    def sort(self, rows):
        return sorted(rows, key=lambda row: int(row[0]))

    def labels(self, values):
        labels = self.all_labels()
        return {
            value: f"{value}. {labels[value]}" if value in labels else value for value in values
        }


def vocabulary_facets():
    return [facet for facet in _REGISTRY.values() if isinstance(facet, VocabularyFacet)]


def register_facet(facet):
    _REGISTRY[facet.param] = facet


def registered_facets():
    return [facet for facet in _REGISTRY.values() if facet.applies()]


FACETS_FIELD = "oidp_facets"  # the engine documents' keyword field: ["theme:youth", ...]


def page_facet_values(model, pages):
    """{page pk: [(facet param, value)]} for live pages of one page model (others: no values).

    A few queries for the whole batch (one per many-to-many relation), whatever its size.
    """
    if not issubclass(model, Page):
        return {}
    pages = [page for page in pages if page.live]
    found = {page.pk: {} for page in pages}
    for facet in _REGISTRY.values():
        for pk, value in facet.page_values(model, pages):
            if value not in (None, "") and pk in found:
                found[pk][(facet.param, str(value)[:100])] = None
    return {pk: list(values) for pk, values in found.items()}


def engine_facet_terms(model, pages):
    """{page pk: ["theme:youth", "country:BR", ...]}: the engine documents' FACETS_FIELD."""
    return {
        pk: [f"{param}:{value}" for param, value in values]
        for pk, values in page_facet_values(model, pages).items()
    }


def store_facet_values(pages):
    """Replaces the PageFacetValue rows of the given pages (specific instances, any models)."""
    from search.models import PageFacetValue

    by_model = {}
    for page in pages:
        if isinstance(page, Page):
            by_model.setdefault(type(page), []).append(page)
    if not by_model:
        return
    rows = []
    for model, group in by_model.items():
        for pk, values in page_facet_values(model, group).items():
            rows += [PageFacetValue(page_id=pk, facet=param, value=v) for param, v in values]
    ids = [page.pk for group in by_model.values() for page in group]
    with transaction.atomic():
        PageFacetValue.objects.filter(page_id__in=ids).delete()
        PageFacetValue.objects.bulk_create(rows, batch_size=1000)


def count_facets(ids, facets, selected=None):
    """{facet param: {value: count}} over the pages in `ids` (a subquery), in ONE query.

    A facet's counts ignore its own selection: a row of facet F counts when, for every other
    facet G with a selection, the page has one of G's selected values (an EXISTS on the same
    table, served by its unique index).
    """
    from search.models import PageFacetValue

    selected = selected or {}
    rows = PageFacetValue.objects.filter(page_id__in=ids, facet__in=[f.param for f in facets])
    for param, values in selected.items():
        has_value = PageFacetValue.objects.filter(
            page_id=OuterRef("page_id"), facet=param, value__in=values
        )
        rows = rows.filter(Q(facet=param) | Exists(has_value))
    counts = {facet.param: {} for facet in facets}
    grouped = rows.order_by().values_list("facet", "value").annotate(n=Count("page_id"))
    for param, value, count in grouped:
        counts[param][value] = count
    return counts


def engine_aggregations(facets, selected=None, size=1000):
    """The engine's `aggs` counting every facet, each within the other facets' selections."""
    selected = selected or {}
    aggregations = {}
    for facet in facets:
        others = [
            {"terms": {FACETS_FIELD: [f"{param}:{value}" for value in values]}}
            for param, values in selected.items()
            if param != facet.param
        ]
        aggregations[facet.param] = {
            "filter": {"bool": {"filter": others}} if others else {"match_all": {}},
            "aggs": {
                "values": {
                    "terms": {"field": FACETS_FIELD, "include": f"{facet.param}:.*", "size": size}
                }
            },
        }
    return aggregations


def engine_counts(response, facets):
    """{facet param: {value: count}} from the answer to `engine_aggregations()`."""
    counts = {}
    for facet in facets:
        buckets = response["aggregations"][facet.param]["values"]["buckets"]
        prefix = f"{facet.param}:"
        counts[facet.param] = {
            bucket["key"][len(prefix) :]: bucket["doc_count"]
            for bucket in buckets
            if bucket["key"].startswith(prefix)
        }
    return counts


def popular_themes(language_code, limit=8):
    """[(code, label, count)] of the themes with the most live pages of a language: one query."""
    from search.query import base_queryset

    facet = _REGISTRY["theme"]
    if not facet.applies():
        return []
    counts = count_facets(base_queryset(language_code).values("pk"), [facet])["theme"]
    top = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]
    with translation.override(language_code):
        labels = facet.labels([code for code, _count in top])
    return [(code, labels[code], count) for code, count in top]


for _facet in (
    ContentTypeFacet(),
    ThemeFacet(),
    MethodFacet(),
    SDGFacet(),
    CountryFacet(),
    RegionFacet(),
    YearFacet(),
):
    register_facet(_facet)
