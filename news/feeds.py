"""RSS and Atom feeds of the three sections, one per language (the index page's language)."""

from django.contrib.syndication.views import Feed
from django.utils import formats
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

FEED_TYPES = {"rss": Rss201rev2Feed, "atom": Atom1Feed}


class SectionFeed(Feed):
    """The latest live pages under one index page.

    Built for each request, so the index page and the request can be kept on the instance.
    """

    def __init__(self, index, request, kind):
        super().__init__()
        self.index = index
        self.request = request
        self.feed_type = FEED_TYPES[kind]
        self.kind = kind

    def get_object(self, request, *args, **kwargs):
        return self.index

    def title(self, obj):
        return obj.title

    def link(self, obj):
        return obj.get_full_url(self.request)

    def feed_url(self, obj):
        return obj.get_full_url(self.request) + obj.reverse_subpage(self.kind)

    def description(self, obj):
        return obj.intro or obj.title

    def subtitle(self, obj):
        return obj.intro or None

    def items(self, obj):
        return obj.feed_items()

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_guid(self, item):
        return item.get_full_url(self.request)

    def item_description(self, item):
        when = getattr(item, "local_start", None)
        teaser = getattr(item, "teaser", "") or getattr(item, "edition", "")
        if when is not None:
            where = item.city or (_("Online") if item.online_url else "")
            date = formats.date_format(
                item.local_start, "DATETIME_FORMAT" if item.start_time else "DATE_FORMAT"
            )
            heading = f"{date} ({item.time_zone})" + (f" · {where}" if where else "")
            return f"{heading}. {teaser}".strip()
        return teaser

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.published_at

    def item_author_name(self, item):
        return getattr(item, "author", "") or None

    def item_categories(self, item):
        kind = getattr(item, "get_kind_display", None)
        return [kind()] if kind else ()


def section_feed(index, request, kind):
    response = SectionFeed(index, request, kind)(request)
    response["Content-Language"] = index.locale.language_code
    return response
