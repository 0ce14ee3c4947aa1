"""Page routing with fewer queries than Wagtail's, with the same answers."""

import copy

from django.contrib.contenttypes.models import ContentType

from home.page_cache import generation_memo


class SingleChildTypeRouteMixin:
    """For a page type that allows one type of child (an index of experiences, of news...).

    Wagtail reads a child as a generic page, then again as its specific type: two queries per
    level of the address. Knowing the only type a child can have, it is read as that type in
    one. A child that is not of that type (created before the rule, say) is routed by Wagtail.
    Put it after `RoutablePageMixin`, whose own routes come first.
    """

    def route(self, request, path_components):
        child_models = type(self).allowed_subpage_models()
        if path_components and len(child_models) == 1:
            model = child_models[0]
            try:
                child = model.objects.child_of(self).get(slug=path_components[0])
            except model.DoesNotExist:
                return super().route(request, path_components)
            if child.content_type_id != ContentType.objects.get_for_model(model).pk:
                child = child.specific  # a subclass of the allowed type
            # As Wagtail does: the parent is known, so `get_parent()` needs no query.
            child._cached_parent_obj = self
            return child.route(request, path_components[1:])
        return super().route(request, path_components)


class KnownChildrenRouteMixin:
    """For a page with few children, each a section of the site (a language's home).

    Every address under a home passes through one of its children, which Wagtail reads in two
    queries. The children (drafts too, as Wagtail's routing sees them) are kept per process
    until the next content change (home/page_cache.py), each request getting its own copy.
    """

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        children = generation_memo(
            f"routing:children:{self.pk}",
            lambda: {child.slug: child for child in self.get_children().specific()},
        )
        child = children.get(path_components[0])
        if child is None:
            return super().route(request, path_components)  # Wagtail's 404
        child = copy.deepcopy(child)
        child._cached_parent_obj = self
        return child.route(request, path_components[1:])
