import csv
import datetime
import io
import json

from django.test import TestCase

from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from home.seeding import translate
from repository.factories import (
    ExperienceActorFactory,
    ExperienceMilestoneFactory,
    ExperiencePageFactory,
    OrganisationFactory,
)
from repository.models import ExperiencePage
from repository.opendata import COLUMNS

from .base import build_repository

SYNCHRONISED = [
    "country",
    "latitude",
    "longitude",
    "start_date",
    "end_date",
    "participants_number",
    "budget",
    "is_binding",
    "last_updated",
    "region",
]


class SynchronisedFieldsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        tree = build_repository()
        cls.tree = tree
        cls.source = ExperiencePageFactory(
            parent=tree["indexes"]["fr"],
            title="Budget participatif",
            slug="budget-participatif",
            themes=[tree["themes"]["budgets"]],
            methods=[tree["methods"]["pb"]],
            sdgs=[tree["sdg"](16)],
        )
        cls.spanish = Locale.objects.get(language_code="es")
        cls.target, _created, _missing = translate(
            cls.source,
            cls.spanish,
            {
                "Budget participatif": "Presupuesto participativo",
                "budget-participatif": "presupuesto",
            },
        )

    def _sync(self):
        source = TranslationSource.objects.get(
            object_id=self.source.translation_key, locale=self.source.locale
        )
        source.update_from_db()
        Translation.objects.get(source=source, target_locale=self.spanish).save_target(publish=True)
        return ExperiencePage.objects.get(pk=self.target.pk)

    def test_synchronised_fields_follow_the_source_and_words_stay_translated(self):
        page = ExperiencePage.objects.get(pk=self.source.pk)
        page.country = "MX"
        page.latitude, page.longitude = 19.43, -99.13
        page.start_date = datetime.date(2021, 9, 1)
        page.end_date = datetime.date(2023, 6, 30)
        page.participants_number = 5400
        page.budget = 250000
        page.budget_currency = "MXN"
        page.is_binding = False
        page.themes.set([self.tree["themes"]["youth"]])
        page.methods.set([self.tree["methods"]["assembly"]])
        page.sdgs.set([self.tree["sdg"](5), self.tree["sdg"](10)])
        page.partners.set([OrganisationFactory(name="Red de ciudades")])
        page.save_revision().publish()
        source = ExperiencePage.objects.get(pk=self.source.pk)

        target = self._sync()
        for name in SYNCHRONISED:
            with self.subTest(field=name):
                self.assertEqual(getattr(target, name), getattr(source, name))
        self.assertEqual(target.budget_currency, "MXN")
        self.assertEqual(target.region, "latin-america")
        for relation in ["themes", "methods", "sdgs", "partners"]:
            with self.subTest(relation=relation):
                self.assertEqual(
                    set(getattr(target, relation).values_list("pk", flat=True)),
                    set(getattr(source, relation).values_list("pk", flat=True)),
                )
        self.assertEqual(target.title, "Presupuesto participativo")
        self.assertEqual(target.translation_key, source.translation_key)


class OpenDataTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        tree = build_repository()
        index = tree["indexes"]["fr"]
        cls.located = ExperiencePageFactory(
            parent=index,
            title="Porto Alegre",
            themes=[tree["themes"]["budgets"]],
            methods=[tree["methods"]["pb"]],
            sdgs=[tree["sdg"](16), tree["sdg"](11)],
            promoting_organisation=OrganisationFactory(name="Prefeitura de Porto Alegre"),
        )
        cls.located.keywords.add("budget")
        cls.located.save()
        ExperienceActorFactory(page=cls.located, name="Residents", role="Vote")
        ExperienceMilestoneFactory(page=cls.located, title="Launch")
        cls.second = ExperiencePageFactory(
            parent=index, title="Lisbon", country="PT", latitude=38.7, longitude=-9.14
        )
        cls.unlocated = ExperiencePageFactory(
            parent=index, title="Online", latitude=None, longitude=None
        )

    def test_the_api_exposes_every_structured_field(self):
        response = self.client.get(f"/api/v2/pages/{self.located.pk}/")
        self.assertEqual(response.status_code, 200)
        data = response.json()
        for field in ExperiencePage.api_fields:
            with self.subTest(field=field.name):
                self.assertIn(field.name, data)
        self.assertEqual(data["identifier"], str(self.located.translation_key))
        self.assertEqual(data["sdg_numbers"], [11, 16])
        self.assertEqual(data["theme_codes"], ["budgets"])
        self.assertEqual(data["region"], "latin-america")
        self.assertEqual(data["actor_list"], [{"name": "Residents", "role": "Vote"}])
        listing = self.client.get(
            "/api/v2/pages/?type=repository.ExperiencePage&fields=identifier,country_code&locale=fr"
        ).json()
        self.assertEqual(listing["meta"]["total_count"], 3)

    def test_the_csv_has_every_column_and_one_row_per_experience(self):
        response = self.client.get("/fr/experiences/export/csv/")
        self.assertEqual(response["Content-Type"], "text/csv; charset=utf-8")
        rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
        self.assertEqual(list(rows[0].keys()), COLUMNS)
        self.assertEqual(len(rows), 3)
        porto = next(row for row in rows if row["title"] == "Porto Alegre")
        self.assertEqual(porto["identifier"], str(self.located.translation_key))
        self.assertEqual(porto["sdgs"], "11 | 16")
        self.assertEqual(porto["promoting_organisation"], "Prefeitura de Porto Alegre")
        self.assertEqual(porto["keywords"], "budget")
        self.assertEqual(porto["actors"], "Residents: Vote")
        self.assertTrue(porto["milestones"].endswith("complete: Launch"))

    def test_the_geojson_has_a_feature_per_located_experience_with_every_field(self):
        response = self.client.get("/fr/experiences/export/geojson/")
        data = json.loads(response.content)
        self.assertEqual(data["type"], "FeatureCollection")
        ids = {feature["id"] for feature in data["features"]}
        self.assertEqual(ids, {str(self.located.translation_key), str(self.second.translation_key)})
        for feature in data["features"]:
            self.assertEqual(list(feature["properties"].keys()), COLUMNS)
            props = feature["properties"]
            self.assertEqual(
                feature["geometry"]["coordinates"], [props["longitude"], props["latitude"]]
            )

    def test_the_index_links_the_downloads_and_the_codebook_documents_every_column(self):
        index = self.client.get("/fr/experiences/").content.decode()
        for url in ["export/csv/", "export/geojson/", "codebook/"]:
            self.assertIn(f"/fr/experiences/{url}", index)
        codebook = self.client.get("/fr/experiences/codebook/").content.decode()
        for column in COLUMNS:
            self.assertIn(f'id="field-{column}"', codebook)
