"""Tools shared by the apps' demo seeders (`<app>/demo.py`, run by `manage.py seed_demo`).

Demo translations go through wagtail-localize exactly as a translator's work would: a
translation source, a translation record per language, the strings imported as a PO file,
then the target saved. Translators therefore see demo pages as managed translations.
"""

import html

from django.db import transaction
from django.test.utils import override_settings
from django.utils.html import format_html

from wagtail.models import Locale, Page
from wagtail.rich_text import RichText
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator


class Progress:
    """Prints `[done/total] message` lines so that long seeding runs show where they are."""

    def __init__(self, stdout, total, label):
        self.stdout = stdout
        self.total = total
        self.label = label
        self.done = 0

    def step(self, message):
        self.done += 1
        self.stdout.write(f"  {self.label} [{self.done}/{self.total}] {message}")


def ensure_locales(language_codes):
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in language_codes}


def paragraph(text):
    return RichText(format_html("<p>{}</p>", text))


def _normalise(text):
    text = html.unescape(str(text)).replace("<br/>", "\n").replace("<br>", "\n")
    return " ".join(text.split())


def translate(instance, locale, strings):
    """Create (once) the translation of `instance` into `locale` through wagtail-localize.

    `strings` maps source strings to their translations; segments without a translation keep
    the source text (wagtail-localize's fallback) and are returned so callers can report them.
    Returns (translated instance, created, untranslated source strings).
    """
    existing = instance.get_translation_or_none(locale)
    if existing is not None:
        return existing, False, []

    lookup = {_normalise(source): target for source, target in strings.items()}
    # A translated slug is not a moved page: no automatic redirect from the source slug.
    with override_settings(WAGTAILREDIRECTS_AUTO_CREATE=False), transaction.atomic():
        TranslationCreator(user=None, target_locales=[locale]).create_translations(
            instance, include_related_objects=False
        )
        source = TranslationSource.objects.get(
            object_id=instance.translation_key, locale_id=instance.locale_id
        )
        translation = Translation.objects.get(source=source, target_locale=locale)
        po = translation.export_po()
        missing = []
        for entry in po:
            target = lookup.get(_normalise(entry.msgid))
            if target is None and entry.msgid.strip() == "":
                continue
            if target is not None and "<br/>" in entry.msgid:
                # Multi-line text reaches translators with its line breaks as <br/>.
                target = target.replace("\n", "<br/>")
            if target is None:
                missing.append(entry.msgid)
            else:
                entry.msgstr = target
        translation.import_po(po)
        translation.save_target(publish=True)
    translated = instance.get_translation(locale)
    if isinstance(translated, Page):
        translated = translated.specific
    return translated, True, missing


def paired_strings(source_fields, target_fields, keys):
    """Pair the strings of two parallel content dicts: the fields in `keys`, then the body."""
    pairs = {}
    for key in keys:
        if source_fields.get(key) and target_fields.get(key):
            pairs[source_fields[key]] = target_fields[key]
    for source_block, target_block in zip(
        source_fields.get("body", []), target_fields.get("body", []), strict=True
    ):
        for source_text, target_text in zip(source_block[1:], target_block[1:], strict=True):
            pairs[source_text] = target_text
    return pairs
