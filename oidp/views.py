from django.conf import settings
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers


@require_GET
@vary_on_headers("Accept-Language", "Cookie")
def root_redirect(request):
    """Send `/` to the visitor's language: cookie, then Accept-Language, then the default."""
    language = translation.get_language_from_request(request, check_path=False)
    query = request.META.get("QUERY_STRING", "")
    return HttpResponseRedirect(f"/{language}/" + (f"?{query}" if query else ""))


@require_GET
@cache_control(max_age=60 * 60 * 24)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        *(f"Disallow: /{code}/search/" for code, _name in settings.LANGUAGES),
        "",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def page_not_found(request, exception=None):
    """The 404 page, in the language of the URL (LocaleMiddleware has activated it)."""
    return render(request, "404.html", status=404)


def server_error(request):
    """The 500 page: rendered without touching the database, which may be what failed."""
    return render(request, "500.html", {"request": request}, status=500)
