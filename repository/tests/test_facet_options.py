from django.test import SimpleTestCase
from django.utils import translation

from bs4 import BeautifulSoup

from repository.filters import Facet
from repository.templatetags.repository_tags import facet_options


class FacetOptionsTests(SimpleTestCase):
    def test_options_are_labelled_checkboxes_with_escaped_values(self):
        facet = Facet(
            name="theme",
            label="Theme",
            options=[
                {
                    "value": "budgets",
                    "label": "Budgets",
                    "count": 3,
                    "selected": True,
                    "is_child": False,
                },
                {
                    "value": 'x"><script>',
                    "label": "<b>Youth</b>",
                    "count": 1,
                    "selected": False,
                    "is_child": True,
                },
            ],
        )
        with translation.override("en"):
            html = facet_options(facet)
        self.assertNotIn("<script>", html)
        self.assertNotIn("<b>", html)
        items = BeautifulSoup(html, "html.parser").select("li")
        first, second = items
        self.assertTrue(first.input.has_attr("checked"))
        self.assertEqual(first.label["for"], first.input["id"])
        self.assertEqual(first.label.get_text(" ", strip=True), "Budgets (3 experiences )")
        self.assertEqual(second["class"], ["facet__child"])
        self.assertEqual(second.input["value"], 'x"><script>')
        self.assertFalse(second.input.has_attr("checked"))
        self.assertEqual(second.label.contents[0].strip(), "<b>Youth</b>")
