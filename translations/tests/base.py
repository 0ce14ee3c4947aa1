"""What the translations tests share: the four-language site, a page written in French, users."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from home.factories import StandardPageFactory, build_multilingual_site
from translations.roles import reviewer_group_name, translator_group_name


def make_user(username, *group_names, superuser=False):
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password="unused-password-123"
    )
    if superuser:
        user.is_superuser = True
        user.is_staff = True
        user.save()
    for name in group_names:
        user.groups.add(Group.objects.get(name=name))
    return user


def translator(code, username=None):
    return make_user(username or f"translator-{code}", translator_group_name(code))


def reviewer(code, username=None):
    return make_user(username or f"reviewer-{code}", reviewer_group_name(code))


def build_site_with_page():
    homes = build_multilingual_site()
    page = StandardPageFactory(
        parent=homes["fr"], title="À propos", slug="a-propos", intro="Le réseau en bref."
    )
    page.save_revision().publish()
    page.refresh_from_db()
    return homes, page


def start_translation(instance, code):
    """A wagtail-localize synchronised translation of `instance` into `code` (not yet saved)."""
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    return Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code=code)
    )


def translate_segments(translation, prefix="", translation_type="manual", only=None):
    """Fill in the translation's string segments (`only` the first n of them when given)."""
    segments = (
        StringSegment.objects.filter(source=translation.source)
        .select_related("string", "context")
        .order_by("order")
    )
    if only is not None:
        segments = segments[:only]
    for segment in segments:
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            defaults={
                "data": f"{prefix}{segment.string.data}",
                "translation_type": translation_type,
                "tool_name": "DeepL" if translation_type == "machine" else "",
            },
        )


def publish_translation_target(translation):
    """Save and publish the translated object (wagtail-localize publishes on commit)."""
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):
        translation.save_target(publish=True)
    return translation.get_target_instance()


def french_page(home, title):
    """A published French standard page under `home`."""
    page = StandardPageFactory(parent=home, title=title, intro=f"Introduction de {title}.")
    page.save_revision().publish()
    page.refresh_from_db()
    return page
