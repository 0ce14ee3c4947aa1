"""Wagtail's API v2 (https://docs.wagtail.org/en/stable/advanced_topics/api/v2/configuration.html).

Mounted at /api/v2/ by oidp/urls.py. Experiences are pages: list them with
`/api/v2/pages/?type=repository.ExperiencePage&fields=*`, one language with `&locale=es`.
Other apps register further endpoints on the same router.
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
