"""Per-language elasticsearch9 backend (see search.backends.engine)."""

from modelsearch.backends.elasticsearch9 import Elasticsearch9SearchBackend

from search.backends.engine import language_backend

SearchBackend = language_backend(Elasticsearch9SearchBackend)
