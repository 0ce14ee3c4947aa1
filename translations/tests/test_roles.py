"""A language's translators work in their language only, and their work is reviewed."""

from django.contrib.auth.models import Group
from django.test import TestCase
from django.urls import reverse

from wagtail.models import GroupPagePermission, Locale, Page, WorkflowState

from repository.factories import ThemeFactory
from translations.roles import reviewer_group_name, translator_group_name

from .base import build_site_with_page, make_user, reviewer, translator


class TranslatorRolesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.homes, cls.page = build_site_with_page()
        cls.locales = {loc.language_code: loc for loc in Locale.objects.all()}
        cls.translator = translator("pt")
        cls.reviewer = reviewer("pt")
        cls.theme_fr = ThemeFactory(name="Jeunesse", slug="youth")
        cls.theme_pt = cls.theme_fr.copy_for_translation(cls.locales["pt"])
        cls.theme_pt.name = "Juventude"
        cls.theme_pt.save()

    def setUp(self):
        self.client.force_login(self.translator)

    def submit(self, code):
        return self.client.post(
            reverse("wagtail_localize:submit_page_translation", args=[self.page.pk]),
            {"locales": [self.locales[code].pk]},
        )

    def test_every_language_has_its_translators_and_reviewers_on_its_own_tree(self):
        for code, home in self.homes.items():
            translators = Group.objects.get(name=translator_group_name(code))
            codenames = set(
                GroupPagePermission.objects.filter(group=translators).values_list(
                    "permission__codename", flat=True
                )
            )
            self.assertEqual(codenames, {"add_page", "change_page"})
            granted = GroupPagePermission.objects.filter(group=translators)
            self.assertIn(home.pk, set(granted.values_list("page_id", flat=True)))
            self.assertEqual(
                set(granted.values_list("page__locale__language_code", flat=True)), {code}
            )
            reviewers = Group.objects.get(name=reviewer_group_name(code))
            self.assertTrue(
                GroupPagePermission.objects.filter(
                    group=reviewers, page=home, permission__codename="publish_page"
                ).exists()
            )
            self.assertEqual(home.get_workflow().name, f"Translation review ({code})")

    def test_pt_translator_cannot_open_or_save_the_french_original(self):
        edit_url = reverse("wagtailadmin_pages:edit", args=[self.page.pk])
        response = self.client.get(edit_url)
        self.assertRedirects(response, reverse("wagtailadmin_home"))
        response = self.client.post(
            edit_url, {"title": "Piraté", "slug": "a-propos", "intro": "Piraté"}
        )
        self.assertNotEqual(response.status_code, 200)
        self.page.refresh_from_db()
        self.assertEqual(self.page.title, "À propos")
        self.assertEqual(self.page.get_latest_revision().content["title"], "À propos")

    def test_pt_translator_cannot_publish_the_french_original(self):
        response = self.client.post(
            reverse("wagtailadmin_pages:edit", args=[self.page.pk]),
            {
                "title": "Publié",
                "slug": "a-propos",
                "intro": "x",
                "action-publish": "action-publish",
            },
        )
        self.assertNotEqual(response.status_code, 200)
        self.page.refresh_from_db()
        self.assertEqual(self.page.title, "À propos")
        response = self.client.post(reverse("wagtailadmin_pages:unpublish", args=[self.page.pk]))
        self.page.refresh_from_db()
        self.assertTrue(self.page.live)

    def test_pt_translator_cannot_create_a_spanish_translation(self):
        response = self.submit("es")
        self.assertEqual(response.status_code, 200)
        self.assertFalse(
            Page.objects.filter(
                translation_key=self.page.translation_key, locale=self.locales["es"]
            ).exists()
        )
        # The form offers Portuguese only.
        response = self.client.get(
            reverse("wagtail_localize:submit_page_translation", args=[self.page.pk])
        )
        self.assertEqual(
            list(response.context["form"].fields["locales"].queryset), [self.locales["pt"]]
        )

    def test_pt_translator_creates_and_edits_the_portuguese_translation_without_publishing(self):
        response = self.submit("pt")
        self.assertEqual(response.status_code, 302)
        translated = Page.objects.get(
            translation_key=self.page.translation_key, locale=self.locales["pt"]
        )
        self.assertFalse(translated.live)
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[translated.pk]))
        self.assertEqual(response.status_code, 200)
        self.assertFalse(translated.permissions_for_user(self.translator).can_publish())

    def test_a_new_translation_stays_a_draft_once_the_transaction_commits(self):
        # wagtail-localize would publish a translation of a live page on commit.
        with self.captureOnCommitCallbacks(execute=True):
            self.submit("pt")
        translated = Page.objects.get(
            translation_key=self.page.translation_key, locale=self.locales["pt"]
        )
        self.assertFalse(translated.live)

    def test_translation_goes_live_after_the_reviewer_approves(self):
        self.submit("pt")
        translated = Page.objects.get(
            translation_key=self.page.translation_key, locale=self.locales["pt"]
        ).specific
        from wagtail_localize.models import Translation

        translation = Translation.objects.get(
            source__object_id=self.page.translation_key, target_locale=self.locales["pt"]
        )
        response = self.client.post(
            reverse("translations:submit_for_review", args=[translation.pk])
        )
        self.assertEqual(response.status_code, 302)
        state = WorkflowState.objects.get(object_id=str(translated.pk))
        self.assertEqual(state.status, WorkflowState.STATUS_IN_PROGRESS)
        self.assertEqual(state.workflow.name, "Translation review (pt)")
        translated.refresh_from_db()
        self.assertFalse(translated.live)

        # The translator cannot approve; the Portuguese reviewer can.
        task_state = state.current_task_state
        approve_url = reverse(
            "wagtailadmin_pages:workflow_action", args=[translated.pk, "approve", task_state.pk]
        )
        self.client.post(approve_url, {"comment": ""})
        translated.refresh_from_db()
        self.assertFalse(translated.live)
        self.client.force_login(self.reviewer)
        self.client.post(approve_url, {"comment": ""})
        translated.refresh_from_db()
        self.assertTrue(translated.live)

    def test_pt_translator_edits_portuguese_snippets_only(self):
        def edit_url(obj):
            return reverse("wagtailsnippets_repository_theme:edit", args=[obj.pk])

        self.assertEqual(self.client.get(edit_url(self.theme_pt)).status_code, 200)
        response = self.client.get(edit_url(self.theme_fr))
        self.assertRedirects(response, reverse("wagtailadmin_home"))
        response = self.client.post(edit_url(self.theme_fr), {"name": "Piraté", "slug": "youth"})
        self.theme_fr.refresh_from_db()
        self.assertEqual(self.theme_fr.name, "Jeunesse")
        create_url = reverse("wagtailsnippets_repository_theme:add")
        response = self.client.get(create_url + "?locale=es")
        self.assertRedirects(response, reverse("wagtailadmin_home"))
        response = self.client.post(
            reverse(
                "wagtail_localize:submit_snippet_translation",
                args=["repository", "theme", self.theme_fr.pk],
            ),
            {"locales": [self.locales["es"].pk]},
        )
        self.assertFalse(
            type(self.theme_fr)
            .objects.filter(
                translation_key=self.theme_fr.translation_key, locale=self.locales["es"]
            )
            .exists()
        )

    def test_editors_keep_every_language(self):
        editor = make_user("editor", superuser=True)
        self.client.force_login(editor)
        response = self.client.get(
            reverse("wagtail_localize:submit_page_translation", args=[self.page.pk])
        )
        self.assertEqual(
            set(response.context["form"].fields["locales"].queryset),
            {self.locales["es"], self.locales["en"], self.locales["pt"]},
        )
