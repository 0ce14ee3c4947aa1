from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.test import TestCase

from repository.models import ExperiencePage
from repository.suggest import RATE_LIMIT

from .base import build_repository

URL = "/fr/experiences/suggest/"


def valid_data(**overrides):
    data = {
        "title": "Conseil des jeunes de Dakar",
        "summary": "Les jeunes proposent et votent des projets de quartier.",
        "country": "SN",
        "city": "Dakar",
        "start_year": "2021",
        "status": "ongoing",
        "method": "participatory-budgeting",
        "theme": "",
        "link": "https://example.org/dakar",
        "name": "Awa Diop",
        "email": "awa@example.org",
        "organisation": "Ville de Dakar",
        "consent": "on",
        "website_url": "",
    }
    data.update(overrides)
    return data


class SuggestionFormTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_repository()
        get_user_model().objects.create_superuser("editor", "editor@example.org", "x")

    def setUp(self):
        cache.clear()

    def test_a_valid_suggestion_becomes_a_draft_and_mails_editors_and_sender(self):
        response = self.client.post(URL, valid_data())
        self.assertRedirects(response, "/fr/experiences/suggest/thanks/")
        page = ExperiencePage.objects.get(title="Conseil des jeunes de Dakar")
        self.assertFalse(page.live)
        self.assertEqual(page.get_parent().pk, self.tree["indexes"]["fr"].pk)
        self.assertEqual(page.region, "africa")
        self.assertEqual([m.slug for m in page.methods.all()], ["participatory-budgeting"])
        recipients = sorted(message.to[0] for message in mail.outbox)
        self.assertEqual(recipients, ["awa@example.org", "editor@example.org"])
        self.assertEqual(
            self.client.get(page.url or "/fr/experiences/conseil-des-jeunes-de-dakar/").status_code,
            404,
        )

    def test_an_invalid_suggestion_says_what_is_wrong_and_keeps_the_input(self):
        response = self.client.post(
            "/es/experiences/suggest/", valid_data(email="not-an-address", consent="")
        )
        self.assertEqual(response.status_code, 400)
        content = response.content.decode()
        self.assertIn('value="Conseil des jeunes de Dakar"', content)
        self.assertIn("Les jeunes proposent et votent des projets de quartier.", content)
        self.assertIn('value="not-an-address"', content)
        self.assertIn('lang="es"', content)
        self.assertFalse(
            ExperiencePage.objects.filter(title="Conseil des jeunes de Dakar").exists()
        )
        self.assertEqual(mail.outbox, [])

    def test_the_honeypot_rejects_robots_without_creating_anything(self):
        response = self.client.post(URL, valid_data(website_url="http://spam.example"))
        self.assertEqual(response.status_code, 302)
        self.assertFalse(
            ExperiencePage.objects.filter(title="Conseil des jeunes de Dakar").exists()
        )
        self.assertEqual(mail.outbox, [])

    def test_too_many_suggestions_from_one_address_are_refused(self):
        for number in range(RATE_LIMIT):
            self.client.post(URL, valid_data(title=f"Suggestion {number}"))
        response = self.client.post(URL, valid_data(title="One too many"))
        self.assertEqual(response.status_code, 429)
        self.assertIn('value="One too many"', response.content.decode())
        self.assertFalse(ExperiencePage.objects.filter(title="One too many").exists())
        self.assertFalse(
            ExperiencePage.objects.filter(live=True, title__startswith="Suggestion").exists()
        )
