"""Facets of the search page, and the hook other apps use to add theirs.

A facet narrows the searched pages by values given in the URL (`?type=12&year=2024`) and counts,
for each value, how many results the current query has with that value (ignoring the facet's own
selection, so that values of one facet combine with OR and facets with AND).

Other apps register theirs from their AppConfig.ready(), e.g. in repository/apps.py:

    from search.facets import Facet, register_facet

    class ThemeFacet(Facet):
        param = "theme"
        label = _("Theme")
        model = ExperiencePage            # the facet filters a field of this model
        def values(self, language):       # [(value, label), ...] offered for the language
            ...
        def apply(self, queryset, values):  # only FilterFields of `model` can be used
            return queryset.filter(theme_ids__in=values)

    register_facet(ThemeFacet())

When a selected facet has a `model`, the search runs over that model's pages only.
"""

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

_REGISTRY = {}


class Facet:
    param = ""
    label = ""
    model = None  # None: any page

    def values(self, language_code, base_queryset):
        """The (value, label) pairs offered, as strings."""
        raise NotImplementedError

    def apply(self, queryset, values):
        raise NotImplementedError

    def counts(self, search, values_offered):
        """{value: count} of results for each offered value; `search(queryset)` runs the query."""
        return {
            value: search(lambda qs, v=value: self.apply(qs, [v])) for value, _ in values_offered
        }

    def clean(self, raw_values):
        return [value for value in raw_values if value]


class ContentTypeFacet(Facet):
    param = "type"
    label = _("Content type")

    def values(self, language_code, base_queryset):
        ids = base_queryset.order_by().values_list("content_type_id", flat=True).distinct()
        types = ContentType.objects.filter(pk__in=list(ids))
        pairs = []
        for content_type in types:
            model = content_type.model_class()
            if model is None:
                continue
            pairs.append((str(content_type.pk), str(model._meta.verbose_name).capitalize()))
        return sorted(pairs, key=lambda pair: pair[1])

    def apply(self, queryset, values):
        return queryset.filter(content_type__in=[int(v) for v in values])

    def clean(self, raw_values):
        return [v for v in raw_values if v.isdigit()]


class YearFacet(Facet):
    """The year of first publication."""

    param = "year"
    label = _("Year")

    def values(self, language_code, base_queryset):
        years = base_queryset.order_by().dates("first_published_at", "year", order="DESC")
        return [(str(d.year), str(d.year)) for d in years]

    def apply(self, queryset, values):
        # Search backends filter on indexed fields with simple lookups: a range per year.
        import datetime

        from django.db.models import Q
        from django.utils import timezone

        condition = Q()
        for value in values:
            year = int(value)
            start = timezone.make_aware(datetime.datetime(year, 1, 1))
            end = timezone.make_aware(datetime.datetime(year + 1, 1, 1))
            condition |= Q(first_published_at__gte=start, first_published_at__lt=end)
        return queryset.filter(condition)

    def clean(self, raw_values):
        return [v for v in raw_values if v.isdigit() and len(v) == 4]


def register_facet(facet):
    _REGISTRY[facet.param] = facet


def registered_facets():
    return list(_REGISTRY.values())


def model_for(selected):
    """The page model to search, given {param: values} of the selected facets."""
    models = [
        _REGISTRY[param].model
        for param, values in selected.items()
        if values and _REGISTRY[param].model
    ]
    return models[0] if models else Page


register_facet(ContentTypeFacet())
register_facet(YearFacet())
