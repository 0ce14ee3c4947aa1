from django.http import Http404
from django.test import RequestFactory, TestCase

from repository.factories import ExperiencePageFactory
from repository.models import ExperiencePage

from .base import build_repository


class SingleChildTypeRoutingTests(TestCase):
    """An index reads its child as an experience page in one query (Wagtail reads it twice)."""

    @classmethod
    def setUpTestData(cls):
        tree = build_repository()
        cls.index = tree["indexes"]["fr"]
        cls.page = ExperiencePageFactory(parent=cls.index, title="Porto Alegre", slug="porto")
        cls.draft = ExperiencePageFactory(parent=cls.index, title="Brouillon", slug="brouillon")
        cls.draft.unpublish()

    def route(self, *components):
        return self.index.route(RequestFactory().get("/"), list(components))

    def test_a_child_is_read_as_its_type_in_one_query(self):
        with self.assertNumQueries(1):
            result = self.route("porto")
        self.assertIs(type(result.page), ExperiencePage)
        self.assertEqual(result.page.pk, self.page.pk)
        with self.assertNumQueries(0):
            self.assertEqual(result.page.get_parent().pk, self.index.pk)

    def test_unknown_and_unpublished_children_are_not_found(self):
        with self.assertRaises(Http404):
            self.route("nowhere")
        with self.assertRaises(Http404):
            self.route("brouillon")

    def test_the_index_own_routes_come_first_and_pages_are_served(self):
        self.assertEqual(self.route().page.pk, self.index.pk)
        self.assertEqual(self.client.get("/fr/experiences/porto/").status_code, 200)
        self.assertEqual(self.client.get("/fr/experiences/brouillon/").status_code, 404)
        self.assertEqual(self.client.get("/fr/experiences/codebook/").status_code, 200)
