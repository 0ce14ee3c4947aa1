"""What readers are told about the language of what they read."""

from django import template
from django.db.models import F
from django.utils.translation import get_language, get_language_info

from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

register = template.Library()


def language_name(code):
    """The language's name in the reader's interface language."""
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return code


@register.simple_tag(takes_context=True)
def original_language_notice(context, page=None):
    """The original of a translated page, and whether its text is an unreviewed machine translation.

    Returns None on an original (or anything that is not a page).
    """
    page = page or context.get("page")
    if not isinstance(page, Page) or page.translation_key is None:
        return None
    sources = list(
        TranslationSource.objects.filter(object_id=page.translation_key)
        .exclude(locale_id=page.locale_id)
        .defer("content_json")
        .order_by("created_at", "pk")
    )
    own_source = TranslationSource.objects.filter(
        object_id=page.translation_key, locale_id=page.locale_id
    ).exists()
    group = list(
        Page.objects.filter(translation_key=page.translation_key, alias_of__isnull=True)
        .order_by("pk")
        .select_related("locale")
        .only("pk", "locale", "live", "url_path", "translation_key")
    )
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
    request = context.get("request")
    return {
        "code": original.locale.language_code,
        "name": language_name(original.locale.language_code),
        "url": original.get_url(request) if original.live else "",
        "machine": machine,
    }


def _locale_codes(context):
    """The language code of every locale, read once per request."""
    holder = context.get("request") or context.render_context
    codes = getattr(holder, "_translation_locale_codes", None)
    if codes is None:
        codes = dict(Locale.objects.values_list("pk", "language_code"))
        holder._translation_locale_codes = codes
    return codes


@register.simple_tag(takes_context=True)
def other_language(context, item):
    """The language code of `item` when it is not the reader's language (an untranslated item)."""
    locale_id = getattr(item, "locale_id", None)
    if locale_id is None:
        return ""
    code = _locale_codes(context).get(locale_id, "")
    return "" if code == get_language() else code
