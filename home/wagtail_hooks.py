from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from translations.viewsets import ReviewedSnippetViewSet

from . import page_cache
from .models import SiteSettings


class SiteSettingsViewSet(ReviewedSnippetViewSet):
    """Contact, social links, footer and newsletter link, one record per language."""

    model = SiteSettings
    icon = "cog"
    menu_label = _("Site-wide settings")
    menu_name = "site_wide_settings"
    add_to_settings_menu = True
    list_display = ["__str__", "contact_email", "newsletter_url"]


register_snippet(SiteSettingsViewSet)


@hooks.register("before_serve_page")
def mark_page_cacheable(page, request, serve_args, serve_kwargs):
    """Public pages may be answered from the anonymous page cache (home/page_cache.py)."""
    page_cache.mark_cacheable(request, page)
