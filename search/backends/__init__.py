"""Search backends of the site: the database backend (always "default") and the engine backends.

Everything that decides how text is analysed lives here, in one place: the engine's index
settings per language (`engine.language_index_settings`) and PostgreSQL's text-search
configuration per language (`database.TEXT_SEARCH_CONFIGS`, created by search/migrations).
"""

import logging

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger("search")

ENGINE_DOWN_CACHE_KEY = "search:engine-down"


def _engine_errors():
    """The exceptions a client raises when the engine is unreachable or answers with an error."""
    errors = []
    try:
        import elastic_transport

        errors.append(elastic_transport.TransportError)
    except ImportError:  # pragma: no cover - the client is in requirements.txt
        pass
    try:
        import elasticsearch

        errors.append(elasticsearch.ApiError)
    except ImportError:  # pragma: no cover
        pass
    try:
        import opensearchpy

        errors.append(opensearchpy.exceptions.OpenSearchException)
    except ImportError:  # pragma: no cover
        pass
    # The clients wrap most failures, but a socket error can still surface on its own.
    errors.append(OSError)
    return tuple(errors)


ENGINE_ERRORS = _engine_errors()


def engine_backend_name(language_code):
    return f"engine_{language_code}"


def engine_configured(language_code):
    return engine_backend_name(language_code) in settings.WAGTAILSEARCH_BACKENDS


def engine_marked_down():
    return bool(cache.get(ENGINE_DOWN_CACHE_KEY))


def mark_engine_down(error):
    """Remember for a short while that the engine failed, so that requests skip it quickly."""
    logger.warning("Search engine unavailable, using the database backend: %s", error)
    cache.set(ENGINE_DOWN_CACHE_KEY, True, settings.SEARCH_ENGINE_RETRY_AFTER)


def mark_engine_up():
    cache.delete(ENGINE_DOWN_CACHE_KEY)
