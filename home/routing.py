"""Page routing with one query per level where the page type allows it."""

from django.contrib.contenttypes.models import ContentType


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
