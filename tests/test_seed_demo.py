from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import TransactionTestCase

from wagtail.models import Page

from home.models import HomePage, SiteSettings


class SeedDemoTests(TransactionTestCase):
    # Real commits: wagtail-localize and Wagtail finish their work in on-commit hooks, as
    # they do when the command runs for real. The rows made by migrations are restored after.
    serialized_rollback = True

    def seed(self, output=None):
        call_command("seed_demo", stdout=output or StringIO())

    def test_running_seed_demo_twice_leaves_the_same_content(self):
        first_output = StringIO()
        self.seed(first_output)
        pages = Page.objects.count()
        settings_records = SiteSettings.objects.count()

        self.seed()

        self.assertEqual(Page.objects.count(), pages)
        self.assertEqual(SiteSettings.objects.count(), settings_records)
        self.assertEqual(get_user_model().objects.filter(username="admin").count(), 1)
        # Progress is printed as done/total, and the admin credentials are shown.
        self.assertRegex(first_output.getvalue(), r"\[\d+/\d+\]")
        self.assertIn("password 'oidp-demo-admin'", first_output.getvalue())

    def test_seed_demo_builds_the_four_language_homes_and_serves_them(self):
        self.seed()
        homes = HomePage.objects.live().select_related("locale")
        self.assertEqual(
            sorted(home.locale.language_code for home in homes), ["en", "es", "fr", "pt"]
        )
        self.assertEqual(SiteSettings.objects.count(), 4)
        spanish = SiteSettings.objects.get(locale__language_code="es")
        self.assertEqual(spanish.contact_address.splitlines()[0], "Secretaría Técnica del OIDP")
        for code, title in [("es", "Acerca del OIDP"), ("pt", "Sobre o OIDP")]:
            response = self.client.get(f"/{code}/")
            self.assertContains(response, title)

    def test_translations_are_managed_by_wagtail_localize(self):
        from wagtail_localize.models import Translation

        self.seed()
        translated_locales = set(
            Translation.objects.values_list("target_locale__language_code", flat=True)
        )
        self.assertEqual(translated_locales, {"es", "en", "pt"})

    def test_no_admin_account_under_settings_that_forbid_it(self):
        with self.settings(DEMO_ADMIN_ALLOWED=False):
            output = StringIO()
            self.seed(output)
        self.assertFalse(get_user_model().objects.filter(username="admin").exists())
        self.assertIn("No admin account created", output.getvalue())
