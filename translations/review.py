"""Saving a translation for review, without touching what the public sees.

wagtail-localize's `Translation.save_target(publish=False)` writes the translated content
into the target's row and marks it not live: right for a translation never published (it
stays hidden), wrong for a published snippet translation, which would disappear from the
public site until the review ends. A published snippet translation gets its new content as a
revision instead, as Wagtail's own "Save draft" does, and the row keeps the published text.
"""

from django.db import transaction

from wagtail.models import DraftStateMixin, Page
from wagtail_localize.fields import copy_synchronised_fields
from wagtail_localize.models import Translation
from wagtail_localize.segments.ingest import ingest_segments


def save_draft(translation: Translation, user):
    """Save the translation's current strings as the latest revision of its target.

    Returns the target instance. Raises the target model's `DoesNotExist` when the
    translation has no target yet, and `ValidationError` when the content is invalid.
    """
    target = translation.get_target_instance()
    if isinstance(target, Page) or not isinstance(target, DraftStateMixin) or not target.live:
        translation.save_target(user=user, publish=False)
        return translation.get_target_instance()
    source = translation.source
    original = source.as_instance()
    segments = source._get_segments_for_translation(translation.target_locale, fallback=True)
    with transaction.atomic():
        copy_synchronised_fields(original, target)
        ingest_segments(original, target, source.locale, translation.target_locale, segments)
        target.save_revision(user=user)
    return target
