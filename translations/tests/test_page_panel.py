"""The page editor shows the page's translations in a panel."""

from django.db import connection
from django.test import RequestFactory, TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from bs4 import BeautifulSoup

from home.factories import publish_translation
from translations.panels import TranslationStatusPanel

from .base import (
    build_site_with_page,
    french_page,
    make_user,
    publish_translation_target,
    start_translation,
    translate_segments,
    translator,
)


def panel_rows(response):
    """{language code: row element} of the translation panel in an editor response."""
    page = BeautifulSoup(response.content, "html.parser")
    panel = page.select_one("[data-translation-panel]")
    if panel is None:
        return None
    return {row["data-language"]: row for row in panel.select("tr[data-language]")}


def links(row):
    return {a["href"] for a in row.select("a")}


class PageTranslationPanelTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.homes, cls.page = build_site_with_page()
        # es: published and complete; pt: machine-translated in part, not published; en: none.
        cls.es = start_translation(cls.page, "es")
        translate_segments(cls.es, prefix="[es] ")
        cls.page_es = publish_translation_target(cls.es)
        cls.pt = start_translation(cls.page, "pt")
        translate_segments(cls.pt, prefix="[pt] ", translation_type="machine", only=1)
        cls.pt.save_target(publish=False)
        cls.page_pt = cls.pt.get_target_instance()
        cls.admin = make_user("admin", superuser=True)
        cls.translator = translator("pt")
        # A page with one translation only, for the query count.
        cls.other = french_page(cls.homes["fr"], "Agenda local")
        translation = start_translation(cls.other, "en")
        translate_segments(translation, prefix="[en] ")
        publish_translation_target(translation)
        # A page translated by a plain copy (no wagtail-localize synchronisation): its
        # translation opens in Wagtail's own editor.
        cls.contact = french_page(cls.homes["fr"], "Contact")
        cls.contact_es = publish_translation(cls.contact, "es")
        cls.contact_pt = publish_translation(cls.contact, "pt")

    def edit(self, page):
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        self.assertEqual(response.status_code, 200)
        return response

    def test_the_editor_shows_each_languages_state_with_its_links(self):
        self.client.force_login(self.admin)
        rows = panel_rows(self.edit(self.page))
        self.assertEqual(set(rows), {"fr", "es", "en", "pt"})
        self.assertEqual(rows["fr"]["data-status"], "original")
        self.assertEqual(rows["es"]["data-status"], "up_to_date")
        self.assertEqual(rows["en"]["data-status"], "untranslated")
        self.assertEqual(rows["pt"]["data-status"], "in_progress")

        self.assertIn(
            reverse("wagtail_localize:submit_page_translation", args=[self.page.pk])
            + "?select_locale=en",
            links(rows["en"]),
        )
        self.assertIn(reverse("wagtailadmin_pages:edit", args=[self.page_es.pk]), links(rows["es"]))
        self.assertIn(self.page_es.url, links(rows["es"]))
        # The Portuguese draft has no public address yet; it is partly machine-translated.
        self.assertEqual(
            links(rows["pt"]), {reverse("wagtailadmin_pages:edit", args=[self.page_pt.pk])}
        )
        self.assertIsNotNone(rows["pt"].select_one(".translation-status__machine"))
        self.assertIsNone(rows["es"].select_one(".translation-status__machine"))
        self.assertIn("%", rows["pt"].select_one(".translation-status__share").get_text())

    def test_the_panel_links_to_the_full_details(self):
        self.client.force_login(self.admin)
        response = self.edit(self.page)
        panel = BeautifulSoup(response.content, "html.parser").select_one(
            "[data-translation-panel]"
        )
        self.assertIn(
            reverse("translations:page_status", args=[self.page.pk]),
            {a["href"] for a in panel.select("a")},
        )

    def test_a_translator_sees_only_their_language(self):
        self.client.force_login(self.translator)
        rows = panel_rows(self.edit(self.contact_pt))
        self.assertEqual(set(rows), {"pt"})
        self.assertEqual(rows["pt"]["data-status"], "up_to_date")
        self.assertEqual(
            links(rows["pt"]),
            {reverse("wagtailadmin_pages:edit", args=[self.contact_pt.pk]), self.contact_pt.url},
        )

    def bound_panel(self, page, user):
        panel = TranslationStatusPanel().bind_to_model(type(page.specific))
        request = RequestFactory().get("/admin/")
        request.user = user
        return panel.get_bound_panel(instance=page.specific, request=request, form=None)

    def test_the_panel_is_not_shown_to_those_who_do_not_translate(self):
        communicator = make_user("communicator")
        self.assertFalse(self.bound_panel(self.page, communicator).is_shown())
        self.assertTrue(self.bound_panel(self.page, self.translator).is_shown())

    def test_the_panel_runs_a_fixed_number_of_queries(self):
        def count(page):
            bound = self.bound_panel(page, self.admin)
            with CaptureQueriesContext(connection) as queries:
                html = bound.render_html()
            self.assertIn("data-translation-panel", html)
            return len(queries)

        count(self.other)  # warm the content type and site caches
        # Two translations in different states cost no more than one.
        self.assertEqual(count(self.page), count(self.other))
