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


class KnownChildrenRoutingTests(TestCase):
    """A language's home keeps its sections per content generation: routing below it reads no
    section from the database, and a change to a section is seen at once."""

    @classmethod
    def setUpTestData(cls):
        cls.tree = build_repository()
        cls.page = ExperiencePageFactory(
            parent=cls.tree["indexes"]["fr"], title="Porto Alegre", slug="porto"
        )

    def test_sections_come_from_the_memo_after_the_first_request(self):
        home = self.tree["homes"]["fr"].specific
        home.route(RequestFactory().get("/"), ["experiences", "porto"])
        with self.assertNumQueries(1):  # the experience itself
            result = home.route(RequestFactory().get("/"), ["experiences", "porto"])
        self.assertEqual(result.page.pk, self.page.pk)
        self.assertEqual(result.page.get_parent().get_parent().pk, home.pk)

    def test_a_renamed_or_unpublished_section_is_seen_at_once(self):
        self.assertEqual(self.client.get("/fr/experiences/porto/").status_code, 200)
        index = self.tree["indexes"]["fr"]
        index.slug = "pratiques"
        index.save_revision().publish()
        self.assertEqual(self.client.get("/fr/experiences/porto/").status_code, 404)
        self.assertEqual(self.client.get("/fr/pratiques/porto/").status_code, 200)
        index.unpublish()
        self.assertEqual(self.client.get("/fr/pratiques/").status_code, 404)
        self.assertEqual(self.client.get("/fr/nowhere/").status_code, 404)
