"""Create the demo site: `python manage.py seed_demo`.

Each installed app of the project may have a `demo.py` with a `seed(stdout)` function; they
run in the order of INSTALLED_APPS, so content that others link to (home, vocabularies) comes
first. Every seeder creates what is missing and leaves what exists alone, so the command can
be run again safely.
"""

import importlib
import importlib.util
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

DEMO_ADMIN_USERNAME = "admin"
DEMO_ADMIN_PASSWORD = "oidp-demo-admin"


def _is_project_app(path):
    """Only the project's own apps seed: not Wagtail's or any installed package's."""
    path = Path(path).resolve()
    base = Path(settings.BASE_DIR).resolve()
    return path.is_relative_to(base) and "site-packages" not in path.parts


class Command(BaseCommand):
    help = "Create the demo site in every language (safe to run again)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--app",
            action="append",
            dest="app_labels",
            metavar="LABEL",
            help="Seed only this app (repeatable), e.g. --app home --app repository.",
        )
        parser.add_argument(
            "--no-admin",
            action="store_true",
            help="Do not create the development admin account.",
        )

    def handle(self, *args, no_admin=False, app_labels=None, **options):
        seeders = []
        for app_config in apps.get_app_configs():
            module_name = f"{app_config.name}.demo"
            if not _is_project_app(app_config.path):
                continue
            if importlib.util.find_spec(module_name) is None:
                continue
            module = importlib.import_module(module_name)
            if hasattr(module, "seed"):
                seeders.append((app_config.label, module.seed))
        if app_labels:
            unknown = set(app_labels) - {label for label, _seed in seeders}
            if unknown:
                raise CommandError(f"No demo seeder for: {', '.join(sorted(unknown))}")
            seeders = [(label, seed) for label, seed in seeders if label in app_labels]

        for index, (label, seed) in enumerate(seeders, start=1):
            self.stdout.write(f"[{index}/{len(seeders)}] {label}")
            seed(self.stdout)

        if not no_admin:
            self._ensure_admin()
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))

    def _ensure_admin(self):
        if not getattr(settings, "DEMO_ADMIN_ALLOWED", False):
            self.stdout.write("No admin account created: these settings do not allow one.")
            return
        User = get_user_model()
        user, created = User.objects.get_or_create(
            username=DEMO_ADMIN_USERNAME,
            defaults={"email": "admin@localhost", "is_staff": True, "is_superuser": True},
        )
        if created:
            user.set_password(DEMO_ADMIN_PASSWORD)
            user.save()
            self.stdout.write(
                "Development admin account created: "
                f"user '{DEMO_ADMIN_USERNAME}', password '{DEMO_ADMIN_PASSWORD}' "
                "(http://127.0.0.1:8000/admin/)."
            )
        else:
            self.stdout.write(
                f"Development admin account '{DEMO_ADMIN_USERNAME}' already exists "
                f"(password set at creation: '{DEMO_ADMIN_PASSWORD}', unless changed since)."
            )
