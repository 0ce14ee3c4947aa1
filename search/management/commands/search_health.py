"""Each search backend's health: per language, documents in the engine against pages in the database.

Re-index with Wagtail's own command (`manage.py update_index`) when the counts differ.
Exits with status 1 when an engine backend is unreachable or out of line (with --strict).
"""

from django.conf import settings
from django.core.management.base import BaseCommand

from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from search.backends import ENGINE_ERRORS, engine_backend_name, engine_configured


def database_count(language_code):
    return Page.objects.filter(locale__language_code=language_code).count()


def engine_count(language_code):
    """Documents in the language's page index; raises one of ENGINE_ERRORS when unreachable."""
    backend = get_search_backend(engine_backend_name(language_code))
    index = backend.get_index_for_model(Page)
    try:
        index.refresh()
    except backend.NotFoundError:
        return 0  # never indexed
    return backend.es.count(index=index.name)["count"]


def health():
    """[(language, database count, engine count or None, error or "")] for the content languages."""
    rows = []
    for code, _name in settings.LANGUAGES:
        in_database = database_count(code)
        if not engine_configured(code):
            rows.append((code, in_database, None, "no engine configured"))
            continue
        try:
            rows.append((code, in_database, engine_count(code), ""))
        except ENGINE_ERRORS as error:
            rows.append((code, in_database, None, f"unreachable: {error.__class__.__name__}"))
    return rows


class Command(BaseCommand):
    help = "Compare the documents of each language in the search engine with the database."

    def add_arguments(self, parser):
        parser.add_argument(
            "--strict", action="store_true", help="Exit with status 1 unless every count is equal."
        )

    def handle(self, *args, strict=False, **options):
        default = settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"]
        self.stdout.write(f"default backend: {default} (database, always available)")
        ok = True
        for code, in_database, in_engine, error in health():
            if in_engine is None:
                state = error
                ok = ok and error == "no engine configured"
            else:
                equal = in_engine == in_database
                ok = ok and equal
                state = "in line" if equal else "differs: run manage.py update_index"
            engine = "-" if in_engine is None else in_engine
            self.stdout.write(f"{code}: database {in_database}, engine {engine} ({state})")
        if strict and not ok:
            raise SystemExit(1)
