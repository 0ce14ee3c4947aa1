"""The request's Wagtail site without a query on each request."""

from django.http.request import split_domain_port

from wagtail.models import Site

from home.page_cache import generation_memo, generation_memo_copy


def _known_hostnames():
    return generation_memo(
        "sites:hostnames", lambda: frozenset(Site.objects.values_list("hostname", flat=True))
    )


def _with_specific_root(site):
    """Wagtail's routing starts from `site.root_page.localized.specific`: kept specific."""
    if site is not None:
        site.root_page = site.root_page.specific
    return site


class CurrentSiteMiddleware:
    """Sets `request._wagtail_site`, which `Site.find_for_request` reads before its query.

    Wagtail looks the site up in the database on every request. The answer only depends on the
    host and port and on the sites, which are content (saving one starts a new content
    generation), so it is kept per process like the other memos. A host that no site names gets
    the default site, whatever it is: those share one entry, so odd Host headers cannot grow the
    memo. Each request gets its own copy of the site and its root page (kept as its specific
    type, which routing asks for next).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if getattr(view_func, "needs_no_site", False):
            return None  # /healthz, polled every second, reads nothing of the site
        hostname = split_domain_port(request._get_raw_host())[0]
        port = request.get_port()
        key = f"sites:{hostname}:{port}" if hostname in _known_hostnames() else "sites:*"
        request._wagtail_site = generation_memo_copy(
            key, lambda: _with_specific_root(Site._find_for_request(request))
        )
        return None
