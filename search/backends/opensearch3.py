"""Per-language opensearch3 backend (see search.backends.engine)."""

from modelsearch.backends.opensearch3 import OpenSearch3SearchBackend

from search.backends.engine import language_backend

SearchBackend = language_backend(OpenSearch3SearchBackend)
