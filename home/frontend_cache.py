"""Purging a CDN or a Varnish-like proxy (wagtail.contrib.frontend_cache) beyond the page itself.

When WAGTAILFRONTENDCACHE is configured (oidp/settings/base.py reads it from the environment),
Wagtail's own app purges the URL of the page being published or unpublished. Other URLs show
that page too: its translations (their language switcher and hreflang links name it) and the
pages above it in every language (the section's listing, the home's highlights). This handler
purges those, in one batch per change.
"""

import logging

from django.conf import settings

from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

logger = logging.getLogger("oidp.frontend_cache")


def related_pages(page):
    """The page's other live translations and the live ancestors of the page and of each."""
    translations = list(
        Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk).live()
    )
    pages = {other.pk: other for other in translations}
    for member in [page, *translations]:
        for ancestor in member.get_ancestors().live().filter(depth__gt=1):
            pages.setdefault(ancestor.pk, ancestor)
    return [other.specific_deferred for other in pages.values()]


def purge_related(sender, instance, **kwargs):
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    batch = PurgeBatch()
    batch.add_pages(related_pages(instance))
    batch.purge()


def connect_signals():
    for signal in (page_published, page_unpublished):
        signal.connect(purge_related, dispatch_uid=f"frontend_cache_related_{signal!r}")
