"""Compile the interface catalogues (locale/*/LC_MESSAGES/*.po) into .mo files.

Django's `compilemessages` needs GNU gettext's msgfmt on the machine; this does the same for the
project's own catalogues with polib (already a dependency of wagtail-localize), so that a fresh
machine with only Python can run the site in four languages. Run it after editing a .po file.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

import polib


class Command(BaseCommand):
    help = "Compile the project's .po catalogues into .mo files (no gettext needed)."

    def handle(self, *args, **options):
        catalogues = sorted(
            po for folder in settings.LOCALE_PATHS for po in Path(folder).glob("*/LC_MESSAGES/*.po")
        )
        if not catalogues:
            raise CommandError("No .po catalogue found under LOCALE_PATHS.")
        for index, po_path in enumerate(catalogues, start=1):
            catalogue = polib.pofile(str(po_path))
            mo_path = po_path.with_suffix(".mo")
            catalogue.save_as_mofile(str(mo_path))
            self.stdout.write(
                f"[{index}/{len(catalogues)}] {po_path.relative_to(settings.BASE_DIR)}: "
                f"{len(catalogue.translated_entries())} translated, "
                f"{len(catalogue.untranslated_entries())} untranslated, "
                f"{len(catalogue.fuzzy_entries())} fuzzy"
            )
