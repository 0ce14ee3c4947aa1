"""What readers are told about the language of what they read."""

from django import template
from django.db.models import F
from django.utils.translation import get_language, get_language_info

from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from home import navigation
from home.page_cache import generation_memo

register = template.Library()


def language_name(code):
    """The language's name in the reader's interface language."""
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return code


def translated_keys():
    """The translation keys of everything wagtail-localize has a source for. Starting a
    translation creates a page or a snippet (a new content generation), so this is kept like
    the other memos (home/page_cache.py) and most originals need no query here."""
    return generation_memo(
        "translations:source_keys",
        lambda: frozenset(TranslationSource.objects.values_list("object_id", flat=True)),
    )


@register.simple_tag(takes_context=True)
def original_language_notice(context, page=None):
    """The original of a translated page, and whether its text is an unreviewed machine translation.

    Returns None on an original (or anything that is not a page).
    """
    page = page or context.get("page")
    if not isinstance(page, Page) or page.translation_key is None:
        return None
    every_source = []
    if page.translation_key in translated_keys():
        every_source = list(
            TranslationSource.objects.filter(object_id=page.translation_key)
            .defer("content_json")
            .order_by("created_at", "pk")
        )
    sources = [source for source in every_source if source.locale_id != page.locale_id]
    own_source = len(sources) < len(every_source)
    request = context.get("request")
    group = [
        other for other in navigation.translation_group(request, page) if other.alias_of_id is None
    ]
    by_locale = {other.locale_id: other for other in group}
    original = None
    if sources and not own_source:
        original = by_locale.get(sources[0].locale_id)
    elif not sources and not own_source and group and group[0].pk != page.pk:
        original = group[0]  # a plain copy: the oldest page is the original
    if original is None or original.locale_id == page.locale_id:
        return None

    machine = bool(sources) and (
        StringSegment.objects.filter(
            source=sources[0],
            string__translations__locale_id=page.locale_id,
            string__translations__context_id=F("context_id"),
            string__translations__translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
        ).exists()
    )
    return {
        "code": original.locale.language_code,
        "name": language_name(original.locale.language_code),
        "url": original.get_url(request) if original.live else "",
        "machine": machine,
    }


@register.simple_tag(takes_context=True)
def other_language(context, item):
    """The language code of `item` when it is not the reader's language (an untranslated item)."""
    locale_id = getattr(item, "locale_id", None)
    if locale_id is None:
        return ""
    code = navigation.language_of(item)
    return "" if code == get_language() else code
