import datetime

from django.test import TestCase

from wagtail.models import PageViewRestriction

from repository.factories import ExperiencePageFactory
from repository.views import related_experiences

from .base import build_repository


class RelatedExperiencesTests(TestCase):
    """The experience page's "related experiences": the live, public siblings sharing the most
    themes and methods, the most recently updated first among equals, three at most."""

    @classmethod
    def setUpTestData(cls):
        tree = build_repository()
        themes, methods = tree["themes"], tree["methods"]
        cls.fr = tree["indexes"]["fr"]

        def experience(title, updated, theme_list=(), method_list=(), parent=None):
            return ExperiencePageFactory(
                parent=parent or cls.fr,
                title=title,
                themes=list(theme_list),
                methods=list(method_list),
                last_updated=datetime.date(2024, 1, updated),
            )

        cls.page = experience(
            "Porto Alegre",
            1,
            [themes["budgets"], themes["youth"]],
            [methods["pb"]],
        )
        experience("All three", 2, [themes["budgets"], themes["youth"]], [methods["pb"]])
        experience("Two, older", 3, [themes["budgets"]], [methods["pb"]])
        experience("Two, newer", 9, [themes["youth"]], [methods["pb"]])
        experience("One, newest", 20, [themes["budgets"]])
        experience("Nothing shared", 25, [themes["governance"]], [methods["assembly"]])
        draft = experience("Draft", 26, [themes["budgets"], themes["youth"]], [methods["pb"]])
        draft.unpublish()
        private = experience("Private", 27, [themes["budgets"], themes["youth"]], [methods["pb"]])
        PageViewRestriction.objects.create(
            page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
        )
        experience(
            "Other index",
            28,
            [themes["budgets"], themes["youth"]],
            [methods["pb"]],
            parent=tree["indexes"]["es"],
        )
        cls.themes, cls.methods = themes, methods

    def titles(self, theme_ids, method_ids, count=3):
        return [page.title for page in related_experiences(self.page, theme_ids, method_ids, count)]

    def test_most_shared_first_then_most_recently_updated(self):
        theme_ids = [self.themes["budgets"].pk, self.themes["youth"].pk]
        method_ids = [self.methods["pb"].pk]
        self.assertEqual(
            self.titles(theme_ids, method_ids), ["All three", "Two, newer", "Two, older"]
        )
        self.assertEqual(
            self.titles(theme_ids, method_ids, count=10),
            ["All three", "Two, newer", "Two, older", "One, newest"],
        )

    def test_themes_only_methods_only_and_nothing(self):
        self.assertEqual(
            self.titles([self.themes["youth"].pk], [], count=10), ["Two, newer", "All three"]
        )
        self.assertEqual(
            self.titles([], [self.methods["assembly"].pk], count=10), ["Nothing shared"]
        )
        self.assertEqual(self.titles([], []), [])

    def test_the_related_pages_are_full_pages_with_their_addresses(self):
        related = related_experiences(self.page, [self.themes["budgets"].pk], [])
        self.assertEqual(related[0].url, f"/fr/experiences/{related[0].slug}/")
        self.assertEqual(related[0].country.code, "BR")

    def test_a_change_is_seen_at_once_though_the_sibling_terms_are_kept(self):
        theme_ids = [self.themes["budgets"].pk, self.themes["youth"].pk]
        method_ids = [self.methods["pb"].pk]
        self.assertEqual(self.titles(theme_ids, method_ids, count=1), ["All three"])
        newest = ExperiencePageFactory(
            parent=self.fr,
            title="Newest of all",
            themes=[self.themes["budgets"], self.themes["youth"]],
            methods=[self.methods["pb"]],
            last_updated=datetime.date(2024, 2, 1),
        )
        self.assertEqual(self.titles(theme_ids, method_ids, count=1), ["Newest of all"])
        PageViewRestriction.objects.create(
            page=newest, restriction_type=PageViewRestriction.PASSWORD, password="secret"
        )
        self.assertEqual(self.titles(theme_ids, method_ids, count=1), ["All three"])

    def test_the_terms_are_read_once_per_content_change(self):
        theme_ids = [self.themes["budgets"].pk]
        related_experiences(self.page, theme_ids, [])
        with self.assertNumQueries(1):  # the pages shown only
            related_experiences(self.page, theme_ids, [])
