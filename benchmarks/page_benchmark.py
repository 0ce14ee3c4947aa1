"""Page benchmark: a large site in four languages, in-process timings and HTTP throughput.

Not a test. Seeds its own database (10,000 experiences, 2,000 news items and 500 events at the
default --scale 1, shared out over fr, es, en and pt, in bulk), then prints

* in process, through Django's full middleware stack (test client): p50 and p95 render time and
  the SQL query count of the home page, a filtered experience index, an experience page, a news
  page, an event page and a search with facets, in three states: "published" (every cache and
  memo started again before each request, as right after a publish), "miss" (the page's own
  entry missing from the page cache, the site-wide memos and fragments in place: a page nobody
  asked for since the last change) and "warm" (answered by the anonymous page cache);
* over HTTP against gunicorn (production settings, whitenoise for static files), with ab
  (apache2-utils; locust with --http-tool locust): throughput and p50/p99 latency with the error
  count, for each page and for a static file served by the same stack (the upper bound), each
  page's throughput as a ratio of it. On 2 cores locust (Python) is the bottleneck of the static
  file's figure and understates the ratio's denominator, so ab is the default when installed;
* the mixed load uses locust (random addresses among all the pages);
* a mixed load: --clients concurrent clients (50) for --load-seconds (60) over all those pages.

    .venv/bin/python benchmarks/page_benchmark.py                      # full size, SQLite file
    .venv/bin/python benchmarks/page_benchmark.py --scale 0.05 --http-seconds 5 --load-seconds 10
    .venv/bin/python benchmarks/page_benchmark.py \
        --database-url postgres://oidp:oidp@127.0.0.1:5432/oidp_pagebench --redis-url redis://...

--reuse skips seeding (the database already holds the site); --skip-http stops after the
in-process table. Targets (issue 9): cached pages at least half the static file's throughput; the
experience page and the filtered index under 60 ms p95 uncached (both uncached states are
printed); 0 errors under the mixed load.
"""

import argparse
import json
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
DEFAULT_DATABASE = "sqlite:////tmp/oidp-pagebench.sqlite3"
LANGUAGES = ["fr", "es", "en", "pt"]
PAGE_KINDS = ["home", "experience index (filtered)", "experience", "news", "event", "search+facets"]


def parse_options():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="1 = the issue's full size")
    parser.add_argument("--database-url", default=DEFAULT_DATABASE)
    parser.add_argument("--redis-url", default="", help="the page cache in Redis (production)")
    parser.add_argument("--reuse", action="store_true", help="skip seeding")
    parser.add_argument("--requests", type=int, default=60, help="in-process requests per page")
    parser.add_argument("--skip-http", action="store_true")
    parser.add_argument("--skip-in-process", action="store_true")
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1)
    parser.add_argument("--http-clients", type=int, default=10)
    parser.add_argument(
        "--http-tool",
        choices=["ab", "locust"],
        default="ab" if shutil.which("ab") else "locust",
        help="per-target throughput: ab (apache2-utils, C, one core at most) or locust "
        "(Python: on 2 shared cores it caps the static file's figure, see the README)",
    )
    parser.add_argument("--http-seconds", type=int, default=20)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--load-seconds", type=int, default=60)
    parser.add_argument("--seed", type=int, default=7)
    return parser.parse_args()


OPTIONS = parse_options() if __name__ == "__main__" else None
STATIC_ROOT = Path(tempfile.gettempdir()) / "oidp-pagebench-static"
# Production settings (DEBUG off, whitenoise's hashed files), made usable over plain HTTP.
ENVIRONMENT = {
    "DJANGO_SETTINGS_MODULE": "oidp.settings.production",
    "SECRET_KEY": "page-benchmark-" + "x" * 40,
    "SECURE_SSL_REDIRECT": "false",
    "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
    "STATIC_ROOT": str(STATIC_ROOT),
    "CONN_MAX_AGE": "60",
    "LOG_LEVEL": "WARNING",
}
if OPTIONS:
    ENVIRONMENT["DATABASE_URL"] = OPTIONS.database_url
    ENVIRONMENT["REDIS_URL"] = OPTIONS.redis_url
    ENVIRONMENT["CACHE_KEY_PREFIX"] = "oidp-pagebench"
    os.environ.update(ENVIRONMENT)

sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

import search_benchmark  # noqa: E402  (its bulk seeding of experiences)
from search_benchmark import QueryCounter, log  # noqa: E402

NEWS_WORDS = {
    "fr": ["Rencontre", "Appel", "Rapport", "Forum", "Atelier", "Webinaire", "Assemblée"],
    "es": ["Encuentro", "Convocatoria", "Informe", "Foro", "Taller", "Seminario", "Asamblea"],
    "en": ["Meeting", "Call", "Report", "Forum", "Workshop", "Webinar", "Assembly"],
    "pt": ["Encontro", "Chamada", "Relatório", "Fórum", "Oficina", "Webinário", "Assembleia"],
}


def ensure_database():
    """PostgreSQL: create the benchmark's own database when it does not exist yet."""
    if not OPTIONS.database_url.startswith(("postgres://", "postgresql://")):
        return
    import psycopg

    name = settings.DATABASES["default"]["NAME"]
    admin = dict(settings.DATABASES["default"])
    with psycopg.connect(
        dbname="postgres",
        user=admin["USER"],
        password=admin["PASSWORD"],
        host=admin["HOST"] or "127.0.0.1",
        port=admin["PORT"] or 5432,
        autocommit=True,
    ) as pg:
        if not pg.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            pg.execute(f'CREATE DATABASE "{name}"')
            log(f"created database {name}")


def section_indexes(homes_by_code):
    """A news and an event index under each home (the default language's, translated)."""
    from home.factories import publish_translation
    from news.factories import EventIndexPageFactory, NewsIndexPageFactory
    from news.models import EventIndexPage, NewsIndexPage

    indexes = {}
    for model, factory, key in (
        (NewsIndexPage, NewsIndexPageFactory, "news"),
        (EventIndexPage, EventIndexPageFactory, "events"),
    ):
        per_language = {}
        for code in LANGUAGES:
            index = model.objects.filter(locale__language_code=code).first()
            if index is None:
                if code == settings.LANGUAGE_CODE:
                    index = factory(parent=homes_by_code[code])
                else:
                    index = publish_translation(per_language[settings.LANGUAGE_CODE], code)
            per_language[code] = index
        indexes[key] = per_language
    return indexes


def bulk_children(index, model, count, build):
    """Creates `count` live children of `index` in bulk (page rows, then the specific rows)."""
    from django.contrib.contenttypes.models import ContentType

    from wagtail.models import Page

    index = Page.objects.get(pk=index.pk)
    content_type = ContentType.objects.get_for_model(model)
    now = timezone.now()
    with transaction.atomic():
        children = index.get_children().count()
        pages = []
        for number in range(children, children + count):
            page = build(number)
            slug = f"bench-{index.locale_id}-{number}"
            page.draft_title = page.title
            page.slug = slug
            page.path = index.path + search_benchmark._step(number + 1)
            page.depth = index.depth + 1
            page.numchild = 0
            page.url_path = f"{index.url_path}{slug}/"
            page.content_type = content_type
            page.locale_id = index.locale_id
            page.translation_key = uuid.uuid4()
            page.live = True
            page.has_unpublished_changes = False
            page.first_published_at = page.first_published_at or now
            page.last_published_at = now
            pages.append(page)
        columns = [f.attname for f in Page._meta.concrete_fields if f.attname != "id"]
        rows = Page.objects.bulk_create(
            [Page(**{name: getattr(p, name) for name in columns}) for p in pages], batch_size=500
        )
        for page, row in zip(pages, rows, strict=True):
            page.page_ptr_id = row.pk
            page.pk = row.pk
            page.save_base(raw=True, force_insert=True)
        Page.objects.filter(pk=index.pk).update(numchild=children + count)


def seed_news_and_events(news_per_language, events_per_language, rng):
    import datetime

    from home.models import HomePage
    from news.models import EventKind, EventPage, NewsPage

    homes = {home.locale.language_code: home for home in HomePage.objects.select_related("locale")}
    indexes = section_indexes(homes)
    themes, _methods = search_benchmark.vocabularies()
    today = datetime.date.today()
    for code in LANGUAGES:
        words = NEWS_WORDS[code]
        index = indexes["news"][code]
        missing = news_per_language - NewsPage.objects.filter(locale_id=index.locale_id).count()
        if missing > 0:
            started = time.perf_counter()

            def news(number, words=words):
                city, _country = rng.choice(search_benchmark.CITIES)
                day = today - datetime.timedelta(days=rng.randint(0, 1500))
                return NewsPage(
                    title=f"{rng.choice(words)} {city} {number}",
                    date=day,
                    first_published_at=timezone.make_aware(
                        datetime.datetime.combine(day, datetime.time(9))
                    ),
                    teaser=f"{rng.choice(words)} — {city}.",
                    body=[("paragraph", f"<p>{' '.join(rng.choices(words, k=40))}</p>")],
                )

            bulk_children(index, NewsPage, missing, news)
            _link_themes(NewsPage, index.locale_id, themes, rng)
            log(f"{code}: {missing} news items created in {time.perf_counter() - started:.1f} s")
        index = indexes["events"][code]
        missing = events_per_language - EventPage.objects.filter(locale_id=index.locale_id).count()
        if missing > 0:
            started = time.perf_counter()

            def event(number, words=words):
                city, country = rng.choice(search_benchmark.CITIES)
                page = EventPage(
                    title=f"{rng.choice(words)} {city} {number}",
                    kind=rng.choice(EventKind.values),
                    teaser=f"{rng.choice(words)} — {city}.",
                    start_date=today + datetime.timedelta(days=rng.randint(-400, 400)),
                    start_time=datetime.time(rng.randint(8, 18)),
                    time_zone="Europe/Paris",
                    city=city,
                    country=country,
                    body=[("paragraph", f"<p>{' '.join(rng.choices(words, k=40))}</p>")],
                )
                page.end_time = datetime.time(page.start_time.hour + 2)
                page.starts_at = page.local_start.astimezone(datetime.UTC)
                page.ends_at = page.local_end.astimezone(datetime.UTC)
                return page

            bulk_children(index, EventPage, missing, event)
            _link_themes(EventPage, index.locale_id, themes, rng)
            log(f"{code}: {missing} events created in {time.perf_counter() - started:.1f} s")
    return indexes


def _link_themes(model, locale_id, themes, rng):
    through = model.themes.through
    pages = model.objects.filter(locale_id=locale_id, themes__isnull=True).values_list(
        "pk", flat=True
    )
    field = model.themes.field.m2m_field_name()
    through.objects.bulk_create(
        [
            through(**{f"{field}_id": pk, "theme_id": theme.pk})
            for pk in pages
            for theme in rng.sample(themes, rng.randint(1, 2))
        ],
        batch_size=1000,
    )


def seed_site(rng):
    scale = OPTIONS.scale
    started = time.perf_counter()
    search_benchmark.seed(round(2500 * scale), rng)
    seed_news_and_events(round(500 * scale), round(125 * scale), rng)
    log("search index (database backend) ...")
    call_command("update_index", backend_name="default", chunk_size=1000, verbosity=0)
    log(f"site seeded in {time.perf_counter() - started:.0f} s")


def sample_urls(rng, per_kind=24):
    """A few URLs of each page type, in every language."""
    from django.urls import reverse
    from django.utils import translation

    from wagtail.models import Page

    from home.models import HomePage
    from news.models import EventPage, NewsPage
    from repository.models import ExperienceIndexPage, ExperiencePage

    def pages(model):
        ids = list(model.objects.live().values_list("pk", flat=True))
        chosen = rng.sample(ids, min(per_kind, len(ids)))
        return [page.url for page in Page.objects.filter(pk__in=chosen)]

    filters = ["theme=budgets", "theme=youth&method=citizens-assembly", "theme=climate"]
    urls = {
        "home": [page.url for page in HomePage.objects.live()],
        "experience index (filtered)": [
            f"{page.url}?{query}"
            for page in ExperienceIndexPage.objects.live()
            for query in filters
        ],
        "experience": pages(ExperiencePage),
        "news": pages(NewsPage),
        "event": pages(EventPage),
    }
    searches = []
    for code in LANGUAGES:
        with translation.override(code):
            path = reverse("search:search")
        for query in search_benchmark.WORDS[code]["queries"][:4]:
            searches.append(f"{path}?q={query.replace(' ', '+')}&theme=budgets")
    urls["search+facets"] = searches
    return urls


def percentile(values, share):
    ordered = sorted(values)
    return ordered[max(0, round(share * len(ordered)) - 1)]


STATES = {
    "published": "right after a publish: the page cache, the fragment caches and the per-process"
    " memos of home/page_cache.py all start again (the first request of each process after a"
    " change)",
    "miss": "the page itself not in the page cache (not requested since the last change): what"
    " a visitor to one of the 10,000 experiences most often meets; the memos and fragments"
    " are there",
    "warm": "answered by the page cache",
}


def in_process(urls, rng):
    """(kind, state) -> times (ms), query counts; through the full middleware stack."""
    from django.test import RequestFactory

    from home import page_cache

    client = Client()
    results = {}
    for kind in PAGE_KINDS:
        for url in urls[kind][:4]:  # warm-up: connections, templates, query plans
            page_cache.invalidate()
            client.get(url)
        for state in STATES:
            times, counts = [], []
            for number in range(OPTIONS.requests):
                url = urls[kind][number % len(urls[kind])]
                if state == "published":
                    page_cache.invalidate()
                elif state == "miss":
                    client.get(url)  # memos and fragments in place
                    cache.delete(page_cache._key(RequestFactory().get(url)))
                else:
                    client.get(url)  # the page is in the cache from here on
                counter = QueryCounter()
                with connection.execute_wrapper(counter):
                    started = time.perf_counter()
                    response = client.get(url)
                    elapsed = (time.perf_counter() - started) * 1000
                if response.status_code != 200:
                    raise SystemExit(f"{url} answered {response.status_code}")
                expected = "hit" if state == "warm" else "miss"
                if kind != "search+facets" and response.get("X-Page-Cache") != expected:
                    raise SystemExit(f"{url}: X-Page-Cache {response.get('X-Page-Cache')!r}")
                times.append(elapsed)
                counts.append(counter.count)
            results[kind, state] = (times, counts)
    return results


def print_in_process(results):
    log("")
    log(f"In process ({connection.vendor}, {OPTIONS.requests} requests per page and state)")
    for state, meaning in STATES.items():
        log(f"  {state}: {meaning}")
    log(f"{'page':<30}{'state':<10}{'p50 ms':>9}{'p95 ms':>9}{'SQL queries':>13}")
    for (kind, state), (times, counts) in results.items():
        queries = f"{min(counts)}" if min(counts) == max(counts) else f"{min(counts)}-{max(counts)}"
        log(
            f"{kind:<30}{state:<10}{statistics.median(times):9.1f}"
            f"{percentile(times, 0.95):9.1f}{queries:>13}"
        )


LOCUSTFILE = """
import json, os, random
from locust import FastHttpUser, constant, task

URLS = json.loads(open(os.environ["PAGEBENCH_URLS"]).read())


class Reader(FastHttpUser):
    wait_time = constant(0)

    @task
    def read(self):
        label, url = random.choice(URLS)
        self.client.get(url, name=label)
"""


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_gunicorn(port):
    log(f"gunicorn: {OPTIONS.workers} workers on 127.0.0.1:{port}")
    process = subprocess.Popen(
        [
            str(VENV_BIN / "gunicorn"),
            "oidp.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(OPTIONS.workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env={**os.environ, **ENVIRONMENT},
        start_new_session=True,
    )
    import urllib.request

    # Ready when a worker answers (the port opens before the workers have loaded Django).
    for _ in range(120):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=30):
                return process
        except OSError:
            time.sleep(1)
    process.kill()
    raise SystemExit("gunicorn did not start")


def locust(host, labelled_urls, users, seconds, workdir):
    """Runs locust headless; returns {label: stats row} and the aggregated row."""
    urls_file = workdir / "urls.json"
    urls_file.write_text(json.dumps(labelled_urls))
    prefix = workdir / f"run-{uuid.uuid4().hex[:8]}"
    subprocess.run(
        [
            str(VENV_BIN / "locust"),
            "-f",
            str(workdir / "locustfile.py"),
            "--headless",
            "--users",
            str(users),
            "--spawn-rate",
            str(users),
            "--run-time",
            f"{seconds}s",
            "--host",
            host,
            "--csv",
            str(prefix),
            "--only-summary",
            "--loglevel",
            "ERROR",
            "--stop-timeout",
            "5",
        ],
        env={**os.environ, "PAGEBENCH_URLS": str(urls_file)},
        check=False,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    import csv

    with open(f"{prefix}_stats.csv", newline="") as stats:
        rows = {row["Name"]: row for row in csv.DictReader(stats)}
    return rows.pop("Aggregated"), rows


def apache_bench(host, url, users, seconds):
    """ab (apache2-utils) on one URL; the same fields as a locust stats row."""
    import re

    result = subprocess.run(
        ["ab", "-q", "-c", str(users), "-t", str(seconds), "-n", "10000000", host + url],
        capture_output=True,
        text=True,
        check=False,
    )
    output = result.stdout

    def number(label):
        found = re.search(rf"^\s*{re.escape(label)}\s+([0-9.]+)", output, re.MULTILINE)
        return found.group(1) if found else "0"

    failures = int(number("Failed requests:")) + int(number("Non-2xx responses:"))
    return {
        "Requests/s": number("Requests per second:"),
        "50%": number("50%"),
        "99%": number("99%"),
        "Failure Count": str(failures),
        "Request Count": number("Complete requests:"),
    }


def measure_target(host, labelled_urls, users, seconds, workdir):
    if OPTIONS.http_tool == "ab":
        # ab reads one address: the first of the target's (every target's pages are warm).
        return apache_bench(host, labelled_urls[0][1], users, seconds)
    row, _ = locust(host, labelled_urls, users, seconds, workdir)
    return row


def warm_over_http(host, labelled_urls):
    """Every worker answers each URL once so that the cached figures measure the cache."""
    import urllib.request

    for _ in range(OPTIONS.workers * 2):
        for _label, url in labelled_urls:
            with urllib.request.urlopen(host + url, timeout=60) as response:
                response.read()


def over_http(urls):
    from django.contrib.staticfiles.storage import staticfiles_storage

    static_url = staticfiles_storage.url("css/site.css")
    workdir = Path(tempfile.mkdtemp(prefix="oidp-pagebench-"))
    (workdir / "locustfile.py").write_text(LOCUSTFILE)
    port = free_port()
    host = f"http://127.0.0.1:{port}"
    server = start_gunicorn(port)
    try:
        import urllib.request

        with urllib.request.urlopen(host + static_url, timeout=10) as response:
            log(f"static file {static_url}: Cache-Control {response.headers['Cache-Control']}")
        seconds, users = OPTIONS.http_seconds, OPTIONS.http_clients
        tool = "ab -c" if OPTIONS.http_tool == "ab" else "locust headless, FastHttpUser,"
        log(f"HTTP: {users} clients, {seconds} s per target ({tool} {users})")
        static = measure_target(host, [["static", static_url]], users, seconds, workdir)
        figures = [("static file (whitenoise)", static)]
        for kind in PAGE_KINDS:
            labelled = [[kind, url] for url in urls[kind][:8]]
            warm_over_http(host, labelled)
            figures.append((kind, measure_target(host, labelled, users, seconds, workdir)))
        static_rps = float(static["Requests/s"])
        log("")
        log(f"Over HTTP (gunicorn, {OPTIONS.workers} workers; pages answered by the page cache)")
        log(
            f"{'target':<30}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}"
            f"{'requests':>10}{'/ static':>10}"
        )
        for label, row in figures:
            rps = float(row["Requests/s"])
            log(
                f"{label:<30}{rps:9.0f}{row['50%']:>9}{row['99%']:>9}{row['Failure Count']:>8}"
                f"{row['Request Count']:>10}{rps / static_rps:10.2f}"
            )

        mixed = [[kind, url] for kind in PAGE_KINDS for url in urls[kind]]
        seconds = OPTIONS.load_seconds
        log("")
        log(f"Mixed load: {OPTIONS.clients} clients for {seconds} s over {len(mixed)} URLs ...")
        total, rows = locust(host, mixed, OPTIONS.clients, seconds, workdir)
        log(f"{'page':<30}{'requests':>10}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}")
        for label in PAGE_KINDS:
            row = rows.get(label)
            if row:
                log(
                    f"{label:<30}{row['Request Count']:>10}{row['50%']:>9}{row['99%']:>9}"
                    f"{row['Failure Count']:>8}"
                )
        log(
            f"{'all':<30}{total['Request Count']:>10}{total['50%']:>9}{total['99%']:>9}"
            f"{total['Failure Count']:>8}   ({float(total['Requests/s']):.0f} req/s)"
        )
        return int(total["Failure Count"]) + sum(int(row["Failure Count"]) for _l, row in figures)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        shutil.rmtree(workdir, ignore_errors=True)


def main():
    rng = random.Random(OPTIONS.seed)
    ensure_database()
    log(f"database: {connection.vendor} ({settings.DATABASES['default']['NAME']})")
    log(f"cache: {settings.CACHES['default']['BACKEND']}")
    call_command("migrate", verbosity=0)
    if not OPTIONS.reuse:
        seed_site(rng)
    from news.models import EventPage, NewsPage
    from repository.models import ExperiencePage

    log(
        f"content: {ExperiencePage.objects.count()} experiences, {NewsPage.objects.count()} news, "
        f"{EventPage.objects.count()} events"
    )
    log("collectstatic ...")  # production settings: hashed static names from the manifest
    call_command("collectstatic", interactive=False, verbosity=0)
    cache.clear()
    urls = sample_urls(rng)
    if not OPTIONS.skip_in_process:
        print_in_process(in_process(urls, rng))
    if OPTIONS.skip_http:
        return
    errors = over_http(urls)
    if errors:
        raise SystemExit(f"{errors} errors over HTTP")


if __name__ == "__main__":
    main()
