"""Facet values follow publishing (see search.models.PageFacetValue).

The database backend's index stores a page's facet values whenever the page is (re)indexed,
which Wagtail does on its `post_save`. A page's many-to-many relations (themes, methods, SDGs:
ParentalManyToManyFields) are saved by modelcluster just after that signal, so with Django's
immediate task backend the index (database and engine documents alike) would keep the previous
themes: once the publication is complete, the page is indexed again through Wagtail's own
background task. Deletion needs nothing more: the rows go with the page (CASCADE).

The facet labels of the vocabularies are cached per language (search.facets); saving or deleting
a term (publishing one saves it) drops them.
"""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

from modelsearch.tasks import insert_or_update_object_task
from wagtail.signals import page_published

from search.facets import vocabulary_facets


def reindex_published_page(sender, instance, **kwargs):
    insert_or_update_object_task.enqueue(
        instance._meta.app_label, instance._meta.model_name, str(instance.pk)
    )


def forget_vocabulary_labels(sender, **kwargs):
    for facet in vocabulary_facets():
        if facet.vocabulary_model() is sender:
            cache.delete_many(facet.cache_keys())


def connect():
    page_published.connect(reindex_published_page, dispatch_uid="search-reindex-published")
    for facet in vocabulary_facets():
        model = facet.vocabulary_model()
        for signal in (post_save, post_delete):
            signal.connect(
                forget_vocabulary_labels, sender=model, dispatch_uid=f"search-labels-{model}"
            )
