"""One engine backend per content language, built on Wagtail's Elasticsearch/OpenSearch backends.

Wagtail's backends for Elasticsearch 7/8/9 and OpenSearch 2/3 share one base
(`modelsearch.backends.elasticsearchbase`); `language_backend()` subclasses any of them so that

* the backend only indexes the pages of its language (its LANGUAGE option), in its own indexes
  (INDEX_PREFIX "oidp_fr_", ...);
* every text field is analysed by that language's analyser, with accent folding, by making it
  the index's `default` analyser (Wagtail's mappings leave text fields on the default analyser);
* autocomplete ("edge n-grams") folds accents on the query side as it does when indexing;
* each page document carries its facet values in one keyword field (`FACETS_FIELD`:
  "theme:youth", "country:BR", ...; see `search.facets`), which the search page's facet
  counts aggregate in the engine;
* an indexing failure marks the engine as down for a short while (see `search.backends`).
  Wagtail itself catches and logs indexing errors of these backends
  (`catch_indexing_errors = True`), so publishing never fails because the engine is down.
"""

from copy import deepcopy

from wagtail.models import Locale, Page

from django_countries.fields import Country

from search.backends import ENGINE_ERRORS, mark_engine_down
from search.facets import FACETS_FIELD, engine_facet_terms

# Built-in token filters of Elasticsearch and OpenSearch (module analysis-common): no plugin needed.
LANGUAGE_ANALYSIS = {
    "fr": {"stopwords": "_french_", "stemmer": "light_french", "elision": True},
    "es": {"stopwords": "_spanish_", "stemmer": "light_spanish", "elision": False},
    "en": {"stopwords": "_english_", "stemmer": "english", "elision": False},
    # Portuguese: the light stemmer maps the nasal plurals to their singular ("decisões" and
    # "decisão" -> "decisa") only with their tilde, so the tilde of an unaccented "-oes", "-aes",
    # "-ao" is put back first, and accents are folded after stemming.
    "pt": {
        "stopwords": "_portuguese_",
        "stemmer": "light_portuguese",
        "elision": False,
        "restore": [("oes$", "ões"), ("aes$", "ães"), ("ao$", "ão")],
        "fold_after_stemming": True,
    },
}

FRENCH_ELISION_ARTICLES = [
    "l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu",
]  # fmt: skip


def language_analyzer_name(language_code):
    return f"{language_code}_text"


def language_index_settings(language_code):
    """The analysis settings added to Wagtail's own for the indexes of one language.

    Order matters: stop words are removed before folding (the lists carry accents), and accents
    are folded before stemming so that "democratie" and "démocratie" reach the stemmer equal
    (Portuguese restores the nasal endings' tilde and stems first, see LANGUAGE_ANALYSIS).
    """
    conf = LANGUAGE_ANALYSIS[language_code]
    filters = {
        f"{language_code}_stop": {"type": "stop", "stopwords": conf["stopwords"]},
        f"{language_code}_stemmer": {"type": "stemmer", "language": conf["stemmer"]},
    }
    chain = ["lowercase", f"{language_code}_stop"]
    for number, (pattern, replacement) in enumerate(conf.get("restore", [])):
        name = f"{language_code}_restore_{number}"
        filters[name] = {"type": "pattern_replace", "pattern": pattern, "replacement": replacement}
        chain.append(name)
    if conf.get("fold_after_stemming"):
        chain += [f"{language_code}_stemmer", "asciifolding"]
    else:
        chain += ["asciifolding", f"{language_code}_stemmer"]
    if conf["elision"]:
        filters[f"{language_code}_elision"] = {
            "type": "elision",
            "articles_case": True,
            "articles": FRENCH_ELISION_ARTICLES,
        }
        chain.insert(0, f"{language_code}_elision")
    text_analyzer = {"type": "custom", "tokenizer": "standard", "filter": chain}
    return {
        "settings": {
            "analysis": {
                "filter": filters,
                "analyzer": {
                    language_analyzer_name(language_code): text_analyzer,
                    # Every text field without an explicit analyser (all of Wagtail's
                    # SearchFields and _all_text) uses this one.
                    "default": text_analyzer,
                    "edgengram_search": {
                        "type": "custom",
                        "tokenizer": "standard",
                        "filter": ["lowercase", "asciifolding"],
                    },
                },
            }
        }
    }


def _language_of(obj, cache):
    locale_id = getattr(obj, "locale_id", None)
    if locale_id is None:
        return None
    if locale_id not in cache:
        cache[locale_id] = Locale.objects.get(pk=locale_id).language_code
    return cache[locale_id]


def language_backend(base_backend):
    """A subclass of one of Wagtail's engine backends holding one language's content."""

    class LanguageMapping(base_backend.mapping_class):
        edgengram_analyzer_config = {
            "analyzer": "edgengram_analyzer",
            "search_analyzer": "edgengram_search",
        }

        def _clean_value(self, value):
            # A CountryField's value (django_countries' Country) is not JSON: index its code.
            if isinstance(value, Country):
                return value.code
            return super()._clean_value(value)

        def get_mapping(self):
            mapping = super().get_mapping()
            if issubclass(self.model, Page):
                mapping["properties"][FACETS_FIELD] = {"type": "keyword"}
            return mapping

        def get_document(self, obj):
            doc = super().get_document(obj)
            if isinstance(obj, Page):
                terms = getattr(obj, "_search_facet_terms", None)
                if terms is None:
                    terms = engine_facet_terms(type(obj), [obj]).get(obj.pk, [])
                doc[FACETS_FIELD] = terms
            return doc

    class LanguageIndex(base_backend.index_class):
        def _mine(self, obj, cache):
            return _language_of(obj, cache) == self.backend.language

        def add_item(self, item):
            if not self._mine(item, {}):
                return
            try:
                super().add_item(item)
            except ENGINE_ERRORS as error:
                mark_engine_down(error)
                raise

        def add_items(self, model, items):
            cache = {}
            items = [item for item in items if self._mine(item, cache)]
            if items:
                # The facet values of the whole batch in a few queries, not a few per document.
                terms = engine_facet_terms(model, items)
                for item in items:
                    item._search_facet_terms = terms.get(item.pk, [])
                super().add_items(model, items)

        def delete_item(self, item):
            try:
                super().delete_item(item)
            except ENGINE_ERRORS as error:
                mark_engine_down(error)
                raise

    class LanguageSearchBackend(base_backend):
        mapping_class = LanguageMapping
        index_class = LanguageIndex

        def __init__(self, params):
            params = dict(params)
            self.language = params.pop("LANGUAGE")
            settings = language_index_settings(self.language)
            extra = params.pop("INDEX_SETTINGS", {})
            params["INDEX_SETTINGS"] = _deep_merge(settings, extra)
            super().__init__(params)

    LanguageSearchBackend.__name__ = f"Language{base_backend.__name__}"
    LanguageSearchBackend.__qualname__ = LanguageSearchBackend.__name__
    return LanguageSearchBackend


def _deep_merge(base, extra):
    merged = deepcopy(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged
