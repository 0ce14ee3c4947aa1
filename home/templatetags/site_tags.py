from django import template
from django.utils import translation

from wagtail.models import Page

from home import navigation, page_cache
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


# Menu items are the children of a language's home, which sits directly under the tree root:
# this much of a page's path says which menu item is the current section.
MENU_SECTION_PATH_LENGTH = Page.steplen * 3


@register.simple_tag(takes_context=True)
def menu_section(context):
    """What the main menu's fragment varies on besides the language: the current section."""
    page = context.get("page")
    return (getattr(page, "path", "") or "")[:MENU_SECTION_PATH_LENGTH]


class SiteFragmentCacheNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on

    def render(self, context):
        request = context.get("request")
        vary_on = [
            translation.get_language(),
            request.get_host() if request is not None else "",
            *(variable.resolve(context) for variable in self.vary_on),
        ]
        return page_cache.cached_fragment(self.name, vary_on, lambda: self.nodelist.render(context))


@register.tag("site_cache")
def site_cache(parser, token):
    """`{% site_cache name [vary_on ...] %}...{% endsite_cache %}`: Django's fragment cache keyed
    on the language, the host and the page cache's generation (dropped on any content change),
    rendered without the cache when the cache server is down."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("'site_cache' needs a fragment name.")
    nodelist = parser.parse(("endsite_cache",))
    parser.delete_first_token()
    return SiteFragmentCacheNode(nodelist, bits[1], [parser.compile_filter(b) for b in bits[2:]])


@register.simple_tag
def breadcrumb_ancestors(page):
    """The page's ancestors below the tree root, top first.

    Wagtail's routing leaves each page it passed through on the next one's
    `_cached_parent_obj` (what treebeard's `get_parent()` reads): when the whole chain up to the
    language's home is there, no query is needed; otherwise one, as `get_ancestors()`.
    """
    chain = []
    current = page
    while current.depth > 2:
        current = getattr(current, "_cached_parent_obj", None)
        if current is None:
            return [ancestor for ancestor in page.get_ancestors() if not ancestor.is_root()]
        chain.append(current)
    return chain[::-1]
