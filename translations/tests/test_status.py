"""The status view sorts every page and snippet of a language into its four states."""

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import Locale

from repository.factories import ThemeFactory
from translations.status import IN_PROGRESS, OUT_OF_DATE, UNTRANSLATED, UP_TO_DATE

from .base import (
    build_site_with_page,
    french_page,
    make_user,
    publish_translation_target,
    start_translation,
    translate_segments,
    translator,
)


class StatusViewTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.homes, cls.untranslated = build_site_with_page()
        home = cls.homes["fr"]
        cls.in_progress = french_page(home, "Agenda local")
        translation = start_translation(cls.in_progress, "pt")
        translate_segments(translation, prefix="[pt] ", only=1)
        publish_translation_target(translation)

        cls.up_to_date = french_page(home, "Mentions légales")
        translation = start_translation(cls.up_to_date, "pt")
        translate_segments(translation, prefix="[pt] ")
        publish_translation_target(translation)

        cls.out_of_date = french_page(home, "Contact")
        translation = start_translation(cls.out_of_date, "pt")
        translate_segments(translation, prefix="[pt] ")
        publish_translation_target(translation)
        cls.out_of_date.intro = "Une nouvelle introduction."
        cls.out_of_date.save_revision().publish()

        cls.theme = ThemeFactory(name="Gouvernance", slug="governance")
        cls.admin = make_user("admin", superuser=True)

    def rows(self, **query):
        response = self.client.get(reverse("translations:status"), {"locale": "pt", **query})
        self.assertEqual(response.status_code, 200)
        return {row.title: row for row in response.context["page_obj"].object_list}, response

    def test_each_page_is_in_its_state(self):
        self.client.force_login(self.admin)
        rows, response = self.rows()
        self.assertEqual(rows["À propos"].status, UNTRANSLATED)
        self.assertEqual(rows["Agenda local"].status, IN_PROGRESS)
        self.assertEqual(rows["Mentions légales"].status, UP_TO_DATE)
        self.assertEqual(rows["Contact"].status, OUT_OF_DATE)
        self.assertEqual(rows["Gouvernance"].kind, "snippet")
        self.assertEqual(rows["Gouvernance"].status, UNTRANSLATED)

        in_progress = rows["Agenda local"]
        self.assertEqual(in_progress.done_segments, 1)
        self.assertGreater(in_progress.total_segments, 1)
        # The admin speaks French to a user without a preference (the default language).
        self.assertContains(response, f"segments traduits : 1 sur {in_progress.total_segments}")

        # Each row links to what to do next.
        self.assertIn(
            reverse("wagtail_localize:submit_page_translation", args=[self.untranslated.pk]),
            rows["À propos"].urls["translate"],
        )
        self.assertContains(response, rows["À propos"].urls["translate"].replace("&", "&amp;"))
        self.assertIn("update", rows["Contact"].urls)
        self.assertEqual(
            rows["Mentions légales"].urls["edit"],
            reverse("wagtailadmin_pages:edit", args=[rows["Mentions légales"].target_pk]),
        )

    def test_syncing_then_translating_the_change_brings_it_up_to_date(self):
        from wagtail_localize.models import Translation, TranslationSource

        self.client.force_login(self.admin)
        TranslationSource.update_or_create_from_instance(self.out_of_date)
        translation = Translation.objects.get(
            source__object_id=self.out_of_date.translation_key,
            target_locale__language_code="pt",
        )
        publish_translation_target(translation)
        rows, _response = self.rows()
        # The new introduction waits for its translation.
        self.assertEqual(rows["Contact"].status, IN_PROGRESS)
        translate_segments(translation, prefix="[pt] ")
        publish_translation_target(translation)
        rows, _response = self.rows()
        self.assertEqual(rows["Contact"].status, UP_TO_DATE)

    def test_filters_by_type_and_status(self):
        self.client.force_login(self.admin)
        rows, response = self.rows(status=UP_TO_DATE)
        self.assertIn("Mentions légales", rows)
        self.assertFalse({"À propos", "Agenda local", "Contact"} & set(rows))
        self.assertEqual({row.status for row in rows.values()}, {UP_TO_DATE})
        theme_type = next(key for key, label in response.context["types"] if "theme" in key)
        rows, _response = self.rows(type=theme_type)
        self.assertEqual(set(rows), {"Gouvernance"})

    def test_the_number_of_queries_does_not_grow_with_the_pages(self):
        self.client.force_login(self.admin)
        url = reverse("translations:status") + "?locale=pt"
        self.client.get(url)
        with CaptureQueriesContext(connection) as before:
            self.client.get(url)
        for number in range(6):
            page = french_page(self.homes["fr"], f"Page {number}")
            translation = start_translation(page, "pt")
            translate_segments(translation, prefix="[pt] ", only=1)
            publish_translation_target(translation)
        self.client.get(url)  # as before: what is kept per content change is read again once
        with CaptureQueriesContext(connection) as after:
            self.client.get(url)
        self.assertEqual(len(after), len(before))

    def test_a_translator_sees_their_language_only(self):
        self.client.force_login(translator("es"))
        response = self.client.get(reverse("translations:status"), {"locale": "pt"})
        self.assertEqual(response.context["locale"], Locale.objects.get(language_code="es"))
        self.assertEqual([loc.language_code for loc in response.context["locales"]], ["es"])

    def test_per_page_summary_shows_every_language(self):
        self.client.force_login(self.admin)
        response = self.client.get(reverse("translations:page_status", args=[self.up_to_date.pk]))
        states = {
            entry["locale"].language_code: entry["row"].status if entry["row"] else "original"
            for entry in response.context["entries"]
        }
        self.assertEqual(
            states, {"fr": "original", "pt": UP_TO_DATE, "es": UNTRANSLATED, "en": UNTRANSLATED}
        )

    def test_people_without_translation_rights_are_turned_away(self):
        self.client.force_login(make_user("reader"))
        response = self.client.get(reverse("translations:status"))
        self.assertNotEqual(response.status_code, 200)
