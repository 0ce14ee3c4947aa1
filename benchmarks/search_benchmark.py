"""Search benchmark: 10,000 experiences (2,500 per language), 200 searches, p50/p95 and SQL queries.

Not a test. Seeds the database named by DATABASE_URL (migrating it first; seeding is skipped when
the experiences are already there), then runs the same 200 searches

* on the database backend, without and with facet counts (every facet of the search page);
* on the engine too when ELASTICSEARCH_URL (and SEARCH_ENGINE) are set, after indexing into it.

    DATABASE_URL=sqlite:////tmp/oidp-bench.sqlite3 .venv/bin/python benchmarks/search_benchmark.py
    DATABASE_URL=postgres://oidp:oidp@127.0.0.1:5432/oidp_bench .venv/bin/python benchmarks/...
    ... ELASTICSEARCH_URL=http://127.0.0.1:9200 SEARCH_ENGINE=opensearch3 (same command)

Options: --per-language N (2500), --searches N (200), --seed N (random seed, 7), --reuse (keep
the database and the search indexes as they are: no seeding, no re-indexing; for repeated runs
once a first run has seeded and indexed).
Targets (issue 13): p95 under 150 ms with facets on PostgreSQL, under 50 ms on the engine.
"""

import argparse
import logging
import os
import random
import statistics
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "oidp.settings.dev")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test.utils import override_settings  # noqa: E402
from django.utils import timezone  # noqa: E402

LANGUAGES = ["fr", "es", "en", "pt"]

# Words per language: titles and summaries are drawn from them, and so are the queries (a
# plural where the text has a singular, no accents where it has some, as readers type).
WORDS = {
    "fr": {
        "nouns": ["budget", "assemblée", "conseil", "démocratie", "jury", "consultation",
                  "quartier", "jeunesse", "participation", "délibération", "pétition", "forum"],
        "adjectives": ["participatif", "citoyen", "local", "numérique", "municipal", "ouvert"],
        "queries": ["budgets participatifs", "democratie", "assemblees citoyennes", "conseil",
                    "jeunesse", "quartiers", "deliberation", "petitions", "forum local"],
        "link": "de",
    },
    "es": {
        "nouns": ["presupuesto", "asamblea", "consejo", "democracia", "jurado", "consulta",
                  "barrio", "juventud", "participación", "deliberación", "petición", "foro"],
        "adjectives": ["participativo", "ciudadano", "local", "digital", "municipal", "abierto"],
        "queries": ["presupuestos participativos", "participacion", "asambleas", "consejo",
                    "juventud", "barrios", "deliberacion", "democracia", "foro local"],
        "link": "de",
    },
    "en": {
        "nouns": ["budget", "assembly", "council", "democracy", "jury", "consultation",
                  "neighbourhood", "youth", "participation", "deliberation", "petition", "forum"],
        "adjectives": ["participatory", "citizen", "local", "digital", "municipal", "open"],
        "queries": ["participatory budgets", "citizens assemblies", "councils", "democracy",
                    "youth", "neighbourhoods", "deliberating", "petitions", "local forum"],
        "link": "in",
    },
    "pt": {
        "nouns": ["orçamento", "assembleia", "conselho", "democracia", "júri", "consulta",
                  "bairro", "juventude", "participação", "deliberação", "petição", "decisão"],
        "adjectives": ["participativo", "cidadão", "local", "digital", "municipal", "aberto"],
        "queries": ["orcamentos participativos", "participacao", "assembleias", "conselhos",
                    "juventude", "bairros", "deliberacao", "decisoes", "democracia"],
        "link": "de",
    },
}  # fmt: skip
CITIES = [("Porto Alegre", "BR"), ("Lyon", "FR"), ("Dakar", "SN"), ("Montréal", "CA"),
          ("Barcelona", "ES"), ("Valongo", "PT"), ("Seoul", "KR"), ("Bogotá", "CO"),
          ("Tunis", "TN"), ("Bristol", "GB"), ("Kochi", "IN"), ("Rosario", "AR")]  # fmt: skip
THEMES = ["budgets", "youth", "housing", "climate", "health", "education", "mobility", "gender"]
METHODS = ["participatory-budgeting", "citizens-assembly", "mini-public", "e-petition"]


def log(message):
    print(message, flush=True)


def site_tree():
    """The homes and an experience index per language (created once)."""
    from wagtail.models import Locale

    from home.factories import build_multilingual_site, publish_translation
    from home.models import HomePage
    from repository.factories import ExperienceIndexPageFactory
    from repository.models import ExperienceIndexPage

    if not HomePage.objects.exists():
        build_multilingual_site()
    indexes = {}
    for code in LANGUAGES:
        index = ExperienceIndexPage.objects.filter(locale__language_code=code).first()
        if index is None:
            if code == settings.LANGUAGE_CODE:
                home = HomePage.objects.get(locale__language_code=code)
                index = ExperienceIndexPageFactory(parent=home)
            else:
                index = publish_translation(indexes[settings.LANGUAGE_CODE], code)
        indexes[code] = index
    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    return indexes


def vocabularies():
    from wagtail.models import Locale

    from repository.models import Method, Theme

    locale = Locale.get_default()
    themes = [
        Theme.objects.get_or_create(slug=slug, locale=locale, defaults={"name": slug.title()})[0]
        for slug in THEMES
    ]
    methods = [
        Method.objects.get_or_create(slug=slug, locale=locale, defaults={"name": slug.title()})[0]
        for slug in METHODS
    ]
    return themes, methods


def seed(per_language, rng):
    """Bulk-creates the experiences: page rows in bulk, then their experience rows."""
    from django.contrib.contenttypes.models import ContentType

    from wagtail.models import Page

    from repository.models import ExperiencePage
    from repository.regions import region_for_country

    indexes = site_tree()
    themes, methods = vocabularies()
    content_type = ContentType.objects.get_for_model(ExperiencePage)
    now = timezone.now()
    for code in LANGUAGES:
        index = Page.objects.get(pk=indexes[code].pk)
        existing = ExperiencePage.objects.filter(locale_id=index.locale_id).count()
        missing = per_language - existing
        if missing <= 0:
            log(f"{code}: {existing} experiences already there")
            continue
        words = WORDS[code]
        started = time.perf_counter()
        with transaction.atomic():
            pages = []
            children = index.get_children().count()
            for number in range(children, children + missing):
                noun, other = rng.sample(words["nouns"], 2)
                adjective = rng.choice(words["adjectives"])
                city, country = rng.choice(CITIES)
                title = f"{noun.capitalize()} {adjective} {words['link']} {city} {number}"
                slug = f"bench-{code}-{number}"
                pages.append(
                    ExperiencePage(
                        title=title,
                        draft_title=title,
                        slug=slug,
                        path=index.path + _step(number + 1),
                        depth=index.depth + 1,
                        numchild=0,
                        url_path=f"{index.url_path}{slug}/",
                        content_type=content_type,
                        locale_id=index.locale_id,
                        translation_key=uuid.uuid4(),
                        live=True,
                        has_unpublished_changes=False,
                        first_published_at=now - _days(rng.randint(0, 2500)),
                        last_published_at=now,
                        summary=f"{noun.capitalize()} {adjective}, {other} {words['link']} {city}.",
                        description=f"<p>{' '.join(rng.choices(words['nouns'], k=30))}</p>",
                        country=country,
                        region=region_for_country(country),
                        city=city,
                    )
                )
            # Multi-table inheritance: the page rows in bulk, then the experience rows.
            columns = [f.attname for f in Page._meta.concrete_fields if f.attname != "id"]
            page_rows = Page.objects.bulk_create(
                [Page(**{name: getattr(p, name) for name in columns}) for p in pages],
                batch_size=500,
            )
            for page, row in zip(pages, page_rows, strict=True):
                page.page_ptr_id = row.pk
                page.pk = row.pk
                page.save_base(raw=True, force_insert=True)
            through = ExperiencePage.themes.through
            through.objects.bulk_create(
                [
                    through(experiencepage_id=page.pk, theme_id=theme.pk)
                    for page in pages
                    for theme in rng.sample(themes, rng.randint(1, 3))
                ],
                batch_size=1000,
            )
            method_through = ExperiencePage.methods.through
            method_through.objects.bulk_create(
                [
                    method_through(experiencepage_id=page.pk, method_id=rng.choice(methods).pk)
                    for page in pages
                ],
                batch_size=1000,
            )
            Page.objects.filter(pk=index.pk).update(numchild=children + missing)
        log(f"{code}: {missing} experiences created in {time.perf_counter() - started:.1f} s")


def _step(number):
    """One step of a treebeard materialised path (base 36, 4 characters)."""
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    digits = ""
    for _ in range(4):
        number, rest = divmod(number, 36)
        digits = alphabet[rest] + digits
    return digits


def _days(number):
    import datetime

    return datetime.timedelta(days=number)


def index_into(backend_names):
    started = time.perf_counter()
    for name in backend_names:
        call_command("update_index", backend_name=name, chunk_size=1000, verbosity=0)
    log(f"indexed into {', '.join(backend_names)} in {time.perf_counter() - started:.1f} s")


def queries_for(count, rng):
    plan = []
    for number in range(count):
        code = LANGUAGES[number % len(LANGUAGES)]
        plan.append((code, rng.choice(WORDS[code]["queries"])))
    return plan


class QueryCounter:
    """Counts the SQL statements run (a connection execute wrapper: no query log limit)."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def run(plan, with_facets):
    from search.query import search_pages

    times, counts, totals = [], [], []
    for code, query in plan:
        counter = QueryCounter()
        with connection.execute_wrapper(counter):
            started = time.perf_counter()
            outcome = search_pages(query, code, with_facets=with_facets)
            times.append((time.perf_counter() - started) * 1000)
        counts.append(counter.count)
        totals.append(outcome.total)
    return times, counts, totals, outcome.backend


def report(label, figures):
    times, counts, totals, backend = figures
    ordered = sorted(times)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
    log(
        f"{label:<40} backend={backend:<10} p50={statistics.median(times):7.1f} ms "
        f"p95={p95:7.1f} ms  SQL queries/search: {min(counts)}-{max(counts)}  "
        f"results/search (mean): {statistics.mean(totals):.0f}"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-language", type=int, default=2500)
    parser.add_argument("--searches", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--reuse", action="store_true", help="no seeding, no re-indexing")
    options = parser.parse_args()
    rng = random.Random(options.seed)

    # The engine clients log every request at INFO: keep the figures readable.
    for name in ("opensearch", "elastic_transport.transport"):
        logging.getLogger(name).setLevel(logging.WARNING)
    log(f"database: {connection.vendor} ({connection.settings_dict['NAME']})")
    call_command("migrate", verbosity=0)
    engines = [name for name in settings.WAGTAILSEARCH_BACKENDS if name != "default"]
    if not options.reuse:
        seed(options.per_language, rng)
        index_into(["default", *engines])

    plan = queries_for(options.searches, rng)
    database_only = {"default": settings.WAGTAILSEARCH_BACKENDS["default"]}
    with override_settings(WAGTAILSEARCH_BACKENDS=database_only):
        run(plan[:10], True)  # warm-up (connections, caches, query plans)
        report(f"{connection.vendor}, without facets", run(plan, False))
        report(f"{connection.vendor}, with facets", run(plan, True))
    if engines:
        run(plan[:10], True)
        report(f"{settings.SEARCH_ENGINE}, without facets", run(plan, False))
        report(f"{settings.SEARCH_ENGINE}, with facets", run(plan, True))


if __name__ == "__main__":
    main()
