"""The live suite: a real OpenSearch/Elasticsearch node (scripts/search-node.sh start).

Runs when ELASTICSEARCH_URL is set (with SEARCH_ENGINE=opensearch3 for the node of
scripts/search-node.sh); skipped with the reason otherwise. The last test stops the node with
the script and starts it again, so the suite must run against the script's node.
"""

import os
import subprocess
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command

from wagtail.models import Page
from wagtail.search.backends import get_search_backend

import pytest

from home.factories import StandardPageFactory
from search.backends import ENGINE_DOWN_CACHE_KEY, engine_backend_name
from search.management.commands.search_health import health
from search.query import autocomplete_titles, search_other_languages, search_pages
from search.tests.helpers import LANGUAGE_CASES, build_language_pages

pytestmark = [
    pytest.mark.live_search,
    pytest.mark.skipif(
        not os.environ.get("ELASTICSEARCH_URL"),
        reason="ELASTICSEARCH_URL is not set: start a node with scripts/search-node.sh start",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SCRIPT = Path(settings.BASE_DIR) / "scripts" / "search-node.sh"


def refresh():
    for code, _name in settings.LANGUAGES:
        backend = get_search_backend(engine_backend_name(code))
        backend.get_index_for_model(Page).refresh()


@pytest.fixture
def site():
    cache.delete(ENGINE_DOWN_CACHE_KEY)
    for code, _name in settings.LANGUAGES:
        backend = get_search_backend(engine_backend_name(code))
        # Wagtail's reset_indexes() cannot delete an index behind an alias: delete them all.
        backend.es.indices.delete(index=f"{backend.index_prefix}*", ignore_unavailable=True)
    homes, pages = build_language_pages()
    call_command("update_index", verbosity=0)
    refresh()
    yield homes, pages
    cache.delete(ENGINE_DOWN_CACHE_KEY)


def titles(outcome):
    return [page.title for page in outcome.page.object_list]


@pytest.mark.parametrize("language", list(LANGUAGE_CASES))
def test_engine_stems_and_folds_accents_per_language(site, language):
    title, _intro, queries = LANGUAGE_CASES[language]
    for query in queries:
        outcome = search_pages(query, language)
        assert outcome.backend == engine_backend_name(language)
        assert titles(outcome) == [title], query


def test_portuguese_nasal_plurals_find_the_singular(site):
    homes, _pages = site
    page = StandardPageFactory(
        parent=homes["pt"], title="Decisão coletiva", locale=homes["pt"].locale
    )
    page.save_revision().publish()
    refresh()
    for query in ["decisões", "decisoes", "decisao"]:
        outcome = search_pages(query, "pt")
        assert outcome.backend == "engine_pt"
        assert titles(outcome) == ["Decisão coletiva"], query


def test_facets_with_counts(site):
    outcome = search_pages("democratie", "fr")
    (facet, rows), *_ = outcome.facets
    assert facet.param == "type"
    assert [count for _v, _l, count, _s in rows] == [1]
    value = rows[0][0]
    assert search_pages("democratie", "fr", {"type": [value]}).total == 1
    year_rows = dict(outcome.facets)[next(f for f, _ in outcome.facets if f.param == "year")]
    assert sum(count for _v, _l, count, _s in year_rows) == 1


def test_autocomplete_from_the_engine(site):
    assert "Les démocraties participatives" in [t for t, _u in autocomplete_titles("democ", "fr")]


def test_highlighted_snippets_on_the_page(client, site):
    response = client.get("/pt/search/", {"q": "participacao"})
    assert response.status_code == 200
    assert "<mark>participação</mark>" in response.content.decode()


def test_searching_across_languages(site):
    found = search_other_languages("participativos", "fr", settings.LANGUAGES)
    assert {code for code, *_rest in found} == {"es", "pt"}


def engine_document(language, page):
    """The engine's document of a page ({} when there is none)."""
    backend = get_search_backend(engine_backend_name(language))
    index = backend.get_index_for_model(Page)
    response = backend.es.search(
        index=index.name, body={"query": {"ids": {"values": [str(page.pk)]}}}
    )
    hits = response["hits"]["hits"]
    return hits[0]["_source"] if hits else {}


def test_index_follows_publish_unpublish_and_delete(site):
    homes, _pages = site
    page = StandardPageFactory(parent=homes["en"], title="Mini-publics", live=False)
    page.save_revision().publish()
    # publish() updates the revision's copy of the page: read the live state back.
    page.refresh_from_db()
    refresh()
    assert engine_document("en", page)["live_filter"] is True
    assert titles(search_pages("mini-publics", "en")) == ["Mini-publics"]

    page.unpublish()
    refresh()
    assert engine_document("en", page)["live_filter"] is False
    assert search_pages("mini-publics", "en").total == 0  # filtered to live pages

    page.save_revision().publish()
    page.refresh_from_db()
    refresh()
    assert titles(search_pages("mini-publics", "en")) == ["Mini-publics"]

    page.delete()
    refresh()
    assert engine_document("en", page) == {}
    backend = get_search_backend(engine_backend_name("en"))
    assert backend.search("mini-publics", Page).count() == 0


def test_theme_facet_from_the_engine_results(site):
    from repository.factories import ExperienceIndexPageFactory, ExperiencePageFactory, ThemeFactory

    homes, _pages = site
    index = ExperienceIndexPageFactory(parent=homes["fr"])
    youth = ThemeFactory(name="Jeunesse", slug="youth")
    other = ThemeFactory(name="Logement", slug="housing")
    for title, theme in [
        ("Démocratie des jeunes", youth),
        ("Démocratie du logement", other),
    ]:
        page = ExperiencePageFactory(parent=index, title=title, country="SN", themes=[theme])
        page.save_revision().publish()
    refresh()
    outcome = search_pages("democratie", "fr")
    assert outcome.backend == "engine_fr"
    theme_rows = {
        value: count
        for facet, rows in outcome.facets
        if facet.param == "theme"
        for value, _l, count, _s in rows
    }
    assert theme_rows == {"youth": 1, "housing": 1}
    narrowed = search_pages("democratie", "fr", {"theme": ["youth"], "region": ["africa"]})
    assert narrowed.backend == "engine_fr"
    assert titles(narrowed) == ["Démocratie des jeunes"]
    # Counted by the engine, each facet within the other facets' selections.
    narrowed_counts = {
        facet.param: {value: count for value, _l, count, _s in rows}
        for facet, rows in narrowed.facets
    }
    assert narrowed_counts["theme"] == {"youth": 1, "housing": 1}
    assert narrowed_counts["country"] == {"SN": 1}


def test_engine_facet_values_follow_a_published_revision(site):
    from repository.factories import ExperienceIndexPageFactory, ExperiencePageFactory, ThemeFactory
    from search.facets import FACETS_FIELD

    homes, _pages = site
    index = ExperienceIndexPageFactory(parent=homes["fr"])
    youth = ThemeFactory(name="Jeunesse", slug="youth")
    housing = ThemeFactory(name="Logement", slug="housing")
    page = ExperiencePageFactory(parent=index, title="Démocratie locale", themes=[youth])
    page.save_revision().publish()
    draft = page.get_latest_revision_as_object()
    draft.themes = [housing]
    draft.save_revision().publish()
    refresh()
    backend = get_search_backend(engine_backend_name("fr"))
    document = backend.es.get(index=backend.get_index_for_model(Page).name, id=str(page.pk))
    assert "theme:housing" in document["_source"][FACETS_FIELD]
    assert "theme:youth" not in document["_source"][FACETS_FIELD]
    outcome = search_pages("democratie", "fr")
    assert outcome.backend == "engine_fr"
    assert {
        value: count
        for facet, rows in outcome.facets
        if facet.param == "theme"
        for value, _l, count, _s in rows
    } == {"housing": 1}


def test_node_stopped_then_restarted(client, site):
    homes, _pages = site
    subprocess.run([str(SCRIPT), "stop"], check=True, timeout=120)
    try:
        outcome = search_pages("democratie", "fr")
        assert outcome.backend == "default"
        assert titles(outcome) == ["Les démocraties participatives"]
        assert client.get("/fr/search/", {"q": "democratie"}).status_code == 200
        page = StandardPageFactory(parent=homes["fr"], title="Conseils de quartier", live=False)
        page.save_revision().publish()
        assert Page.objects.get(pk=page.pk).live
    finally:
        subprocess.run([str(SCRIPT), "start"], check=True, timeout=600)
    cache.delete(ENGINE_DOWN_CACHE_KEY)
    call_command("update_index", verbosity=0)
    refresh()
    rows = health()
    assert all(in_engine == in_database for _code, in_database, in_engine, _e in rows), rows
    outcome = search_pages("quartier", "fr")
    assert outcome.backend == "engine_fr"
    assert titles(outcome) == ["Conseils de quartier"]
