"""Per-language opensearch2 backend (see search.backends.engine)."""

from modelsearch.backends.opensearch2 import OpenSearch2SearchBackend

from search.backends.engine import language_backend

SearchBackend = language_backend(OpenSearch2SearchBackend)
