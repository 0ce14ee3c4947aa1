"""A full-page cache for anonymous visitors, in the site's cache (Redis in production).

No maintained package does this for Wagtail 8 (wagtail-cache stops at Wagtail 7), so it is built
on Django's cache and Wagtail's own hook and signals, in three small parts:

* the `before_serve_page` hook (home/wagtail_hooks.py) marks a request as cacheable when it
  serves a public Wagtail page (no view restriction), with the page's time-to-live;
* `AnonymousPageCacheMiddleware` answers repeated anonymous GETs of those pages from the cache,
  keyed on host and full path (the language is the path's prefix, so each language has its own
  entries) and on a site-wide generation number;
* some pages change with the clock alone (an event moves from "upcoming" to "past", an award
  edition enters its next phase): apps say when through the `page_cache_next_change` hook, a
  function `(now) -> the next aware datetime at which some page changes by itself, or None`;
  every entry is stored with the earliest of those moments and is not served after it;
* any change of published content (publish, unpublish, move, delete, a translation synced and
  published, a snippet, an image, a document, a site, a view restriction) bumps the generation,
  so no stale page outlives the change. Listings, menus and home highlights depend on many
  pages, which is why the whole site's entries go rather than one page's.

The same generation keys what many pages derive from the whole site (vocabulary labels, the
repository's facet sets, the homes and their sections...): `generation_memo` keeps such a value
in the process until the generation changes, so a page missing from the cache is rendered
without reading them again.

A visitor with a session or a pending message is never served from the cache (members and
editors see their own state), and a response that varies on the cookie (a form with a CSRF
token), sets a cookie or says it is private is never stored. When the cache itself is
unreachable, pages are rendered as if there were no cache (logged), never a 500.
"""

import contextvars
import copy
import hashlib
import logging
import threading
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.cache import cc_delim_re, has_vary_header, set_response_etag

from wagtail import hooks
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

logger = logging.getLogger("oidp.page_cache")

GENERATION_KEY = "pagecache:generation"
REQUEST_FLAG = "_page_cache_seconds"
CACHE_HEADER = "X-Page-Cache"


def _cache_errors():
    """What Django's cache backends raise when the cache server is unreachable."""
    errors = [OSError]
    try:
        import redis

        errors.append(redis.RedisError)
    except ImportError:  # pragma: no cover - redis is in requirements.txt
        pass
    return tuple(errors)


CACHE_ERRORS = _cache_errors()


def cache_seconds():
    return settings.PAGE_CACHE_SECONDS


def current_generation():
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # A fresh cache: start from the clock so that a restarted Redis never revives old keys.
        generation = int(time.time() * 1000)
        cache.add(GENERATION_KEY, generation, None)
        generation = cache.get(GENERATION_KEY, generation)
    return generation


# The generation read by the request being served (set by the middleware below from its one
# round trip), so that the fragment caches and the memos need not read it again.
_request_generation = contextvars.ContextVar("page_cache_generation", default=None)


def content_generation():
    """The generation the current request was served under; None if the cache is down."""
    generation = _request_generation.get()
    if generation is not None:
        return generation
    try:
        return current_generation()
    except CACHE_ERRORS as error:
        logger.warning("Page cache unavailable: %s", error)
        return None


# Values derived from published content (vocabulary labels, the repository's facet sets, the
# next moment some page changes by itself...), kept in this process for one generation: any
# content change bumps the generation, so a memo is never older than the content it comes from.
# Only the latest generation's value of each name is kept.
_memos = {}
_memos_lock = threading.Lock()


def generation_memo(name, compute):
    """`compute()` once per process and content generation; computed each time without a cache."""
    generation = content_generation()
    if generation is None:
        return compute()
    memo = _memos.get(name)
    if memo is not None and memo[0] == generation:
        return memo[1]
    value = compute()
    with _memos_lock:
        _memos[name] = (generation, value)
    return value


def generation_memo_copy(name, compute):
    """`generation_memo` for model instances: each caller gets its own deep copy, so that what
    a request caches on an instance (`specific`, a parent...) stays with that request."""
    return copy.deepcopy(generation_memo(name, compute))


def forget_memos():
    with _memos_lock:
        _memos.clear()


def invalidate(**kwargs):
    """Forget every cached page (a new generation makes the old keys unreachable).

    Called inside the transaction that changes the content, it bumps the generation at once and
    again when the transaction commits: a page or memo computed in between, from the rows not
    yet committed, is then stored under a generation that is already over.
    """
    _bump()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_bump)


def _bump():
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no generation yet: nothing cached under the current one
        cache.set(GENERATION_KEY, int(time.time() * 1000), None)
    except CACHE_ERRORS as error:
        # Publishing never fails because the cache is down; entries expire on their own.
        logger.error("Page cache unavailable, could not invalidate: %s", error)


def mark_cacheable(request, page):
    """Called for every Wagtail page served: only public pages are cached."""
    seconds = getattr(page.specific_class, "page_cache_seconds", None)
    if seconds is None:
        seconds = cache_seconds()
    if seconds and is_public(page):
        setattr(request, REQUEST_FLAG, seconds)


def restricted_paths():
    """The tree paths that view restrictions cover (each with its descendants): the restricted
    pages and, as in Wagtail's `get_view_restrictions()`, the aliases of those pages."""
    from django.db.models import Q

    from wagtail.models import PageViewRestriction

    def read():
        restricted = PageViewRestriction.objects.values("page_id")
        pages = Page.objects.filter(Q(pk__in=restricted) | Q(alias_of__in=restricted))
        return tuple(pages.order_by().values_list("path", flat=True))

    return generation_memo("restricted_paths", read)


def is_public(page):
    """Whether no view restriction covers the page (Wagtail's `public()` for one page)."""
    return not any(page.path.startswith(path) for path in restricted_paths())


def public_pages(queryset):
    """Wagtail's `queryset.public()` without its query of the restrictions."""
    for path in restricted_paths():
        queryset = queryset.exclude(path__startswith=path)
    return queryset


def next_change(now=None):
    """The earliest moment at which a page changes by itself (see the module's docstring)."""
    now = now or timezone.now()

    def compute():
        moments = [
            moment for hook in hooks.get_hooks("page_cache_next_change") if (moment := hook(now))
        ]
        return min(moments) if moments else None

    # The moments come from the content: until the earliest one passes, or the content changes,
    # it is still the earliest one to come.
    moment = generation_memo("next_change", compute)
    if moment is not None and moment <= now:
        moment = compute()
        generation = content_generation()
        if generation is not None:
            with _memos_lock:
                _memos["next_change"] = (generation, moment)
    return moment


def _key(request):
    # One entry per address; the entry carries the generation it was stored under, so that the
    # generation and the page come back in one round trip (`get_many`) and a stale entry is
    # simply overwritten by the next render.
    # Hashed: addresses can be longer than the keys some cache servers accept.
    address = f"{request.get_host()}:{request.get_full_path()}".encode()
    return f"pagecache:{hashlib.sha256(address).hexdigest()}"


def _request_may_use_cache(request):
    if request.method != "GET" or not cache_seconds():
        return False
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and "messages" not in cookies


def _response_may_be_stored(response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if has_vary_header(response, "Cookie"):
        return False
    directives = {
        part.split("=")[0].strip().lower()
        for part in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    return not directives & {"private", "no-cache", "no-store"}


# Headers that describe the body and travel with it; the others are added again on each response.
STORED_HEADERS = (
    "Content-Type",
    "Content-Language",
    "Content-Disposition",
    "Vary",
    "Link",
    "X-Frame-Options",
    "Cache-Control",
    "ETag",
)
LOOKUP_FLAG = "_page_cache_lookup"


def _lookup(request):
    """(generation, key, stored entry or None) in one round trip; None if the cache is down."""
    key = _key(request)
    try:
        found = cache.get_many([GENERATION_KEY, key])
        generation = found.get(GENERATION_KEY)
        if generation is None:
            generation = current_generation()
    except CACHE_ERRORS as error:
        logger.warning("Page cache unavailable, rendering without it: %s", error)
        return None
    stored = found.get(key)
    if stored is not None:
        stored_generation, valid_until = stored[0], stored[4]
        if stored_generation != generation or (
            valid_until is not None and timezone.now() >= valid_until
        ):
            stored = None
    return generation, key, stored


def _hit_response(stored):
    _generation, status, headers, content, _valid_until = stored
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    response["Content-Length"] = str(len(content))
    response[CACHE_HEADER] = "hit"
    return response


class AnonymousPageCacheHitMiddleware:
    """Answers cache hits early, right after the security and policy headers' middleware.

    A request that may use the cache (a GET without a session or a message cookie) is anonymous
    for certain, so the session, locale, common, CSRF, authentication and message middleware
    have nothing to add to a stored page: the language is the URL's prefix and the stored entry
    carries its Content-Language, its ETag (the conditional-GET middleware, placed outside this
    one, answers 304 from it without hashing the body again) and its other headers. Only the
    language cookie is still set as `RememberLanguageMiddleware` would. A miss records the
    lookup on the request, so that `AnonymousPageCacheMiddleware` stores the render without a
    second round trip.
    """

    def __init__(self, get_response):
        from oidp.middleware import RememberLanguageMiddleware

        self.get_response = get_response
        # The same cookie rule as for rendered pages, applied to the stored response.
        self.remember_language = RememberLanguageMiddleware(lambda request: request._page_hit)

    def __call__(self, request):
        if not _request_may_use_cache(request):
            return self.get_response(request)
        lookup = _lookup(request)
        if lookup is None:
            setattr(request, LOOKUP_FLAG, None)
            return self.get_response(request)
        if lookup[2] is None:
            setattr(request, LOOKUP_FLAG, lookup)
            token = _request_generation.set(lookup[0])
            try:
                return self.get_response(request)
            finally:
                _request_generation.reset(token)
        request._page_hit = _hit_response(lookup[2])
        return self.remember_language(request)


class AnonymousPageCacheMiddleware:
    """Stores the public pages rendered for anonymous visitors (and answers hits itself when
    `AnonymousPageCacheHitMiddleware` is not installed)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _request_may_use_cache(request):
            return self.get_response(request)
        if hasattr(request, LOOKUP_FLAG):
            lookup = getattr(request, LOOKUP_FLAG)
        else:
            lookup = _lookup(request)
            if lookup is not None and lookup[2] is not None:
                return _hit_response(lookup[2])
        if lookup is None:  # the cache is unreachable
            return self.get_response(request)
        generation, key, _stored = lookup

        token = _request_generation.set(generation)
        try:
            response = self.get_response(request)
        finally:
            _request_generation.reset(token)
        seconds = getattr(request, REQUEST_FLAG, None)
        if seconds and _response_may_be_stored(response):
            if not response.has_header("ETag"):
                set_response_etag(response)
            if not response.has_header("Content-Language"):
                response["Content-Language"] = translation.get_language()
            headers = [(name, response[name]) for name in STORED_HEADERS if name in response]
            valid_until = next_change()
            stored = (generation, response.status_code, headers, response.content, valid_until)
            try:
                cache.set(key, stored, seconds)
            except CACHE_ERRORS as error:
                logger.warning("Page cache unavailable, page not stored: %s", error)
                return response
            response[CACHE_HEADER] = "miss"
        return response


def _content_changed(sender, instance=None, **kwargs):
    from wagtail.documents.models import AbstractDocument
    from wagtail.images.models import AbstractImage, AbstractRendition
    from wagtail.models import BaseViewRestriction, Site, TranslatableMixin

    if isinstance(instance, AbstractRendition):
        return  # a new rendition changes no page
    # A view restriction added to a page must take its public copy out of the cache at once.
    changes_pages = (Page, TranslatableMixin, AbstractImage, AbstractDocument, Site)
    if isinstance(instance, (*changes_pages, BaseViewRestriction)):
        invalidate()


def connect_signals():
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(invalidate, dispatch_uid=f"page_cache_{signal!r}")
    post_save.connect(_content_changed, dispatch_uid="page_cache_post_save")
    post_delete.connect(_content_changed, dispatch_uid="page_cache_post_delete")


# Fragment caches (menus, footer): the same generation, so that any content change that would
# drop the cached pages drops the fragments too; the language and the host are always part of
# the key. Used through the `{% site_cache %}` template tag (home/templatetags/site_tags.py).
FRAGMENT_SECONDS = 60 * 60 * 24


def fragment_key(name, vary_on):
    from django.core.cache.utils import make_template_fragment_key

    return make_template_fragment_key(f"{name}:{content_generation()}", vary_on)


def cached_fragment(name, vary_on, render):
    """The fragment from the cache, else `render()` stored; rendered uncached if the cache fails."""
    if content_generation() is None:
        return render()
    try:
        key = fragment_key(name, vary_on)
        value = cache.get(key)
    except CACHE_ERRORS as error:
        logger.warning("Fragment cache unavailable, rendering without it: %s", error)
        return render()
    if value is None:
        value = render()
        try:
            cache.set(key, value, FRAGMENT_SECONDS)
        except CACHE_ERRORS as error:
            logger.warning("Fragment cache unavailable, fragment not stored: %s", error)
    return value
