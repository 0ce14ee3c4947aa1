from django.core.exceptions import ValidationError
from django.test import RequestFactory, TestCase
from django.utils import translation

from home.factories import SiteSettingsFactory, build_multilingual_site
from home.models import SiteSettings
from oidp.views import server_error


class SiteSettingsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.homes = build_multilingual_site()

    def test_a_language_has_at_most_one_record_and_the_editor_is_told_why(self):
        SiteSettingsFactory(locale=self.homes["fr"].locale)
        duplicate = SiteSettings(locale=self.homes["fr"].locale, footer_text="<p>Autre</p>")
        with (
            translation.override("en"),
            self.assertRaisesMessage(ValidationError, "already has its site-wide settings"),
        ):
            duplicate.full_clean()

    def test_editing_the_existing_record_is_allowed(self):
        record = SiteSettingsFactory(locale=self.homes["fr"].locale)
        record.footer_text = "<p>Nouveau texte</p>"
        record.full_clean()

    def test_no_settings_at_all_still_renders_the_footer(self):
        response = self.client.get("/pt/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, '<footer class="site-footer">')


class ServerErrorPageTests(TestCase):
    def test_the_500_page_speaks_the_language_of_the_url_without_the_database(self):
        request = RequestFactory().get("/pt/anything/")
        with translation.override("pt"), self.assertNumQueries(0):
            response = server_error(request)
        self.assertEqual(response.status_code, 500)
        content = response.content.decode()
        self.assertIn('<html lang="pt">', content)
        self.assertIn("Algo correu mal", content)
        self.assertIn('href="/pt/"', content)
