from django.test import TestCase

from repository.factories import ExperiencePageFactory

from .base import build_repository


class SmokeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_repository()
        cls.exp = ExperiencePageFactory(
            parent=cls.tree["indexes"]["fr"],
            title="Budget participatif de Porto Alegre",
            themes=[cls.tree["themes"]["budgets"]],
            methods=[cls.tree["methods"]["pb"]],
            sdgs=[cls.tree["sdg"](16)],
        )

    def test_pages(self):
        for url in [
            "/fr/experiences/",
            "/fr/experiences/?theme=governance",
            self.exp.url,
            "/fr/experiences/codebook/",
            "/fr/experiences/suggest/",
            "/fr/experiences/export/csv/",
            "/fr/experiences/export/geojson/",
            f"/fr/experiences/compare/?e={self.exp.pk}",
            "/api/v2/pages/?type=repository.ExperiencePage&fields=*",
        ]:
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200, response.content[:3000])
