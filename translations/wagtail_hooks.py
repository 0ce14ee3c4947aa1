"""The translators' workflow in the admin.

- A "Translations" menu with the status view, and a "Translation status" button on pages.
- wagtail-localize lets anyone with its `submit_translation` permission translate into any
  language, and lets anyone who may edit a snippet model edit its translations in every
  language. Translators are limited to their own languages here: its "Translate" views and
  per-translation views are registered again, before its own, with a check of the language
  (the URLs and their names stay wagtail-localize's), and the snippet hooks refuse the
  create, edit and delete views of another language.
"""

from django.urls import include, path, reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.widgets import ListingButton
from wagtail.models import Locale, TranslatableMixin
from wagtail_localize.views import edit_translation

from . import urls, views
from .roles import may_translate_into

# --- wagtail-localize's views with the language check --------------------------------------


@hooks.register("register_admin_urls", order=-10)
def register_locale_limited_localize_urls():
    limited = views.locale_limited
    return [
        path(
            "localize/submit/page/<int:page_id>/",
            views.SubmitPageTranslation.as_view(),
            name="translations_submit_page_translation",
        ),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            views.SubmitSnippetTranslation.as_view(),
            name="translations_submit_snippet_translation",
        ),
        path(
            "localize/translate/<int:translation_id>/strings/<int:string_segment_id>/edit/",
            limited(edit_translation.edit_string_translation),
        ),
        path(
            "localize/translate/<int:translation_id>/overrides/<int:overridable_segment_id>/edit/",
            limited(edit_translation.edit_override),
        ),
        path(
            "localize/translate/<int:translation_id>/pofile/download/",
            limited(edit_translation.download_pofile),
        ),
        path(
            "localize/translate/<int:translation_id>/pofile/upload/",
            limited(edit_translation.upload_pofile),
        ),
        path(
            "localize/translate/<int:translation_id>/machine_translate/",
            limited(edit_translation.machine_translate),
        ),
        path(
            "localize/translate/<int:translation_id>/disable/",
            limited(edit_translation.stop_translation),
        ),
    ]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("translations/", include(urls, namespace="translations"))]


# --- menu and buttons --------------------------------------------------------------------------


class TranslatorMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("wagtail_localize.submit_translation")


@hooks.register("register_admin_menu_item")
def register_translations_menu():
    return SubmenuMenuItem(
        _("Translations"),
        menu=_translations_menu(),
        icon_name="globe",
        name="translations",
        order=250,
    )


def _translations_menu():
    return Menu(
        items=[
            TranslatorMenuItem(
                _("Translation status"),
                reverse_lazy("translations:status"),
                name="translation-status",
                icon_name="tasks",
                order=100,
            )
        ]
    )


@hooks.register("register_page_header_buttons")
def translation_status_button(page, user, view_name=None, next_url=None):
    if page.is_root() or not user.has_perm("wagtail_localize.submit_translation"):
        return
    yield ListingButton(
        _("Translation status"),
        reverse("translations:page_status", args=[page.pk]),
        icon_name="globe",
        priority=95,
    )


# --- snippets: a translator works in their own languages only --------------------------------


@hooks.register("before_edit_snippet", order=-10)
def refuse_snippet_of_other_language(request, instance):
    if isinstance(instance, TranslatableMixin) and not may_translate_into(
        request.user, instance.locale
    ):
        return permission_denied(request)
    return None


@hooks.register("before_delete_snippet", order=-10)
def refuse_deleting_snippet_of_other_language(request, instances):
    for instance in instances:
        if isinstance(instance, TranslatableMixin) and not may_translate_into(
            request.user, instance.locale
        ):
            return permission_denied(request)
    return None


@hooks.register("before_create_snippet", order=-10)
def refuse_creating_snippet_in_other_language(request, model):
    if not issubclass(model, TranslatableMixin):
        return None
    code = request.GET.get("locale") or Locale.get_default().language_code
    locale = Locale.objects.filter(language_code=code).first()
    if locale is not None and not may_translate_into(request.user, locale):
        return permission_denied(request)
    return None
