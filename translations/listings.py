"""Listings that show untranslated items in their original language instead of hiding them.

An index page exists in every language, but its items may not: an experience written in
Portuguese and not yet translated into French is still listed on the French index, in
Portuguese, marked as such, rather than missing or leading to a 404.
"""

from django.db.models import Exists, OuterRef, Q, Subquery
from django.db.models.functions import Substr

from wagtail.models import Page
from wagtail_localize.models import TranslationSource


def is_original():
    """The page is the one its translations come from.

    That is the page wagtail-localize extracted its source from, or, for pages translated as
    plain copies (no source recorded), the oldest page of its translation group.
    """
    sources = TranslationSource.objects.filter(object_id=OuterRef("translation_key"))
    oldest = (
        Page.objects.filter(translation_key=OuterRef("translation_key"))
        .order_by("pk")
        .values("pk")[:1]
    )
    return Exists(sources.filter(locale_id=OuterRef("locale_id"))) | (
        ~Exists(sources) & Q(pk=Subquery(oldest))
    )


def listed_in(index, with_originals=True):
    """A filter for the items an index lists: its own children, plus the untranslated ones.

    With `with_originals=False`, only its own children in its own language (feeds and
    calendars of one language, for instance).

    The untranslated ones are the originals, under the index's translation in another
    language, of items that have no live page in the index's language. One filter, evaluated
    in the database: the number of queries of a listing does not change.
    """
    own = Q(path__startswith=index.path, depth=index.depth + 1, locale_id=index.locale_id)
    if not with_originals:
        return own
    under_a_translation = Exists(
        Page.objects.filter(
            translation_key=index.translation_key,
            path=Substr(OuterRef("path"), 1, len(index.path)),
        )
    )
    translated_here = Exists(
        Page.objects.filter(
            translation_key=OuterRef("translation_key"),
            locale_id=index.locale_id,
            live=True,
        )
    )
    others = (
        Q(depth=index.depth + 1, alias_of__isnull=True)
        & ~Q(locale_id=index.locale_id)
        & Q(under_a_translation)
        & ~Q(translated_here)
        & is_original()
    )
    return own | others


def with_untranslated_originals(queryset, index):
    """`queryset` (live pages of a type) limited to what `index` lists, with their locales."""
    return queryset.filter(listed_in(index)).select_related("locale")
