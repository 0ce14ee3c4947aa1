"""Where a visitor can go from the current page: its languages, the main menu, the homes.

Everything is computed from the page tree of the current language and the page's live
translations, with a fixed number of queries, and remembered on the request so that
several template tags can share it.
"""

from dataclasses import dataclass

from django.conf import settings
from django.urls import Resolver404, resolve, translate_url
from django.utils import translation

from wagtail.models import Locale, Page, Site

from home import page_cache
from home.page_cache import generation_memo, generation_memo_copy


@dataclass(frozen=True)
class LanguageVersion:
    code: str
    name_local: str
    url: str
    full_url: str
    is_current: bool
    # True when the current page exists in that language; False when the link falls back
    # to that language's home page because the page has no live translation there.
    is_translation: bool


def cached_on_request(request, name, compute):
    """Compute once per request; several template tags share the result."""
    attribute = f"_oidp_{name}"
    if not hasattr(request, attribute):
        setattr(request, attribute, compute())
    return getattr(request, attribute)


def current_site(request):
    return cached_on_request(
        request,
        "site",
        lambda: (
            Site.find_for_request(request)
            or Site.objects.select_related("root_page").filter(is_default_site=True).first()
        ),
    )


def home_pages(request):
    """The live home page of each language, keyed by language code."""

    def compute():
        site = current_site(request)
        if site is None:
            return {}
        return generation_memo_copy(
            f"home_pages:{site.root_page.translation_key}",
            lambda: {
                home.locale.language_code: home
                for home in Page.objects.filter(translation_key=site.root_page.translation_key)
                .live()
                .select_related("locale")
            },
        )

    return cached_on_request(request, "home_pages", compute)


def home_page(request):
    """The home page of the active language, or of the default language."""
    homes = home_pages(request)
    return homes.get(translation.get_language()) or homes.get(settings.LANGUAGE_CODE)


def locale_codes():
    """{locale id: language code}: locales are set up once, before any page of theirs exists, so
    this is kept until the next content change like the other memos."""
    return generation_memo(
        "locale_codes", lambda: dict(Locale.objects.values_list("pk", "language_code"))
    )


def language_of(obj):
    """The language code of a translatable object, without a query for its locale."""
    return locale_codes().get(obj.locale_id) or obj.locale.language_code


def translation_group(request, page):
    """Every page sharing the page's translation key (drafts and aliases too), oldest first.

    One query per request, shared by the language switcher, the hreflang links and the notice
    about the original language.
    """

    def compute():
        if page is None or not getattr(page, "translation_key", None):
            return []
        return list(
            Page.objects.filter(translation_key=page.translation_key)
            .select_related("locale")
            .order_by("pk")
        )

    if request is None:
        return compute()
    return cached_on_request(request, f"translation_group_{getattr(page, 'pk', None)}", compute)


def _page_translations(request, page):
    """The live, public translations of the page, keyed by language code."""
    return {
        other.locale.language_code: other
        for other in translation_group(request, page)
        if other.live and page_cache.is_public(other)
    }


def language_versions(request, page=None):
    """One entry per site language: where the switcher sends a reader of this page."""
    current = translation.get_language()
    homes = home_pages(request)
    translations = _page_translations(request, page)
    non_page_view = page is None and _is_non_wagtail_view(request)
    versions = []
    for code, _name in settings.LANGUAGES:
        target = translations.get(code)
        if target is not None:
            url = target.get_url(request)
            is_translation = True
        elif non_page_view:
            # A view of our own under i18n_patterns (search, for example) exists in every language.
            url = translate_url(request.get_full_path(), code)
            is_translation = True
        elif code in homes:
            url = homes[code].get_url(request)
            is_translation = False
        else:
            url = f"/{code}/"
            is_translation = False
        info = translation.get_language_info(code)
        versions.append(
            LanguageVersion(
                code=code,
                name_local=info["name_local"],
                url=url,
                full_url=request.build_absolute_uri(url),
                is_current=code == current,
                is_translation=is_translation,
            )
        )
    return versions


def _is_non_wagtail_view(request):
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return False
    return match.url_name not in {"wagtail_serve", None}


def absolute_url(request, page):
    """The page's absolute URL on the host the visitor used (ALLOWED_HOSTS guards it)."""
    url = page.get_url(request)
    return request.build_absolute_uri(url) if url else None


def hreflang_alternates(request, page):
    """(hreflang, absolute URL) pairs for every live translation of the page, plus x-default."""
    translations = _page_translations(request, page)
    if not translations:
        return []
    alternates = []
    for code, _name in settings.LANGUAGES:
        if code in translations:
            alternates.append((code, absolute_url(request, translations[code])))
    default = translations.get(settings.LANGUAGE_CODE) or next(iter(translations.values()))
    alternates.append(("x-default", absolute_url(request, default)))
    return alternates


def main_menu_items(request, current_page=None):
    """The live, public pages shown in menus directly under the current language's home."""

    def compute():
        home = home_page(request)
        if home is None:
            return []
        return list(home.get_children().live().public().in_menu().order_by("path"))

    items = cached_on_request(request, "main_menu", compute)
    current_path = getattr(current_page, "path", "")
    return [
        {
            "title": item.title,
            "url": item.get_url(request),
            "is_active": bool(current_path) and current_path.startswith(item.path),
        }
        for item in items
    ]
