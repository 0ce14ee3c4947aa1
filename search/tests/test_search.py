"""Search on the database backend (SQLite and PostgreSQL), the engine settings without a server,
and the fallback to the database when the engine is unreachable."""

from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from wagtail.models import Page
from wagtail.search.backends import get_search_backend

import pytest

from home.factories import StandardPageFactory
from search.backends import ENGINE_DOWN_CACHE_KEY
from search.backends.engine import LANGUAGE_ANALYSIS, language_analyzer_name
from search.query import base_queryset, highlight, search_pages
from search.tests.helpers import LANGUAGE_CASES, build_language_pages

pytestmark = pytest.mark.django_db

ENGINES = ["opensearch2", "opensearch3", "elasticsearch8", "elasticsearch9"]


def closed_port_backends(settings):
    backends = {"default": {"BACKEND": "search.backends.database"}}
    for code, _name in settings.LANGUAGES:
        backends[f"engine_{code}"] = {
            "BACKEND": "search.backends.opensearch3",
            "URLS": ["http://127.0.0.1:9"],  # discard port: connection refused
            "LANGUAGE": code,
            "INDEX_PREFIX": f"test_{code}_",
            "TIMEOUT": 1,
            "OPTIONS": {"max_retries": 0},
        }
    return backends


@pytest.fixture
def language_pages():
    return build_language_pages()


@pytest.fixture(autouse=True)
def _engine_not_marked_down():
    from django.core.cache import cache

    cache.delete(ENGINE_DOWN_CACHE_KEY)
    yield
    cache.delete(ENGINE_DOWN_CACHE_KEY)


def titles(outcome):
    return [page.title for page in outcome.page.object_list]


def test_database_search_ignores_case_and_accents(language_pages):
    assert titles(search_pages("DEMOCRATIES", "fr")) == ["Les démocraties participatives"]
    assert titles(search_pages("democraties", "fr")) == ["Les démocraties participatives"]
    assert titles(search_pages("orçamentos", "pt")) == ["Orçamentos participativos"]


def test_search_stays_in_the_active_language(language_pages):
    assert search_pages("participativos", "es").total == 1
    assert titles(search_pages("participativos", "es")) == ["Presupuestos participativos"]


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="stemming needs PostgreSQL's text search"
)
@pytest.mark.parametrize("language", list(LANGUAGE_CASES))
def test_postgresql_stems_and_folds_accents_per_language(language_pages, language):
    title, _intro, queries = LANGUAGE_CASES[language]
    for query in queries:
        assert titles(search_pages(query, language)) == [title], query


def test_draft_and_private_pages_are_not_found(language_pages):
    homes, _pages = language_pages
    draft = StandardPageFactory(parent=homes["fr"], title="Démocratie brouillon", live=False)
    assert draft.title not in titles(search_pages("democratie", "fr"))


def test_facets_count_and_filter_by_content_type(language_pages):
    outcome = search_pages("democraties", "fr")
    facet, rows = outcome.facets[0]
    assert facet.param == "type"
    ((value, _label, count, selected),) = rows
    assert (count, selected) == (1, False)
    filtered = search_pages("democraties", "fr", {"type": [value]})
    assert filtered.total == 1
    assert filtered.facets[0][1][0][3] is True


def test_year_facet_filters_by_year_of_first_publication(language_pages):
    _homes, pages = language_pages
    year = str(Page.objects.get(pk=pages["fr"].pk).first_published_at.year)
    outcome = search_pages("democraties", "fr", {"year": [year]})
    assert outcome.total == 1
    assert search_pages("democraties", "fr", {"year": ["1999"]}).total == 0


def test_highlight_escapes_html_and_marks_the_words():
    html = highlight("Les <b>démocraties</b> & citoyens", "democratie")
    assert "<mark>démocraties</mark>" in html
    assert "&lt;b&gt;" in html and "&amp;" in html


def test_search_page_answers_noindex_with_removable_filters(client, language_pages):
    url = reverse("search:search")
    with translation.override("fr"):
        url = reverse("search:search")
    response = client.get(url, {"q": "democraties"})
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex"
    assert b'<meta name="robots" content="noindex">' in response.content
    assert b"<mark>d\xc3\xa9mocraties</mark>" in response.content
    type_value = search_pages("democraties", "fr").facets[0][1][0][0]
    filtered = client.get(url, {"q": "democraties", "type": type_value})
    # The active filter links back to the same search without it.
    assert b'href="?q=democraties"' in filtered.content


def test_zero_results_offer_help_and_other_languages(client, language_pages):
    response = client.get("/fr/search/", {"q": "participativos"})
    content = response.content.decode()
    assert response.status_code == 200
    assert 'class="search-no-results"' in content
    assert 'lang="es"' in content and "Presupuestos participativos" in content


def test_autocomplete_returns_titles_as_json(client, language_pages):
    response = client.get("/en/search/autocomplete/", {"q": "citiz"})
    assert response.json()["results"][0]["title"] == "Citizens' assemblies"


def test_header_has_a_labelled_search_box(client, language_pages):
    response = client.get("/es/search/")
    assert b'<label for="search-box-q">' in response.content
    assert b'action="/es/search/"' in response.content


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("language", list(LANGUAGE_ANALYSIS))
def test_engine_indexes_use_the_language_analyser(engine, language):
    backend = get_search_backend(
        f"search.backends.{engine}",
        URLS=["http://127.0.0.1:9"],
        LANGUAGE=language,
        INDEX_PREFIX=f"oidp_{language}_",
    )
    analysis = backend.settings["settings"]["analysis"]
    default = analysis["analyzer"]["default"]
    assert default == analysis["analyzer"][language_analyzer_name(language)]
    assert "asciifolding" in default["filter"]
    stemmer = analysis["filter"][f"{language}_stemmer"]
    assert stemmer["language"] == LANGUAGE_ANALYSIS[language]["stemmer"]
    # Wagtail's own analysers stay (autocomplete).
    assert "edgengram_analyzer" in analysis["analyzer"]
    assert backend.get_index_for_model(Page).name == f"oidp_{language}_wagtailcore_page"
    mapping = backend.mapping_class(Page).get_mapping()
    assert mapping["properties"]["_edgengrams"]["search_analyzer"] == "edgengram_search"
    # Text fields have no analyser of their own: they take the index's default.
    assert "analyzer" not in mapping["properties"]["title"]


def test_engine_query_with_facets_and_filters_has_the_expected_shape(language_pages):
    backend = get_search_backend(
        "search.backends.opensearch2", URLS=["http://127.0.0.1:9"], LANGUAGE="fr"
    )
    queryset = base_queryset("fr").filter(content_type__in=[1, 2])
    results = backend.search("démocratie", queryset)
    query = results.query_compiler.get_query()
    filters = query["bool"]["filter"]
    text = repr(filters)
    assert "content_type_id_filter" in text and "locale_id_filter" in text
    assert "live_filter" in text
    assert query["bool"]["must"]["multi_match"]["query"] == "démocratie"


def test_engine_backends_only_index_their_language(language_pages):
    _homes, pages = language_pages
    backend = get_search_backend(
        "search.backends.opensearch2", URLS=["http://127.0.0.1:9"], LANGUAGE="es"
    )
    index = backend.get_index_for_model(Page)
    assert index._mine(pages["es"], {}) is True
    assert index._mine(pages["fr"], {}) is False


def test_closed_port_falls_back_to_the_database_and_publishing_works(
    client, settings, language_pages
):
    settings.WAGTAILSEARCH_BACKENDS = closed_port_backends(settings)
    homes, _pages = language_pages
    outcome = search_pages("democraties", "fr")
    assert outcome.backend == "default"
    assert titles(outcome) == ["Les démocraties participatives"]
    response = client.get("/fr/search/", {"q": "democraties"})
    assert response.status_code == 200 and b"participatives" in response.content
    assert client.get("/fr/search/autocomplete/", {"q": "democ"}).json()["results"]

    page = StandardPageFactory(parent=homes["fr"], title="Jurys citoyens", live=False)
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.live
    assert titles(search_pages("jurys", "fr")) == ["Jurys citoyens"]
    page.unpublish()
    page.delete()


def test_search_health_reports_an_unreachable_engine(settings, capsys, language_pages):
    settings.WAGTAILSEARCH_BACKENDS = closed_port_backends(settings)
    call_command("search_health")
    out = capsys.readouterr().out
    assert "fr: database" in out and "unreachable" in out


@override_settings(WAGTAILSEARCH_BACKENDS={"default": {"BACKEND": "search.backends.database"}})
def test_search_health_without_engine(capsys, language_pages):
    call_command("search_health")
    assert "no engine configured" in capsys.readouterr().out


def test_engine_documents_of_experiences_serialise_their_country(language_pages):
    """A CountryField value is indexed as its code (the client cannot serialise it otherwise)."""
    from opensearchpy.serializer import JSONSerializer

    from repository.factories import ExperienceIndexPageFactory, ExperiencePageFactory

    homes, _pages = language_pages
    index = ExperienceIndexPageFactory(parent=homes["fr"])
    page = ExperiencePageFactory(parent=index, country="SN")
    backend = get_search_backend(
        "search.backends.opensearch3", URLS=["http://127.0.0.1:9"], LANGUAGE="fr"
    )
    document = backend.mapping_class(type(page)).get_document(page)
    assert document["repository_experiencepage__country_filter"] == "SN"
    assert '"SN"' in JSONSerializer().dumps(document)


def test_portuguese_analyser_restores_the_tilde_and_stems_before_folding():
    backend = get_search_backend(
        "search.backends.opensearch3", URLS=["http://127.0.0.1:9"], LANGUAGE="pt"
    )
    analysis = backend.settings["settings"]["analysis"]
    chain = analysis["analyzer"]["default"]["filter"]
    assert chain.index("pt_restore_0") < chain.index("pt_stemmer") < chain.index("asciifolding")
    assert analysis["filter"]["pt_restore_0"] == {
        "type": "pattern_replace",
        "pattern": "oes$",
        "replacement": "ões",
    }
    french = get_search_backend(
        "search.backends.opensearch3", URLS=["http://127.0.0.1:9"], LANGUAGE="fr"
    ).settings["settings"]["analysis"]["analyzer"]["default"]["filter"]
    assert french.index("asciifolding") < french.index("fr_stemmer")
