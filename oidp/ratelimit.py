"""Abuse limits on public endpoints, in one place: rates, counting and the 429 answer.

Every limit is named, and its rate comes from the ``RATE_LIMITS`` setting (django-ratelimit's
"count/period" syntax, e.g. ``"5/h"``), so that operations can tune them without code changes.
Counting goes through django-ratelimit (in the default cache, shared by every worker).

Views use either

* the ``@rate_limit("name")`` decorator, which answers a limited request with the site's 429
  page in the visitor's language (or a JSON error for a JSON endpoint), or
* ``is_limited(request, "name")`` when the view re-renders its own form with the message, so that
  nothing typed is lost; its template includes ``includes/rate_limited.html``.

Both send ``Retry-After``. Behind reverse proxies, ``RATE_LIMIT_IP_HEADER`` names the header
that carries the visitor's address (e.g. ``HTTP_X_FORWARDED_FOR``) and ``RATE_LIMIT_PROXY_COUNT``
how many proxies of ours append to it (``client_ip``).
"""

import functools
import ipaddress

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext

from django_ratelimit.core import get_usage

DEFAULT_RATES = {
    # Per address: axes locks one account after repeated failures; this stops one address
    # trying many accounts.
    "login": "20/h",
    "password-reset": "5/h",
    "invitation": "20/h",
    "suggest": "5/h",
    "apply": "5/h",
    "candidature": "60/h",
    "vote-ip": "30/h",
    "vote-address": "3/h",
    "jury": "300/h",
    "autocomplete": "120/m",
}


def client_ip(request):
    """The visitor's address: from the proxies' header when configured, else REMOTE_ADDR.

    The last ``RATE_LIMIT_PROXY_COUNT`` entries of X-Forwarded-For were written by our own
    proxies; anything before them was written by the client and is not trusted. A missing or
    malformed header falls back to REMOTE_ADDR rather than failing.
    """
    header = getattr(settings, "RATE_LIMIT_IP_HEADER", "")
    candidates = []
    if header and request.META.get(header):
        entries = [part.strip() for part in request.META[header].split(",") if part.strip()]
        count = max(1, getattr(settings, "RATE_LIMIT_PROXY_COUNT", 1))
        if len(entries) >= count:
            candidates.append(entries[-count])
    candidates.append(request.META.get("REMOTE_ADDR", ""))
    for candidate in candidates:
        try:
            return str(ipaddress.ip_address(candidate))
        except ValueError:
            continue
    return "0.0.0.0"


def rate_for(name):
    return getattr(settings, "RATE_LIMITS", {}).get(name) or DEFAULT_RATES[name]


def _usage(request, name, key, increment, methods, rate):
    return get_usage(
        request,
        group=f"oidp:{name}",
        key=key,
        rate=rate or rate_for(name),
        method=list(methods),
        increment=increment,
    )


def is_limited(request, name, key="ip", increment=True, methods=("POST",), rate=None):
    """Whether this request goes over the named limit (and counts it, unless increment=False).

    ``key`` is django-ratelimit's: "ip", "user_or_ip", or a callable ``(group, request)``;
    ``rate`` overrides the setting's rate (an app setting that predates ``RATE_LIMITS``).
    The time left before the window ends is kept on the request for the Retry-After header.
    """
    usage = _usage(request, name, key, increment, methods, rate)
    if usage is None:  # a method that is not limited
        return False
    limited = usage["should_limit"]
    if limited:
        request.rate_limit_retry_after = max(1, int(usage["time_left"]))
    return limited


def too_many_requests(request, json=False):
    """The 429 answer: a page in the visitor's language, or a JSON error."""
    retry_after = getattr(request, "rate_limit_retry_after", 60)
    minutes = max(1, (retry_after + 59) // 60)
    if json:
        response = JsonResponse(
            {
                "error": gettext("Too many requests. Please wait a moment and try again."),
                "retry_after": retry_after,
            },
            status=429,
        )
    else:
        response = render(request, "429.html", {"minutes": minutes}, status=429)
    response["Retry-After"] = str(retry_after)
    add_never_cache_headers(response)
    return response


def with_retry_after(request, response):
    """Adds Retry-After to a form re-rendered with the rate-limit message."""
    response["Retry-After"] = str(getattr(request, "rate_limit_retry_after", 60))
    add_never_cache_headers(response)
    return response


def rate_limit(name, key="ip", methods=("POST",), json=False):
    """Decorator: over the named limit, the view is not called and the 429 answer is sent."""

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            if is_limited(request, name, key=key, methods=methods):
                return too_many_requests(request, json=json)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
