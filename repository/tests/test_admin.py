from django.contrib.auth import get_user_model
from django.test import TestCase

from bs4 import BeautifulSoup

from repository.factories import ExperiencePageFactory
from repository.models import ExperiencePage
from repository.vocabularies import SustainableDevelopmentGoal

from .base import build_repository


class AdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_repository()
        cls.page = ExperiencePageFactory(parent=cls.tree["indexes"]["fr"], title="Porto Alegre")
        cls.user = get_user_model().objects.create_superuser("admin", "admin@example.org", "x")

    def setUp(self):
        self.client.force_login(self.user)

    def test_the_experience_editor_has_tabs_a_communicator_understands(self):
        response = self.client.get(f"/admin/pages/{self.page.pk}/edit/")
        self.assertEqual(response.status_code, 200)
        # The admin speaks the site's default language (French) to a user without a preference.
        tabs = [
            tab.get_text(" ", strip=True).split(" (")[0]
            for tab in BeautifulSoup(response.content, "html.parser").select("[role=tab]")
        ]
        self.assertEqual(
            tabs,
            [
                "Aperçu",
                "Faits",
                "Acteurs",
                "Récit",
                "Chronologie",
                "Ressources",
                "Relecture",
                "Promotion",
            ],
        )

    def test_an_experience_can_be_added_under_the_index(self):
        index = self.tree["indexes"]["fr"]
        response = self.client.get(f"/admin/pages/add/repository/experiencepage/{index.pk}/")
        self.assertEqual(response.status_code, 200)

    def test_the_index_can_be_added_under_a_home(self):
        self.assertIn(
            ExperiencePage._meta.app_label + ".experienceindexpage",
            [
                f"{m._meta.app_label}.{m._meta.model_name}"
                for m in self.tree["homes"]["fr"].specific_class.creatable_subpage_models()
            ],
        )

    def test_the_vocabularies_are_listed_in_the_admin(self):
        for model in [
            "theme",
            "method",
            "targetgroup",
            "sustainabledevelopmentgoal",
            "organisation",
        ]:
            with self.subTest(model=model):
                response = self.client.get(f"/admin/snippets/repository/{model}/")
                self.assertEqual(response.status_code, 200)

    def test_the_17_goals_exist_in_the_four_languages_sharing_their_keys(self):
        goals = SustainableDevelopmentGoal.objects.select_related("locale")
        self.assertEqual(goals.count(), 17 * 4)
        for number in range(1, 18):
            rows = [g for g in goals if g.number == number]
            self.assertEqual({g.locale.language_code for g in rows}, {"fr", "es", "en", "pt"})
            self.assertEqual(len({g.translation_key for g in rows}), 1)
        self.assertEqual(
            goals.get(number=16, locale__language_code="es").name,
            "Paz, justicia e instituciones sólidas",
        )
