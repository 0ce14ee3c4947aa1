import json
from unittest import mock

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from bs4 import BeautifulSoup

from repository.factories import (
    ExperienceActorFactory,
    ExperienceMilestoneFactory,
    ExperiencePageFactory,
    ExperienceReviewFactory,
)

from .base import build_repository


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def result_titles(response):
    return sorted(
        a.get_text(strip=True) for a in soup(response).select(".experience-card__title a")
    )


def facet_options(response, facet):
    """{value: count} as printed next to each checkbox of a facet."""
    options = {}
    for box in soup(response).select(f"input[name={facet}]"):
        label = soup(response).find("label", attrs={"for": box["id"]})
        options[box["value"]] = int(label.select_one(".facet__count")["data-count"])
    return options


class FilterTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        tree = build_repository()
        cls.index = tree["indexes"]["fr"]
        themes, methods, sdg = tree["themes"], tree["methods"], tree["sdg"]
        make = ExperiencePageFactory
        cls.porto = make(
            parent=cls.index,
            title="Porto Alegre",
            country="BR",
            scale="municipal",
            themes=[themes["budgets"]],
            methods=[methods["pb"]],
            sdgs=[sdg(16)],
        )
        cls.recife = make(
            parent=cls.index,
            title="Recife",
            country="BR",
            scale="metropolitan",
            themes=[themes["youth"]],
            methods=[methods["pb"]],
            sdgs=[sdg(4), sdg(16)],
        )
        cls.paris = make(
            parent=cls.index,
            title="Paris",
            country="FR",
            scale="municipal",
            status="completed",
            themes=[themes["budgets"], themes["youth"]],
            methods=[methods["pb"]],
            sdgs=[sdg(11)],
        )
        cls.ireland = make(
            parent=cls.index,
            title="Irish assembly",
            country="IE",
            scale="national",
            themes=[themes["governance"]],
            methods=[methods["assembly"]],
            sdgs=[sdg(16)],
            latitude=None,
            longitude=None,
        )
        cls.montreal = make(
            parent=cls.index,
            title="Montréal",
            country="CA",
            scale="municipal",
            themes=[themes["youth"]],
            methods=[methods["assembly"]],
        )

    def test_filters_combine_with_and_across_facets_and_or_within_one(self):
        response = self.client.get("/fr/experiences/?method=participatory-budgeting&country=BR")
        self.assertEqual(result_titles(response), ["Porto Alegre", "Recife"])
        response = self.client.get(
            "/fr/experiences/?method=participatory-budgeting&country=BR&country=FR&scale=municipal"
        )
        self.assertEqual(result_titles(response), ["Paris", "Porto Alegre"])

    def test_a_main_theme_finds_the_experiences_of_its_sub_themes(self):
        response = self.client.get("/fr/experiences/?theme=governance")
        self.assertEqual(result_titles(response), ["Irish assembly", "Paris", "Porto Alegre"])

    def test_region_is_derived_from_the_country(self):
        response = self.client.get("/fr/experiences/?region=latin-america")
        self.assertEqual(result_titles(response), ["Porto Alegre", "Recife"])
        response = self.client.get("/fr/experiences/?region=north-america")
        self.assertEqual(result_titles(response), ["Montréal"])

    def test_every_count_matches_the_results_its_value_leads_to(self):
        base = "/fr/experiences/?scale=municipal"
        response = self.client.get(base)
        for facet in ["theme", "method", "sdg", "country", "region", "status", "year"]:
            for value, count in facet_options(response, facet).items():
                with self.subTest(facet=facet, value=value):
                    filtered = self.client.get(f"{base}&{facet}={value}")
                    self.assertEqual(len(result_titles(filtered)), count)

    def test_the_filtered_url_round_trips_through_the_form(self):
        url = "/fr/experiences/?theme=youth&method=participatory-budgeting&sort=title"
        response = self.client.get(url)
        page = soup(response)
        form = page.select_one("form.filter-form")
        submitted = [(box["name"], box["value"]) for box in form.select("input[checked]")]
        submitted.append(("sort", form.select_one("select[name=sort] option[selected]")["value"]))
        self.assertEqual(
            sorted(submitted),
            sorted([("theme", "youth"), ("method", "participatory-budgeting"), ("sort", "title")]),
        )
        again = self.client.get("/fr/experiences/", dict(submitted))
        self.assertEqual(result_titles(again), result_titles(response))
        self.assertEqual(result_titles(response), ["Paris", "Recife"])

    def test_sort_by_title_and_pagination_keep_the_filters(self):
        response = self.client.get("/fr/experiences/?sort=title")
        titles = [
            a.get_text(strip=True) for a in soup(response).select(".experience-card__title a")
        ]
        self.assertEqual(titles, sorted(titles, key=str.lower))

    def test_pagination_keeps_the_filters_and_the_sort(self):
        seen = []
        url = "/fr/experiences/?scale=municipal&sort=title"
        with mock.patch("repository.views.PAGE_SIZE", 2):
            while url:
                response = self.client.get(url)
                seen += [
                    a.get_text(strip=True)
                    for a in soup(response).select(".experience-card__title a")
                ]
                following = soup(response).select_one(".pagination a[rel=next]")
                url = f"/fr/experiences/{following['href']}" if following else None
                if url:
                    self.assertIn("scale=municipal", url)
                    self.assertIn("sort=title", url)
        self.assertEqual(seen, ["Montréal", "Paris", "Porto Alegre"])

    def test_an_empty_result_explains_what_to_do(self):
        response = self.client.get("/fr/experiences/?country=IE&method=participatory-budgeting")
        self.assertEqual(result_titles(response), [])
        self.assertTrue(soup(response).select_one(".empty-state a[href='/fr/experiences/']"))

    def test_without_a_tile_server_no_map_is_offered(self):
        response = self.client.get("/fr/experiences/?view=map")
        self.assertIsNone(soup(response).select_one("#experience-map"))
        self.assertEqual(len(result_titles(response)), 5)

    def test_with_a_tile_server_the_map_lists_the_located_experiences(self):
        with self.settings(REPOSITORY_MAP_TILE_URL="https://tiles.example.org/{z}/{x}/{y}.png"):
            response = self.client.get("/fr/experiences/?view=map")
        page = soup(response)
        self.assertIsNotNone(page.select_one("#experience-map"))
        points = json.loads(page.select_one("#experience-map-points").string)
        self.assertEqual(len(points), 4)
        self.assertIn(
            "/static/repository/vendor/leaflet-1.9.4/leaflet.js", response.content.decode()
        )

    def test_untranslated_experiences_are_filtered_and_linked_at_their_own_address(self):
        response = self.client.get("/es/experiences/?theme=budgets")
        links = {
            a.get_text(strip=True): a["href"]
            for a in soup(response).select(".experience-card__title a")
        }
        self.assertEqual(links, {"Porto Alegre": self.porto.url, "Paris": self.paris.url})
        self.assertTrue(self.porto.url.startswith("/fr/experiences/"))
        self.assertEqual(facet_options(response, "country"), {"BR": 1, "FR": 1})

        with self.settings(REPOSITORY_MAP_TILE_URL="https://tiles.example.org/{z}/{x}/{y}.png"):
            response = self.client.get("/es/experiences/?theme=budgets&view=map")
        points = json.loads(soup(response).select_one("#experience-map-points").string)
        self.assertEqual(
            sorted((point["title"], point["url"]) for point in points),
            [("Paris", self.paris.url), ("Porto Alegre", self.porto.url)],
        )

    def test_the_open_data_links_name_the_index_language(self):
        links = [a["href"] for a in soup(self.client.get("/es/experiences/")).select("a")]
        self.assertIn("/api/v2/pages/?type=repository.ExperiencePage&locale=es&fields=*", links)
        self.assertIn(
            '<nav class="breadcrumbs"',
            self.client.get("/es/experiences/").content.decode(),
        )


class ExperiencePageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        tree = build_repository()
        cls.page = ExperiencePageFactory(
            parent=tree["indexes"]["fr"],
            title="Porto Alegre",
            themes=[tree["themes"]["budgets"]],
            methods=[tree["methods"]["pb"]],
            sdgs=[tree["sdg"](16)],
        )
        ExperienceActorFactory(
            page=cls.page, name="Union of residents", role="Convened the assemblies"
        )
        ExperienceMilestoneFactory(page=cls.page, title="First assembly", status="complete")
        ExperienceReviewFactory(page=cls.page)
        cls.sibling = ExperiencePageFactory(
            parent=tree["indexes"]["fr"], title="Belo Horizonte", methods=[tree["methods"]["pb"]]
        )

    def test_the_fact_box_links_each_value_to_the_filtered_index(self):
        response = self.client.get(self.page.url)
        links = {a.get_text(strip=True): a["href"] for a in soup(response).select(".fact-box a")}
        self.assertEqual(links["Budgets"], "/fr/experiences/?theme=budgets")
        self.assertEqual(
            links["Budget participatif"], "/fr/experiences/?method=participatory-budgeting"
        )
        self.assertEqual(links["Brésil"], "/fr/experiences/?country=BR")
        self.assertIn("/fr/experiences/?region=latin-america", links.values())
        self.assertIn("/fr/experiences/?sdg=16", links.values())

    def test_the_page_shows_actors_timeline_review_related_cite_and_json_ld(self):
        response = self.client.get(self.page.url)
        page = soup(response)
        self.assertIn("Union of residents", page.select_one(".actors").get_text())
        self.assertIn("First assembly", page.select_one(".timeline").get_text())
        self.assertIsNotNone(page.select_one(".badge--reviewed"))
        self.assertEqual(
            [a.get_text(strip=True) for a in page.select(".related .experience-card__title a")],
            ["Belo Horizonte"],
        )
        self.assertIn("http://testserver/fr/experiences/", page.select_one(".cite-text").get_text())
        data = json.loads(page.find("script", type="application/ld+json").string)
        self.assertEqual(data["identifier"], str(self.page.translation_key))
        self.assertEqual(data["spatialCoverage"]["geo"]["latitude"], self.page.latitude)

    def test_compare_shows_two_experiences_side_by_side(self):
        response = self.client.get(f"/fr/experiences/compare/?e={self.page.pk}&e={self.sibling.pk}")
        headers = [th.get_text(strip=True) for th in soup(response).select("thead th")]
        self.assertEqual(headers, ["Porto Alegre", "Belo Horizonte"])
        self.assertTrue(soup(response).select("tbody tr"))


class QueryCountTests(TestCase):
    """The index and an experience page cost the same queries with 5 or 50 experiences."""

    @classmethod
    def setUpTestData(cls):
        cls.tree = build_repository()
        cls.index = cls.tree["indexes"]["fr"]

    def _add(self, count):
        tree = self.tree
        for _number in range(count):
            page = ExperiencePageFactory(
                parent=self.index,
                themes=[tree["themes"]["budgets"], tree["themes"]["youth"]],
                methods=[tree["methods"]["pb"]],
                sdgs=[tree["sdg"](16), tree["sdg"](11)],
            )
            ExperienceActorFactory(page=page)
            ExperienceMilestoneFactory(page=page)
        return page

    def _queries(self, url):
        self.client.get(url)  # warm the site-root and translation caches
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return len(queries)

    def test_same_number_of_queries_with_5_and_50_experiences(self):
        page = self._add(5)
        index_5 = self._queries("/fr/experiences/")
        filtered_5 = self._queries("/fr/experiences/?theme=youth&sdg=16")
        page_5 = self._queries(page.url)
        page = self._add(45)
        self.assertEqual(self._queries("/fr/experiences/"), index_5)
        self.assertEqual(self._queries("/fr/experiences/?theme=youth&sdg=16"), filtered_5)
        self.assertEqual(self._queries(page.url), page_5)
