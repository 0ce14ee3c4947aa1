from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.views.account import LoginView as AdminLoginView
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from oidp import health, views
from oidp.ratelimit import rate_limit
from oidp.sitemaps import MultilingualSitemap
from repository.api import api_router

urlpatterns = [
    path("", views.root_redirect, name="root_redirect"),
    # The admin's own login view, with the same per-address limit as the member login.
    path(
        "admin/login/",
        rate_limit("login")(AdminLoginView.as_view()),
        name="wagtailadmin_login",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {"pages": MultilingualSitemap}},
        name="sitemap",
    ),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("healthz", health.healthz, name="healthz"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every public URL carries its language prefix, the default language's too.
urlpatterns += i18n_patterns(
    path("search/", include("search.urls")),
    path("members/", include("members.urls")),
    path("awards/", include("awards.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler404 = "oidp.views.page_not_found"
handler500 = "oidp.views.server_error"
