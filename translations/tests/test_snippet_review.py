"""Translatable snippets go live through the language's review, like pages."""

from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType
from django.test import TestCase
from django.urls import reverse

from wagtail.models import Locale, WorkflowContentType, WorkflowState
from wagtail_localize.models import StringSegment, Translation

from bs4 import BeautifulSoup

from home.models import SiteSettings
from repository.factories import ExperiencePageFactory, ThemeFactory
from repository.models import Method, TargetGroup, Theme
from repository.tests.base import build_repository
from repository.vocabularies import default_locale_choices
from translations.roles import reviewed_snippet_models
from translations.status import OUT_OF_DATE, UP_TO_DATE, StatusReport

from .base import (
    make_user,
    publish_translation_target,
    reviewer,
    start_translation,
    translate_segments,
    translator,
)


def card_terms(response):
    """The theme and method names on the cards of an experience listing."""
    page = BeautifulSoup(response.content, "html.parser")
    return [li.get_text(strip=True) for li in page.select(".tags li")]


class SnippetTranslationReviewTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_repository()
        cls.locales = {loc.language_code: loc for loc in Locale.objects.all()}
        cls.youth = cls.tree["themes"]["youth"]
        cls.pb = cls.tree["methods"]["pb"]
        ExperiencePageFactory(
            parent=cls.tree["indexes"]["fr"],
            title="Porto Alegre",
            themes=[cls.youth],
            methods=[cls.pb],
        )
        # A published Portuguese translation of the theme, made through wagtail-localize.
        cls.translation = start_translation(cls.youth, "pt")
        translate_segments(cls.translation)
        segment = StringSegment.objects.get(source=cls.translation.source, context__path="name")
        segment.string.translations.filter(locale=cls.locales["pt"]).update(data="Juventude")
        publish_translation_target(cls.translation)
        cls.theme_pt = Theme.objects.get(
            translation_key=cls.youth.translation_key, locale=cls.locales["pt"]
        )
        cls.translator = translator("pt")
        cls.reviewer = reviewer("pt")

    def portuguese_listing(self):
        self.client.logout()
        return card_terms(self.client.get(self.tree["indexes"]["pt"].url))

    def edit_string(self, translation, value, path="name"):
        segment = StringSegment.objects.get(source=translation.source, context__path=path)
        url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
        response = self.client.put(
            url, urlencode({"value": value}), content_type="application/x-www-form-urlencoded"
        )
        self.assertIn(response.status_code, (200, 201))

    def submit_for_review(self, translation):
        return self.client.post(reverse("translations:submit_for_review", args=[translation.pk]))

    def approve_url(self, instance):
        state = WorkflowState.objects.get(
            object_id=str(instance.pk),
            content_type=ContentType.objects.get_for_model(type(instance)),
            status=WorkflowState.STATUS_IN_PROGRESS,
        )
        return reverse(
            f"wagtailsnippets_repository_{type(instance)._meta.model_name}:workflow_action",
            args=[instance.pk, "approve", state.current_task_state.pk],
        ), state

    def test_a_translators_change_to_a_published_theme_shows_only_once_a_reviewer_approves(self):
        self.assertIn("Juventude", self.portuguese_listing())

        self.client.force_login(self.translator)
        self.edit_string(self.translation, "Jovens")
        response = self.submit_for_review(self.translation)
        self.assertEqual(response.status_code, 302)

        self.theme_pt.refresh_from_db()
        self.assertTrue(self.theme_pt.live)
        self.assertEqual(self.theme_pt.name, "Juventude")
        self.assertTrue(self.theme_pt.has_unpublished_changes)
        listing = self.portuguese_listing()
        self.assertIn("Juventude", listing)
        self.assertNotIn("Jovens", listing)

        approve_url, state = self.approve_url(self.theme_pt)
        self.assertEqual(state.workflow.name, "Translation review (pt)")
        # The translator cannot approve their own work.
        self.client.force_login(self.translator)
        self.client.post(approve_url, {"comment": ""})
        self.assertNotIn("Jovens", self.portuguese_listing())

        self.client.force_login(self.reviewer)
        self.client.post(approve_url, {"comment": ""})
        self.theme_pt.refresh_from_db()
        self.assertEqual(self.theme_pt.name, "Jovens")
        listing = self.portuguese_listing()
        self.assertIn("Jovens", listing)
        self.assertNotIn("Juventude", listing)

    def test_a_new_translation_by_a_translator_stays_hidden_until_approved(self):
        self.client.force_login(self.translator)
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                reverse(
                    "wagtail_localize:submit_snippet_translation",
                    args=["repository", "method", self.pb.pk],
                ),
                {"locales": [self.locales["pt"].pk]},
            )
        self.assertEqual(response.status_code, 302)
        method_pt = Method.objects.get(
            translation_key=self.pb.translation_key, locale=self.locales["pt"]
        )
        self.assertFalse(method_pt.live)
        translation = Translation.objects.get(
            source__object_id=self.pb.translation_key, target_locale=self.locales["pt"]
        )
        self.client.force_login(self.translator)
        self.edit_string(translation, "Orçamento participativo")
        self.submit_for_review(translation)
        # The French name is shown meanwhile (the reader's fallback), never the draft.
        listing = self.portuguese_listing()
        self.assertIn("Budget participatif", listing)
        self.assertNotIn("Orçamento participativo", listing)

        approve_url, _state = self.approve_url(method_pt)
        self.client.force_login(self.reviewer)
        self.client.post(approve_url, {"comment": ""})
        method_pt.refresh_from_db()
        self.assertTrue(method_pt.live)
        self.assertIn("Orçamento participativo", self.portuguese_listing())

    def test_a_translator_cannot_publish_a_snippet_translation_directly(self):
        self.client.force_login(self.translator)
        self.edit_string(self.translation, "Jovens")
        response = self.client.post(
            reverse("wagtailsnippets_repository_theme:edit", args=[self.theme_pt.pk]),
            {"action": "publish"},
        )
        # Wagtail's admin answers a refusal by sending back to the dashboard.
        self.assertRedirects(response, reverse("wagtailadmin_home"))
        self.theme_pt.refresh_from_db()
        self.assertEqual(self.theme_pt.name, "Juventude")
        self.assertNotIn("Jovens", self.portuguese_listing())

    def test_editors_save_drafts_and_publish_source_terms_in_the_snippet_editor(self):
        editor = make_user("editor", superuser=True)
        self.client.force_login(editor)
        url = reverse("wagtailsnippets_repository_theme:edit", args=[self.youth.pk])
        data = {"name": "Jeunes", "slug": "youth", "description": "", "parent": ""}
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 302)
        self.youth.refresh_from_db()
        self.assertEqual(self.youth.name, "Jeunesse")
        self.client.logout()
        self.assertIn("Jeunesse", card_terms(self.client.get(self.tree["indexes"]["fr"].url)))

        self.client.force_login(editor)
        response = self.client.post(url, {**data, "action-publish": "action-publish"})
        self.assertEqual(response.status_code, 302)
        self.youth.refresh_from_db()
        self.assertEqual(self.youth.name, "Jeunes")
        self.assertTrue(self.youth.live)
        self.client.logout()
        self.assertIn("Jeunes", card_terms(self.client.get(self.tree["indexes"]["fr"].url)))

    def test_a_term_a_translator_adds_in_their_language_goes_to_their_languages_review(self):
        self.client.force_login(self.translator)
        response = self.client.post(
            reverse("wagtailsnippets_repository_targetgroup:add") + "?locale=pt",
            {"name": "Idosos", "slug": "elderly", "description": "", "action-submit": "1"},
        )
        self.assertEqual(response.status_code, 302)
        group = TargetGroup.objects.get(slug="elderly")
        self.assertEqual(group.locale.language_code, "pt")
        self.assertFalse(group.live)
        state = WorkflowState.objects.get(
            object_id=str(group.pk), content_type=ContentType.objects.get_for_model(TargetGroup)
        )
        self.assertEqual(state.workflow.name, "Translation review (pt)")

    def test_a_draft_of_the_original_does_not_make_its_translation_out_of_date(self):
        def status():
            report = StatusReport(self.locales["pt"], keys=[self.youth.translation_key])
            return report.rows()[0].status

        self.assertEqual(status(), UP_TO_DATE)
        self.youth.name = "Jeunes"
        self.youth.save_revision()
        self.assertEqual(status(), UP_TO_DATE)
        self.youth.save_revision().publish()
        self.assertEqual(status(), OUT_OF_DATE)

    def test_choosers_offer_only_published_terms_of_the_default_language(self):
        draft = ThemeFactory(name="Brouillon", slug="draft", live=False)
        choices = set(Theme.objects.filter(default_locale_choices()))
        self.assertIn(self.youth, choices)
        self.assertNotIn(draft, choices)
        self.assertNotIn(self.theme_pt, choices)


class SnippetWorkflowAssignmentTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_repository()

    def test_every_translatable_snippet_model_goes_through_the_review_workflow(self):
        models = set(reviewed_snippet_models())
        self.assertTrue(
            {"theme", "method", "targetgroup", "sustainabledevelopmentgoal", "organisation"}
            | {"sitesettings"}
            <= {model._meta.model_name for model in models}
        )
        for model in models:
            assignment = WorkflowContentType.objects.get(
                content_type=ContentType.objects.get_for_model(model)
            )
            self.assertEqual(assignment.workflow.name, "Translation review (fr)")

    def test_each_row_goes_through_its_own_languages_review(self):
        for code in ("fr", "es", "pt"):
            settings = SiteSettings.objects.create(
                locale=Locale.objects.get(language_code=code), live=False
            )
            self.assertEqual(settings.get_workflow().name, f"Translation review ({code})")


class PublicSiteSettingsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_repository()
        locales = {loc.language_code: loc for loc in Locale.objects.all()}
        SiteSettings.objects.create(locale=locales["fr"], footer_text="<p>Pied de page publié</p>")
        SiteSettings.objects.create(
            locale=locales["pt"], footer_text="<p>Rodapé em revisão</p>", live=False
        )

    def test_a_language_whose_settings_are_not_published_shows_the_default_ones(self):
        response = self.client.get(self.tree["homes"]["pt"].url)
        self.assertContains(response, "Pied de page publié")
        self.assertNotContains(response, "Rodapé em revisão")
