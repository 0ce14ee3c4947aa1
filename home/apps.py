from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and site-wide pages")

    def ready(self):
        from . import frontend_cache, page_cache, renditions

        page_cache.connect_signals()
        renditions.connect_signals()
        frontend_cache.connect_signals()
