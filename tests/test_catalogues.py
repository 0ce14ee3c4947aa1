"""The interface catalogues of the translated languages are complete."""

from django.conf import settings
from django.test import SimpleTestCase

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
