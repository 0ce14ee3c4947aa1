from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AwardsConfig(AppConfig):
    name = "awards"
    verbose_name = _("Best Practice Award")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from .models import Candidature

        post_save.connect(
            candidature_changed, sender=Candidature, dispatch_uid="awards_candidature_saved"
        )
        post_delete.connect(
            candidature_changed, sender=Candidature, dispatch_uid="awards_candidature_deleted"
        )


def candidature_changed(sender, instance, **kwargs):
    """Once an edition's results are out, its candidatures show on experience pages (badges)
    and on the results: a change to one of them drops the cached pages."""
    from home.page_cache import invalidate

    from .models import AwardEditionPage

    if AwardEditionPage.objects.filter(pk=instance.edition_id, results_published=True).exists():
        invalidate()
