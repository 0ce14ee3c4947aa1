from django.db import models

from wagtail.models import Page


class PageFacetValue(models.Model):
    """One facet value of one live page: ("theme", "youth"), ("country", "BR"), ("year", "2024").

    A narrow copy of what the search facets read on the page models, so that all facet counts
    of a search are one grouped query over this table instead of a UNION over the page models
    and their many-to-many tables per facet. Kept in step by the database search backend's
    index (`search.backends.database`: every save, publish and unpublish, and `update_index`)
    and by `page_published` (after the page's many-to-many relations are saved); deleted with
    the page. Unpublished pages have no rows.
    """

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+", db_index=False)
    facet = models.CharField(max_length=16)
    value = models.CharField(max_length=100)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["page", "facet", "value"], name="search_pagefacetvalue_unique"
            ),
        ]
        indexes = [models.Index(fields=["facet", "value"], name="search_facet_value_idx")]

    def __str__(self):
        return f"{self.page_id} {self.facet}={self.value}"
