"""The translation summary in the page editor.

Wagtail 8 has no supported way to add a side panel to the page editor, so the summary is a
read-only panel (`wagtail.admin.panels.Panel`). It is added once, to the promote panels every
page type shares (`home.models.SocialMetaMixin`). It shows the page in each language the
user translates into (`translations.status.page_summary`), with links only: the panel sits
inside the editor's form, so the "Submit for review" buttons stay on the full summary page.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import Panel


class TranslationStatusPanel(Panel):
    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Translations"))
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return super().clean_name or "translations"

    class BoundPanel(Panel.BoundPanel):
        template_name = "translations/panels/translation_status.html"

        def is_shown(self):
            return bool(
                self.instance is not None
                and self.instance.pk
                and not self.instance.is_root()
                and self.request is not None
                and self.request.user.has_perm("wagtail_localize.submit_translation")
            )

        def get_context_data(self, parent_context=None):
            from .status import page_summary

            context = super().get_context_data(parent_context)
            entries = page_summary(self.instance, self.request.user)
            original = next((e["row"] for e in entries if e["row"]), None)
            context.update(
                {
                    "page": self.instance,
                    "entries": entries,
                    "original_locale": original.original_locale
                    if original
                    else self.instance.locale,
                    "details_url": reverse("translations:page_status", args=[self.instance.pk]),
                }
            )
            return context
