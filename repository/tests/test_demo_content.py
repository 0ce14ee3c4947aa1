from django.test import SimpleTestCase

from repository.demo_content import EXPERIENCES, LANGUAGES, METHODS, THEMES
from repository.regions import Region, region_for_country


class DemoContentTests(SimpleTestCase):
    def test_at_least_40_experiences_from_15_countries_in_every_region(self):
        self.assertGreaterEqual(len(EXPERIENCES), 40)
        countries = {row[1] for row in EXPERIENCES}
        self.assertGreaterEqual(len(countries), 15)
        regions = {region_for_country(code) for code in countries}
        self.assertEqual(regions, set(Region.values))

    def test_each_experience_is_translated_into_some_but_not_all_languages(self):
        for row in EXPERIENCES:
            with self.subTest(experience=row[0]):
                titles = row[-1]
                self.assertTrue(set(titles) <= set(LANGUAGES))
                self.assertTrue(2 <= len(titles) < len(LANGUAGES))

    def test_every_term_used_is_defined_in_the_four_languages(self):
        for row in EXPERIENCES:
            self.assertIn(row[9], METHODS)
            for theme in row[10]:
                self.assertEqual(set(THEMES[theme][1]), set(LANGUAGES))
