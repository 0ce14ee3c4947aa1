"""Machine translation from the environment, and the PO round trip of external translators."""

import os
import runpy
from unittest import mock

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase, override_settings
from django.urls import reverse

from wagtail.models import Page
from wagtail_localize.models import StringTranslation

import polib

from .base import (
    build_site_with_page,
    make_user,
    publish_translation_target,
    start_translation,
    translator,
)

DEEPL = {
    "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
    "OPTIONS": {"AUTH_KEY": "test-key:fx"},
}


def base_settings(**environ):
    path = settings.BASE_DIR / "oidp" / "settings" / "base.py"
    with mock.patch.dict(os.environ, environ, clear=False):
        if "DEEPL_API_KEY" not in environ:
            os.environ.pop("DEEPL_API_KEY", None)
        return runpy.run_path(str(path))


class MachineTranslationSettingTests(TestCase):
    def test_deepl_is_configured_only_with_a_key(self):
        self.assertNotIn("WAGTAILLOCALIZE_MACHINE_TRANSLATOR", base_settings())
        configured = base_settings(DEEPL_API_KEY="secret:fx")
        self.assertEqual(
            configured["WAGTAILLOCALIZE_MACHINE_TRANSLATOR"],
            {
                "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
                "OPTIONS": {"AUTH_KEY": "secret:fx"},
            },
        )


class TranslationEditorTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.homes, cls.page = build_site_with_page()
        cls.translation = start_translation(cls.page, "pt")
        publish_translation_target(cls.translation)
        cls.target = Page.objects.get(
            translation_key=cls.page.translation_key, locale__language_code="pt"
        )
        cls.translator = translator("pt")

    def editor_props(self):
        import json

        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[self.target.pk]))
        self.assertEqual(response.status_code, 200)
        return json.loads(response.context["props"])

    @override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=None)
    def test_without_a_key_no_machine_translation_is_offered(self):
        self.client.force_login(self.translator)
        self.assertIsNone(self.editor_props()["machineTranslator"])
        response = self.client.post(
            reverse("wagtail_localize:machine_translate", args=[self.translation.pk])
        )
        self.assertNotEqual(response.status_code, 200)
        self.assertFalse(
            StringTranslation.objects.filter(
                translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE
            ).exists()
        )

    @override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=DEEPL)
    def test_with_deepl_the_editor_offers_it(self):
        self.client.force_login(self.translator)
        self.assertEqual(self.editor_props()["machineTranslator"]["name"], "DeepL")

    def test_po_download_and_upload_round_trip(self):
        self.client.force_login(self.translator)
        response = self.client.get(
            reverse("wagtail_localize:download_pofile", args=[self.translation.pk])
        )
        self.assertEqual(response.status_code, 200)
        po = polib.pofile(response.content.decode())
        self.assertIn("À propos", [entry.msgid for entry in po])
        for entry in po:
            entry.msgstr = {"À propos": "Sobre nós"}.get(entry.msgid, f"[pt] {entry.msgid}")
        upload = SimpleUploadedFile("a-propos-pt.po", str(po).encode(), "text/x-gettext")
        response = self.client.post(
            reverse("wagtail_localize:upload_pofile", args=[self.translation.pk]),
            {"file": upload, "next": "/admin/"},
        )
        self.assertRedirects(response, "/admin/", fetch_redirect_response=False)
        self.assertEqual(self.translation.get_progress()[0], self.translation.get_progress()[1])
        # A reviewer publishes it; the page reads the uploaded translation.
        publish_translation_target(self.translation)
        self.target.refresh_from_db()
        self.assertEqual(self.target.title, "Sobre nós")

    def test_a_translator_of_another_language_cannot_use_the_po_files(self):
        self.client.force_login(translator("es"))
        response = self.client.get(
            reverse("wagtail_localize:download_pofile", args=[self.translation.pk])
        )
        self.assertNotEqual(response.status_code, 200)
        self.assertNotIn(b"msgid", response.content)
        self.client.force_login(make_user("admin", superuser=True))
        response = self.client.get(
            reverse("wagtail_localize:download_pofile", args=[self.translation.pk])
        )
        self.assertEqual(response.status_code, 200)
