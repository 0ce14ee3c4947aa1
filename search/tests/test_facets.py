"""Facets of the search page: theme, method, SDG, country, region, content type, year.

Run on the database backend (SQLite locally, PostgreSQL in CI); the live suite repeats the
theme facet against the engine.
"""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from home.factories import publish_translation
from repository.factories import ExperiencePageFactory
from repository.models import Theme
from repository.tests.base import build_repository
from search.query import search_pages

pytestmark = pytest.mark.django_db


def experience(parent, title, **kwargs):
    page = ExperiencePageFactory(parent=parent, title=title, **kwargs)
    page.save_revision().publish()
    return page


@pytest.fixture
def repository():
    tree = build_repository()
    themes, methods, sdg = tree["themes"], tree["methods"], tree["sdg"]
    fr = tree["indexes"]["fr"]
    porto = experience(
        fr,
        "Budget participatif de Porto Alegre",
        summary="Participation des habitants au budget.",
        country="BR",
        themes=[themes["budgets"]],
        methods=[methods["pb"]],
        sdgs=[sdg(16)],
    )
    lyon = experience(
        fr,
        "Conseil de la jeunesse de Lyon",
        summary="Participation des jeunes aux décisions.",
        country="FR",
        themes=[themes["youth"]],
        methods=[methods["assembly"]],
        sdgs=[sdg(11), sdg(16)],
    )
    grenoble = experience(
        fr,
        "Budget des jeunes de Grenoble",
        summary="Participation des jeunes au budget.",
        country="FR",
        themes=[themes["youth"], themes["budgets"]],
        methods=[methods["pb"]],
    )
    # The theme's Spanish name, and a Spanish translation of one experience.
    youth_es = themes["youth"].copy_for_translation(tree["indexes"]["es"].locale)
    youth_es.name = "Juventud"
    youth_es.save()
    lyon_es = publish_translation(lyon, "es")
    lyon_es.title = "Consejo de la juventud de Lyon"
    lyon_es.summary = "Participación de los jóvenes en las decisiones."
    lyon_es.save_revision().publish()
    tree["pages"] = {"porto": porto, "lyon": lyon, "grenoble": grenoble, "lyon_es": lyon_es}
    return tree


def titles(outcome):
    return sorted(page.title for page in outcome.page.object_list)


def facet_rows(outcome, param):
    """{value: (label, count, selected)} of one facet."""
    for facet, rows in outcome.facets:
        if facet.param == param:
            return {value: (label, count, chosen) for value, label, count, chosen in rows}
    raise AssertionError(f"no facet {param}")


def counts(outcome, param):
    return {value: count for value, (_label, count, _chosen) in facet_rows(outcome, param).items()}


def test_every_facet_counts_the_results_of_the_query(repository):
    outcome = search_pages("participation", "fr")
    assert outcome.total == 3
    assert counts(outcome, "theme") == {"youth": 2, "budgets": 2}
    assert counts(outcome, "method") == {"participatory-budgeting": 2, "citizens-assembly": 1}
    assert counts(outcome, "sdg") == {"16": 2, "11": 1}
    assert counts(outcome, "country") == {"FR": 2, "BR": 1}
    assert counts(outcome, "region") == {"europe": 2, "latin-america": 1}
    assert sum(counts(outcome, "type").values()) == 3
    assert sum(counts(outcome, "year").values()) == 3


def test_facet_labels_are_in_the_readers_language(repository):
    fr = facet_rows(search_pages("participation", "fr"), "theme")
    assert fr["youth"][0] == "Jeunesse"
    es = facet_rows(search_pages("participacion", "es"), "theme")
    assert es == {"youth": ("Juventud", 1, False)}
    assert facet_rows(search_pages("participation", "fr"), "country")["FR"][0] == "France"
    assert facet_rows(search_pages("participation", "fr"), "sdg")["16"][0].startswith("16. ")


def test_a_theme_narrows_the_results_and_the_other_facets(repository):
    outcome = search_pages("participation", "fr", {"theme": ["budgets"]})
    assert titles(outcome) == [
        "Budget des jeunes de Grenoble",
        "Budget participatif de Porto Alegre",
    ]
    # The theme facet ignores its own selection (values combine with OR) ...
    assert counts(outcome, "theme") == {"youth": 2, "budgets": 2}
    assert facet_rows(outcome, "theme")["budgets"][2] is True
    # ... and the other facets count within it.
    assert counts(outcome, "country") == {"FR": 1, "BR": 1}
    assert counts(outcome, "method") == {"participatory-budgeting": 2}


def test_values_of_a_facet_combine_with_or_and_facets_with_and(repository):
    both = search_pages("participation", "fr", {"theme": ["budgets", "youth"]})
    assert both.total == 3
    narrowed = search_pages(
        "participation", "fr", {"theme": ["youth"], "country": ["FR"], "sdg": ["16"]}
    )
    assert titles(narrowed) == ["Conseil de la jeunesse de Lyon"]
    assert (
        search_pages(
            "participation", "fr", {"method": ["citizens-assembly"], "country": ["BR"]}
        ).total
        == 0
    )


def test_a_theme_finds_the_content_of_every_language(repository):
    outcome = search_pages("", "es", {"theme": ["youth"]})
    assert titles(outcome) == ["Consejo de la juventud de Lyon"]
    assert search_pages("", "fr", {"theme": ["youth"]}).total == 2


def test_facet_counts_cost_a_fixed_number_of_queries(repository):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            search_pages("participation", "fr", {"theme": ["budgets", "youth"]})
        return len(captured)

    queries()  # the vocabularies' labels are cached from the first search on
    before = queries()
    tree = repository
    for number in range(6):
        experience(
            tree["indexes"]["fr"],
            f"Participation numéro {number}",
            country=["BR", "FR", "SN"][number % 3],
            themes=[tree["themes"]["youth"]],
            methods=[tree["methods"]["assembly"]],
            sdgs=[tree["sdg"](number + 1)],
        )
    assert search_pages("participation", "fr", {"theme": ["youth"]}).total == 8
    assert queries() == before


def test_filters_are_kept_in_the_url_and_removable_one_by_one(client, repository):
    response = client.get(
        "/fr/search/", {"q": "participation", "theme": "budgets", "country": "FR"}
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "Budget des jeunes de Grenoble" in content
    assert "Budget participatif de Porto Alegre" not in content
    # Each active filter links to the same search without it, the other filter kept.
    assert 'href="?q=participation&amp;country=FR"' in content
    assert 'href="?q=participation&amp;theme=budgets"' in content
    # A facet value adds itself to the URL.
    assert 'href="?q=participation&amp;theme=budgets&amp;theme=youth&amp;country=FR"' in content


def test_bad_facet_values_are_ignored(client, repository):
    response = client.get(
        "/fr/search/",
        {"q": "participation", "sdg": "99", "country": "<b>", "year": "x", "page": "z"},
    )
    assert response.status_code == 200
    assert response.content.decode().count('class="search-result"') == 3


def test_zero_results_offer_to_drop_a_filter_and_popular_themes(client, repository):
    response = client.get(
        "/fr/search/", {"q": "participation", "method": "citizens-assembly", "country": "BR"}
    )
    content = response.content.decode()
    assert 'class="search-no-results"' in content
    assert 'class="search-drop-filters"' in content
    assert 'href="?q=participation&amp;country=BR"' in content  # without the method
    assert 'href="?q=participation&amp;method=citizens-assembly"' in content  # without the country
    assert 'class="search-popular-themes"' in content
    assert 'href="?theme=youth"' in content and "Jeunesse" in content


def test_browsing_a_theme_without_words(client, repository):
    response = client.get("/fr/search/", {"theme": "youth"})
    content = response.content.decode()
    assert response.status_code == 200
    assert "Conseil de la jeunesse de Lyon" in content and "Budget des jeunes" in content
    assert "Budget participatif de Porto Alegre" not in content


def test_popular_themes_count_live_pages_of_the_language(repository):
    from search.facets import popular_themes

    assert [(code, count) for code, _label, count in popular_themes("fr")] == [
        ("budgets", 2),
        ("youth", 2),
    ]
    assert popular_themes("es") == [("youth", "Juventud", 1)]
    assert Theme.objects.filter(slug="youth").count() == 2
