"""The database search backend, with a text-search configuration per language on PostgreSQL.

* PostgreSQL: one IndexEntry row per object, its tsvector built with the configuration of the
  object's language (`oidp_fr`, `oidp_es`, `oidp_en`, `oidp_pt`: the language's Snowball stemmer
  after `unaccent`, created by search/migrations/0001), and queries parsed with the active
  language's configuration. Autocomplete uses `oidp_simple` (no stemming, accents folded).
* SQLite and others: Wagtail's own backend. SQLite's FTS5 table uses the `unicode61`
  tokenizer, which folds case and removes diacritics: "democratie" finds "Démocratie", but
  there is no stemming.

On every database, the index also keeps the pages' facet values (`search.models.PageFacetValue`)
in step: whatever (re)indexes a page here (its save, publish or unpublish; `update_index`)
stores its values in the same call (`FacetValuesIndexMixin`).
"""

from functools import cache

from django.db import connection
from django.utils import translation

from modelsearch.backends.database import SearchBackend as wagtail_database_backend

TEXT_SEARCH_CONFIGS = {
    "fr": ("oidp_fr", "french"),
    "es": ("oidp_es", "spanish"),
    "en": ("oidp_en", "english"),
    "pt": ("oidp_pt", "portuguese"),
}
AUTOCOMPLETE_CONFIG = "oidp_simple"


def text_search_config(language_code):
    language = (language_code or "").split("-")[0]
    return TEXT_SEARCH_CONFIGS.get(language, ("simple", "simple"))[0]


class FacetValuesIndexMixin:
    """Stores the facet values of the pages this index receives (see search.facets)."""

    def add_items(self, model, objs):
        objs = list(objs)
        super().add_items(model, objs)
        from search.facets import store_facet_values

        store_facet_values(objs)


@cache
def _facet_values_index(index_class):
    return type(f"FacetValues{index_class.__name__}", (FacetValuesIndexMixin, index_class), {})


def _with_facet_values(backend):
    """The backend, its index class extended with FacetValuesIndexMixin."""
    backend.index_class = _facet_values_index(backend.index_class)
    return backend


@cache  # one class per process: the classes never change
def _postgres_backend_class():
    from modelsearch.backends.database.postgres.postgres import (
        PostgresAutocompleteQueryCompiler,
        PostgresIndex,
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
    )
    from wagtail.models import Locale

    class LanguageQueryCompiler(PostgresSearchQueryCompiler):
        def get_config(self, backend):
            return text_search_config(translation.get_language())

    class LanguageAutocompleteQueryCompiler(PostgresAutocompleteQueryCompiler):
        def get_config(self, backend):
            return AUTOCOMPLETE_CONFIG

    class LanguageIndex(PostgresIndex):
        """Indexes each object with the configuration of its own language."""

        def add_items(self, model, objs):
            languages = dict(Locale.objects.values_list("pk", "language_code"))
            groups = {}
            for obj in objs:
                language = languages.get(getattr(obj, "locale_id", None))
                groups.setdefault(text_search_config(language), []).append(obj)
            for config, group in groups.items():
                PostgresIndex(self.backend.with_config(config)).add_items(model, group)

    class LanguagePostgresSearchBackend(PostgresSearchBackend):
        query_compiler_class = LanguageQueryCompiler
        autocomplete_query_compiler_class = LanguageAutocompleteQueryCompiler
        index_class = _facet_values_index(LanguageIndex)

        def __init__(self, params):
            super().__init__(params)
            self.autocomplete_config = AUTOCOMPLETE_CONFIG

        def with_config(self, config):
            """A copy of this backend that indexes with one text-search configuration."""
            clone = PostgresSearchBackend.__new__(PostgresSearchBackend)
            clone.__dict__.update(self.__dict__)
            clone.config = config
            return clone

    return LanguagePostgresSearchBackend


def SearchBackend(params):
    if connection.vendor == "postgresql":
        return _postgres_backend_class()(params)
    return _with_facet_values(wagtail_database_backend(params))
