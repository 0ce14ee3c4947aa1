"""sitemap.xml for every language, each page listed with its live translations."""

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class MultilingualSitemap(Sitemap):
    """All live, public pages of the site in every language, with hreflang alternates.

    Wagtail's own sitemap lists the tree under the site's root page only, which is the
    default language's home; the other languages' homes are its translations and sit
    beside it, so they are added here.
    """

    def items(self):
        site = self.get_wagtail_site()
        homes = Page.objects.filter(translation_key=site.root_page.translation_key).live()
        pages = Page.objects.none()
        for home in homes:
            pages = pages | Page.objects.descendant_of(home, inclusive=True)
        return pages.live().public().order_by("path").defer_streamfields().select_related("locale")

    def _absolute(self, page):
        url = page.get_url(self.request)
        return self.request.build_absolute_uri(url) if url else None

    def _urls(self, page, protocol, domain):
        items = list(self.paginator.page(page).object_list)
        translations = {}
        for item in (
            Page.objects.filter(translation_key__in={item.translation_key for item in items})
            .live()
            .public()
            .select_related("locale")
        ):
            translations.setdefault(item.translation_key, []).append(item)

        urls = []
        for item in items:
            location = self._absolute(item)
            if location is None:
                continue
            alternates = [
                {"location": self._absolute(other), "lang_code": other.locale.language_code}
                for other in sorted(
                    translations.get(item.translation_key, []), key=lambda p: p.locale.language_code
                )
            ]
            urls.append(
                {
                    "item": item,
                    "location": location,
                    "lastmod": item.last_published_at or item.latest_revision_created_at,
                    "alternates": alternates if len(alternates) > 1 else [],
                }
            )
        lastmods = [url["lastmod"] for url in urls]
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls
