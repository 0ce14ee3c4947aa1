"""Facet values follow publishing (see search.models.PageFacetValue).

The database backend's index stores a page's facet values whenever the page is (re)indexed, on
its `post_save`. A page's many-to-many relations (themes, methods, SDGs: ParentalManyToManyFields)
are saved by modelcluster just after that signal, so the values are stored again once the
publication is complete. Deletion needs nothing: the rows go with the page (CASCADE).

The facet labels of the vocabularies are cached per language (search.facets); saving or deleting
a term (publishing one saves it) drops them.
"""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

from wagtail.signals import page_published

from search.facets import store_facet_values, vocabulary_facets


def store_published_facet_values(sender, instance, **kwargs):
    store_facet_values([instance.specific])


def forget_vocabulary_labels(sender, **kwargs):
    for facet in vocabulary_facets():
        if facet.vocabulary_model() is sender:
            cache.delete_many(facet.cache_keys())


def connect():
    page_published.connect(store_published_facet_values, dispatch_uid="search-facet-values")
    for facet in vocabulary_facets():
        model = facet.vocabulary_model()
        for signal in (post_save, post_delete):
            signal.connect(
                forget_vocabulary_labels, sender=model, dispatch_uid=f"search-labels-{model}"
            )
