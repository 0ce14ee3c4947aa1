"""Per-language elasticsearch8 backend (see search.backends.engine)."""

from modelsearch.backends.elasticsearch8 import Elasticsearch8SearchBackend

from search.backends.engine import language_backend

SearchBackend = language_backend(Elasticsearch8SearchBackend)
