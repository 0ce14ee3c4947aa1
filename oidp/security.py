"""Security headers: the Content-Security-Policy and what goes with it.

The public site runs under a strict policy (no ``unsafe-inline``, no ``unsafe-eval``): its
scripts and styles are static files, and the only inline ``<script>`` elements are data blocks
(``application/json``, ``application/ld+json``) that browsers never execute. A template that
cannot avoid an inline script or style uses django-csp's nonce (``{{ request.csp_nonce }}``);
such a response is then kept out of the anonymous page cache, because a cached body would carry
a nonce that the next response's header no longer announces.

Two areas get their own policy:

* ``/admin/``: Wagtail's admin still writes inline scripts and styles (InlinePanel templates,
  date widgets; wagtail/wagtail#1288 is open), so its policy allows ``'unsafe-inline'`` for
  scripts and styles, and nothing else beyond the public policy. The exception stops at the
  admin's URL prefix: the public pages never get it.
* ``/documents/``: uploaded files are served with ``default-src 'none'; sandbox``, so that even a
  file a browser chose to render could run nothing in the site's origin.
"""

from dataclasses import asdict
from urllib.parse import urlsplit

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.cache import patch_cache_control

from csp.constants import HEADER, HEADER_REPORT_ONLY, NONCE, NONE, SELF, UNSAFE_INLINE
from csp.middleware import CheckableLazyObject, CSPMiddleware
from csp.utils import build_policy

# Video hosts the body's video block embeds (wagtail.embeds' YouTube and Vimeo providers).
VIDEO_FRAME_SOURCES = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
]
ADMIN_PREFIX = "/admin/"
DOCUMENTS_PREFIX = "/documents/"
DOCUMENT_POLICY = "default-src 'none'; sandbox; frame-ancestors 'none'"


def source_of(url):
    """The CSP source (scheme and host) of a URL, '{s}'-style subdomain templates as '*'."""
    if not url:
        return None
    parts = urlsplit(url.replace("{s}", "*"))
    if not parts.scheme or not parts.netloc:
        return None  # a relative URL is the site itself
    return f"{parts.scheme}://{parts.netloc}"


def public_directives(map_tile_url="", media_url="", upgrade_insecure_requests=False):
    """The policy of every page outside the admin."""
    images = [SELF, "data:"]
    for extra in (source_of(map_tile_url), source_of(media_url)):
        if extra and extra not in images:
            images.append(extra)
    return {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": images,
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF],
        "frame-src": [SELF, *VIDEO_FRAME_SOURCES],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
        "upgrade-insecure-requests": upgrade_insecure_requests,
    }


def admin_directives(public):
    """The public policy with the admin's exception: inline scripts and styles, blob images."""
    directives = dict(public)
    directives["script-src"] = [SELF, UNSAFE_INLINE]
    directives["style-src"] = [SELF, UNSAFE_INLINE]
    directives["img-src"] = [*public["img-src"], "blob:"]
    # The admin dashboard asks releases.wagtail.org whether a newer Wagtail exists.
    directives["connect-src"] = [SELF, "https://releases.wagtail.org"]
    return directives


def media_sources():
    """Where uploaded images are served from when the media storage is S3-compatible."""
    if not getattr(settings, "AWS_STORAGE_BUCKET_NAME", ""):
        return []
    domain = getattr(settings, "AWS_S3_CUSTOM_DOMAIN", None)
    if domain:
        return [f"https://{domain}"]
    endpoint = source_of(getattr(settings, "AWS_S3_ENDPOINT_URL", None) or "")
    if endpoint:
        scheme, host = endpoint.split("://", 1)
        # Path-style (host/bucket/key) and virtual-hosted-style (bucket.host/key) addresses.
        return [endpoint, f"{scheme}://*.{host}"]
    return ["https://*.amazonaws.com"]


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware with the admin's policy and the documents' sandbox.

    It sits outside the anonymous page cache, so that pages served from the cache get the
    header too.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and request.path_info.startswith(ADMIN_PREFIX):
            parts.config = admin_directives(settings.CONTENT_SECURITY_POLICY["DIRECTIVES"])
            # A nonce next to 'unsafe-inline' would make browsers ignore 'unsafe-inline'.
            parts.nonce = None
        extra = media_sources()
        if extra and not report_only:
            parts.update = {**(parts.update or {}), "img-src": extra, "media-src": extra}
        return parts

    def process_response(self, request, response):
        if request.path_info.startswith(DOCUMENTS_PREFIX):
            # Wagtail's serve view says "default-src 'none'"; the sandbox makes the file an
            # opaque origin that cannot script the site even if a browser rendered it.
            response["Content-Security-Policy"] = DOCUMENT_POLICY
            response["X-Content-Type-Options"] = "nosniff"
        if not self._same_policy_as_any_other(request, response):
            return super().process_response(request, response)
        # Most responses (every page-cache hit among them) carry one of two policies, the
        # public site's or the admin's: each is built once, not per response (django-csp
        # copies the settings' directives and joins them again every time).
        key = request.path_info.startswith(ADMIN_PREFIX)
        headers = _built_policies.get(key)
        if headers is None:
            parts = self.get_policy_parts(request, response)
            parts_ro = self.get_policy_parts(request, response, report_only=True)
            headers = _built_policies[key] = (
                build_policy(**asdict(parts)),
                build_policy(**asdict(parts_ro), report_only=True),
            )
        for header, value in zip((HEADER, HEADER_REPORT_ONLY), headers, strict=True):
            if value and header not in response:
                response[header] = value
        # As django-csp does: a nonce asked for after this point is an error, not a silent gap.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response

    @staticmethod
    def _same_policy_as_any_other(request, response):
        """No nonce, no per-view decorator, no exemption or excluded prefix: the policy is the
        settings' one for the public site or for the admin."""
        if isinstance(getattr(request, "_csp_nonce", None), str):
            return False
        if settings.DEBUG and response.status_code in (404, 500):
            return False
        if any(hasattr(response, name) for name in RESPONSE_OVERRIDES):
            return False
        return not any(
            (getattr(settings, name, None) or {}).get("EXCLUDE_URL_PREFIXES")
            for name in ("CONTENT_SECURITY_POLICY", "CONTENT_SECURITY_POLICY_REPORT_ONLY")
        )


# What django-csp's decorators leave on a response (csp_exempt, csp_update, csp_replace, csp).
RESPONSE_OVERRIDES = [
    f"_csp_{kind}{suffix}"
    for kind in ("exempt", "config", "update", "replace")
    for suffix in ("", "_ro")
]
_built_policies = {}


@receiver(setting_changed)
def _forget_built_policies(**kwargs):
    _built_policies.clear()


class NoncedResponsesStayPrivateMiddleware:
    """A response whose body used the request's CSP nonce is never stored in a shared cache.

    Placed inside the anonymous page cache: the cache does not store private responses.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if isinstance(getattr(request, "_csp_nonce", None), str):
            patch_cache_control(response, private=True)
        return response
