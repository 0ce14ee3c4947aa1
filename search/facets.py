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
* counting: `counts(ids)` takes the pages matching the query (a subquery on the database
  backends, the list of ids the engine returned) and aggregates them in one SQL query per facet
  (a UNION ALL of one GROUP BY per page model carrying the field), never one query per value.

The facets find their fields on every page model, so a new page type (award editions, ...) is
covered as soon as it has the field: `themes`/`methods`/`sdgs` (many-to-many to the repository's
vocabularies, linking the default language's rows, so a theme's code is the same in every
language), `country` (ISO code) and `region` (code of `repository.regions.Region`).
"""

import datetime
from collections import Counter
from functools import cache

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Count, F, Q
from django.db.models.functions import ExtractYear
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page, get_page_models

_REGISTRY = {}

WORLDWIDE = "worldwide"


def _grouped_counts(querysets):
    """{str(key): count} summed over querysets of (key, count) rows, in one UNION ALL query."""
    querysets = [qs.order_by() for qs in querysets]
    if not querysets:
        return {}
    combined = querysets[0].union(*querysets[1:], all=True) if len(querysets) > 1 else querysets[0]
    totals = Counter()
    for key, count in combined:
        if key not in (None, ""):
            totals[str(key)] += count
    return dict(totals)


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

    def counts(self, ids):
        """{value: count} over the pages whose pk is in `ids` (a subquery or a list)."""
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

    def counts(self, ids):
        rows = Page.objects.filter(pk__in=ids).values("content_type").annotate(n=Count("pk"))
        return _grouped_counts([rows.values_list("content_type", "n")])

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

    def counts(self, ids):
        rows = (
            Page.objects.filter(pk__in=ids, first_published_at__isnull=False)
            .annotate(year=ExtractYear("first_published_at"))
            .values("year")
            .annotate(n=Count("pk"))
        )
        return _grouped_counts([rows.values_list("year", "n")])

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

    def counts(self, ids):
        return _grouped_counts(
            [
                model.objects.filter(pk__in=ids)
                .values(key=F(self.field_name))
                .annotate(n=Count("pk"))
                .values_list("key", "n")
                for model in self.models()
            ]
        )


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

    def counts(self, ids):
        return _grouped_counts(
            [
                through.objects.filter(**{f"{page}_id__in": ids})
                .values(key=F(f"{term}__{self.code_field}"))
                .annotate(n=Count("pk"))
                .values_list("key", "n")
                for through, page, term in self.relations()
            ]
        )

    def labels(self, values):
        from repository.vocabularies import localised_labels

        labels = localised_labels(self.vocabulary_model(), key=self.code_field)
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
        from repository.vocabularies import localised_labels

        labels = localised_labels(self.vocabulary_model(), key="number")
        return {
            value: f"{value}. {labels[value]}" if value in labels else value for value in values
        }


def register_facet(facet):
    _REGISTRY[facet.param] = facet


def registered_facets():
    return [facet for facet in _REGISTRY.values() if facet.applies()]


def popular_themes(language_code, limit=8):
    """[(code, label, count)] of the themes with the most live pages of a language: one query."""
    from search.query import base_queryset

    facet = _REGISTRY["theme"]
    if not facet.applies():
        return []
    counts = facet.counts(base_queryset(language_code).values("pk"))
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
