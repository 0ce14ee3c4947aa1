"""The interface catalogues of the translated languages are complete."""

from django.conf import settings
from django.test import SimpleTestCase
from django.utils import translation
from django.utils.translation import ngettext

import polib


class CatalogueTests(SimpleTestCase):
    def test_fr_es_pt_catalogues_have_no_untranslated_or_fuzzy_string(self):
        for code in ("fr", "es", "pt"):
            with self.subTest(language=code):
                path = settings.BASE_DIR / "locale" / code / "LC_MESSAGES" / "django.po"
                catalogue = polib.pofile(str(path))
                untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
                fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
                self.assertEqual(untranslated, [], f"untranslated in {code}")
                self.assertEqual(fuzzy, [], f"fuzzy in {code}")
                self.assertGreater(len(catalogue.translated_entries()), 0)

    def test_plural_entries_have_every_form_the_language_declares(self):
        for code in ("fr", "es", "pt"):
            with self.subTest(language=code):
                path = settings.BASE_DIR / "locale" / code / "LC_MESSAGES" / "django.po"
                catalogue = polib.pofile(str(path))
                forms = int(catalogue.metadata["Plural-Forms"].split("nplurals=")[1].split(";")[0])
                short = [
                    entry.msgid
                    for entry in catalogue
                    if entry.msgid_plural and not entry.obsolete
                    if sorted(entry.msgstr_plural) != list(range(forms))
                    or not all(entry.msgstr_plural.values())
                ]
                self.assertEqual(short, [], f"plural entries missing a form in {code}")

    def test_spanish_plural_is_used_for_several_items(self):
        with translation.override("es"):
            several = ngettext(
                "%(counter)s candidate has feedback not sent yet.",
                "%(counter)s candidates have feedback not sent yet.",
                5,
            )
        self.assertEqual(several, "%(counter)s candidatos tienen una valoración aún no enviada.")
