"""The repository's vocabularies in the admin, grouped under one menu item."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from translations.viewsets import ReviewedSnippetViewSet

from .vocabularies import Method, Organisation, SustainableDevelopmentGoal, TargetGroup, Theme


class ThemeViewSet(ReviewedSnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Themes")
    list_display = ["name", "slug", "parent"]
    list_filter = ["locale"]
    search_fields = ["name"]


class MethodViewSet(ReviewedSnippetViewSet):
    model = Method
    icon = "cogs"
    menu_label = _("Methods")
    list_display = ["name", "slug"]
    list_filter = ["locale"]
    search_fields = ["name"]


class TargetGroupViewSet(ReviewedSnippetViewSet):
    model = TargetGroup
    icon = "group"
    menu_label = _("Target groups")
    list_display = ["name", "slug"]
    list_filter = ["locale"]
    search_fields = ["name"]


class SustainableDevelopmentGoalViewSet(ReviewedSnippetViewSet):
    model = SustainableDevelopmentGoal
    icon = "globe"
    menu_label = _("SDGs")
    list_display = ["number", "name"]
    list_filter = ["locale"]
    ordering = ["number"]


class OrganisationViewSet(ReviewedSnippetViewSet):
    model = Organisation
    icon = "site"
    menu_label = _("Organisations")
    list_display = ["name", "organisation_type", "country", "is_member"]
    list_filter = ["locale", "organisation_type", "is_member"]
    search_fields = ["name"]


class RepositoryViewSetGroup(SnippetViewSetGroup):
    items = (
        ThemeViewSet,
        MethodViewSet,
        TargetGroupViewSet,
        SustainableDevelopmentGoalViewSet,
        OrganisationViewSet,
    )
    menu_icon = "folder-open-inverse"
    menu_label = _("Repository")
    menu_name = "repository"


register_snippet(RepositoryViewSetGroup)
