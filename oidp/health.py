"""`/healthz`: is this instance fit to serve? For load balancers, cheap enough to call every second.

The database and the cache must answer (503 otherwise: take the instance out of rotation).
The search engine is reported but never fails the check: search falls back to the database
when the engine is down, so an instance without it still serves every page.
"""

import logging
import threading
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from wagtail.search.backends import get_search_backend

from home.page_cache import CACHE_ERRORS
from search.backends import ENGINE_ERRORS, engine_backend_name, engine_configured

logger = logging.getLogger("oidp.health")

# A ping of the engine is a network round trip: remember its answer for a few seconds, in the
# process rather than in the cache, which is one of the things being checked.
ENGINE_PING_TTL = 5.0
_engine_ping = {"at": 0.0, "state": None}
_engine_ping_lock = threading.Lock()


def check_database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        logger.error("Health check: database unavailable: %s", error)
        return "error"
    return "ok"


def check_cache():
    key = "healthz:probe"
    token = uuid.uuid4().hex
    try:
        cache.set(key, token, 10)
        answered = cache.get(key)
    except CACHE_ERRORS as error:
        logger.error("Health check: cache unavailable: %s", error)
        return "error"
    return "ok" if answered == token else "error"


def _ping_engine():
    language = settings.LANGUAGE_CODE
    backend = get_search_backend(engine_backend_name(language))
    try:
        return "ok" if backend.es.ping() else "down"
    except ENGINE_ERRORS as error:
        logger.warning("Health check: search engine unavailable: %s", error)
        return "down"


def check_search():
    if not engine_configured(settings.LANGUAGE_CODE):
        return "database"
    with _engine_ping_lock:
        now = time.monotonic()
        if _engine_ping["state"] is None or now - _engine_ping["at"] > ENGINE_PING_TTL:
            _engine_ping["state"] = _ping_engine()
            _engine_ping["at"] = now
        return _engine_ping["state"]


def forget_engine_ping():
    """Drop the remembered engine answer (tests, and after a configuration change)."""
    with _engine_ping_lock:
        _engine_ping["state"] = None


@require_safe
@never_cache
def healthz(request):
    checks = {"database": check_database(), "cache": check_cache(), "search": check_search()}
    healthy = checks["database"] == "ok" and checks["cache"] == "ok"
    if not healthy:
        status = "unavailable"
    elif checks["search"] == "down":
        status = "degraded"  # search answers from the database backend meanwhile
    else:
        status = "ok"
    return JsonResponse({"status": status, "checks": checks}, status=200 if healthy else 503)


healthz.needs_no_site = True  # home.sites.CurrentSiteMiddleware leaves it alone
