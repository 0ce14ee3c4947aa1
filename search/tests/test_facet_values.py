"""The facet values table (search.models.PageFacetValue) and the engine's facet aggregations.

The table follows publishing, unpublishing, deleting and translating pages, `update_index`
rebuilds it, and all the counts of a search are one query over it. On the engine, the same
values are in each document and counted by aggregations built in search.facets.
"""

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import Page
from wagtail.search.backends import get_search_backend

import pytest

from home.factories import publish_translation
from repository.factories import ExperiencePageFactory
from repository.tests.base import build_repository
from search.facets import (
    FACETS_FIELD,
    count_facets,
    engine_aggregations,
    engine_counts,
    registered_facets,
)
from search.models import PageFacetValue
from search.query import base_queryset, search_pages

pytestmark = pytest.mark.django_db


def values(page, facet=None):
    """The stored (facet, value) pairs of a page, or the values of one facet."""
    rows = PageFacetValue.objects.filter(page_id=page.pk)
    if facet:
        return sorted(rows.filter(facet=facet).values_list("value", flat=True))
    return sorted(rows.values_list("facet", "value"))


@pytest.fixture
def tree():
    return build_repository()


@pytest.fixture
def porto(tree):
    page = ExperiencePageFactory(
        parent=tree["indexes"]["fr"],
        title="Budget participatif de Porto Alegre",
        summary="Participation des habitants au budget.",
        country="BR",
        themes=[tree["themes"]["budgets"]],
        methods=[tree["methods"]["pb"]],
        sdgs=[tree["sdg"](16)],
    )
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def test_publishing_stores_every_facet_value_of_the_page(porto):
    year = str(timezone.localtime(porto.first_published_at).year)
    assert values(porto) == sorted(
        [
            ("type", str(porto.content_type_id)),
            ("theme", "budgets"),
            ("method", "participatory-budgeting"),
            ("sdg", "16"),
            ("country", "BR"),
            ("region", "latin-america"),
            ("year", year),
        ]
    )


def test_a_new_revision_with_other_themes_replaces_the_values_once_published(tree, porto):
    page = porto.get_latest_revision_as_object()
    page.themes = [tree["themes"]["youth"], tree["themes"]["governance"]]
    page.country = "SN"
    revision = page.save_revision()
    # A draft changes nothing: the values are those of the live page.
    assert values(porto, "theme") == ["budgets"]
    revision.publish()
    assert values(porto, "theme") == ["governance", "youth"]
    assert values(porto, "country") == ["SN"]
    assert values(porto, "region") == ["africa"]


def test_unpublishing_removes_the_values_and_republishing_restores_them(porto):
    porto.unpublish()
    assert values(porto) == []
    porto.refresh_from_db()
    porto.save_revision().publish()
    assert values(porto, "theme") == ["budgets"]


def test_deleting_the_page_deletes_its_values(porto):
    page_id = porto.pk
    Page.objects.get(pk=page_id).delete()
    assert not PageFacetValue.objects.filter(page_id=page_id).exists()


def test_a_translation_has_its_own_values_with_the_same_codes(porto):
    translated = publish_translation(porto, "es")
    assert values(translated, "theme") == ["budgets"]
    assert values(translated, "sdg") == ["16"]
    assert values(translated, "country") == ["BR"]
    counts = count_facets(base_queryset("es").values("pk"), registered_facets())
    assert counts["theme"] == {"budgets": 1}


def test_update_index_rebuilds_the_values(porto):
    PageFacetValue.objects.all().delete()
    call_command("update_index", backend_name="default", verbosity=0)
    assert values(porto, "theme") == ["budgets"]
    assert values(porto, "method") == ["participatory-budgeting"]
    # Pages without the fields (homes, indexes) still have their type and year.
    home = porto.get_parent().get_parent()
    assert values(home, "type") == [str(home.content_type_id)]


def test_all_facets_are_counted_in_one_query_whatever_the_selections(tree, porto):
    lyon = ExperiencePageFactory(
        parent=tree["indexes"]["fr"],
        title="Conseil de la jeunesse de Lyon",
        country="FR",
        themes=[tree["themes"]["youth"], tree["themes"]["budgets"]],
        methods=[tree["methods"]["assembly"]],
    )
    lyon.save_revision().publish()
    facets = registered_facets()
    ids = base_queryset("fr").values("pk")
    with CaptureQueriesContext(connection) as captured:
        counts = count_facets(ids, facets, {"theme": ["youth"], "country": ["FR", "SN"]})
    assert len(captured) == 1
    # The theme facet ignores its own selection, within the country selection: only Lyon.
    assert counts["theme"] == {"youth": 1, "budgets": 1}
    # The country facet ignores its own selection, within the theme selection: only Lyon.
    assert counts["country"] == {"FR": 1}
    # The other facets count within both selections.
    assert counts["method"] == {"citizens-assembly": 1}
    assert count_facets(ids, facets)["country"] == {"FR": 1, "BR": 1}


def test_search_counts_come_from_the_table(porto):
    """Rows for a page that has no such theme show in the counts: they are what is counted."""
    PageFacetValue.objects.create(page_id=porto.pk, facet="theme", value="housing")
    outcome = search_pages("participation", "fr")
    theme_counts = {
        value: count
        for facet, rows in outcome.facets
        if facet.param == "theme"
        for value, _label, count, _selected in rows
    }
    assert theme_counts == {"budgets": 1, "housing": 1}


def test_engine_aggregations_count_each_facet_within_the_other_selections():
    facets = [f for f in registered_facets() if f.param in {"theme", "country", "year"}]
    aggregations = engine_aggregations(facets, {"theme": ["youth", "budgets"], "year": ["2024"]})
    assert aggregations["theme"]["filter"] == {
        "bool": {"filter": [{"terms": {FACETS_FIELD: ["year:2024"]}}]}
    }
    assert aggregations["country"]["filter"] == {
        "bool": {
            "filter": [
                {"terms": {FACETS_FIELD: ["theme:youth", "theme:budgets"]}},
                {"terms": {FACETS_FIELD: ["year:2024"]}},
            ]
        }
    }
    assert aggregations["country"]["aggs"]["values"]["terms"] == {
        "field": FACETS_FIELD,
        "include": "country:.*",
        "size": 1000,
    }
    assert engine_aggregations(facets)["year"]["filter"] == {"match_all": {}}
    response = {
        "aggregations": {
            "theme": {"values": {"buckets": [{"key": "theme:youth", "doc_count": 3}]}},
            "country": {"values": {"buckets": [{"key": "country:BR", "doc_count": 2}]}},
            "year": {"values": {"buckets": []}},
        }
    }
    assert engine_counts(response, facets) == {
        "theme": {"youth": 3},
        "country": {"BR": 2},
        "year": {},
    }


def test_engine_documents_carry_the_facet_values(porto):
    backend = get_search_backend(
        "search.backends.opensearch3", URLS=["http://127.0.0.1:9"], LANGUAGE="fr"
    )
    mapping = backend.mapping_class(type(porto))
    assert mapping.get_mapping()["properties"][FACETS_FIELD] == {"type": "keyword"}
    document = mapping.get_document(porto)
    assert "theme:budgets" in document[FACETS_FIELD]
    assert "country:BR" in document[FACETS_FIELD]
    assert "sdg:16" in document[FACETS_FIELD]


def test_facet_labels_are_cached_until_the_vocabulary_changes(tree, porto):
    def theme_labels():
        outcome = search_pages("participation", "fr")
        return {
            value: label
            for facet, rows in outcome.facets
            if facet.param == "theme"
            for value, label, _count, _selected in rows
        }

    assert theme_labels() == {"budgets": "Budgets"}
    with CaptureQueriesContext(connection) as captured:
        theme_labels()
    assert not [q for q in captured if "repository_theme" in q["sql"]]
    theme = tree["themes"]["budgets"]
    theme.name = "Budgets participatifs"
    theme.save()
    assert theme_labels() == {"budgets": "Budgets participatifs"}
