"""Facet values follow publishing (see search.models.PageFacetValue).

The database backend's index stores a page's facet values whenever the page is (re)indexed, on
its `post_save`. A page's many-to-many relations (themes, methods, SDGs: ParentalManyToManyFields)
are saved by modelcluster just after that signal, so the values are stored again once the
publication is complete. Deletion needs nothing: the rows go with the page (CASCADE).
"""

from wagtail.signals import page_published

from search.facets import store_facet_values


def store_published_facet_values(sender, instance, **kwargs):
    store_facet_values([instance.specific])


def connect():
    page_published.connect(store_published_facet_values, dispatch_uid="search-facet-values")
