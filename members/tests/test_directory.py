"""The member directory and the open data leave out organisations without consent."""

import json

from django.core import mail
from django.test import TestCase, override_settings

from members.models import MembershipApplication
from repository.factories import ExperiencePageFactory, OrganisationFactory
from repository.tests.base import build_repository


@override_settings(
    MAP_TILE_URL="", REPOSITORY_MAP_TILE_URL="https://tiles.example.org/{z}/{x}/{y}.png"
)
class ConsentTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_repository()
        cls.public = OrganisationFactory(
            name="Ciudad Abierta",
            slug="abierta",
            country="ES",
            is_member=True,
            latitude=40.4,
            longitude=-3.7,
        )
        cls.hidden = OrganisationFactory(
            name="Secret Municipality",
            slug="secret",
            country="ES",
            is_member=True,
            publication_consent=False,
            latitude=41.0,
            longitude=2.0,
        )
        cls.ngo = OrganisationFactory(
            name="Red Ciudadana",
            slug="red",
            country="AR",
            is_member=True,
            organisation_type="civil-society",
        )
        page = ExperiencePageFactory(parent=cls.tree["indexes"]["fr"], slug="consulta")
        page.promoting_organisation = cls.hidden
        page.partners.set([cls.hidden, cls.public])
        page.save_revision().publish()
        cls.page = page

    def test_consent_is_recorded_with_its_date(self):
        self.assertIsNotNone(self.public.publication_consent_date)
        self.assertIsNone(self.hidden.publication_consent_date)

    def test_the_directory_and_its_map_list_only_consenting_members(self):
        response = self.client.get("/fr/members/directory/")
        self.assertContains(response, "Ciudad Abierta")
        self.assertNotContains(response, "Secret Municipality")
        points = json.loads(
            response.content.decode()
            .split('id="experience-map-points" type="application/json">')[1]
            .split("</script>")[0]
        )
        self.assertEqual([p["title"] for p in points], ["Ciudad Abierta"])

    def test_the_directory_filters_by_region_country_and_type(self):
        response = self.client.get("/en/members/directory/?region=latin-america")
        self.assertContains(response, "Red Ciudadana")
        self.assertNotContains(response, "Ciudad Abierta")
        response = self.client.get("/en/members/directory/?country=ES")
        self.assertContains(response, "Ciudad Abierta")
        self.assertNotContains(response, "Red Ciudadana")
        response = self.client.get("/en/members/directory/?type=network")
        self.assertContains(response, 'class="empty-state"')
        response = self.client.get("/en/members/directory/?region=nowhere&page=abc")
        self.assertEqual(response.status_code, 200)

    def test_the_api_and_the_exports_leave_out_organisations_without_consent(self):
        api = self.client.get(f"/api/v2/pages/{self.page.pk}/")
        self.assertEqual(api.status_code, 200)
        self.assertNotIn("Secret Municipality", api.content.decode())
        self.assertIn("Ciudad Abierta", api.content.decode())
        for url in ("/fr/experiences/export/csv/", "/fr/experiences/export/geojson/"):
            response = self.client.get(url)
            self.assertEqual(response.status_code, 200, url)
            self.assertNotIn("Secret Municipality", response.content.decode(), url)
            self.assertIn("Ciudad Abierta", response.content.decode(), url)

    def test_the_experience_page_its_citation_and_json_ld_leave_them_out(self):
        response = self.client.get(self.page.url)
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, "Secret Municipality")
        self.assertContains(response, "Ciudad Abierta")  # the consenting partner stays


class MembershipApplicationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_repository()

    def data(self, **extra):
        return {
            "organisation_name": "Comune di Bologna",
            "organisation_type": "local-government",
            "country": "IT",
            "contact_name": "Giulia",
            "contact_email": "giulia@example.org",
            "motivation": "We run participatory budgeting.",
            "publication_consent": "on",
            "privacy": "on",
        } | extra

    @override_settings(MEMBERS_SECRETARIAT_EMAIL="secretariat@example.org")
    def test_an_application_is_stored_and_the_secretariat_told(self):
        response = self.client.post("/es/members/apply/", self.data())
        self.assertRedirects(response, "/es/members/apply/thanks/")
        application = MembershipApplication.objects.get()
        self.assertEqual(application.language, "es")
        [message] = mail.outbox
        self.assertEqual(message.to, ["secretariat@example.org"])
        self.assertIn("Comune di Bologna", message.subject)

    def test_bad_input_keeps_what_was_typed(self):
        response = self.client.post(
            "/fr/members/apply/", self.data(contact_email="not-an-email", privacy="")
        )
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, 'value="Comune di Bologna"', status_code=400)
        self.assertContains(response, "not-an-email", status_code=400)
        self.assertContains(response, 'role="alert"', status_code=400)
        self.assertFalse(MembershipApplication.objects.exists())

    def test_the_honeypot_and_the_rate_limit_stop_robots(self):
        response = self.client.post("/fr/members/apply/", self.data(website_url="http://spam"))
        self.assertEqual(response.status_code, 302)
        self.assertFalse(MembershipApplication.objects.exists())
        for _ in range(4):
            self.client.post("/fr/members/apply/", self.data())
        response = self.client.post("/fr/members/apply/", self.data())
        self.assertEqual(response.status_code, 429)
        self.assertContains(response, 'value="Comune di Bologna"', status_code=429)
