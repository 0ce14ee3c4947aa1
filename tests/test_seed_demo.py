from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import TransactionTestCase

from wagtail.models import Page
from wagtail_localize.models import Translation

from home.models import HomePage, SiteSettings


class SeedDemoTests(TransactionTestCase):
    # Real commits: wagtail-localize and Wagtail finish their work in on-commit hooks, as
    # they do when the command runs for real. The rows made by migrations are restored after.
    serialized_rollback = True

    def seed(self, *args):
        output = StringIO()
        call_command("seed_demo", *args, stdout=output)
        return output.getvalue()

    def test_running_seed_demo_twice_leaves_the_same_content(self):
        first_output = self.seed()
        pages = Page.objects.count()
        settings_records = SiteSettings.objects.count()
        translations = Translation.objects.count()

        second_output = self.seed()

        self.assertEqual(Page.objects.count(), pages)
        self.assertEqual(SiteSettings.objects.count(), settings_records)
        self.assertEqual(Translation.objects.count(), translations)
        self.assertEqual(get_user_model().objects.filter(username="admin").count(), 1)
        # Progress is printed as done/total, and the admin credentials are shown.
        self.assertRegex(first_output, r"\[\d+/\d+\]")
        self.assertIn("password 'oidp-demo-admin'", first_output)
        self.assertIn("already there", second_output)

    def test_the_home_seeder_builds_four_language_homes_translated_with_wagtail_localize(self):
        self.seed("--app", "home")
        homes = HomePage.objects.live().select_related("locale")
        self.assertEqual(
            sorted(home.locale.language_code for home in homes), ["en", "es", "fr", "pt"]
        )
        self.assertEqual(SiteSettings.objects.count(), 4)
        spanish = SiteSettings.objects.get(locale__language_code="es")
        self.assertEqual(spanish.contact_address.splitlines()[0], "Secretaría Técnica del OIDP")
        translated_locales = set(
            Translation.objects.values_list("target_locale__language_code", flat=True)
        )
        self.assertEqual(translated_locales, {"es", "en", "pt"})
        for code, title in [("es", "Acerca del OIDP"), ("pt", "Sobre o OIDP")]:
            response = self.client.get(f"/{code}/")
            self.assertContains(response, title)

    def test_no_admin_account_under_settings_that_forbid_it(self):
        with self.settings(DEMO_ADMIN_ALLOWED=False):
            output = self.seed("--app", "home")
        self.assertFalse(get_user_model().objects.filter(username="admin").exists())
        self.assertIn("No admin account created", output)

    def test_an_unknown_app_is_refused_with_its_name(self):
        with self.assertRaisesMessage(CommandError, "No demo seeder for: nowhere"):
            self.seed("--app", "nowhere")
