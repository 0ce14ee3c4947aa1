from django import template

from home import navigation
from home.models import SiteSettings

register = template.Library()


@register.simple_tag(takes_context=True)
def language_versions(context):
    """Where the language switcher sends a reader of the current page, per language."""
    return navigation.language_versions(context["request"], context.get("page"))


@register.simple_tag(takes_context=True)
def hreflang_alternates(context):
    return navigation.hreflang_alternates(context["request"], context.get("page"))


@register.simple_tag(takes_context=True)
def main_menu(context):
    return navigation.main_menu_items(context["request"], context.get("page"))


@register.simple_tag(takes_context=True)
def home_url(context):
    home = navigation.home_page(context["request"])
    return home.get_url(context["request"]) if home else "/"


@register.simple_tag(takes_context=True)
def site_settings(context):
    """The site-wide settings (contact, footer...) of the language being shown."""
    return navigation.cached_on_request(
        context["request"], "site_settings", SiteSettings.for_active_locale
    )


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The absolute URL of the current page, or of the current path for other views."""
    request = context["request"]
    page = context.get("page")
    if page is not None and getattr(page, "pk", None):
        return navigation.absolute_url(request, page)
    return request.build_absolute_uri(request.path)
